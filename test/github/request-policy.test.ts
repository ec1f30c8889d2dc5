// The worker's GitHub client under faults, as `leakstop worker` builds it (Probot with its retry and
// throttling plugins, our deadline and policy), against a fake GitHub over real HTTP and a real Redis:
// a held connection fails within the deadline and the job goes back to the queue while a healthy job
// takes the slot; a 429 or rate limit puts the job back for the time GitHub asked, with no request
// repeated inside the slot.
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { startAppProcess, type AppProcess } from '../../src/process/app-process.js';
import { scanJobId, type ScanJob } from '../../src/queue/jobs.js';
import { createQueues, type ScanQueues } from '../../src/queue/queues.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { captureLog, commitWithLines, randomSha, waitFor, type CapturedLog } from '../e2e/helpers.js';
import { startFakeGitHub, type CommitFault, type FakeGitHub } from '../queue/fake-github-server.js';
import { pushJobOf } from '../queue/push-job.js';
import { deleteKeysWithPrefix, describeWithRedis, redisUrl, testRedis, uniquePrefix } from '../queue/redis.js';
import { APP_ID, testPrivateKey } from '../webhooks/helpers.js';

const TIMEOUT_MS = 500;

describeWithRedis("the worker's GitHub requests under faults", () => {
  let github: FakeGitHub;
  let prefix: string;
  let producer: Redis;
  let inspector: Redis;
  let queues: ScanQueues;
  let running: AppProcess | undefined;
  let captured: CapturedLog;

  beforeEach(async () => {
    github = await startFakeGitHub();
    prefix = uniquePrefix();
    captured = captureLog();
    producer = createRedisConnection(redisUrl(), 'producer', createLogger({ level: 'silent' }));
    inspector = testRedis();
    queues = createQueues(producer, { prefix });
    await queues.ready();
    running = await startAppProcess(
      'worker',
      {
        APP_ID: String(APP_ID),
        PRIVATE_KEY: testPrivateKey(),
        REDIS_URL: redisUrl(),
        QUEUE_PREFIX: prefix,
        // The shared test Redis keeps nothing on disk; the persistence check has its own tests.
        LEAKSTOP_ALLOW_VOLATILE_REDIS: 'true',
        GHE_HOST: github.host,
        GHE_PROTOCOL: 'http',
        // One slot: a job waiting in it would hold up every other.
        WORKER_CONCURRENCY: '1',
        LEAKSTOP_GITHUB_TIMEOUT_MS: String(TIMEOUT_MS),
        LEAKSTOP_RESPONSE: 'off',
      },
      // The queue's own backoff is long, so a re-queued job is seen waiting in Redis, not run again.
      { log: captured.log, shutdownGraceMs: 1_000, worker: { retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } } },
    );
  });

  afterEach(async () => {
    await running?.close();
    running = undefined;
    await queues.close();
    producer.disconnect();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
    await github.close();
    expect(github.unmatched).toEqual([]);
  });

  function queuedPush(deliveryId: string, head: string): ScanJob {
    return pushJobOf(deliveryId, head, randomSha());
  }

  async function enqueue(job: ScanJob): Promise<string> {
    await queues.scan.add(job.kind, job, { jobId: scanJobId(job) });
    return scanJobId(job);
  }

  function commitRequests(sha: string): number {
    return github.requests.filter((request) => request.method === 'GET' && request.path.endsWith(`/commits/${sha}`)).length;
  }

  /** When a delayed job is due, from its score in the delayed set (BullMQ packs the time in ms × 4096). */
  async function dueAt(jobId: string): Promise<number> {
    const score = await inspector.zscore(`${prefix}:scan:delayed`, jobId);
    if (score === null) throw new Error(`job ${jobId} is not delayed`);
    return Math.floor(Number(score) / 0x1000);
  }

  it('fails a request on a held connection within the deadline and re-queues its job; a healthy job takes the slot meanwhile', async () => {
    const hung = randomSha();
    const healthy = randomSha();
    github.setCommitFault(hung, 'hang');
    github.setCommit(healthy, commitWithLines(healthy, randomSha(), ['APP_NAME=hello']));

    const hungId = await enqueue(queuedPush('d-hung', hung));
    const healthyId = await enqueue(queuedPush('d-healthy', healthy));
    const started = Date.now();

    await waitFor('the healthy job to complete', async () => ((await queues.scan.getJob(healthyId))?.finishedOn === undefined ? undefined : true), 10_000);
    const hungJob = await queues.scan.getJob(hungId);
    expect(await hungJob?.getState()).toBe('delayed');
    expect(hungJob?.attemptsMade).toBe(1);
    expect(hungJob?.failedReason).toMatch(new RegExp(`GitHub did not answer GET /api/v3/repos/octo-org/payments/commits/${hung} within ${TIMEOUT_MS} ms`));
    // Asked once: the timeout is retried by the queue, not by the client inside the slot.
    expect(commitRequests(hung)).toBe(1);
    // The deadline, then the healthy scan: far from the minutes a held connection used to keep the slot.
    expect((await queues.scan.getJob(healthyId))?.finishedOn ?? Infinity).toBeLessThan(started + 5_000);
  });

  it("re-queues the job on a read's 502 with the queue's backoff, without asking again inside the slot", async () => {
    const failing = randomSha();
    github.setCommitFault(failing, { status: 502, message: 'Server Error' });

    const jobId = await enqueue(queuedPush('d-502', failing));

    await waitFor('the job to be put back', async () => ((await queues.scan.getJob(jobId))?.attemptsMade === 1 ? true : undefined), 5_000);
    expect(await (await queues.scan.getJob(jobId))?.getState()).toBe('delayed');
    expect(commitRequests(failing)).toBe(1);
  });

  /** A fault GitHub answers, and the earliest time it allows another try (from the attempt's start). */
  type Limit = () => { fault: CommitFault; allowedFrom: (attemptStart: number) => number };
  const limits: [string, Limit][] = [
    ['a 429 with Retry-After: 15', () => ({ fault: { status: 429, message: 'Too Many Requests', headers: { 'retry-after': '15' } }, allowedFrom: (start) => start + 15_000 })],
    [
      'a secondary rate limit with Retry-After: 15',
      () => ({
        fault: { status: 403, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', headers: { 'retry-after': '15' } },
        allowedFrom: (start) => start + 15_000,
      }),
    ],
    [
      'an exhausted rate limit that resets in 15 s',
      () => {
        const reset = Math.ceil(Date.now() / 1000) + 15;
        return { fault: { status: 403, message: 'API rate limit exceeded for installation ID 5.', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } }, allowedFrom: () => reset * 1000 };
      },
    ],
  ];

  it.each(limits)('puts the job back for the wait GitHub asked after %s, and asks nothing more meanwhile', async (_name, limit) => {
    const limited = randomSha();
    const { fault, allowedFrom } = limit();
    github.setCommitFault(limited, fault);

    const jobId = await enqueue(queuedPush('d-limited', limited));

    await waitFor('the job to be put back', async () => ((await queues.scan.getJob(jobId))?.attemptsMade === 1 ? true : undefined), 5_000);
    const job = await queues.scan.getJob(jobId);
    expect(await job?.getState()).toBe('delayed');
    expect(await dueAt(jobId)).toBeGreaterThanOrEqual(allowedFrom(job?.processedOn ?? Infinity));
    expect(job?.failedReason).toMatch(/Retry after 1\d s/);
    // The slot is free: another push is scanned at once.
    const other = randomSha();
    github.setCommit(other, commitWithLines(other, randomSha(), ['APP_NAME=hello']));
    const otherId = await enqueue(queuedPush('d-other', other));
    await waitFor('the other job to complete', async () => ((await queues.scan.getJob(otherId))?.finishedOn === undefined ? undefined : true), 5_000);
    expect(commitRequests(limited)).toBe(1);
  });

  it('stops a job whose installation GitHub refuses (401) with one log line naming the installation, while another installation is scanned', async () => {
    github.refuseInstallation(7, 401);
    const refused = randomSha();
    const healthy = randomSha();
    github.setCommit(healthy, commitWithLines(healthy, randomSha(), ['APP_NAME=hello']));

    const refusedId = await enqueue({ ...queuedPush('d-refused', refused), installationId: 7 });
    const healthyId = await enqueue(queuedPush('d-fine', healthy));

    await waitFor('the healthy job to complete', async () => ((await queues.scan.getJob(healthyId))?.finishedOn === undefined ? undefined : true), 10_000);
    await waitFor('the refused job to end', async () => ((await queues.scan.getJob(refusedId))?.finishedOn === undefined ? undefined : true), 10_000);
    const job = await queues.scan.getJob(refusedId);
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(1);
    // Closing waits for any failure report under way: every line about the job is written by then.
    await running?.close();
    running = undefined;
    const lines = captured.lines.map((line) => JSON.parse(line) as { level: number; msg: string; jobId?: string; installationId?: number });
    const warnings = lines.filter((line) => line.level >= 40 && (line.jobId === refusedId || line.installationId === 7));
    expect(warnings).toEqual([expect.objectContaining({ level: 50, installationId: 7, jobId: refusedId, msg: expect.stringMatching(/^GitHub refused the credentials of installation 7 \(401\).*Reinstall or unsuspend the app/) })]);
    // Its token was asked for once: not again to mark a check run it cannot write.
    expect(github.requests.filter((request) => request.path === '/app/installations/7/access_tokens')).toHaveLength(1);
    expect(github.requests.filter((request) => request.path.includes(refused))).toEqual([]);
  });
});
