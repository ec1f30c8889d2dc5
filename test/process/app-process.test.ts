// The app's processes shut down within their grace whatever Redis does: a worker whose Redis is
// down (killed, or hung) still ends its drain in time, leaving unfinished jobs to stalled-job
// recovery. Each test runs its own redis-server, never the shared one.
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../../src/process/app-process.js';
import { captureLog } from '../e2e/helpers.js';
import { HAVE_REDIS_SERVER, startOwnRedis, uniquePrefix, type OwnRedis } from '../queue/redis.js';
import { APP_ID, testPrivateKey } from '../webhooks/helpers.js';

const GRACE_MS = 1_500;
/** What closing sockets and timers may add to the grace on a busy machine. */
const SLACK_MS = 1_500;

describe.skipIf(!HAVE_REDIS_SERVER)('a worker shutting down while Redis is unreachable', () => {
  let redis: OwnRedis | undefined;
  let running: AppProcess | undefined;
  // ioredis rejects some of its own reconnect promises with no one listening when Redis drops
  // mid-handshake; `leakstop worker` logs them (runAppCommand), and so does this test, which checks
  // that they are nothing but connection errors.
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
  });
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
    expect(rejections.map((reason) => (reason instanceof Error ? reason.message : String(reason))).filter((message) => !/ECONNREFUSED|ECONNRESET|Connection is closed/.test(message))).toEqual([]);
  });

  afterEach(async () => {
    redis?.resume();
    await running?.close().catch(() => undefined);
    await redis?.remove();
    running = undefined;
    redis = undefined;
  });

  async function startWorker(): Promise<AppProcess> {
    redis = await startOwnRedis(['--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec']);
    const env = { APP_ID: String(APP_ID), PRIVATE_KEY: testPrivateKey(), REDIS_URL: redis.url, QUEUE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
    running = await startAppProcess('worker', env, { log: captureLog().log, shutdownGraceMs: GRACE_MS });
    return running;
  }

  async function timeClose(process: AppProcess): Promise<number> {
    const started = performance.now();
    await process.close().catch(() => undefined);
    return performance.now() - started;
  }

  it('ends the drain within its grace when Redis is down', async () => {
    const worker = await startWorker();
    await redis?.kill();
    expect(await timeClose(worker)).toBeLessThan(GRACE_MS + SLACK_MS);
  });

  it('ends the drain within its grace when Redis hangs (connections open, no answers)', async () => {
    const worker = await startWorker();
    redis?.pause();
    expect(await timeClose(worker)).toBeLessThan(GRACE_MS + SLACK_MS);
  });

  it('ends the drain within its grace when Redis comes back during it', async () => {
    const worker = await startWorker();
    await redis?.kill();
    const closing = timeClose(worker);
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS / 3));
    await redis?.restart();
    expect(await closing).toBeLessThan(GRACE_MS + SLACK_MS);
    // Nothing of the worker reconnects once it has closed: it would keep the process alive.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const inspector = new Redis(redis?.url ?? '', { maxRetriesPerRequest: 1 });
    try {
      const clients = (await inspector.client('LIST')) as string;
      expect(clients.trim().split('\n')).toHaveLength(1);
    } finally {
      inspector.disconnect();
    }
  });
});
