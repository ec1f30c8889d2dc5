// The check run records in Redis, shared by every worker: one JSON value per head SHA (see
// report/check-run-record.ts), what the last write of its run sent, and the lock every write of that
// SHA's run holds. Every command touches one key, so it runs on a Redis Cluster; the hash-tagged
// prefix keeps the keys in the queues' slot.
import { checkRunRecordSchema, headCommitKey, writtenCheckRunSchema, type CheckRunRecord, type CheckRunStore, type HeadCommit, type WrittenCheckRun } from '../report/check-run-record.js';
import type { RedisClient } from './redis-connection.js';
import { lockOptions, withRedisLock, type RedisLockOptions } from './redis-lock.js';

/**
 * A record with credentials outlives the approvals that may rewrite its run (kept 30 days) by a day;
 * a clean scan's record is only read by its own report's retries (finished jobs are kept a day).
 */
const RECORD_TTL_SECONDS = { responding: 31 * 24 * 60 * 60, clean: 24 * 60 * 60 };

/**
 * A write of a run takes a few requests (1 s apart per installation; 20 for a scan's 1,000
 * annotations), and its holder renews the lock every third of this: a holder that died (a worker
 * killed mid-write) holds up the run's next write for at most this long.
 */
const LOCK_TTL_MS = 10_000;

export interface RedisCheckRunStoreOptions {
  /** The queue prefix (e.g. `{leakstop}`). */
  prefix: string;
  lockTtlMs?: number;
  lockWaitMs?: number;
}

export class RedisCheckRunStore implements CheckRunStore {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #lock: RedisLockOptions;

  constructor(redis: RedisClient, options: RedisCheckRunStoreOptions) {
    this.#redis = redis;
    this.#prefix = options.prefix;
    this.#lock = lockOptions({ lockTtlMs: LOCK_TTL_MS, ...options });
  }

  /** A record that no longer parses (an older version's, or damaged) counts as absent: the next scan writes a new one. */
  async get(commit: HeadCommit): Promise<CheckRunRecord | undefined> {
    const stored = await this.#redis.get(this.#recordKey(commit));
    if (stored === null) return undefined;
    try {
      const parsed = checkRunRecordSchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async save(commit: HeadCommit, record: CheckRunRecord): Promise<void> {
    const ttl = record.credentials.length > 0 ? RECORD_TTL_SECONDS.responding : RECORD_TTL_SECONDS.clean;
    await this.#redis.set(this.#recordKey(commit), JSON.stringify(checkRunRecordSchema.parse(record)), 'EX', ttl);
  }

  /** Unreadable (damaged, or another version's) counts as absent: the run is written again. */
  async written(commit: HeadCommit): Promise<WrittenCheckRun | undefined> {
    const stored = await this.#redis.get(this.#writtenKey(commit));
    if (stored === null) return undefined;
    try {
      const parsed = writtenCheckRunSchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Kept as long as a record with credentials: every later write of the run compares against it. */
  async markWritten(commit: HeadCommit, written: WrittenCheckRun): Promise<void> {
    await this.#redis.set(this.#writtenKey(commit), JSON.stringify(writtenCheckRunSchema.parse(written)), 'EX', RECORD_TTL_SECONDS.responding);
  }

  async forgetWritten(commit: HeadCommit): Promise<void> {
    await this.#redis.del(this.#writtenKey(commit));
  }

  /**
   * The key is the one earlier versions' response report locked the run's section under, so during a
   * rolling upgrade an old and a new worker never write one run at once.
   */
  lock<T>(commit: HeadCommit, fn: () => Promise<T>): Promise<T> {
    return withRedisLock(this.#redis, `${this.#prefix}:incident-lock:checkrun:${headCommitKey(commit)}`, this.#lock, fn);
  }

  #recordKey(commit: HeadCommit): string {
    return `${this.#prefix}:checkrun:${headCommitKey(commit)}`;
  }

  #writtenKey(commit: HeadCommit): string {
    return `${this.#prefix}:checkrun-written:${headCommitKey(commit)}`;
  }
}
