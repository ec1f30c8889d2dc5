// The contract between the leak response and a provider: what leakstop can ask a provider about a
// leaked credential (verify, revoke, rotate, describe, activity), what it answers, and the operator
// settings (base URLs, admin keys) that come from the environment only, never from a repository.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Secret } from '../detect/secret.js';
import { ProblemsError } from '../problems-error.js';

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

/** What every adapter call receives; injected so tests can replace the network and the clock. */
export interface ProviderContext {
  fetch: typeof fetch;
  settings: OperatorSettings;
  now: () => Date;
}

// --- What an adapter answers ---------------------------------------------------------------------------

/** The call failed or found the credential dead; shared by every capability. */
export type Setback =
  /** The provider says the credential does not work (any more): nothing left to revoke. */
  | { status: 'not-live'; summary: string }
  /** Retryable failures (429, 5xx, network) carry the provider's Retry-After when it gave one. */
  | { status: 'failed'; retryable: boolean; retryAfterSeconds?: number; summary: string };

/** leakstop cannot do this for this credential: a human must, at `manualUrl`. */
export interface Unsupported {
  status: 'unsupported';
  summary: string;
  manualUrl: string;
}

/** Every summary is safe to show in an issue or a log: it never contains the secret. */
export type Outcome<T> = { status: 'done'; data: T; summary: string } | Setback | Unsupported;

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

/** One provider's response capabilities; a missing method means the provider offers no API for it. */
export interface ProviderAdapter {
  /** The provider id, as in src/providers/<id>.ts. */
  provider: string;
  verify?(credential: Credential, ctx: ProviderContext): Promise<Outcome<Identity>>;
  revoke?(credential: Credential, ctx: ProviderContext): Promise<Outcome<Revocation>>;
  rotate?(credential: Credential, ctx: ProviderContext): Promise<Outcome<Rotation>>;
  describe?(credential: Credential, ctx: ProviderContext): Promise<Outcome<Access>>;
  activity?(credential: Credential, ctx: ProviderContext): Promise<Outcome<ActivitySummary>>;
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

// --- Operator settings -------------------------------------------------------------------------------
// Base URLs let an operator use GitHub Enterprise, a self-managed GitLab, an EU region or a proxy,
// and let tests point at nock. They come from the environment only: a repository's config never
// chooses where a secret is sent.

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.example.com' })
  // One form for every base: no trailing slash, so `${base}/path` never doubles it.
  .transform((url) => url.replace(/\/{1,10}$/, ''));

const BASE_URLS = {
  LEAKSTOP_GITHUB_API_URL: 'https://api.github.com',
  LEAKSTOP_GITLAB_URL: 'https://gitlab.com',
  LEAKSTOP_SLACK_API_URL: 'https://slack.com/api',
  LEAKSTOP_SLACK_WEBHOOK_URL: 'https://hooks.slack.com',
  LEAKSTOP_NPM_REGISTRY_URL: 'https://registry.npmjs.org',
  LEAKSTOP_OPENAI_API_URL: 'https://api.openai.com',
  LEAKSTOP_ANTHROPIC_API_URL: 'https://api.anthropic.com',
  LEAKSTOP_STRIPE_API_URL: 'https://api.stripe.com',
  LEAKSTOP_HUGGINGFACE_URL: 'https://huggingface.co',
  LEAKSTOP_SENDGRID_API_URL: 'https://api.sendgrid.com',
  LEAKSTOP_TELEGRAM_API_URL: 'https://api.telegram.org',
  LEAKSTOP_DISCORD_API_URL: 'https://discord.com/api/v10',
  LEAKSTOP_DIGITALOCEAN_API_URL: 'https://api.digitalocean.com',
  LEAKSTOP_LINEAR_API_URL: 'https://api.linear.app',
  LEAKSTOP_POSTMAN_API_URL: 'https://api.getpostman.com',
  LEAKSTOP_DOPPLER_API_URL: 'https://api.doppler.com',
  LEAKSTOP_MAILGUN_API_URL: 'https://api.mailgun.net',
  LEAKSTOP_TWILIO_API_URL: 'https://api.twilio.com',
} as const;

type BaseUrlVariable = keyof typeof BASE_URLS;

/** Operator credentials: each may be given inline or, better, as `<NAME>_FILE` naming a file. */
const SECRET_VARIABLES = [
  'LEAKSTOP_GITHUB_AUDIT_TOKEN',
  'LEAKSTOP_OPENAI_ADMIN_KEY',
  'LEAKSTOP_ANTHROPIC_ADMIN_KEY',
  'LEAKSTOP_STRIPE_SECRET_KEY',
] as const;

type SecretVariable = (typeof SECRET_VARIABLES)[number];

const plainSchema = z.object({
  ...(Object.fromEntries(Object.keys(BASE_URLS).map((name) => [name, httpUrl.optional()])) as Record<BaseUrlVariable, z.ZodOptional<typeof httpUrl>>),
  // No default: Vault runs wherever its operator runs it, so without this leakstop cannot talk to it.
  LEAKSTOP_VAULT_URL: httpUrl.optional(),
  LEAKSTOP_VAULT_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_./-]{1,200}$/, { error: 'must be a Vault namespace path such as admin/team-a' })
    .optional(),
  LEAKSTOP_GITHUB_AUDIT_ORG: z
    .string()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, { error: 'must be a GitHub organization login, e.g. acme' })
    .optional(),
});

