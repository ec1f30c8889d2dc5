// GitHub's credential revocation API, batched. POST /credentials/revoke takes up to 1,000 tokens per
// request and allows 60 requests an hour; it answers 202 for the whole batch and notifies each
// token's owner. How it authenticates depends on the host:
// - github.com only unauthenticated (an authenticated request gets 403), 60 requests an hour (per IP),
//   classic (ghp_) and fine-grained (github_pat_) tokens: "Revoke a list of credentials",
//   https://docs.github.com/en/rest/credentials/revoke#revoke-a-list-of-credentials
// - GitHub Enterprise Server 3.19 only authenticated ("60 authenticated requests per hour"), the
//   same two kinds: https://docs.github.com/en/enterprise-server@3.19/rest/credentials/revoke.
//   @octokit/openapi's ghes-3.19 description does not list the operation; an older GHES answers 404,
//   which is reported as "revoke by hand" with the host's page, never as done.
// The revoker (one per host) gathers tokens for a short while and sends one request per batch, each
// first granted by a RevokeBudget: the in-memory one below counts for one process,
// src/queue/redis-revoke-budget.ts for every worker sharing a Redis. Unauthenticated requests share
// one budget (the operator's IP's); an authenticated host has its own (its token's).
import { z } from 'zod';
import type { Secret } from '../../detect/secret.js';
import type { Outcome, AdapterContext, Revocation } from '../contract.js';
import { answeredBy, hostLabel, type GithubHost, type GithubSettings } from './settings.js';
import { callProvider, failed, unsupported } from '../http.js';

export const MAX_TOKENS_PER_REQUEST = 1000;
export const REQUESTS_PER_HOUR = 60;
const HOUR_MS = 3_600_000;

export type BudgetAnswer = { granted: true } | { granted: false; retryAfterSeconds: number };

/** Counts POST /credentials/revoke requests across everything that shares it (sliding hour). */
export interface RevokeBudget {
  /**
   * Spends one request if the window has room. `nowMs` is the caller's clock, so every sharer must
   * pass comparable times; rejects when the budget cannot be consulted (its store is down). `scope`
   * names a host whose requests are counted apart (a GHES); absent, the unauthenticated budget.
   */
  take(nowMs: number, scope?: string): Promise<BudgetAnswer>;
}

/** The budget of one process: right only when a single process revokes GitHub tokens. */
export class MemoryRevokeBudget implements RevokeBudget {
  readonly #limit: number;
  readonly #windowMs: number;
  /** Per scope ('' unscoped), the times (ms) of the requests granted within the window, oldest first. */
  readonly #granted = new Map<string, number[]>();

