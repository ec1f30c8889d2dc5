// Redis connections for the three ways the app uses Redis, and the start-up checks that Redis will
// neither evict BullMQ's keys nor forget them on a restart (an evicted or forgotten job is a push
// acknowledged to GitHub that is silently never scanned).
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

/**
 * Every connection a process opened, the duplicates BullMQ makes of them (a worker's blocking
 * connection) included, so that a shutdown can end them all at its deadline: a QUIT sent to a
 * Redis that is down or hung never returns, and a client left reconnecting keeps Node running.
 */
export class RedisConnections {
  private readonly open = new Set<RedisClient>();

  /** Tracks `redis` and every duplicate made of it from now on; returns `redis`. */
  add<T extends RedisClient>(redis: T): T {
    this.open.add(redis);
    redis.once('end', () => this.open.delete(redis));
    const duplicate = redis.duplicate.bind(redis) as (...args: unknown[]) => RedisClient;
    Object.defineProperty(redis, 'duplicate', {
      configurable: true,
      writable: true,
      value: (...args: unknown[]): RedisClient => {
        const copy = duplicate(...args);
        // BullMQ stops listening when it closes a duplicate; a later reconnect error must not crash the process.
        copy.on('error', () => undefined);
        return this.add(copy);
      },
    });
    return redis;
  }

  /** Ends every connection at once: pending commands fail, nothing reconnects. */
  disconnectAll(): void {
    for (const redis of this.open) redis.disconnect();
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }
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

/** How much a Redis restart loses: nothing acknowledged (AOF), up to a snapshot interval (RDB), or everything. */
export type RedisPersistence = { kind: 'aof'; fsync?: string } | { kind: 'rdb'; save: string } | { kind: 'none' } | { kind: 'unknown'; reason: string };

export interface PersistenceCheckOptions {
  /** LEAKSTOP_ALLOW_VOLATILE_REDIS=true: warn instead of refusing a Redis that may forget queued jobs. */
  allowVolatile: boolean;
}

/** The setting an operator needs, in every message that asks for it. */
const AOF_ADVICE =
  'turn on the append-only file: `appendonly yes` and `appendfsync everysec` in redis.conf (or `redis-server --appendonly yes --appendfsync everysec`, ' +
  'or `redis-cli CONFIG SET appendonly yes` then `CONFIG REWRITE`); on a managed Redis without AOF, set LEAKSTOP_ALLOW_VOLATILE_REDIS=true to run anyway ' +
  '(webhook reconciliation then redelivers what a restart lost, within its window)';

/**
 * A Redis restart must not forget acknowledged webhooks: with no persistence every queued scan,
 * report and revocation is lost; with RDB snapshots only, whatever was queued since the last
 * snapshot (up to the `save` interval, minutes) is lost. Only AOF (fsync every second: at most one
 * second of writes, in practice none acknowledged that late) keeps them. Both others are refused
 * unless the operator allows it, which is then logged loudly at every start. INFO persistence is
 * read first (managed services allow it); CONFIG, often disabled there, only adds detail. Returns
 * the weakest persistence found, for the start-up log.
 */
export async function checkPersistence(redis: RedisClient, log: Logger, options: PersistenceCheckOptions): Promise<RedisPersistence['kind']> {
  const nodes = redis instanceof Cluster ? redis.nodes('master').map((node) => ({ node, where: ` on cluster node ${node.options.host ?? '?'}:${node.options.port ?? DEFAULT_REDIS_PORT}` })) : [{ node: redis, where: '' }];
  const kinds = new Set<RedisPersistence['kind']>();
  for (const { node, where } of nodes) {
    const persistence = await readPersistence(node);
    judgePersistence(persistence, where, log, options);
    kinds.add(persistence.kind);
  }
  // The weakest node decides what a restart may lose.
  return (['none', 'unknown', 'rdb', 'aof'] as const).find((kind) => kinds.has(kind)) ?? 'unknown';
}

/** What INFO persistence (and, where allowed, CONFIG GET) says about one node. */
export async function readPersistence(node: Redis): Promise<RedisPersistence> {
  let info: string;
  try {
    info = await node.info('persistence');
  } catch (error) {
    return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  }
  const fields = new Map(info.split(/\r?\n/).map((line) => line.split(':', 2) as [string, string | undefined]));
  const aof = fields.get('aof_enabled');
  if (aof === undefined) return { kind: 'unknown', reason: 'INFO persistence has no aof_enabled field' };
  if (aof.trim() === '1') {
    const fsync = await configValue(node, 'appendfsync');
    return fsync === undefined ? { kind: 'aof' } : { kind: 'aof', fsync };
  }
  const save = await configValue(node, 'save');
  // Without CONFIG we cannot tell snapshots from nothing: assume the worse, the message says both.
  if (save === undefined || save.trim() === '') return { kind: 'none' };
  return { kind: 'rdb', save: save.trim() };
}

async function configValue(node: Redis, name: string): Promise<string | undefined> {
  try {
    const reply = await node.config('GET', name);
    return Array.isArray(reply) && reply.length >= 2 ? String(reply[1]) : undefined;
  } catch {
    return undefined;
  }
}

function judgePersistence(persistence: RedisPersistence, where: string, log: Logger, options: PersistenceCheckOptions): void {
  const node = where.trim() || undefined;
  if (persistence.kind === 'aof') {
    if (persistence.fsync === 'no') log.warn({ node }, 'Redis appendfsync is no: the OS flushes the append-only file when it likes (about every 30 s), so a power loss may lose acknowledged webhooks; set appendfsync everysec');
    return;
  }
  if (persistence.kind === 'unknown') {
    log.warn({ node, err: { message: persistence.reason } }, `cannot read Redis persistence (INFO is disabled): make sure it keeps an append-only file, or a restart loses queued scans; ${AOF_ADVICE}`);
    return;
  }
  const loses =
    persistence.kind === 'rdb'
      ? `Redis${where} keeps RDB snapshots only (save '${persistence.save}'), so a restart loses every scan, report and revocation queued since the last snapshot (up to the snapshot interval)`
      : `Redis${where} has no persistence (appendonly no, no RDB snapshots, or CONFIG is disabled), so a restart loses every queued scan, report and revocation`;
  if (!options.allowVolatile) throw new RedisPolicyError(`${loses}, although GitHub was told they were received: ${AOF_ADVICE}, then start leakstop again.`);
  log.warn({ node, persistence: persistence.kind }, `LEAKSTOP_ALLOW_VOLATILE_REDIS=true: running anyway, but ${loses}; only webhook reconciliation (within its window) recovers them. ${AOF_ADVICE.split(';')[0]}`);
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
