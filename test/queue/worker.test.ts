// The workers against a real Redis with GitHub mocked: a rate-limited request is retried after the
// time GitHub asked for; a job that keeps failing ends failed, visibly (check run and error log);
// backfills start no faster than the backfill rate limit allows.
import type { Redis } from 'ioredis';
import nock from 'nock';
import { checkRunAnswer } from '../report/github-api-mock.js';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ScanJob } from '../../src/queue/jobs.js';
import { scanJobId } from '../../src/queue/jobs.js';
import { createQueues, type ScanQueues } from '../../src/queue/queues.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createScanWorker, type ScanWorkerDeps, type ScanWorkers } from '../../src/queue/worker.js';
import { MemoryCheckRunStore } from '../../src/report/memory-check-run-store.js';
import { MemoryIncidentStore } from '../../src/report/memory-incident-store.js';
import { captureLog, commitWithToken, waitFor, type CapturedLog } from '../e2e/helpers.js';
import { deleteKeysWithPrefix, describeWithRedis, redisUrl, testRedis, uniquePrefix } from './redis.js';
import { OWNER, pushJobOf, REPO } from './push-job.js';

const API = 'https://api.github.com';
const HEAD = '4444444444444444444444444444444444444444';
const BEFORE = '5555555555555555555555555555555555555555';
const CHECK_RUN_ID = 91;

function pushJob(deliveryId: string): ScanJob {
  return pushJobOf(deliveryId, HEAD, BEFORE);
}

function cleanCommit(): Record<string, unknown> {
  return { ...commitWithToken(HEAD, BEFORE, 'x'), files: [{ sha: null, filename: 'a.txt', status: 'modified', additions: 1, deletions: 0, changes: 1, patch: '@@ -1,0 +1,1 @@\n+ok' }] };
}

