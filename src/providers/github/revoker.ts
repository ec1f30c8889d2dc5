// GitHub's credential revocation API, batched. POST /credentials/revoke
// (https://docs.github.com/en/rest/credentials/revoke) takes up to 1,000 tokens per request, only
// unauthenticated (an authenticated request gets 403), and allows 60 requests an hour; it answers
// 202 for the whole batch and notifies each token's owner. Only classic (ghp_) and fine-grained
// (github_pat_) personal access tokens are accepted. The revoker gathers tokens for a short while
// and sends one request per batch, each one first granted by a RevokeBudget: the in-memory one
// below counts for one process, src/queue/redis-revoke-budget.ts for every worker sharing a Redis.
import { z } from 'zod';
import type { Secret } from '../../detect/secret.js';
import type { Outcome, AdapterContext, Revocation } from '../contract.js';
import type { GithubSettings } from './settings.js';
import { callProvider, failed } from '../http.js';

export const MAX_TOKENS_PER_REQUEST = 1000;
export const REQUESTS_PER_HOUR = 60;
const HOUR_MS = 3_600_000;

export type BudgetAnswer = { granted: true } | { granted: false; retryAfterSeconds: number };

/** Counts POST /credentials/revoke requests across everything that shares it (sliding hour). */
export interface RevokeBudget {
  /**
   * Spends one request if the window has room. `nowMs` is the caller's clock, so every sharer must
   * pass comparable times; rejects when the budget cannot be consulted (its store is down).
   */
  take(nowMs: number): Promise<BudgetAnswer>;
}

/** The budget of one process: right only when a single process revokes GitHub tokens. */
export class MemoryRevokeBudget implements RevokeBudget {
  readonly #limit: number;
  readonly #windowMs: number;
  /** Times (ms) of the requests granted within the window, oldest first. */
  #granted: number[] = [];

  constructor(limit = REQUESTS_PER_HOUR, windowMs = HOUR_MS) {
    assertBudgetShape(limit, windowMs);
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  take(nowMs: number): Promise<BudgetAnswer> {
    this.#granted = this.#granted.filter((time) => time > nowMs - this.#windowMs);
    const oldest = this.#granted[0];
    if (oldest !== undefined && this.#granted.length >= this.#limit) {
      return Promise.resolve({ granted: false, retryAfterSeconds: secondsUntilRoom(oldest, this.#windowMs, nowMs) });
    }
    this.#granted.push(nowMs);
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
  #pending: Pending[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ctx: AdapterContext<GithubSettings>, options: RevokerOptions = {}) {
    this.#ctx = ctx;
    this.#maxWaitMs = options.maxWaitMs ?? 250;
    this.#maxBatch = Math.min(options.maxBatch ?? MAX_TOKENS_PER_REQUEST, MAX_TOKENS_PER_REQUEST);
    this.#budget = options.budget ?? new MemoryRevokeBudget(options.hourlyBudget ?? REQUESTS_PER_HOUR);
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
    const refusal = await this.#spendBudget(tokens);
    if (refusal) return refusal;
    const unique = [...new Set(tokens.map((t) => t.reveal()))];
    const response = await callProvider(this.#ctx, {
      what: 'GitHub POST /credentials/revoke',
      method: 'POST',
      url: `${this.#ctx.settings.apiUrl}/credentials/revoke`,
      headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
      body: { credentials: unique },
      // This call is unauthenticated: no status says anything about one token's liveness.
      deadStatuses: [],
      schema: z.unknown(),
      secrets: tokens,
    });
    if (!response.ok) return response.setback;
    return {
      status: 'done',
      data: { reversible: false },
      summary: `GitHub accepted the token for revocation (one request for ${unique.length} token${unique.length === 1 ? '' : 's'}); its owner is notified`,
    };
  }

  /** A retryable failure when the budget refuses or cannot be asked; undefined when a request may go. */
  async #spendBudget(tokens: Secret[]): Promise<Outcome<Revocation> | undefined> {
    let answer: BudgetAnswer;
    try {
      answer = await this.#budget.take(this.#ctx.now().getTime());
    } catch (error) {
      // Sending anyway could exceed GitHub's limit for every worker at once; waiting costs only time.
      const reason = error instanceof Error ? error.message : String(error);
      return failed(true, `GitHub POST /credentials/revoke: not sent, the revoke budget store is unreachable (${reason}), so we cannot know we are within GitHub's hourly limit; check Redis, the revocation will be retried`, tokens);
    }
    if (answer.granted) return undefined;
    return failed(true, `GitHub POST /credentials/revoke: the hourly request budget is spent; retry after ${answer.retryAfterSeconds} s`, [], answer.retryAfterSeconds);
  }
}
