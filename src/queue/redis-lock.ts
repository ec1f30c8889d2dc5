// A lock in Redis shared by every worker process: SET NX with a token and a TTL, renewed while its
// holder works, released only by its holder. Used for one incident (issue creation) and for one
// credential (its response steps). Every command touches one key, so it runs on a Redis Cluster.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisClient } from './redis-connection.js';

/** Deletes the lock only if it still holds our token: never release a lock another holder took over. */
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** Extends the lock only if it is still ours. */
const RENEW_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

const POLL_MIN_MS = 20;
const POLL_MAX_MS = 250;

export interface RedisLockOptions {
  /** A lock expires this long after its last renewal, should its holder die. */
  ttlMs: number;
  /** Give up waiting after this long (the job is retried later). */
  waitMs: number;
}

/**
 * The lock's settings from a store's options: a lock outlives a dead holder by a minute, and a
 * waiter gives up after two (its job is then retried).
 */
export function lockOptions(options: { lockTtlMs?: number; lockWaitMs?: number }): RedisLockOptions {
  return { ttlMs: options.lockTtlMs ?? 60_000, waitMs: options.lockWaitMs ?? 120_000 };
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

export async function withRedisLock<T>(redis: RedisClient, lockKey: string, options: RedisLockOptions, fn: () => Promise<T>): Promise<T> {
  const token = randomUUID();
  await acquire(redis, lockKey, token, options);
  const renewal = setInterval(() => {
    redis.eval(RENEW_SCRIPT, 1, lockKey, token, String(options.ttlMs)).catch(() => {
      // A failed renewal only shortens the lock; the TTL still bounds it.
    });
  }, Math.max(10, Math.floor(options.ttlMs / 3)));
  try {
    return await fn();
  } finally {
    clearInterval(renewal);
    await redis.eval(RELEASE_SCRIPT, 1, lockKey, token);
  }
}

async function acquire(redis: RedisClient, lockKey: string, token: string, options: RedisLockOptions): Promise<void> {
  const deadline = Date.now() + options.waitMs;
  for (let wait = POLL_MIN_MS; ; wait = Math.min(wait * 2, POLL_MAX_MS)) {
    const reply = await redis.set(lockKey, token, 'PX', options.ttlMs, 'NX');
    if (reply === 'OK') return;
    const left = deadline - Date.now();
    if (left <= 0) throw new LockTimeoutError(`lock ${lockKey} still held after ${options.waitMs} ms`);
    // The last poll lands on the deadline: a lock freed just before it is still taken.
    await sleep(Math.min(wait, left));
  }
}
