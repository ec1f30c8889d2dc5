// Redis connections for the three ways the app uses Redis, and the start-up check that Redis will
// not evict BullMQ's keys (an evicted job is a scan that silently never happens).
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../log.js';

/** A standalone server or a Redis Cluster (REDIS_CLUSTER=true); BullMQ and our callers accept either. */
export type RedisClient = Redis | Cluster;

export interface RedisConnectionMode {
  /** Connect to a Redis Cluster, seeded from the URL's node; the queue prefix must be a hash tag. */
  cluster: boolean;
}

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

const DEFAULT_REDIS_PORT = 6379;

export function createRedisConnection(url: string, role: ConnectionRole, log: Logger): Redis;
export function createRedisConnection(url: string, role: ConnectionRole, log: Logger, mode: RedisConnectionMode): RedisClient;
export function createRedisConnection(url: string, role: ConnectionRole, log: Logger, mode?: RedisConnectionMode): RedisClient {
  const options: RedisOptions = { maxRetriesPerRequest: role === 'worker' ? null : 1, connectionName: `leakstop-${role}` };
  const redis = mode?.cluster ? createCluster(url, options) : new Redis(url, { ...options, lazyConnect: false });
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

/**
 * The URL names one node; ioredis asks it for the cluster's slot map and connects to the others
 * itself. Credentials and TLS from the URL apply to every node, as managed clusters expect.
 */
function createCluster(url: string, options: RedisOptions): Cluster {
  const parsed = new URL(url);
  const tls = parsed.protocol === 'rediss:';
  const redisOptions: RedisOptions = {
    ...options,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    // Node names each node's TLS server after the host it connects to.
    ...(tls ? { tls: {} } : {}),
  };
  return new Cluster([{ host: parsed.hostname, port: parsed.port === '' ? DEFAULT_REDIS_PORT : Number(parsed.port) }], {
    redisOptions,
    // Under TLS, nodes must be reached by the name their certificate carries, not a resolved IP.
    ...(tls ? { dnsLookup: (address: string, callback: (error: null, address: string) => void) => callback(null, address) } : {}),
  });
}

/** Resolves once the connection is ready, or rejects after `timeoutMs` with a message saying what to check. */
export async function waitForRedis(redis: RedisClient, url: string, timeoutMs = 10_000): Promise<void> {
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
 * when memory runs short. Managed services often disable CONFIG; then we can only warn. On a
 * cluster every master holds some keys, so every master is checked.
 */
export async function checkEvictionPolicy(redis: RedisClient, log: Logger): Promise<void> {
  if (!(redis instanceof Cluster)) return checkNodePolicy(redis, '', log);
  for (const node of redis.nodes('master')) await checkNodePolicy(node, ` on cluster node ${node.options.host ?? '?'}:${node.options.port ?? DEFAULT_REDIS_PORT}`, log);
}

/** `where` names the node in messages when there are several. */
async function checkNodePolicy(node: Redis, where: string, log: Logger): Promise<void> {
  let policy: string | undefined;
  try {
    const reply = await node.config('GET', 'maxmemory-policy');
    policy = Array.isArray(reply) ? String(reply[1] ?? '') : undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn(
      { err: { message }, node: where.trim() || undefined },
      'cannot read Redis maxmemory-policy (CONFIG is disabled): make sure it is noeviction, or Redis may drop queued scans under memory pressure',
    );
    return;
  }
  if (policy === 'noeviction') return;
  throw new RedisPolicyError(
    `Redis maxmemory-policy is '${policy ?? 'unknown'}'${where}, but leakstop's queues need 'noeviction' (otherwise Redis may silently drop queued scans). ` +
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
