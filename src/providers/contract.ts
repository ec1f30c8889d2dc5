// The contract between the leak response and a provider: what leakstop can ask a provider about a
// leaked credential (verify, revoke, rotate, describe, activity) and what it answers. An adapter sees
// only its own provider's operator settings (its folder's settings.ts), never another's.
import type { Secret } from '../detect/secret.js';

// --- What an adapter works with ---------------------------------------------------------------------

/** A leaked credential as the response sees it: the secret stays wrapped until it goes to its provider. */
export interface Credential {
  /** Call reveal() only to send it to the provider's own endpoint. */
  secret: Secret;
  ruleId: string;
  fingerprint: string;
  /** Offline facts from detection (account ids, webhook ids...): safe to show. */
  details: Record<string, string>;
  /** Other secrets found with it, e.g. the AWS access key id for a secret access key. */
  related?: Record<string, Secret>;
}

/** What every adapter call receives: its provider's settings; the network and the clock injected so tests can replace them. */
export interface AdapterContext<S = unknown> {
  fetch: typeof fetch;
  settings: S;
  now: () => Date;
}

/** Every provider's operator settings, by provider id, as each folder's settings.ts reads them. */
export type OperatorSettings = Readonly<Record<string, unknown>>;

/** What the response runs adapters with: the network, the clock and every provider's settings. */
export interface ProviderContext {
  fetch: typeof fetch;
  settings: OperatorSettings;
  now: () => Date;
}

const adapterContexts = new WeakMap<ProviderContext, Map<string, AdapterContext>>();

/**
 * The context for one adapter: its own provider's settings only. The same object for the same
 * response context and provider, so what an adapter keeps per context (GitHub's revocation batches)
 * is shared by all its calls.
 */
export function adapterContext(ctx: ProviderContext, provider: string): AdapterContext {
  let byProvider = adapterContexts.get(ctx);
  if (byProvider === undefined) adapterContexts.set(ctx, (byProvider = new Map()));
  let context = byProvider.get(provider);
  if (context === undefined) byProvider.set(provider, (context = { fetch: ctx.fetch, now: ctx.now, settings: ctx.settings[provider] }));
  return context;
}

// --- What an adapter answers ---------------------------------------------------------------------------

/**
 * Which of a provider's hosts gave the answer, for a provider that asks more than one (GitHub
 * Enterprise Server, then github.com): recorded with the step, shown on the incident and check run.
 */
interface AnsweredBy {
  host?: string;
}

/** The call failed or found the credential dead; shared by every capability. */
export type Setback =
  /** The provider says the credential does not work (any more): nothing left to revoke. */
  | ({ status: 'not-live'; summary: string } & AnsweredBy)
  /** Retryable failures (429, 5xx, network) carry the provider's Retry-After when it gave one. */
  | ({ status: 'failed'; retryable: boolean; retryAfterSeconds?: number; summary: string } & AnsweredBy);

/** leakstop cannot do this for this credential: a human must, at `manualUrl`. */
export interface Unsupported extends AnsweredBy {
  status: 'unsupported';
  summary: string;
  manualUrl: string;
}

/** Every summary is safe to show in an issue or a log: it never contains the secret. */
export type Outcome<T> = ({ status: 'done'; data: T; summary: string } & AnsweredBy) | Setback | Unsupported;

export interface Identity {
  /** Whose credential it is: a login, an email, a bot name, an account id. */
  account: string;
  /** The organisation or workspace it belongs to, where the provider says. */
  owner?: string;
  /** The kind of credential as the provider names it ('personal access token', 'bot'...). */
  type?: string;
  /** ISO 8601. */
  expiresAt?: string;
}

/** What the credential *can* access. */
export interface Access {
  scopes: string[];
  notes?: string[];
}

/** What the credential *touched* recently, as far as the provider tells. */
export interface ActivitySummary {
  /** ISO 8601. */
  lastUsedAt?: string;
  events: { time: string; action: string; source?: string }[];
  notes?: string[];
}

export interface Revocation {
  /** True when the credential was disabled and can be re-enabled (AWS Inactive), false when destroyed. */
  reversible: boolean;
}

export interface Rotation {
  /** The new credential: written only to the operator's configured sink, never shown. */
  replacement: Secret;
  /** Where consumers should read it from, or what to tell them (expiry...): safe to show. */
  consumerHint?: string;
  /** True when creating the replacement also revoked the leaked credential (GitLab self-rotate). */
  revokedOriginal?: boolean;
}

/**
 * One provider's response steps. A method exists exactly where some rule of the provider declares
 * the step 'api' (see provider.ts); the flow calls it only for the rules that do.
 */
export interface ProviderAdapter<S = unknown> {
  /** The provider id: its folder under src/providers/. */
  provider: string;
  verify?(credential: Credential, ctx: AdapterContext<S>): Promise<Outcome<Identity>>;
  revoke?(credential: Credential, ctx: AdapterContext<S>): Promise<Outcome<Revocation>>;
  rotate?(credential: Credential, ctx: AdapterContext<S>): Promise<Outcome<Rotation>>;
  describe?(credential: Credential, ctx: AdapterContext<S>): Promise<Outcome<Access>>;
  activity?(credential: Credential, ctx: AdapterContext<S>): Promise<Outcome<ActivitySummary>>;
  /** The provider's page where a human revokes this kind of credential. */
  manualRevokeUrl: string;
  /** Where this provider's API needs the response steps in another order than verify → revoke → rotate → activity. */
  order?: StepOrder;
}

export interface StepOrder {
  /** describe and activity authenticate with the leaked credential (or find it in a list): run them before revoking. */
  assessWhileLive?: boolean;
  /** The replacement is found through the leaked credential (OpenAI service accounts): rotate, then revoke. */
  rotateBeforeRevoke?: boolean;
  /** Rotating revokes the leaked credential in the same call (GitLab self-rotate): with rotation on, rotate instead of revoking. */
  rotationRevokes?: boolean;
}
