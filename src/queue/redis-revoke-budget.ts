// GitHub's POST /credentials/revoke budget (60 requests a sliding hour) shared by every worker
// process through Redis, so that three workers send 60 requests an hour between them, not 180.
// Each GitHub Enterprise Server host (a scope) has its own key beside github.com's.
import { randomUUID } from 'node:crypto';
import { assertBudgetShape, REQUESTS_PER_HOUR, secondsUntilRoom, type BudgetAnswer, type RevokeBudget } from '../providers/github/revoker.js';
import type { RedisClient } from './redis-connection.js';

export interface RedisRevokeBudgetOptions {
  /** Key prefix; the queue prefix (e.g. `{leakstop}`) keeps the key in the queues' cluster slot. */
  prefix: string;
  /** Requests granted per window; GitHub's 60 unless a test says otherwise. */
  limit?: number;
  windowMs?: number;
}

const HOUR_MS = 3_600_000;

/**
 * One sorted set of send times (score: ms, member: unique per request), one key, so the script runs
 * whole on whichever Redis Cluster node owns it. Drop what left the window, then grant if there is
 * room, else answer the oldest send time so the caller knows when room opens. The key expires one
 * window after the last grant, when every entry in it would be stale anyway.
 * KEYS[1] the set; ARGV: now (ms), window (ms), limit, member. Replies {1} or {0, oldest score}.
 */
const TAKE_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, oldest[2]}
`;

export class RedisRevokeBudget implements RevokeBudget {
  readonly #redis: RedisClient;
  readonly #key: string;
  readonly #limit: number;
  readonly #windowMs: number;

  constructor(redis: RedisClient, options: RedisRevokeBudgetOptions) {
    this.#redis = redis;
    this.#key = `${options.prefix}:github-credentials-revoke`;
    this.#limit = options.limit ?? REQUESTS_PER_HOUR;
    this.#windowMs = options.windowMs ?? HOUR_MS;
    assertBudgetShape(this.#limit, this.#windowMs);
  }

  /**
   * Times come from the caller (the provider context's clock), not Redis TIME, so tests control
   * them; workers' clocks differing by a few seconds only shift when a slot frees by as much.
   */
  async take(nowMs: number, scope?: string): Promise<BudgetAnswer> {
    // The random part keeps two grants in the same millisecond from collapsing into one member.
    const member = `${nowMs}-${randomUUID()}`;
    // The unscoped key is the one every version before GHES support used: github.com's budget carries over.
    const key = scope === undefined ? this.#key : `${this.#key}:${scope}`;
    const reply = await this.#redis.eval(TAKE_SCRIPT, 1, key, String(nowMs), String(this.#windowMs), String(this.#limit), member);
    return parseReply(reply, this.#windowMs, nowMs);
  }
}

function parseReply(reply: unknown, windowMs: number, nowMs: number): BudgetAnswer {
  if (Array.isArray(reply) && reply[0] === 1) return { granted: true };
  const oldest = Array.isArray(reply) && reply[0] === 0 ? Number(reply[1]) : Number.NaN;
  if (!Number.isFinite(oldest)) throw new Error(`unexpected reply from the revoke budget script: ${JSON.stringify(reply)}`);
  return { granted: false, retryAfterSeconds: secondsUntilRoom(oldest, windowMs, nowMs) };
}
