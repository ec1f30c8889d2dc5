// Which incident issue a secret already has, shared by every worker process through Redis, and a
// per-secret lock so that two jobs finding the same secret at once open one issue, not two.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IncidentStore } from '../report/incident-issue.js';
import type { RedisClient } from './redis-connection.js';

export interface RedisIncidentStoreOptions {
  /** Key prefix; the queue prefix (e.g. `{leakstop}`) keeps these keys in the queues' cluster slot. */
  prefix: string;
  /** A lock expires this long after its last renewal, should its holder die. */
  lockTtlMs?: number;
  /** Give up waiting for a lock after this long (the job is retried later). */
  lockWaitMs?: number;
}

// Every command and script here touches exactly one key, so each runs on whichever Redis Cluster
// node owns that key's slot; with a hash-tagged prefix all of them share the queues' slot anyway.

/** Deletes the lock only if it still holds our token: never release a lock another holder took over. */
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** Extends the lock only if it is still ours. */
const RENEW_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

const POLL_MIN_MS = 20;
const POLL_MAX_MS = 250;

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

export class RedisIncidentStore implements IncidentStore {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #lockTtlMs: number;
  readonly #lockWaitMs: number;

  constructor(redis: RedisClient, options: RedisIncidentStoreOptions) {
    this.#redis = redis;
    this.#prefix = options.prefix;
    this.#lockTtlMs = options.lockTtlMs ?? 60_000;
    this.#lockWaitMs = options.lockWaitMs ?? 120_000;
  }

  async get(key: string): Promise<number | undefined> {
    const value = await this.#redis.get(this.#incidentKey(key));
    if (value === null) return undefined;
    const issueNumber = Number(value);
    return Number.isInteger(issueNumber) && issueNumber > 0 ? issueNumber : undefined;
  }

  /** No expiry: the issue stays the secret's incident for as long as the repository exists. */
  async set(key: string, issueNumber: number): Promise<void> {
    await this.#redis.set(this.#incidentKey(key), String(issueNumber));
  }

  async lock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const lockKey = `${this.#prefix}:incident-lock:${key}`;
    const token = randomUUID();
    await this.#acquire(lockKey, token);
    const renewal = setInterval(() => {
      this.#redis.eval(RENEW_SCRIPT, 1, lockKey, token, String(this.#lockTtlMs)).catch(() => {
        // A failed renewal only shortens the lock; the TTL still bounds it.
      });
    }, Math.max(10, Math.floor(this.#lockTtlMs / 3)));
    try {
      return await fn();
    } finally {
      clearInterval(renewal);
      await this.#redis.eval(RELEASE_SCRIPT, 1, lockKey, token);
    }
  }

  async #acquire(lockKey: string, token: string): Promise<void> {
    const deadline = Date.now() + this.#lockWaitMs;
    for (let wait = POLL_MIN_MS; ; wait = Math.min(wait * 2, POLL_MAX_MS)) {
      const reply = await this.#redis.set(lockKey, token, 'PX', this.#lockTtlMs, 'NX');
      if (reply === 'OK') return;
      if (Date.now() + wait > deadline) throw new LockTimeoutError(`incident lock ${lockKey} still held after ${this.#lockWaitMs} ms`);
      await sleep(wait);
    }
  }

  #incidentKey(key: string): string {
    return `${this.#prefix}:incident:${key}`;
  }
}
