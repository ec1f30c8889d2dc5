// Redis connections for the three ways the app uses Redis, and the start-up check that Redis will
// not evict BullMQ's keys (an evicted job is a scan that silently never happens).
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../log.js';

/**
 * - producer: the web process adding jobs. A command fails after one reconnect attempt while Redis
 *   is unreachable, and the enqueue timeout (queues.ts) cuts off a hung Redis, so a webhook is
 *   answered 5xx instead of waiting and then being acknowledged.
 * - worker: BullMQ workers block on Redis; BullMQ requires maxRetriesPerRequest null.
 * - client: health checks and the incident store: fail fast, like the producer.
 *
 * Neither enableOfflineQueue: false nor commandTimeout: with either, ioredis can reject its own
 * handshake commands with no one listening (an unhandled rejection, which ends a Node process)
 * when a connection drops mid-handshake. Callers bound their waits instead.
 */
export type ConnectionRole = 'producer' | 'worker' | 'client';

export function createRedisConnection(url: string, role: ConnectionRole, log: Logger): Redis {
  const options: RedisOptions = { maxRetriesPerRequest: role === 'worker' ? null : 1 };
  const redis = new Redis(url, { ...options, lazyConnect: false, connectionName: `leakstop-${role}` });
  // ioredis emits 'error' on every failed reconnect; an unhandled one would crash the process.
  let lastMessage = '';
  redis.on('error', (error: Error) => {
    if (error.message === lastMessage) return;
    lastMessage = error.message;
    log.warn({ role, err: { message: error.message } }, 'Redis connection error');
  });
  redis.on('ready', () => {
    if (lastMessage !== '') log.info({ role }, 'Redis connection restored');
    lastMessage = '';
  });
  return redis;
}

/** Resolves once the connection is ready, or rejects after `timeoutMs` with a message saying what to check. */
export async function waitForRedis(redis: Redis, url: string, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`cannot reach Redis at ${describeRedisUrl(url)} within ${timeoutMs / 1000} s: check REDIS_URL and that Redis is running`));
    }, timeoutMs);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}

export class RedisPolicyError extends Error {
  override name = 'RedisPolicyError';
}

/**
 * BullMQ needs `maxmemory-policy noeviction`: under any other policy Redis may drop queued jobs
 * when memory runs short. Managed services often disable CONFIG; then we can only warn.
 */
export async function checkEvictionPolicy(redis: Redis, log: Logger): Promise<void> {
  let policy: string | undefined;
  try {
    const reply = await redis.config('GET', 'maxmemory-policy');
    policy = Array.isArray(reply) ? String(reply[1] ?? '') : undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn(
      { err: { message } },
      'cannot read Redis maxmemory-policy (CONFIG is disabled): make sure it is noeviction, or Redis may drop queued scans under memory pressure',
    );
    return;
  }
  if (policy === 'noeviction') return;
  throw new RedisPolicyError(
    `Redis maxmemory-policy is '${policy ?? 'unknown'}', but leakstop's queues need 'noeviction' (otherwise Redis may silently drop queued scans). ` +
      "Set it with `redis-cli CONFIG SET maxmemory-policy noeviction` and `maxmemory-policy noeviction` in redis.conf (or your provider's parameter group), then start leakstop again.",
  );
}

/** The URL without its password, for messages and logs. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
}