type PlainValues = z.infer<typeof plainSchema>;

export interface OperatorSettings {
  github: { apiUrl: string; audit?: { org: string; token: Secret } };
  gitlab: { url: string };
  /** webhookUrl: where incoming webhooks are checked; never the host found in the leaked URL. */
  slack: { apiUrl: string; webhookUrl: string };
  npm: { registryUrl: string };
  openai: { apiUrl: string; adminKey?: Secret };
  anthropic: { apiUrl: string; adminKey?: Secret };
  stripe: { apiUrl: string; secretKey?: Secret };
  huggingface: { url: string };
  sendgrid: { apiUrl: string };
  telegram: { apiUrl: string };
  discord: { apiUrl: string };
  digitalocean: { apiUrl: string };
  vault: { url?: string; namespace?: string };
  linear: { apiUrl: string };
  postman: { apiUrl: string };
  doppler: { apiUrl: string };
  mailgun: { apiUrl: string };
  twilio: { apiUrl: string };
}

export class OperatorSettingsError extends ProblemsError {
  override name = 'OperatorSettingsError';

  constructor(problems: string[]) {
    super(problems, 'the leak-response settings in the environment are not valid');
  }
}

export type ReadSecretFile = (path: string) => string;

const readUtf8: ReadSecretFile = (path) => readFileSync(path, 'utf8');

/**
 * Reads the leak-response settings from the environment; throws OperatorSettingsError naming every
 * bad variable. `readFile` is injectable so tests need no files.
 */
export function parseOperatorSettings(env: NodeJS.ProcessEnv, readFile: ReadSecretFile = readUtf8): OperatorSettings {
  const problems: string[] = [];
  const parsed = plainSchema.safeParse(pickSet(env, Object.keys(plainSchema.shape)));
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  const secrets = readSecrets(env, readFile, problems);
  const auditToken = secrets.LEAKSTOP_GITHUB_AUDIT_TOKEN;
  const auditOrg = parsed.data?.LEAKSTOP_GITHUB_AUDIT_ORG;
  if (auditToken && !auditOrg) problems.push('LEAKSTOP_GITHUB_AUDIT_TOKEN is set without LEAKSTOP_GITHUB_AUDIT_ORG: set the organization whose audit log it reads');
  if (auditOrg && !auditToken) problems.push('LEAKSTOP_GITHUB_AUDIT_ORG is set without LEAKSTOP_GITHUB_AUDIT_TOKEN (or _FILE): set a token of an organization owner with read:audit_log');
  if (!parsed.success || problems.length > 0) throw new OperatorSettingsError(problems);
  return buildSettings(parsed.data, secrets);
}

