// The app's processes as an operator meets them: the environment checked with messages that say
// what to set, Redis checked before any work is taken (no eviction, an append-only file), the health endpoint, SIGTERM draining to exit
// 0, and logs that blank out credentials.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAppCommand } from '../../src/cli/app-commands.js';
import { startAppProcess } from '../../src/process/app-process.js';
import { main } from '../../src/cli/main.js';
import { RedisPolicyError } from '../../src/queue/redis-connection.js';
import { deleteKeysWithPrefix, describeWithRedis, HAVE_REDIS_SERVER, redisUrl, startOwnRedis, testRedis, uniquePrefix, type OwnRedis } from '../queue/redis.js';
import { APP_ID, testPrivateKey, WEBHOOK_SECRET } from '../webhooks/helpers.js';
import { captureLog, waitFor } from './helpers.js';
import { acmeRule } from '../detect/custom-rule-specs.js';

/** A valid environment but for the private key, which each test adds. */
const VALID = { APP_ID: '12345', WEBHOOK_SECRET: 'a-long-random-secret', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('`leakstop web` with a bad environment', () => {
  it('exits 2 and says what to set', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const chunks: Buffer[] = [];
    stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await main(['web'], { stdout, stderr, stdin: Readable.from(['']), cwd: process.cwd(), env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(code).toBe(2);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/leakstop: the environment is not a valid leakstop configuration:\n {2}- APP_ID is not set/);
  });
});

describe('`leakstop worker` with bad organisation-wide custom rules', () => {
  it('exits 2 before it takes any work, naming the variable, the rule and what to do', async () => {
    const stderr = new PassThrough();
    const chunks: Buffer[] = [];
    stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const rules = [{ ...acmeRule, pattern: String.raw`(["'])acme_live_[A-Za-z0-9]{32}\1` }];
    // Redis is not even tried: a port nothing listens on would otherwise be the first complaint.
    const env = { ...VALID, PRIVATE_KEY: testPrivateKey(), REDIS_URL: 'redis://127.0.0.1:1', LEAKSTOP_CUSTOM_RULES: JSON.stringify(rules) };
    const code = await main(['worker'], { stdout: new PassThrough(), stderr, stdin: Readable.from(['']), cwd: process.cwd(), env });
    expect(code).toBe(2);
    const message = Buffer.concat(chunks).toString('utf8');
    expect(message).toContain('the custom rules in the environment are not valid');
    expect(message).toContain("LEAKSTOP_CUSTOM_RULES[0].pattern: rule 'acme-api-key': the pattern is not RE2 syntax");
    expect(message).toContain('RE2 has no backreferences');
  });
});

describeWithRedis('the running processes', () => {
  it('`leakstop start` serves /healthz, then drains on SIGTERM and returns 0', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    const signals = new EventEmitter();
    const { log, lines } = captureLog();
    const prefix = uniquePrefix();
    const env = { ...VALID, PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET, APP_ID: String(APP_ID), PORT: '0', REDIS_URL: redisUrl(), QUEUE_PREFIX: prefix, LEAKSTOP_ALLOW_VOLATILE_REDIS: 'true', LEAKSTOP_RECONCILE_MINUTES: '0' };
    const running = runAppCommand('start', { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from(['']), cwd: process.cwd(), env }, signals, { log, host: '127.0.0.1' });
    const port = await waitFor('the server to listen', async () => {
      const line = lines.map((l) => JSON.parse(l) as { msg: string; port?: number }).find((l) => l.msg === 'receiving webhooks');
      return line?.port;
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', redis: { ok: true }, queues: { scan: { waiting: 0 }, backfill: { waiting: 0 } } });

    signals.emit('SIGTERM');
    expect(await running).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(lines.join('')).toContain('shut down cleanly');
    const inspector = testRedis();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
    nock.enableNetConnect();
  });

  it('logs credentials that libraries attach as [redacted]', () => {
    const { log, lines } = captureLog();
    log.info({ token: 'ghs_abc', headers: { authorization: 'token ghs_abc' }, err: { request: { headers: { authorization: 'bearer x' } } }, event: { payload: { commits: [] } } }, 'request');
    const line = lines.join('');
    expect(line).not.toContain('ghs_abc');
    expect(line).not.toContain('bearer x');
    expect(line).not.toContain('commits');
    expect(line).toContain('[redacted]');
  });
});

/** A free loopback port (the listener is closed before the port is handed out). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describeWithRedis('a Redis that may evict keys', () => {
  let redis: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    // Our own short-lived server, so that changing its policy cannot disturb other tests.
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'], { stdio: 'ignore' });
    redis.on('error', () => undefined);
    url = `redis://127.0.0.1:${port}`;
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  afterAll(() => {
    redis?.kill('SIGKILL');
  });

  it('is refused at start-up with a message saying how to fix it', async (context) => {
    if (redis?.exitCode !== null || redis.pid === undefined) context.skip();
    const env = { ...VALID, PRIVATE_KEY: testPrivateKey(), REDIS_URL: url, QUEUE_PREFIX: uniquePrefix() };
    const error = await startAppProcess('worker', env, { log: captureLog().log }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisPolicyError);
    expect((error as Error).message).toMatch(/maxmemory-policy is 'allkeys-lru'.*CONFIG SET maxmemory-policy noeviction/s);
  });
});

describe.skipIf(!HAVE_REDIS_SERVER)('the persistence of Redis at start-up', () => {
  let volatile: OwnRedis | undefined;
  let appendOnly: OwnRedis | undefined;

  beforeAll(async () => {
    [volatile, appendOnly] = await Promise.all([startOwnRedis(['--save', '', '--appendonly', 'no']), startOwnRedis(['--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec'])]);
  });
  afterAll(async () => {
    await Promise.all([volatile?.remove(), appendOnly?.remove()]);
  });

  const envFor = (redis: OwnRedis | undefined, extra: Record<string, string> = {}): Record<string, string> => ({
    ...VALID,
    PRIVATE_KEY: testPrivateKey(),
    REDIS_URL: redis?.url ?? '',
    QUEUE_PREFIX: uniquePrefix(),
    LEAKSTOP_RESPONSE: 'off',
    ...extra,
  });

  it('refuses a Redis with appendonly no, saying what to set', async () => {
    const { log, lines } = captureLog();
    const error = await startAppProcess('worker', envFor(volatile), { log }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisPolicyError);
    const message = (error as Error).message;
    expect(message).toContain('Redis has no persistence');
    expect(message).toContain('`appendonly yes` and `appendfsync everysec`');
    expect(message).toContain('LEAKSTOP_ALLOW_VOLATILE_REDIS=true');
    expect(lines.join('')).not.toContain('leakstop started');
  });

  it('starts on a Redis with appendonly no when LEAKSTOP_ALLOW_VOLATILE_REDIS=true, with a warning', async () => {
    const { log, lines } = captureLog();
    const running = await startAppProcess('worker', envFor(volatile, { LEAKSTOP_ALLOW_VOLATILE_REDIS: 'true' }), { log });
    await running.close();
    const warning = lines.map((line) => JSON.parse(line) as { level: number; msg: string; persistence?: string }).find((line) => line.msg.startsWith('LEAKSTOP_ALLOW_VOLATILE_REDIS=true'));
    expect(warning).toMatchObject({ level: 40, persistence: 'none' });
    expect(warning?.msg).toContain('a restart loses every queued scan');
  });

  it('refuses RDB snapshots alone: they lose what was queued since the last one', async () => {
    const snapshots = await startOwnRedis(['--save', '300 10', '--appendonly', 'no']);
    try {
      const error = await startAppProcess('worker', envFor(snapshots), { log: captureLog().log }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisPolicyError);
      expect((error as Error).message).toContain("keeps RDB snapshots only (save '300 10')");
    } finally {
      await snapshots.remove();
    }
  });

  it('starts on a Redis with an append-only file, says so, and warns of nothing', async () => {
    const { log, lines } = captureLog();
    const running = await startAppProcess('worker', envFor(appendOnly), { log });
    await running.close();
    const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(logged.find((line) => line.msg === 'leakstop started')).toMatchObject({ persistence: 'aof' });
    expect(logged.filter((line) => /persistence|append-only/i.test(line.msg))).toEqual([]);
  });
});
