// The Probot app's wiring, without HTTP: each handled event reaches its handler and queues what it
// should; events it does not handle queue nothing; a handler's error carries the HTTP status the
// webhook middleware answers with (400 for a payload that can never work, 503 when Redis failed).
import { randomUUID } from 'node:crypto';
import { Probot } from 'probot';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leakstopApp } from '../src/app.js';
import { createLogger } from '../src/log.js';
import type { ScanJob } from '../src/queue/jobs.js';
import { EnqueueError } from '../src/queue/queues.js';
import { actionIs, APP_ID, examplePayload, testPrivateKey, WEBHOOK_SECRET } from './webhooks/helpers.js';

type EmitterEvent = Parameters<Probot['receive']>[0];

describe('the leakstop Probot app', () => {
  let queued: ScanJob[];
  let enqueue: (jobs: readonly ScanJob[]) => Promise<string[]>;
  let probot: Probot;

  beforeEach(async () => {
    nock.disableNetConnect();
    queued = [];
    enqueue = async (jobs) => {
      queued.push(...jobs);
      return jobs.map((job) => job.deliveryId);
    };
    const log = createLogger({ level: 'silent' });
    probot = new Probot({ appId: APP_ID, privateKey: testPrivateKey(), secret: WEBHOOK_SECRET, log });
    await probot.load(leakstopApp({ enqueue: (jobs) => enqueue(jobs), appId: APP_ID, log }));
  });

  afterEach(() => {
    // The app must not call GitHub while handling a webhook: no mock, and no request attempted.
    expect(nock.pendingMocks()).toEqual([]);
    nock.enableNetConnect();
  });

  function receive(name: string, payload: Record<string, unknown>): Promise<void> {
    return probot.receive({ id: randomUUID(), name, payload } as EmitterEvent);
  }

  const master = (p: Record<string, unknown>): boolean => p.ref === 'refs/heads/master';

  it.each([
    ['push', 'to master', 'push'],
    ['pull_request', 'opened', 'pull_request'],
    ['pull_request', 'synchronize', 'pull_request'],
    ['pull_request', 'reopened', 'pull_request'],
    ['check_run', 'rerequested', 'rerun'],
    ['installation', 'created', 'backfill'],
    ['installation_repositories', 'added', 'backfill'],
  ])('routes %s (%s) to a %s job', async (name, action, kind) => {
    await receive(name, examplePayload(name, name === 'push' ? master : actionIs(action)));
    expect(queued.map((job) => job.kind)).toEqual([kind]);
  });

  it.each([
    ['pull_request', 'closed'],
    ['pull_request', 'labeled'],
    ['check_suite', 'requested'],
    ['check_suite', 'completed'],
    ['check_run', 'created'],
    ['installation', 'deleted'],
    ['installation_repositories', 'removed'],
  ])('queues nothing for %s.%s', async (name, action) => {
    await receive(name, examplePayload(name, actionIs(action)));
    expect(queued).toEqual([]);
  });

  it('fails a malformed payload with status 400 and queues nothing', async () => {
    const payload = examplePayload('pull_request', actionIs('opened'));
    delete (payload.pull_request as Record<string, unknown>).head;
    const error = await receive('pull_request', payload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    const [cause] = (error as AggregateError).errors as { name: string; status: number; message: string }[];
    expect(cause).toMatchObject({ name: 'InvalidPayloadError', status: 400 });
    expect(cause?.message).toMatch(/pull_request\.opened payload is not what GitHub sends: pull_request\.head/);
    expect(queued).toEqual([]);
  });

  it('fails with status 503 when the queue did not store the job', async () => {
    enqueue = () => Promise.reject(new EnqueueError('Redis did not store the job: connection refused'));
    const error = await receive('push', examplePayload('push', master)).catch((e: unknown) => e);
    const [cause] = (error as AggregateError).errors as { status: number }[];
    expect(cause?.status).toBe(503);
  });
});