function buildSettings(values: PlainValues, secrets: Partial<Record<SecretVariable, Secret>>): OperatorSettings {
  const url = (name: BaseUrlVariable): string => values[name] ?? BASE_URLS[name];
  const auditOrg = values.LEAKSTOP_GITHUB_AUDIT_ORG;
  const auditToken = secrets.LEAKSTOP_GITHUB_AUDIT_TOKEN;
  return {
    github: { apiUrl: url('LEAKSTOP_GITHUB_API_URL'), ...(auditOrg && auditToken ? { audit: { org: auditOrg, token: auditToken } } : {}) },
    gitlab: { url: url('LEAKSTOP_GITLAB_URL') },
    slack: { apiUrl: url('LEAKSTOP_SLACK_API_URL'), webhookUrl: url('LEAKSTOP_SLACK_WEBHOOK_URL') },
    npm: { registryUrl: url('LEAKSTOP_NPM_REGISTRY_URL') },
    openai: { apiUrl: url('LEAKSTOP_OPENAI_API_URL'), ...optional('adminKey', secrets.LEAKSTOP_OPENAI_ADMIN_KEY) },
    anthropic: { apiUrl: url('LEAKSTOP_ANTHROPIC_API_URL'), ...optional('adminKey', secrets.LEAKSTOP_ANTHROPIC_ADMIN_KEY) },
    stripe: { apiUrl: url('LEAKSTOP_STRIPE_API_URL'), ...optional('secretKey', secrets.LEAKSTOP_STRIPE_SECRET_KEY) },
    huggingface: { url: url('LEAKSTOP_HUGGINGFACE_URL') },
    sendgrid: { apiUrl: url('LEAKSTOP_SENDGRID_API_URL') },
    telegram: { apiUrl: url('LEAKSTOP_TELEGRAM_API_URL') },
    discord: { apiUrl: url('LEAKSTOP_DISCORD_API_URL') },
    digitalocean: { apiUrl: url('LEAKSTOP_DIGITALOCEAN_API_URL') },
    vault: { ...optional('url', values.LEAKSTOP_VAULT_URL), ...optional('namespace', values.LEAKSTOP_VAULT_NAMESPACE) },
    linear: { apiUrl: url('LEAKSTOP_LINEAR_API_URL') },
    postman: { apiUrl: url('LEAKSTOP_POSTMAN_API_URL') },
    doppler: { apiUrl: url('LEAKSTOP_DOPPLER_API_URL') },
    mailgun: { apiUrl: url('LEAKSTOP_MAILGUN_API_URL') },
    twilio: { apiUrl: url('LEAKSTOP_TWILIO_API_URL') },
  };
}

/** `{ [key]: value }` when value is set, `{}` otherwise: an unset value adds no key at all. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** An empty variable counts as unset, as in a shell `FOO= leakstop worker`. */
function pickSet(env: NodeJS.ProcessEnv, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}

function readSecrets(env: NodeJS.ProcessEnv, readFile: ReadSecretFile, problems: string[]): Partial<Record<SecretVariable, Secret>> {
  const secrets: Partial<Record<SecretVariable, Secret>> = {};
  for (const name of SECRET_VARIABLES) {
    const value = readSecretVariable(env, name, readFile, problems);
    if (value !== undefined) secrets[name] = new Secret(value);
  }
  return secrets;
}

/** NAME or NAME_FILE, not both; a file's trailing newline is not part of the key. */
function readSecretVariable(env: NodeJS.ProcessEnv, name: SecretVariable, readFile: ReadSecretFile, problems: string[]): string | undefined {
  const inline = env[name] || undefined;
  const path = env[`${name}_FILE`] || undefined;
  if (inline !== undefined && path !== undefined) {
    problems.push(`${name} and ${name}_FILE are both set: keep only one (${name}_FILE is preferred)`);
    return undefined;
  }
  if (path === undefined) return checkSecretValue(inline, name, problems);
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    problems.push(`${name}_FILE cannot be read (${reason}): set it to a file holding only the key`);
    return undefined;
  }
  return checkSecretValue(text.trim(), `${name}_FILE`, problems);
}

function checkSecretValue(value: string | undefined, name: string, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  // A key is one line of printable characters; anything else is a wrong file or a pasting accident.
  if (!/^[\x21-\x7e]{8,4096}$/.test(value)) {
    problems.push(`${name} does not hold a key (expected 8-4096 printable characters without spaces)`);
    return undefined;
  }
  return value;
}