  constructor(limit = REQUESTS_PER_HOUR, windowMs = HOUR_MS) {
    assertBudgetShape(limit, windowMs);
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  take(nowMs: number, scope = ''): Promise<BudgetAnswer> {
    const granted = (this.#granted.get(scope) ?? []).filter((time) => time > nowMs - this.#windowMs);
    this.#granted.set(scope, granted);
    const oldest = granted[0];
    if (oldest !== undefined && granted.length >= this.#limit) {
      return Promise.resolve({ granted: false, retryAfterSeconds: secondsUntilRoom(oldest, this.#windowMs, nowMs) });
    }
    granted.push(nowMs);
    return Promise.resolve({ granted: true });
  }
}

/** Seconds until the oldest grant leaves the window; at least 1, so a retry never comes back early. */
export function secondsUntilRoom(oldestMs: number, windowMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((oldestMs + windowMs - nowMs) / 1000));
}

/** A limit below 1 would refuse every request forever, with no oldest grant to say when to retry. */
export function assertBudgetShape(limit: number, windowMs: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a revoke budget's limit must be a whole number of requests, at least 1 (got ${limit})`);
  if (!Number.isInteger(windowMs) || windowMs < 1) throw new RangeError(`a revoke budget's window must be a whole number of milliseconds, at least 1 (got ${windowMs})`);
}

export interface RevokerOptions {
  /** How long the first token of a batch waits for others. */
  maxWaitMs?: number;
  maxBatch?: number;
  /** Requests an hour for the default in-memory budget; ignored when `budget` is given. */
  hourlyBudget?: number;
  /** Where requests are counted; give every worker the same shared one (RedisRevokeBudget). */
  budget?: RevokeBudget;
  /** Where the revoker sends: the settings' first host unless given. */
  host?: GithubHost;
}

interface Pending {
  token: Secret;
  resolve: (outcome: Outcome<Revocation>) => void;
}

export class GithubCredentialRevoker {
  readonly #ctx: AdapterContext<GithubSettings>;
  readonly #maxWaitMs: number;
  readonly #maxBatch: number;
  readonly #budget: RevokeBudget;
  readonly #host: GithubHost;
  #pending: Pending[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ctx: AdapterContext<GithubSettings>, options: RevokerOptions = {}) {
    this.#ctx = ctx;
    this.#maxWaitMs = options.maxWaitMs ?? 250;
    this.#maxBatch = Math.min(options.maxBatch ?? MAX_TOKENS_PER_REQUEST, MAX_TOKENS_PER_REQUEST);
    this.#budget = options.budget ?? new MemoryRevokeBudget(options.hourlyBudget ?? REQUESTS_PER_HOUR);
    this.#host = options.host ?? ctx.settings.hosts[0]!;
  }

  /** Resolves when the batch holding this token has been sent (or refused by the budget). */
  revoke(token: Secret): Promise<Outcome<Revocation>> {
    return new Promise((resolve) => {
      // The same token twice in one batch would only spend space: both callers share the answer.
      this.#pending.push({ token, resolve });
      if (this.#pending.length >= this.#maxBatch) void this.flush();
      else this.#timer ??= setTimeout(() => void this.flush(), this.#maxWaitMs);
    });
  }

  /** Sends everything pending now. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, this.#maxBatch);
      const outcome = await this.#send(batch.map((p) => p.token));
      for (const p of batch) p.resolve(outcome);
    }
  }

  async #send(tokens: Secret[]): Promise<Outcome<Revocation>> {
    const host = this.#host;
    const settings = this.#ctx.settings;
    const by = answeredBy(settings, host);
    if (host.revoke.auth === 'missing') return { ...revokeTokenMissing(host), ...by };
    const refusal = await this.#spendBudget(tokens);
    if (refusal) return refusal;
    const unique = [...new Set(tokens.map((t) => t.reveal()))];
    const auth = host.revoke.auth === 'token' ? host.revoke.token : undefined;
    const what = `GitHub POST /credentials/revoke${by.host === undefined ? '' : ` on ${host.name}`}`;
    const response = await callProvider(this.#ctx, {
      what,
      method: 'POST',
      url: `${host.apiUrl}/credentials/revoke`,
      headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', ...(auth ? { authorization: `Bearer ${auth.reveal()}` } : {}) },
      body: { credentials: unique },
      // The answer is about the batch (and, authenticated, about the operator's token), never about
      // one leaked token's liveness: no status means "not live".
      deadStatuses: [],
      // A GHES before 3.19 has no such route (404); a refused operator token is 401.
      bodyStatuses: auth ? [401, 404] : [],
      schema: z.unknown(),
      secrets: auth ? [...tokens, auth] : tokens,
    });
    if (!response.ok) return { ...response.setback, ...by };
    if (response.status === 404) return { ...noRevocationApi(host), ...by };
    if (response.status === 401) {
      return { ...failed(false, `${what} answered 401: GitHub Enterprise Server refused LEAKSTOP_GITHUB_REVOKE_TOKEN (expired or revoked?); replace it, or revoke the token by hand`, [...tokens, ...(auth ? [auth] : [])]), ...by };
    }
    const how = auth ? 'authenticated request' : 'request';
    return {
      status: 'done',
      data: { reversible: false },
      ...by,
      summary: `${hostLabel(settings, host)} accepted the token for revocation (one ${how} for ${unique.length} token${unique.length === 1 ? '' : 's'}); its owner is notified`,
    };
  }

  /** A retryable failure when the budget refuses or cannot be asked; undefined when a request may go. */
  async #spendBudget(tokens: Secret[]): Promise<Outcome<Revocation> | undefined> {
    let answer: BudgetAnswer;
    try {
      answer = await this.#budget.take(this.#ctx.now().getTime(), budgetScope(this.#host));
    } catch (error) {
      // Sending anyway could exceed GitHub's limit for every worker at once; waiting costs only time.
      const reason = error instanceof Error ? error.message : String(error);
      return failed(true, `GitHub POST /credentials/revoke: not sent, the revoke budget store is unreachable (${reason}), so we cannot know we are within GitHub's hourly limit; check Redis, the revocation will be retried`, tokens);
    }
    if (answer.granted) return undefined;
    return failed(true, `GitHub POST /credentials/revoke: the hourly request budget is spent; retry after ${answer.retryAfterSeconds} s`, [], answer.retryAfterSeconds);
  }
}

/** Unauthenticated requests share the unscoped budget, as they always did; an authenticated host counts its own. */
export function budgetScope(host: GithubHost): string | undefined {
  return host.revoke.auth === 'none' ? undefined : host.name;
}

/** Where a human revokes a personal access token on `host`. */
export function tokenSettingsPage(host: GithubHost): string {
  return `${host.webUrl}/settings/tokens`;
}

function noRevocationApi(host: GithubHost): Outcome<never> {
  return unsupported(
    `${host.name} has no credential revocation API (POST /credentials/revoke answered 404; GitHub Enterprise Server has it from 3.19): the token's owner or a site administrator must delete it by hand`,
    tokenSettingsPage(host),
  );
}

function revokeTokenMissing(host: GithubHost): Outcome<never> {
  return unsupported(
    `not revoked: GitHub Enterprise Server (${host.name}) revokes only through an authenticated POST /credentials/revoke, and no LEAKSTOP_GITHUB_REVOKE_TOKEN is set; the token's owner or a site administrator must delete it by hand`,
    tokenSettingsPage(host),
  );
}
