// GitHub's credential revocation API, batched. POST /credentials/revoke
// (https://docs.github.com/en/rest/credentials/revoke) takes up to 1,000 tokens per request, only
// unauthenticated (an authenticated request gets 403), and allows 60 requests an hour; it answers
// 202 for the whole batch and notifies each token's owner. Only classic (ghp_) and fine-grained
// (github_pat_) personal access tokens are accepted. This in-memory revoker gathers tokens for a
// short while, sends one request per batch and keeps count of the hourly budget; a Redis-backed
// version shares that budget between workers.
import { z } from 'zod';
import type { Secret } from '../detect/secret.js';
import type { Outcome, ProviderContext, Revocation } from '../respond/adapter.js';
import { callProvider, failed } from '../respond/provider-http.js';

export const MAX_TOKENS_PER_REQUEST = 1000;
export const REQUESTS_PER_HOUR = 60;
const HOUR_MS = 3_600_000;

export interface RevokerOptions {
  /** How long the first token of a batch waits for others. */
  maxWaitMs?: number;
  maxBatch?: number;
  hourlyBudget?: number;
}

interface Pending {
  token: Secret;
  resolve: (outcome: Outcome<Revocation>) => void;
}

export class GithubCredentialRevoker {
  readonly #ctx: ProviderContext;
  readonly #maxWaitMs: number;
  readonly #maxBatch: number;
  readonly #hourlyBudget: number;
  #pending: Pending[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Send times (ms) of the requests made in the last hour, oldest first. */
  #sent: number[] = [];

  constructor(ctx: ProviderContext, options: RevokerOptions = {}) {
    this.#ctx = ctx;
    this.#maxWaitMs = options.maxWaitMs ?? 250;
    this.#maxBatch = Math.min(options.maxBatch ?? MAX_TOKENS_PER_REQUEST, MAX_TOKENS_PER_REQUEST);
    this.#hourlyBudget = options.hourlyBudget ?? REQUESTS_PER_HOUR;
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
    const now = this.#ctx.now().getTime();
    this.#sent = this.#sent.filter((time) => time > now - HOUR_MS);
    if (this.#sent.length >= this.#hourlyBudget) {
      const retryAfterSeconds = Math.ceil((this.#sent[0]! + HOUR_MS - now) / 1000);
      return failed(true, `GitHub POST /credentials/revoke: the hourly budget of ${this.#hourlyBudget} requests is spent; retry after ${retryAfterSeconds} s`, [], retryAfterSeconds);
    }
    this.#sent.push(now);
    const unique = [...new Set(tokens.map((t) => t.reveal()))];
    const response = await callProvider(this.#ctx, {
      what: 'GitHub POST /credentials/revoke',
      method: 'POST',
      url: `${this.#ctx.settings.github.apiUrl}/credentials/revoke`,
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
}
