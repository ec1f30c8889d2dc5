// Tests against a real Redis: REDIS_URL names it (CI always sets it). Each test gets its own key
// prefix and deletes its keys afterwards, so test files can share one server in parallel.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { describe } from 'vitest';

export const REDIS_URL = process.env.REDIS_URL;

if (REDIS_URL === undefined) {
  console.warn('REDIS_URL is not set: skipping the tests that need a real Redis (start one with `redis-server --port 6390 --appendonly yes --dir "$(mktemp -d)" --daemonize yes` and export REDIS_URL=redis://127.0.0.1:6390)');
}

/** `describe` when a Redis is available, else `describe.skip` (with the warning above). */
export const describeWithRedis = REDIS_URL === undefined ? describe.skip : describe;

export function redisUrl(): string {
  if (REDIS_URL === undefined) throw new Error('REDIS_URL is not set');
  return REDIS_URL;
}

/** A BullMQ prefix no other test uses; a hash tag, as in production on Redis Cluster. */
export function uniquePrefix(): string {
  return `{lstest-${randomUUID().slice(0, 8)}}`;
}

/** A plain client for inspecting and cleaning up (fails fast rather than queueing commands). */
export function testRedis(): Redis {
  return new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
}

/** Every key under `prefix`, found with SCAN (never KEYS, which blocks the server). */
export async function keysWithPrefix(redis: Redis, prefix: string): Promise<string[]> {
  return scanKeys(redis, `${escapeGlob(prefix)}*`);
}

/** Every key matching the SCAN MATCH `pattern`. */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  const keys = await keysWithPrefix(redis, prefix);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
}

/** Braces and other glob characters in a prefix must match literally in SCAN MATCH. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\{}]/g, (c) => `\\${c}`);
}

/**
 * Every value stored under `prefix`, as text, whatever its type (string, hash, list, set, sorted
 * set, stream), plus each key's DUMP: what a test searches for a secret that must not be there.
 */
export async function everythingStored(redis: Redis, prefix: string): Promise<string> {
  const parts: string[] = [];
  for (const key of await keysWithPrefix(redis, prefix)) {
    parts.push(key);
    const type = await redis.type(key);
    if (type === 'string') parts.push((await redis.get(key)) ?? '');
    else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
    else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
    else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES')));
    else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    const dump = await redis.dumpBuffer(key);
    if (dump) parts.push(dump.toString('latin1'));
  }
  return parts.join('\n');
}

export interface RedisProxy {
  url: string;
  /** Takes "Redis" down: drops every connection and refuses new ones, as a crashed server would. */
  stop(): Promise<void>;
}

/** A TCP proxy to the test Redis on a loopback port: stopping it is Redis going down for the client. */
export async function startRedisProxy(): Promise<RedisProxy> {
  const target = new URL(redisUrl());
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const auth = target.password ? `:${target.password}@` : '';
  return {
    url: `redis://${auth}127.0.0.1:${port}${target.pathname}`,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

export const HAVE_REDIS_SERVER = spawnSync('redis-server', ['--version']).status === 0;

/** A redis-server of a test's own: restart it, stop it, pause it, never the shared one. */
export interface OwnRedis {
  url: string;
  port: number;
  /** Its working directory (the append-only file lives there), removed by `remove()`. */
  dir: string;
  /** Kills the server (SIGKILL): connections drop and new ones are refused, as in a crash. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server is unreachable but its connections stay open (a hung Redis). */
  pause(): void;
  resume(): void;
  /** Starts the server again on the same port and directory (it replays its AOF, if any). */
  restart(): Promise<void>;
  /** Kills the server and removes its directory. */
  remove(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port with `args` (e.g. `--appendonly yes`) in a fresh
 * temporary directory, and resolves once it answers PING.
 */
export async function startOwnRedis(args: readonly string[]): Promise<OwnRedis> {
  const port = await freeLoopbackPort();
  const dir = mkdtempSync(join(tmpdir(), 'leakstop-redis-'));
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'no', '--maxmemory-policy', 'noeviction', ...args], { stdio: 'ignore' });
    child.on('error', () => undefined);
    const probe = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 0, retryStrategy: () => 50, lazyConnect: true });
    probe.on('error', () => undefined);
    try {
      for (let tries = 0; ; tries += 1) {
        if ((await probe.ping().catch(() => '')) === 'PONG') return;
        if (tries > 100) throw new Error(`redis-server on ${port} did not answer PING`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      probe.disconnect();
    }
  };
  const kill = async (): Promise<void> => {
    const running = child;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGCONT');
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    kill,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    restart: start,
    remove: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}