describeWithRedis('the scan workers', () => {
  let prefix: string;
  let producer: Redis;
  let inspector: Redis;
  let queues: ScanQueues;
  let workers: ScanWorkers | undefined;
  let captured: CapturedLog;
  let github: nock.Scope;
  const times = new Map<string, number[]>();

  beforeEach(async () => {
    nock.disableNetConnect();
    github = nock(API);
    github.on('request', (request: { method: string; path: string }) => {
      const key = `${request.method} ${request.path.split('?')[0] ?? ''}`;
      times.set(key, [...(times.get(key) ?? []), Date.now()]);
    });
    times.clear();
    prefix = uniquePrefix();
    captured = captureLog();
    producer = createRedisConnection(redisUrl(), 'producer', captured.log);
    inspector = testRedis();
    queues = createQueues(producer, { prefix });
    await queues.ready();
  });

  afterEach(async () => {
    await workers?.close(1_000);
    workers = undefined;
    await queues.close();
    producer.disconnect();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
    expect(github.pendingMocks()).toEqual([]);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  function startWorkers(overrides: Partial<ScanWorkerDeps> = {}, backfillIntervalMs = 5_000): void {
    workers = createScanWorker({
      connection: createRedisConnection(redisUrl(), 'worker', captured.log),
      github: () => Promise.resolve(new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } })),
      incidents: new MemoryIncidentStore(),
      checkRuns: new MemoryCheckRunStore(),
      log: captured.log,
      endpoints: { apiBaseUrl: API, gitBaseUrl: 'https://github.com', htmlBaseUrl: 'https://github.com' },
      // These tests follow the in-progress-then-complete path; a quick scan's single request has its own test.
      inProgressAfterMs: 0,
      settings: { prefix, concurrency: 2, backfillIntervalMs, retry: { baseDelayMs: 20, maxDelayMs: 100 } },
      ...overrides,
    });
  }

  const SCANNING = { title: 'Scanning for leaked credentials', summary: 'leakstop is scanning the new commits for credentials.' };

  function checkRunAndConfig(existing: boolean): void {
    github
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, existing ? { total_count: 1, check_runs: [{ id: CHECK_RUN_ID, name: 'leakstop', status: 'in_progress', external_id: scanJobId(pushJob('d-retry')) }] } : { total_count: 0, check_runs: [] });
    if (!existing) github.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, { id: CHECK_RUN_ID });
    github.get(`/repos/${OWNER}/${REPO}/contents/.github%2Fleakstop.yml`).reply(404, {}).get(`/repos/${OWNER}/.github/contents/.github%2Fleakstop.yml`).reply(404, {});
  }

  it('retries a rate-limited job after the retry-after GitHub sent, then completes it', async () => {
    checkRunAndConfig(false);
    github.get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`).reply(429, { message: 'slow down' }, { 'retry-after': '1' });
    checkRunAndConfig(true);
    github
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`)
      .reply(200, cleanCommit())
      // Completing the run: a look at it first (still in progress), then the annotations sent.
      .get(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`)
      .reply(200, checkRunAnswer({ id: CHECK_RUN_ID, head_sha: HEAD, status: 'in_progress', external_id: scanJobId(pushJob('d-retry')), output: SCANNING }))
      .get(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}/annotations`)
      .query(true)
      .reply(200, [])
      .patch(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`)
      .reply(200, { id: CHECK_RUN_ID });
    startWorkers();
    const job = pushJob('d-retry');
    await queues.scan.add(job.kind, job, { jobId: scanJobId(job) });
    await waitFor('the job to complete', async () => ((await queues.scan.getJobCounts('completed')).completed === 1 ? true : undefined));
    const [first = 0, second = 0] = times.get(`GET /repos/${OWNER}/${REPO}/commits/${HEAD}`) ?? [];
    // The exponential policy alone would have waited 20 ms.
    expect(second - first).toBeGreaterThanOrEqual(950);
    // Two attempts: the rate-limited one and the one that completed.
    expect((await queues.scan.getJob(scanJobId(job)))?.attemptsMade).toBe(2);
  });

  it('fails a job that keeps failing, marks its check run failed and logs an error', async () => {
    checkRunAndConfig(false);
    github.get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`).reply(502, { message: 'Bad Gateway' });
    checkRunAndConfig(true);
    github.get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`).reply(502, { message: 'Bad Gateway' });
    // The failure report finds the run again and completes it as failed.
    const failure: unknown[] = [];
    github
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ id: CHECK_RUN_ID, name: 'leakstop', status: 'in_progress', external_id: scanJobId(pushJob('d-retry')) }] })
      .patch(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`, (body: unknown) => failure.push(body) > 0)
      .reply(200, { id: CHECK_RUN_ID });
    startWorkers();
    const job = pushJob('d-retry');
    await queues.scan.add(job.kind, job, { jobId: scanJobId(job), attempts: 2 });
    await waitFor('the failure to be reported', async () => (failure.length === 1 ? true : undefined));
    expect(await (await queues.scan.getJob(scanJobId(job)))?.getState()).toBe('failed');
    expect(failure[0]).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'The scan could not complete' } });
    const errors = captured.lines.map((line) => JSON.parse(line) as { level: number; msg: string; jobId?: string }).filter((line) => line.level >= 50);
    expect(errors).toEqual([expect.objectContaining({ msg: 'scan could not complete', jobId: scanJobId(job) })]);
  });

  it('starts backfills no faster than the backfill interval, across the queue', async () => {
    const started: number[] = [];
    startWorkers(
      {
        // Each backfill fails at once (the repository is gone): only when they start matters here.
        github: () => {
          started.push(Date.now());
          return Promise.reject(Object.assign(new Error('Not Found'), { status: 404 }));
        },
      },
      300,
    );
    const backfills = [7, 8, 9].map((id): ScanJob => ({ ...pushJob('install'), kind: 'backfill', headSha: '', commitShas: [], repository: { owner: OWNER, name: `r${id}`, id, defaultBranch: '', private: false } }));
    await queues.backfill.addBulk(backfills.map((data) => ({ name: data.kind, data, opts: { jobId: scanJobId(data) } })));
    await waitFor('three backfills to start', async () => (started.length === 3 ? true : undefined));
    const gaps = started.slice(1).map((time, i) => time - (started[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(250);
  });
});
