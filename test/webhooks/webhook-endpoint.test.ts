// The webhook endpoint against what GitHub and abusers can send, over HTTP and a real Redis: a body
// that arrives too slowly is answered 5xx, never 2xx, and queues nothing; oversized and unsigned
// bodies are refused before they are read; bodies in flight stay within a memory budget; a failed
// delivery logs ids and sizes, never the payload; events the app does not take, or whose payload
// does not fit the event header, are answered 400.
import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createLogger } from '../../src/log.js';
import type { ScanJob } from '../../src/queue/jobs.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import type { WebhookLimits } from '../../src/webhooks/webhook-endpoint.js';
import { actionIs, deliver, deliveryHeaders, examplePayload, openDelivery, sign, startTestWebServer, testPrivateKey, type TestWebServer } from './helpers.js';
import { deleteKeysWithPrefix, describeWithRedis, redisUrl, startRedisProxy, testRedis, uniquePrefix } from '../queue/redis.js';

const silent = createLogger({ level: 'silent' });
/** GitHub caps webhook payloads at 25 MB. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

function masterPush(): Record<string, unknown> {
  return examplePayload('push', (p) => p.ref === 'refs/heads/master');
}

/** Rejects if `promise` has not settled within `ms`: for "the server closed the connection" checks. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function errorOf(text: string): string {
  return (JSON.parse(text) as { error: string }).error;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describeWithRedis('the webhook endpoint under abuse', () => {
  let inspector: Redis;
  let producer: Redis;
  let client: Redis;
  let prefix: string;
  const servers: TestWebServer[] = [];

  async function start(limits?: Partial<WebhookLimits>, log = silent): Promise<TestWebServer> {
    const web = await startTestWebServer({ producer, client, prefix, log, ...(limits === undefined ? {} : { limits }) });
    servers.push(web);
    return web;
  }

  async function allJobs(web: TestWebServer): Promise<Job<ScanJob>[]> {
    const [scans, backfills] = await Promise.all([web.queues.scan.getJobs(), web.queues.backfill.getJobs()]);
    return [...scans, ...backfills];
  }

  beforeAll(() => {
    testPrivateKey();
    inspector = testRedis();
  });
  afterAll(async () => {
    await inspector.quit();
  });
  beforeEach(() => {
    prefix = uniquePrefix();
    producer = createRedisConnection(redisUrl(), 'producer', silent);
    client = createRedisConnection(redisUrl(), 'client', silent);
  });
  afterEach(async () => {
    for (const web of servers.splice(0)) {
      web.server.closeAllConnections();
      await web.close();
    }
    producer.disconnect();
    client.disconnect();
    await deleteKeysWithPrefix(inspector, prefix);
  });

  describe('a slow body', () => {
    // Probot's middleware answered "202 still processing" after 9 s, whether or not the body ever
    // came; GitHub then gave up on the connection at 10 s and the push was never queued.
    it('is answered 503 at the body deadline, not 2xx, and queues nothing', { timeout: 20_000 }, async () => {
      const web = await start({ bodyTimeoutMs: 500 });
      const body = JSON.stringify(masterPush());
      const delivery = openDelivery(web.baseUrl, deliveryHeaders('push', body));
      delivery.request.write(body.slice(0, body.length / 2));
      const response = await delivery.response;
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
      expect(response.text).toMatch(/body did not arrive within 500 ms/);
      // GitHub gives up on the connection after 10 s.
      delivery.request.destroy();
      await delivery.closed;
      await sleep(200);
      expect(await allJobs(web)).toEqual([]);
    });

    it('that arrives within the deadline is queued and answered 200', async () => {
      const web = await start({ bodyTimeoutMs: 5_000 });
      const body = JSON.stringify(masterPush());
      const delivery = openDelivery(web.baseUrl, deliveryHeaders('push', body));
      delivery.request.write(body.slice(0, 1000));
      await sleep(300);
      delivery.request.end(body.slice(1000));
      expect((await delivery.response).status).toBe(200);
      expect(await allJobs(web)).toHaveLength(1);
    });
  });

  describe('body size', () => {
    it('answers 413 to a Content-Length over 25 MB without reading the body', async () => {
      const web = await start();
      const delivery = openDelivery(web.baseUrl, deliveryHeaders('push', '{}', { 'content-length': String(MAX_BODY_BYTES + 1) }));
      const response = await within(delivery.response, 3000, 'an answer before the body');
      expect(response.status).toBe(413);
      expect(response.text).toMatch(/25 MB/);
      await within(delivery.closed, 3000, 'the server closing the connection');
      expect(delivery.bodyFinished()).toBe(false);
    });

    it('answers 413 to a streamed body once it passes 25 MB', async () => {
      const web = await start();
      const headers = deliveryHeaders('push', '{}', { 'content-length': undefined, 'transfer-encoding': 'chunked' });
      const delivery = openDelivery(web.baseUrl, headers);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let sent = 0; sent <= MAX_BODY_BYTES + chunk.length; sent += chunk.length) delivery.request.write(chunk);
      delivery.request.end();
      const response = await within(delivery.response, 10_000, 'an answer');
      expect(response.status).toBe(413);
      expect(await allJobs(web)).toEqual([]);
    });
  });

  describe('an unsigned delivery', () => {
    it.each([
      ['without X-Hub-Signature-256', undefined],
      ['with a SHA-1 signature only', `sha1=${'a'.repeat(40)}`],
      ['with a signature that is not 64 hex digits', 'sha256=not-a-signature'],
    ])('%s is refused 400 before its body is read, and the connection closed', async (_what, signature) => {
      const web = await start();
      const headers = deliveryHeaders('push', '{}', { 'x-hub-signature-256': signature, 'content-length': String(10 * 1024 * 1024) });
      const delivery = openDelivery(web.baseUrl, headers);
      const response = await within(delivery.response, 3000, 'an answer before the body');
      expect(response.status).toBe(400);
      expect(response.text).toMatch(/X-Hub-Signature-256/);
      // Keeping the connection open would drain (read) the whole body; it must be closed instead.
      await within(delivery.closed, 2000, 'the server closing the connection');
      expect(delivery.bodyFinished()).toBe(false);
    });
  });

  describe('bodies in flight', () => {
    it('answers 503 with Retry-After past the memory budget, and takes deliveries again once it frees', async () => {
      const body = JSON.stringify(masterPush());
      const web = await start({ bodyBudgetBytes: Math.floor(Buffer.byteLength(body) * 1.5) });
      const first = openDelivery(web.baseUrl, deliveryHeaders('push', body));
      await sleep(100);
      const second = openDelivery(web.baseUrl, deliveryHeaders('push', body));
      second.request.end(body);
      const refused = await second.response;
      expect(refused.status).toBe(503);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(errorOf(refused.text)).toMatch(/bodies are in flight and .* more would pass the .* budget \(WEBHOOK_BODY_BUDGET_MB\)/);
      first.request.end(body);
      expect((await first.response).status).toBe(200);
      expect((await deliver(web.baseUrl, { event: 'push', payload: masterPush() })).status).toBe(200);
      expect(await allJobs(web)).toHaveLength(2);
    });
  });

  describe('the log of a failed delivery', () => {
    function leakyPush(token: string): Record<string, unknown> {
      const payload = masterPush();
      const message = `Add the deploy script\n\nleaked-by-accident GITHUB_TOKEN=${token}`;
      (payload.head_commit as { message: string }).message = message;
      for (const commit of payload.commits as { message: string }[]) commit.message = message;
      return payload;
    }

    function capture(): { lines: string[]; log: ReturnType<typeof createLogger> } {
      const lines: string[] = [];
      return { lines, log: createLogger({ level: 'trace', destination: { write: (line: string) => void lines.push(line) } }) };
    }

    function expectNoPayload(lines: readonly string[], token: string): void {
      const text = lines.join('');
      expect(text).not.toContain(token);
      expect(text).not.toContain('leaked-by-accident');
      expect(text).not.toContain('Codertocat/Hello-World');
      expect(text).not.toContain('"commits"');
    }

    it('holds ids and sizes, not the payload, when Redis cannot take the job', async () => {
      const token = generateGithubStyleToken('ghp_');
      const { lines, log } = capture();
      const proxy = await startRedisProxy();
      const viaProxy = createRedisConnection(proxy.url, 'producer', silent);
      const web = await startTestWebServer({ producer: viaProxy, client, prefix, log });
      servers.push(web);
      try {
        await proxy.stop();
        const id = randomUUID();
        const response = await deliver(web.baseUrl, { event: 'push', payload: leakyPush(token), id });
        expect(response.status).toBe(503);
        expect(response.text).not.toContain(token);
        const failure = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'webhook delivery failed');
        expect(failure).toMatchObject({ deliveryId: id, event: 'push', status: 503, bodyBytes: expect.any(Number) as number, err: { name: 'AggregateError' } });
        expectNoPayload(lines, token);
      } finally {
        viaProxy.disconnect();
      }
    });

    it('holds ids and sizes, not the payload, for a forged signature', async () => {
      const token = generateGithubStyleToken('ghp_');
      const { lines, log } = capture();
      const web = await start(undefined, log);
      const payload = leakyPush(token);
      const id = randomUUID();
      const response = await deliver(web.baseUrl, { event: 'push', payload, id, signature: sign(JSON.stringify(payload), 'not-our-secret') });
      expect(response.status).toBe(400);
      expect(lines.join('')).toContain(id);
      expectNoPayload(lines, token);
    });

    it('holds ids and sizes, not the payload, for a payload the handler rejects', async () => {
      const token = generateGithubStyleToken('ghp_');
      const { lines, log } = capture();
      const web = await start(undefined, log);
      const payload = leakyPush(token);
      delete (payload.repository as Record<string, unknown>).owner;
      const id = randomUUID();
      const response = await deliver(web.baseUrl, { event: 'push', payload, id });
      expect(response.status).toBe(400);
      expect(lines.join('')).toContain(id);
      expectNoPayload(lines, token);
    });
  });

  describe('events', () => {
    it('answers 400 to an event the app does not subscribe to, and queues nothing', async () => {
      const web = await start();
      const response = await deliver(web.baseUrl, { event: 'issues', payload: examplePayload('issues', actionIs('opened')) });
      expect(response.status).toBe(400);
      expect(errorOf(response.text)).toMatch(/does not subscribe to "issues" events/);
      expect(await allJobs(web)).toEqual([]);
    });

    it.each([
      ['pull_request', 'push', () => masterPush()],
      ['check_run', 'issue_comment', () => examplePayload('issue_comment', actionIs('created'))],
      ['check_suite', 'check_run', () => examplePayload('check_run', actionIs('rerequested'))],
      ['installation', 'issue_comment', () => examplePayload('issue_comment', actionIs('created'))],
    ])('answers 400 to a %s header on a %s payload, and queues nothing', async (header, sent, payload) => {
      const web = await start();
      const response = await deliver(web.baseUrl, { event: header, payload: payload() });
      expect(response.status).toBe(400);
      expect(errorOf(response.text)).toMatch(new RegExp(`payload is not a "${header}" event`));
      expect(sent).not.toBe(header);
      expect(await allJobs(web)).toEqual([]);
    });

    it('answers ping 200', async () => {
      const web = await start();
      const response = await deliver(web.baseUrl, { event: 'ping', payload: examplePayload('ping') });
      expect(response.status).toBe(200);
    });
  });
});
