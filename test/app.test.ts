// The Probot app's wiring, without HTTP: each handled event reaches its handler and queues what it
// should (a scan, or the approval of a revocation), also when it comes signed as GitHub sends it;
// events it does not handle queue nothing; a handler's error carries the HTTP status the webhook
// middleware answers with (400 for a payload that can never work, 503 when Redis failed or when
// this server runs no leak response).
import { randomUUID } from 'node:crypto';
import { Probot } from 'probot';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leakstopApp } from '../src/app.js';
import { createLogger } from '../src/log.js';
import type { ScanJob } from '../src/queue/jobs.js';
import { EnqueueError } from '../src/queue/queues.js';
import type { ApprovalJob } from '../src/queue/response-jobs.js';
import { INCIDENT_LABEL } from '../src/report/incident-issue.js';
import { REVOKE_ACTION_IDENTIFIER } from '../src/report/response-report.js';
import { actionIs, APP_ID, examplePayload, sign, testPrivateKey, WEBHOOK_SECRET } from './webhooks/helpers.js';

type EmitterEvent = Parameters<Probot['receive']>[0];

/** A press of "Revoke now" on our check run: GitHub's example, which is another app's button. */
function revokePress(): Record<string, unknown> {
  const payload = examplePayload('check_run', actionIs('requested_action'));
  (payload.check_run as { app: { id: number } }).app.id = APP_ID;
  payload.requested_action = { identifier: REVOKE_ACTION_IDENTIFIER };
  return payload;
}

/** `/leakstop revoke` on an incident issue: GitHub's example comment, reworded and labelled. */
function revokeComment(): Record<string, unknown> {
  const payload = examplePayload('issue_comment', actionIs('created'));
  (payload.comment as { body: string }).body = '/leakstop revoke the key is live';
  (payload.issue as { labels: { name: string }[] }).labels.push({ name: INCIDENT_LABEL });
  return payload;
}

