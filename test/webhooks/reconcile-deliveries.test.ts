// Webhook reconciliation against a real Redis and a GitHub mocked from its OpenAPI description:
// exactly the deliveries Redis lost are redelivered, once, within the window, pages and budget.
import nock from 'nock';
import { Probot } from 'probot';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { RedisDeliveryLog } from '../../src/queue/redis-delivery-log.js';
import { enqueueJobs, type WebhookDelivery } from '../../src/webhooks/delivery.js';
import type { ApplicationFunction } from 'probot';
import { leakstopApp } from '../../src/app.js';
import { DEFAULT_RECONCILE_SETTINGS, HANDLED_WEBHOOKS, nextCursor, reconcileDeliveries, startReconciler, type ReconcileDeps, type ReconcileSettings } from '../../src/webhooks/reconcile-deliveries.js';
import { captureLog } from '../e2e/helpers.js';
import { findOperationPath } from '../openapi.js';
import { deleteKeysWithPrefix, describeWithRedis, testRedis, uniquePrefix } from '../queue/redis.js';
import { assertMatchesSchema, example } from '../scan/github-openapi.js';
import { APP_ID, testPrivateKey } from './helpers.js';

const API = 'https://api.github.com';
const NOW = Date.parse('2026-12-03T12:00:00Z');
const MINUTE = 60_000;
const SETTINGS: ReconcileSettings = { ...DEFAULT_RECONCILE_SETTINGS, windowMs: 60 * MINUTE, settleMs: 2 * MINUTE, maxPages: 5, maxRedeliveries: 10 };

let nextId = 1000;

/** A delivery as GitHub lists it: GitHub's own example, with the fields a test sets. */
function delivery(fields: { guid: string; minutesAgo: number; event?: string; action?: string | null; status_code?: number; redelivery?: boolean }): Record<string, unknown> {
  const [template] = example('hook-delivery-items') as Record<string, unknown>[];
  nextId += 1;
  return {
    ...template,
    id: nextId,
    guid: fields.guid,
    delivered_at: new Date(NOW - fields.minutesAgo * MINUTE).toISOString().replace('.000Z', 'Z'),
    redelivery: fields.redelivery ?? false,
    status_code: fields.status_code ?? 202,
    status: 'OK',
    event: fields.event ?? 'push',
    action: fields.action === undefined ? null : fields.action,
    installation_id: 1,
    repository_id: 2,
  };
}

/** A page of the list, checked against GitHub's schema before it is served. */
function page(items: Record<string, unknown>[]): Record<string, unknown>[] {
  assertMatchesSchema('hook-delivery-item', items, { array: true });
  return items;
}

/** Every mocked path must be one GitHub serves, as the OpenAPI description says. */
function checkedPath(method: string, path: string): string {
  expect(findOperationPath(method, path), `${method} ${path} is not in GitHub's API`).toBeDefined();
  return path;
}

