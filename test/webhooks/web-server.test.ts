// The webhook endpoint over HTTP against a real Redis: every handled event from GitHub's own example
// payloads is answered at once with its job stored; refused deliveries store nothing; a Redis that
// cannot take the job makes the delivery fail (5xx) so that GitHub can redeliver it.
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createLogger } from '../../src/log.js';
import type { ScanJob } from '../../src/queue/jobs.js';
import { HEALTH_PATH } from '../../src/webhooks/web-server.js';
import { actionIs, APP_ID, deliver, deliveryHeaders, examplePayload, sign, startTestWebServer, testPrivateKey, WEBHOOK_SECRET, type TestWebServer } from './helpers.js';
import { deleteKeysWithPrefix, describeWithRedis, everythingStored, redisUrl, startRedisProxy, testRedis, uniquePrefix } from '../queue/redis.js';

const silent = createLogger({ level: 'silent' });

async function allJobs(web: TestWebServer): Promise<Job<ScanJob>[]> {
  const [scans, backfills] = await Promise.all([web.queues.scan.getJobs(), web.queues.backfill.getJobs()]);
  return [...scans, ...backfills];
}

describeWithRedis('the webhook endpoint', () => {
  let inspector: Redis;
  let producer: Redis;
  let client: Redis;
  let prefix: string;
  let web: TestWebServer;

  beforeAll(() => {
    testPrivateKey();
    inspector = testRedis();
  });
  afterAll(async () => {
    await inspector.quit();
  });

  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    prefix = uniquePrefix();
    producer = createRedisConnection(redisUrl(), 'producer', silent);
    client = createRedisConnection(redisUrl(), 'client', silent);
    web = await startTestWebServer({ producer, client, prefix });
  });

  afterEach(async () => {
    await web.close();
    producer.disconnect();
    client.disconnect();
    await deleteKeysWithPrefix(inspector, prefix);
    // Nothing in these tests may call GitHub: the request path never does.
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('answers a signed push at once and stores one job whose data holds no secret', async () => {
    const payload = examplePayload('push', (p) => p.ref === 'refs/heads/master');
    const id = randomUUID();
    const response = await deliver(web.baseUrl, { event: 'push', payload, id });
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(1000);
    const jobs = await allJobs(web);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.id).toBe(`${id}-6113728f27ae82c7b1a177c8d03f9e96e0adf246`);
    expect(jobs[0]?.data).toMatchObject({
      kind: 'push',
      deliveryId: id,
      installationId: 1,
      repository: { owner: 'Codertocat', name: 'Hello-World', id: 186853002, defaultBranch: 'master', private: false },
      headSha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      commitShas: ['6113728f27ae82c7b1a177c8d03f9e96e0adf246'],
      createdBranch: true,
    });
    const stored = await everythingStored(inspector, prefix);
    expect(stored).not.toContain(WEBHOOK_SECRET);
    expect(stored).not.toContain('PRIVATE KEY');
    expect(stored).not.toContain(testPrivateKey().split('\n')[1]);
  });

  it.each([
    ['pull_request', 'opened'],
    ['pull_request', 'synchronize'],
    ['pull_request', 'reopened'],
  ])('queues a scan for %s.%s from GitHub\'s example', async (event, action) => {
    const response = await deliver(web.baseUrl, { event, payload: examplePayload(event, actionIs(action)) });
    expect(response.status).toBe(200);
    const jobs = await allJobs(web);
    expect(jobs.map((job) => job.data)).toEqual([
      expect.objectContaining({
        kind: 'pull_request',
        headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        ref: 'refs/pull/2/head',
        pullRequest: { number: 2, baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', headRepoFullName: 'Codertocat/Hello-World' },
      }),
    ]);
  });

  it('queues a re-run for check_run.rerequested of our own check run', async () => {
    const payload = examplePayload('check_run', actionIs('rerequested'));
    expect(payload.check_run).toMatchObject({ app: { id: APP_ID } });
    expect((await deliver(web.baseUrl, { event: 'check_run', payload })).status).toBe(200);
    const jobs = await allJobs(web);
    expect(jobs.map((job) => job.data)).toEqual([
      expect.objectContaining({ kind: 'rerun', headSha: 'd6fde92930d4715a2b49857d24b940956b26d2d3', ref: 'refs/heads/master', before: '146e867f55c26428e5f9fade55a9bbf5e95a7912' }),
    ]);
  });

  it('queues a re-run for check_suite.rerequested of our app, with its pull request', async () => {
    const payload = examplePayload('check_suite', actionIs('rerequested'));
    // GitHub's example suite belongs to app 29310; make it ours.
    (payload.check_suite as { app: { id: number } }).app.id = APP_ID;
    expect((await deliver(web.baseUrl, { event: 'check_suite', payload })).status).toBe(200);
    const [job] = await allJobs(web);
    expect(job?.data).toMatchObject({ kind: 'rerun', headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', ref: 'refs/heads/changes' });
  });

  it('queues one backfill per repository on installation.created and installation_repositories.added', async () => {
    expect((await deliver(web.baseUrl, { event: 'installation', payload: examplePayload('installation', actionIs('created')) })).status).toBe(200);
    const added = examplePayload('installation_repositories', actionIs('added'));
    expect((await deliver(web.baseUrl, { event: 'installation_repositories', payload: added })).status).toBe(200);
    const backfills = await web.queues.backfill.getJobs();
    expect(backfills.map((job) => job.data.repository.name).sort()).toEqual(['Hello-World', 'Space']);
    expect(backfills.every((job) => job.data.kind === 'backfill' && job.data.installationId === 957387)).toBe(true);
    expect(await web.queues.scan.getJobs()).toEqual([]);
  });

  it('stores one job for a redelivery (same delivery id)', async () => {
    const payload = examplePayload('push', (p) => p.ref === 'refs/heads/master');
    const id = randomUUID();
    expect((await deliver(web.baseUrl, { event: 'push', payload, id })).status).toBe(200);
    expect((await deliver(web.baseUrl, { event: 'push', payload, id })).status).toBe(200);
    expect(await web.queues.scan.count()).toBe(1);
    // A new delivery of the same push (GitHub sends a new id only for a new event) is a new job.
    expect((await deliver(web.baseUrl, { event: 'push', payload })).status).toBe(200);
    expect(await web.queues.scan.count()).toBe(2);
  });

  it('refuses a delivery with a wrong signature and stores nothing', async () => {
    const payload = examplePayload('push', (p) => p.ref === 'refs/heads/master');
    const forged = `sha256=${'0'.repeat(64)}`;
    const response = await deliver(web.baseUrl, { event: 'push', payload, signature: forged });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/signature does not match/);
    const otherSecret = await deliver(web.baseUrl, { event: 'push', payload, signature: sign(JSON.stringify(payload), 'another-secret') });
    expect(otherSecret.status).toBe(400);
    expect(await allJobs(web)).toEqual([]);
  });

  it('answers a malformed payload 400 naming the bad field, and stores nothing', async () => {
    const payload = examplePayload('push', (p) => p.ref === 'refs/heads/master');
    delete (payload.repository as Record<string, unknown>).owner;
    const response = await deliver(web.baseUrl, { event: 'push', payload });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/InvalidPayloadError: push payload is not what GitHub sends: repository\.owner/);
    expect(await allJobs(web)).toEqual([]);
  });

  it('answers 400 to a delivery that is not from an app installation', async () => {
    const payload = examplePayload('push', (p) => p.ref === 'refs/heads/master');
    delete payload.installation;
    const response = await deliver(web.baseUrl, { event: 'push', payload });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/installation is missing/);
  });

  it.each([
    ['a deleted branch', (p: Record<string, unknown>) => p.deleted === true && p.installation !== undefined],
    ['a tag pushed on an existing commit', (p: Record<string, unknown>) => p.created === true && p.ref === 'refs/tags/simple-tag'],
  ])('acknowledges %s and queues nothing', async (_what, pick) => {
    const response = await deliver(web.baseUrl, { event: 'push', payload: examplePayload('push', pick) });
    expect(response.status).toBe(200);
    expect(await allJobs(web)).toEqual([]);
  });

  it('ignores events it does not handle', async () => {
    expect((await deliver(web.baseUrl, { event: 'pull_request', payload: examplePayload('pull_request', actionIs('closed')) })).status).toBe(200);
    expect((await deliver(web.baseUrl, { event: 'check_suite', payload: examplePayload('check_suite', actionIs('requested')) })).status).toBe(200);
    expect((await deliver(web.baseUrl, { event: 'installation', payload: examplePayload('installation', actionIs('deleted')) })).status).toBe(200);
    expect(await allJobs(web)).toEqual([]);
  });

  it('answers 503 when Redis is gone, so GitHub records a failed delivery to redeliver', async () => {
    const proxy = await startRedisProxy();
    const viaProxy = createRedisConnection(proxy.url, 'producer', silent);
    const down = await startTestWebServer({ producer: viaProxy, client, prefix });
    try {
      const payload = examplePayload('push', (p) => p.ref === 'refs/heads/master');
      expect((await deliver(down.baseUrl, { event: 'push', payload })).status).toBe(200);
      await proxy.stop();
      const response = await deliver(down.baseUrl, { event: 'push', payload });
      expect(response.status).toBe(503);
      expect(response.text).toMatch(/EnqueueError: Redis did not store the job/);
      expect(response.ms).toBeLessThan(4000);
      expect(await web.queues.scan.count()).toBe(1);
    } finally {
      await down.close().catch(() => undefined);
      viaProxy.disconnect();
    }
  });

  it('reports Redis and queue counts on GET /healthz', async () => {
    await deliver(web.baseUrl, { event: 'push', payload: examplePayload('push', (p) => p.ref === 'refs/heads/master') });
    const response = await fetch(`${web.baseUrl}${HEALTH_PATH}`);
    expect(response.status).toBe(200);
    const health = (await response.json()) as { status: string; redis: { ok: boolean }; queues: { scan: { prioritized: number } } };
    // A queued scan is `prioritized`: its priority is its installation's turn (fair-priority.ts).
    expect(health).toMatchObject({ status: 'ok', redis: { ok: true }, queues: { scan: { waiting: 0, prioritized: 1 }, backfill: { waiting: 0, prioritized: 0 } } });
    client.disconnect();
    const down = await fetch(`${web.baseUrl}${HEALTH_PATH}`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', redis: { ok: false } });
  });

  it('answers 404 for any other path', async () => {
    const response = await fetch(`${web.baseUrl}/`);
    expect(response.status).toBe(404);
    expect((await fetch(`${web.baseUrl}/api/github/webhooks-old`, { method: 'POST' })).status).toBe(404);
  });

  it('takes deliveries on the webhook path with a trailing slash, as a webhook URL may be entered', async () => {
    const payload = examplePayload('push', (p) => p.ref === 'refs/heads/master');
    const body = JSON.stringify(payload);
    const response = await fetch(`${web.baseUrl}/api/github/webhooks/`, { method: 'POST', headers: deliveryHeaders('push', body), body });
    expect(response.status).toBe(200);
    expect(await web.queues.scan.count()).toBe(1);
  });

  it('answers 405 to a GET of the webhook path', async () => {
    const response = await fetch(`${web.baseUrl}/api/github/webhooks`);
    expect(response.status).toBe(405);
  });
});

describeWithRedis('the webhook endpoint with a Redis that accepts connections and never answers', () => {
  let blackHole: NetServer;
  let port: number;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts the socket and says nothing: a hung Redis.
    blackHole = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const address = blackHole.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => blackHole.close(() => resolve()));
  });

  it('answers 503 within the enqueue timeout instead of acknowledging', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    const hung = createRedisConnection(`redis://127.0.0.1:${port}`, 'producer', silent);
    const client = createRedisConnection(redisUrl(), 'client', silent);
    const web = await startTestWebServer({ producer: hung, client, prefix: uniquePrefix(), enqueueTimeoutMs: 300, waitReady: false });
    try {
      const response = await deliver(web.baseUrl, { event: 'push', payload: examplePayload('push', (p) => p.ref === 'refs/heads/master') });
      expect(response.status).toBe(503);
      expect(response.text).toMatch(/within 300 ms/);
      expect(response.ms).toBeLessThan(3000);
    } finally {
      await web.close().catch(() => undefined);
      hung.disconnect();
      client.disconnect();
      nock.enableNetConnect();
    }
  });
});
