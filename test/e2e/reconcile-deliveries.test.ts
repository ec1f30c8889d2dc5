// End to end: `leakstop web` records each delivery it queues, and at start-up reconciles GitHub's
// delivery list with those records, asking GitHub to redeliver only the one Redis does not hold
// (GitHub mocked with nock from its OpenAPI description, a real Redis).
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import nock from 'nock';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../../src/process/app-process.js';
import { RedisDeliveryLog } from '../../src/queue/redis-delivery-log.js';
import { findOperationPath } from '../openapi.js';
import { deleteKeysWithPrefix, describeWithRedis, testRedis, uniquePrefix } from '../queue/redis.js';
import { assertMatchesSchema, example } from '../scan/github-openapi.js';
import { deliver } from '../webhooks/helpers.js';
import { API, captureLog, guardNetwork, pushOf, randomSha, testAppEnv, waitFor, type CapturedLog } from './helpers.js';

function listed(guid: string, minutesAgo: number, id: number): Record<string, unknown> {
  const [template] = example('hook-delivery-items') as Record<string, unknown>[];
  const delivery = { ...template, id, guid, event: 'push', action: null, status_code: 202, redelivery: false, delivered_at: new Date(Date.now() - minutesAgo * 60_000).toISOString() };
  assertMatchesSchema('hook-delivery-item', delivery);
  return delivery;
}

describeWithRedis('webhook reconciliation in `leakstop web`', () => {
  let prefix: string;
  let inspector: Redis;
  let running: AppProcess | undefined;
  let captured: CapturedLog;
  const network = guardNetwork();

  beforeEach(() => {
    network.start();
    prefix = uniquePrefix();
    inspector = testRedis();
    captured = captureLog();
  });

  afterEach(async () => {
    await running?.close();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
    expect(network.stop()).toEqual([]);
  });

  it('redelivers at start-up the one delivery Redis lost, and records what it queues itself', async () => {
    const log = new RedisDeliveryLog(inspector, { prefix, ttlMs: 60 * 60_000 });
    await log.recordQueued('guid-kept');
    expect(findOperationPath('GET', '/app/hook/deliveries')).toBe('/app/hook/deliveries');
    expect(findOperationPath('POST', '/app/hook/deliveries/9002/attempts')).toBe('/app/hook/deliveries/{delivery_id}/attempts');
    const github = nock(API, { reqheaders: { authorization: /^bearer [\w-]+\.[\w-]+\.[\w-]+$/i } })
      .get('/app/hook/deliveries')
      .query({ per_page: '100' })
      .reply(200, [listed('guid-kept', 10, 9001), listed('guid-lost', 20, 9002)])
      .post('/app/hook/deliveries/9002/attempts')
      .reply(202, {});

    running = await startAppProcess('web', testAppEnv(prefix, { LEAKSTOP_RECONCILE_MINUTES: '5' }), { log: captured.log, host: '127.0.0.1' });
    const summary = await waitFor('the reconciliation to end', () =>
      Promise.resolve(captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'webhook deliveries reconciled')),
    );
    expect(summary).toMatchObject({ compared: 2, queued: 1, redelivered: 1, alreadyRedelivered: 0, failed: 0 });
    expect(github.pendingMocks()).toEqual([]);

    const id = randomUUID();
    const delivered = await deliver(`http://127.0.0.1:${running.port ?? 0}`, { event: 'push', payload: pushOf(randomSha(), randomSha()), id });
    expect(delivered.status).toBe(200);
    expect(await log.queued([id, 'guid-lost'])).toEqual(new Set([id]));
  });
});
