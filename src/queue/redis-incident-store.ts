// Which incident issue a secret already has, shared by every worker process through Redis, and a
// per-secret lock so that two jobs finding the same secret at once open one issue, not two.
import type { IncidentStore } from '../report/incident-issue.js';
import type { RedisClient } from './redis-connection.js';
import { lockOptions, withRedisLock, type RedisLockOptions } from './redis-lock.js';

export { LockTimeoutError } from './redis-lock.js';

export interface RedisIncidentStoreOptions {
  /** Key prefix; the queue prefix (e.g. `{leakstop}`) keeps these keys in the queues' cluster slot. */
  prefix: string;
  /** A lock expires this long after its last renewal, should its holder die. */
  lockTtlMs?: number;
  /** Give up waiting for a lock after this long (the job is retried later). */
  lockWaitMs?: number;
}

// Every command here touches exactly one key, so each runs on whichever Redis Cluster node owns
// that key's slot; with a hash-tagged prefix all of them share the queues' slot anyway.

export class RedisIncidentStore implements IncidentStore {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #lock: RedisLockOptions;

  constructor(redis: RedisClient, options: RedisIncidentStoreOptions) {
    this.#redis = redis;
    this.#prefix = options.prefix;
    this.#lock = lockOptions(options);
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

  lock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return withRedisLock(this.#redis, `${this.#prefix}:incident-lock:${key}`, this.#lock, fn);
  }

  #incidentKey(key: string): string {
    return `${this.#prefix}:incident:${key}`;
  }
}