describe('the leakstop Probot app', () => {
  let queued: ScanJob[];
  let approvals: ApprovalJob[];
  let enqueue: (jobs: readonly ScanJob[]) => Promise<string[]>;
  let enqueueApproval: (job: ApprovalJob) => Promise<string>;
  let probot: Probot;

  /** The app as the web process loads it; `leakResponse: false` as a server that runs no leak response. */
  async function loadApp(options: { leakResponse: boolean }): Promise<Probot> {
    const log = createLogger({ level: 'silent' });
    const loaded = new Probot({ appId: APP_ID, privateKey: testPrivateKey(), secret: WEBHOOK_SECRET, log });
    const approvalDeps = options.leakResponse ? { enqueueApproval: (job: ApprovalJob) => enqueueApproval(job) } : {};
    await loaded.load(leakstopApp({ enqueue: (jobs) => enqueue(jobs), ...approvalDeps, appId: APP_ID, log }));
    return loaded;
  }

  /** Requests the app attempted: with net connect off and no mock, each is a 'no match'. */
  let attempted: string[] = [];
  const recordAttempt = (request: { method?: string; host?: string; path?: string }): void => {
    attempted.push(`${request.method ?? ''} ${request.host ?? ''}${request.path ?? ''}`);
  };

  beforeEach(async () => {
    nock.disableNetConnect();
    attempted = [];
    nock.emitter.on('no match', recordAttempt);
    queued = [];
    approvals = [];
    enqueue = async (jobs) => {
      queued.push(...jobs);
      return jobs.map((job) => job.deliveryId);
    };
    enqueueApproval = async (job) => {
      approvals.push(job);
      return `approve-${job.deliveryId}`;
    };
    probot = await loadApp({ leakResponse: true });
  });

  afterEach(() => {
    // The app must not call GitHub while handling a webhook: it only enqueues.
    nock.emitter.off('no match', recordAttempt);
    nock.enableNetConnect();
    expect(attempted).toEqual([]);
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
    expect(approvals).toEqual([]);
  });

  it.each([
    ['check_run', '"Revoke now"', revokePress, 'check-run'],
    ['issue_comment', '/leakstop revoke', revokeComment, 'comment'],
  ])('routes %s (%s) to an approval and no scan', async (name, _, payload, kind) => {
    const id = randomUUID();
    await probot.receive({ id, name, payload: payload() } as EmitterEvent);
    expect(approvals).toEqual([expect.objectContaining({ deliveryId: id, via: expect.objectContaining({ kind }) })]);
    expect(queued).toEqual([]);
  });

  it.each([
    ['check_run', '"Revoke now"', revokePress, { kind: 'check-run', checkRunId: 1494503112 }],
    ['issue_comment', '/leakstop revoke', revokeComment, { kind: 'comment', issueNumber: 1, commentId: 492700400 }],
  ])('queues the approval of a signed %s delivery (%s)', async (name, _, payload, via) => {
    const id = randomUUID();
    const body = JSON.stringify(payload());
    await probot.webhooks.verifyAndReceive({ id, name, payload: body, signature: sign(body) } as Parameters<Probot['webhooks']['verifyAndReceive']>[0]);
    expect(approvals).toEqual([expect.objectContaining({ deliveryId: id, via })]);
  });

  it('refuses a revocation signed with another secret and queues nothing', async () => {
    const body = JSON.stringify(revokeComment());
    const error = await probot.webhooks
      .verifyAndReceive({ id: randomUUID(), name: 'issue_comment', payload: body, signature: sign(body, 'not-our-secret') } as Parameters<Probot['webhooks']['verifyAndReceive']>[0])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).message).toMatch(/signature does not match/);
    expect(approvals).toEqual([]);
  });

  it.each([
    ['pull_request', 'closed'],
    ['pull_request', 'labeled'],
    ['check_suite', 'requested'],
    ['check_suite', 'completed'],
    ['check_run', 'created'],
    ['installation', 'deleted'],
    ['installation_repositories', 'removed'],
    ['check_run', 'requested_action'],
    ['issue_comment', 'created'],
    ['issue_comment', 'edited'],
    ['issue_comment', 'deleted'],
  ])('queues nothing for %s.%s', async (name, action) => {
    await receive(name, examplePayload(name, actionIs(action)));
    expect(queued).toEqual([]);
    expect(approvals).toEqual([]);
  });

  it('does not take an edited comment as the command: only a new comment approves', async () => {
    const payload = revokeComment();
    payload.action = 'edited';
    await receive('issue_comment', payload);
    expect(approvals).toEqual([]);
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

  it('fails a malformed approval payload with status 400 and queues nothing', async () => {
    const payload = revokePress();
    delete payload.sender;
    const error = await receive('check_run', payload).catch((e: unknown) => e);
    const [cause] = (error as AggregateError).errors as { name: string; status: number; message: string }[];
    expect(cause).toMatchObject({ name: 'InvalidPayloadError', status: 400 });
    expect(cause?.message).toMatch(/check_run\.requested_action payload is not what GitHub sends: sender/);
    expect(approvals).toEqual([]);
  });

  it.each([
    ['check_run', revokePress],
    ['issue_comment', revokeComment],
  ])('fails %s with status 503 when this server runs no leak response', async (name, payload) => {
    probot = await loadApp({ leakResponse: false });
    const error = await receive(name, payload()).catch((e: unknown) => e);
    const [cause] = (error as AggregateError).errors as { status: number; message: string }[];
    expect(cause).toMatchObject({ status: 503, message: expect.stringMatching(/leak response is not enabled on this server/) });
  });

  it('fails with status 503 when the queue did not store the approval', async () => {
    enqueueApproval = () => Promise.reject(new EnqueueError('Redis did not store the job: connection refused'));
    const error = await receive('issue_comment', revokeComment()).catch((e: unknown) => e);
    const [cause] = (error as AggregateError).errors as { status: number }[];
    expect(cause?.status).toBe(503);
  });
});
