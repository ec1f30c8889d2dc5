// The response's records per credential in Redis, shared by every worker: one hash per fingerprint
// (a field per step), sealed values under their own keys with a TTL, and the credential's lock.
import { stepRecordSchema, type ResponseRecords, type StepRecord } from '../respond/response-record.js';
import { parseRecords, type ResponseStore } from '../respond/response-store.js';
import type { RedisClient } from './redis-connection.js';
import { lockOptions, withRedisLock, type RedisLockOptions } from './redis-lock.js';

/** Records outlive any redelivery or later push of the same credential by far; then they go. */
const RECORD_TTL_SECONDS = 180 * 24 * 60 * 60;

export interface RedisResponseStoreOptions {
  /** The queue prefix (e.g. `{leakstop}`): these keys share the queues' cluster slot. */
  prefix: string;
  lockTtlMs?: number;
  lockWaitMs?: number;
}

export class RedisResponseStore implements ResponseStore {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #lock: RedisLockOptions;

  constructor(redis: RedisClient, options: RedisResponseStoreOptions) {
    this.#redis = redis;
    this.#prefix = options.prefix;
    this.#lock = lockOptions(options);
  }

  async records(fingerprint: string): Promise<ResponseRecords> {
    return parseRecords(await this.#redis.hgetall(this.#recordsKey(fingerprint)));
  }

  async save(fingerprint: string, record: StepRecord): Promise<void> {
    const key = this.#recordsKey(fingerprint);
    const results = await this.#redis.multi().hset(key, record.step, JSON.stringify(stepRecordSchema.parse(record))).expire(key, RECORD_TTL_SECONDS).exec();
    // EXEC reports a command's own failure (WRONGTYPE...) in its results instead of rejecting; a
    // record that was not saved must not look saved.
    const failure = results?.find(([error]) => error !== null)?.[0];
    if (failure) throw failure;
  }

  lock<T>(fingerprint: string, fn: () => Promise<T>): Promise<T> {
    return withRedisLock(this.#redis, `${this.#prefix}:response-lock:${fingerprint}`, this.#lock, fn);
  }

  async keep(fingerprint: string, slot: string, sealed: string, ttlSeconds: number): Promise<void> {
    await this.#redis.set(this.#keptKey(fingerprint, slot), sealed, 'EX', ttlSeconds);
  }

  async kept(fingerprint: string, slot: string): Promise<string | undefined> {
    return (await this.#redis.get(this.#keptKey(fingerprint, slot))) ?? undefined;
  }

  async forget(fingerprint: string, slot: string): Promise<void> {
    await this.#redis.del(this.#keptKey(fingerprint, slot));
  }

  #recordsKey(fingerprint: string): string {
    return `${this.#prefix}:response:${fingerprint}`;
  }

  #keptKey(fingerprint: string, slot: string): string {
    return `${this.#prefix}:response-kept:${fingerprint}:${slot}`;
  }
}