describeWithRedis('webhook reconciliation', () => {
  let redis: Redis;
  let prefix: string;
  let deliveries: RedisDeliveryLog;
  let probot: Probot;
  const unmatched: string[] = [];
  const onNoMatch = (request: { method?: string; path?: string }): void => {
    unmatched.push(`${request.method ?? '?'} ${request.path ?? '?'}`);
  };

  beforeAll(() => {
    redis = testRedis();
    probot = new Probot({ appId: APP_ID, privateKey: testPrivateKey(), secret: 'unused', baseUrl: API, log: createLogger({ level: 'silent' }) });
  });
  afterAll(async () => {
    await redis.quit();
  });
  beforeEach(() => {
    prefix = uniquePrefix();
    deliveries = new RedisDeliveryLog(redis, { prefix, ttlMs: 2 * 60 * MINUTE });
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });
  afterEach(async () => {
    nock.emitter.off('no match', onNoMatch);
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    await deleteKeysWithPrefix(redis, prefix);
    expect(unmatched.splice(0), 'requests no mock answered').toEqual([]);
    expect(pending, 'mocks never used').toEqual([]);
  });

  function deps(log = createLogger({ level: 'silent' }), settings: ReconcileSettings = SETTINGS): ReconcileDeps {
    return { github: () => probot.auth(), deliveries, log, settings, now: () => NOW };
  }

  /** Serves `pages` in order, each but the last naming the next by a cursor, as GitHub does. */
  function listDeliveries(pages: Record<string, unknown>[][]): nock.Scope {
    const scope = nock(API, { reqheaders: { authorization: /^bearer [\w-]+\.[\w-]+\.[\w-]+$/i } });
    pages.forEach((items, i) => {
      const query = i === 0 ? { per_page: '100' } : { per_page: '100', cursor: `v1_${i}` };
      const link = i + 1 < pages.length ? { link: `<${API}/app/hook/deliveries?per_page=100&cursor=v1_${i + 1}>; rel="next"` } : undefined;
      scope.get(checkedPath('GET', '/app/hook/deliveries')).query(query).reply(200, page(items), link);
    });
    return scope;
  }

  function expectRedelivery(scope: nock.Scope, id: unknown): void {
    scope.post(checkedPath('POST', `/app/hook/deliveries/${String(id)}/attempts`)).reply(202, {});
  }

  it('redelivers exactly the delivery Redis lost, not the queued ones nor what it does not handle', async () => {
    const queued = delivery({ guid: 'guid-queued', minutesAgo: 10 });
    const lost = delivery({ guid: 'guid-lost', minutesAgo: 20 });
    const queuedPullRequest = delivery({ guid: 'guid-pr', minutesAgo: 25, event: 'pull_request', action: 'synchronize' });
    const unhandled = delivery({ guid: 'guid-closed', minutesAgo: 12, event: 'pull_request', action: 'closed' });
    const refused = delivery({ guid: 'guid-400', minutesAgo: 15, status_code: 400 });
    const inFlight = delivery({ guid: 'guid-new', minutesAgo: 0.5 });
    const tooOld = delivery({ guid: 'guid-old', minutesAgo: 90 });
    await deliveries.recordQueued('guid-queued');
    await deliveries.recordQueued('guid-pr');
    const scope = listDeliveries([
      [inFlight, queued, unhandled, refused],
      [lost, queuedPullRequest, tooOld],
    ]);
    expectRedelivery(scope, lost.id);
    const { log, lines } = captureLog();

    const outcome = await reconcileDeliveries(deps(log));

    expect(outcome).toEqual({ pages: 2, compared: 3, queued: 2, redelivered: 1, alreadyRedelivered: 0, overBudget: 0, failed: 0 });
    const summary = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'webhook deliveries reconciled');
    expect(summary).toMatchObject({ redelivered: 1, queued: 2, compared: 3, windowMinutes: 60 });
  });

  it('never asks twice for the same delivery, even if it is still missing', async () => {
    const lost = delivery({ guid: 'guid-lost-twice', minutesAgo: 20 });
    const first = listDeliveries([[lost]]);
    expectRedelivery(first, lost.id);
    expect(await reconcileDeliveries(deps())).toMatchObject({ redelivered: 1 });

    // GitHub's redelivery failed too (the web process was still down): listed as a second attempt.
    const attempt = { ...delivery({ guid: 'guid-lost-twice', minutesAgo: 15, redelivery: true }), status_code: 502 };
    listDeliveries([[attempt, lost]]);
    expect(await reconcileDeliveries(deps())).toMatchObject({ compared: 1, redelivered: 0, alreadyRedelivered: 1 });
  });

  it('stops at the budget and leaves the rest, oldest first, to the next run', async () => {
    const lost = [30, 20, 10].map((minutesAgo, i) => delivery({ guid: `guid-budget-${i}`, minutesAgo }));
    const scope = listDeliveries([lost]);
    expectRedelivery(scope, lost[0]?.id);
    expectRedelivery(scope, lost[1]?.id);
    expect(await reconcileDeliveries(deps(undefined, { ...SETTINGS, maxRedeliveries: 2 }))).toMatchObject({ redelivered: 2, overBudget: 1 });

    const next = listDeliveries([lost]);
    expectRedelivery(next, lost[2]?.id);
    expect(await reconcileDeliveries(deps(undefined, { ...SETTINGS, maxRedeliveries: 2 }))).toMatchObject({ redelivered: 1, alreadyRedelivered: 2, overBudget: 0 });
  });

  it('reads no more than its page count', async () => {
    const pages = [1, 2, 3].map((n) => [delivery({ guid: `guid-page-${n}`, minutesAgo: 10 * n })]);
    for (const [item] of pages) await deliveries.recordQueued(String(item?.guid));
    // The second page still names a third: it is never read.
    nock(API)
      .get('/app/hook/deliveries')
      .query({ per_page: '100' })
      .reply(200, page(pages[0] ?? []), { link: `<${API}/app/hook/deliveries?per_page=100&cursor=v1_1>; rel="next"` })
      .get('/app/hook/deliveries')
      .query({ per_page: '100', cursor: 'v1_1' })
      .reply(200, page(pages[1] ?? []), { link: `<${API}/app/hook/deliveries?per_page=100&cursor=v1_2>; rel="next"` });
    expect(await reconcileDeliveries(deps(undefined, { ...SETTINGS, maxPages: 2 }))).toMatchObject({ pages: 2, compared: 2, queued: 2, redelivered: 0 });
  });

  it('gives a claim back when GitHub refuses the redelivery, and asks again next run', async () => {
    const lost = delivery({ guid: 'guid-refused', minutesAgo: 20 });
    listDeliveries([[lost]]).post(`/app/hook/deliveries/${String(lost.id)}/attempts`).reply(422, { message: 'Validation Failed' });
    expect(await reconcileDeliveries(deps())).toMatchObject({ redelivered: 0, failed: 1 });
    expectRedelivery(listDeliveries([[lost]]), lost.id);
    expect(await reconcileDeliveries(deps())).toMatchObject({ redelivered: 1 });
  });

  it('runs in one process at a time: another holding the lock skips its turn', async () => {
    const lost = delivery({ guid: 'guid-locked', minutesAgo: 20 });
    expectRedelivery(listDeliveries([[lost]]), lost.id);
    const options = { ...deps(), redis, prefix, intervalMs: 60 * MINUTE };
    const first = startReconciler(options);
    const second = startReconciler(options);
    await Promise.all([first.idle(), second.idle()]);
    first.stop();
    second.stop();
  });

  it('records a handled delivery as queued, also when it needed no job', async () => {
    const delivery: WebhookDelivery = { id: 'guid-handled', event: 'push', payload: {}, log: createLogger({ level: 'silent' }) };
    const recordQueued = (id: string): Promise<void> => deliveries.recordQueued(id);
    await enqueueJobs(delivery, [], { enqueue: () => Promise.resolve([]), appId: APP_ID, recordQueued }, 'deleted branch');
    expect(await deliveries.queued(['guid-handled', 'guid-unknown'])).toEqual(new Set(['guid-handled']));
  });
});

describe('the events reconciliation compares', () => {
  it('are the events and actions the app handles', () => {
    const registered: string[] = [];
    const app = { on: (events: string | string[]) => registered.push(...[events].flat()) };
    void leakstopApp({ enqueue: () => Promise.resolve([]), appId: APP_ID, log: createLogger({ level: 'silent' }) })(app as unknown as Parameters<ApplicationFunction>[0], {} as Parameters<ApplicationFunction>[1]);
    const compared = Object.entries(HANDLED_WEBHOOKS).flatMap(([event, actions]) => (actions === null ? [event] : actions.map((action) => `${event}.${action}`)));
    expect(compared.sort()).toEqual(registered.sort());
  });
});

describe('the Link header', () => {
  it('gives the cursor of the next page, or none on the last', () => {
    expect(nextCursor(`<${API}/app/hook/deliveries?per_page=100&cursor=v1_987>; rel="next", <${API}/app/hook/deliveries?per_page=100>; rel="first"`)).toBe('v1_987');
    expect(nextCursor(`<${API}/app/hook/deliveries?per_page=100>; rel="first"`)).toBeUndefined();
    expect(nextCursor(undefined)).toBeUndefined();
  });
});
