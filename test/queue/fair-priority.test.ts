// Installations take turns on the queues: against a real Redis with real BullMQ workers, one
// installation's flood (pushes) or backfill (a whole organisation) does not hold back another's
// push; the flood's own jobs all still run, in their own order; and nothing is left counted once
// the queue drains. The workers here only record the order they start jobs in: the order is what
// the queue decides, whatever a job then does.
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { MAX_PRIORITY, roundsKey } from '../../src/queue/fair-priority.js';
import { scanJobId, type ScanJob } from '../../src/queue/jobs.js';
import { BACKFILL_QUEUE, createQueues, enqueueScanJobs, SCAN_QUEUE, SCAN_REPORT_QUEUE, type ScanQueues } from '../../src/queue/queues.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import type { ScanReportJob } from '../../src/queue/scan-report-job.js';
import { queueScanReport } from '../../src/queue/worker.js';
import { waitFor } from '../e2e/helpers.js';
import { deleteKeysWithPrefix, describeWithRedis, redisUrl, testRedis, uniquePrefix } from './redis.js';

const FLOODER = 101;
const QUIET = 202;
const FLOOD = 500;
const CONCURRENCY = 4;

function push(installationId: number, n: number): ScanJob {
  const head = n.toString(16).padStart(40, '0');
  return {
    kind: 'push',
    deliveryId: `delivery-${installationId}-${n}`,
    installationId,
    repository: { owner: `org-${installationId}`, name: 'payments', id: installationId * 10, defaultBranch: 'main', private: true },
    headSha: head,
    ref: 'refs/heads/main',
    commitShas: [head],
  };
}

function backfills(installationId: number, repositories: number): ScanJob[] {
  return Array.from({ length: repositories }, (_, i) => ({
    kind: 'backfill',
    deliveryId: `install-${installationId}`,
    installationId,
    repository: { owner: `org-${installationId}`, name: `repo-${i}`, id: installationId * 10_000 + i + 1, defaultBranch: '', private: true },
    headSha: '',
    commitShas: [],
  }));
}

function report(installationId: number, n: number): ScanReportJob {
  const scan = push(installationId, n);
  return {
    scan,
    scanJobId: scanJobId(scan),
    startedAt: '2026-12-03T12:00:00.000Z',
    incidents: { assignees: [], labels: [] },
    result: { target: 'push', root: '', findings: [], stats: { filesScanned: 1, bytesScanned: 10, baselined: 0, allowedInline: 0, skipped: [], durationMs: 1 } },
  };
}

/** The installation of a scan job or of a scan report job. */
function installationOf(job: Job): number | undefined {
  const data = job.data as Partial<ScanJob> & Partial<Pick<ScanReportJob, 'scan'>>;
  return data.installationId ?? data.scan?.installationId;
}

/** Waits for `predicate` (on what the recording workers saw) to hold. */
async function until(what: string, predicate: () => boolean): Promise<void> {
  await waitFor(what, () => Promise.resolve(predicate() ? true : undefined), 60_000);
}

describeWithRedis('installations taking turns on the queues', () => {
  let prefix: string;
  let producer: Redis;
  let workerConnection: Redis;
  let inspector: Redis;
  let queues: ScanQueues;
  let workers: Worker[];
  const log = createLogger({ level: 'silent' });

  beforeEach(async () => {
    prefix = uniquePrefix();
    producer = createRedisConnection(redisUrl(), 'producer', log);
    workerConnection = createRedisConnection(redisUrl(), 'worker', log);
    inspector = testRedis();
    queues = createQueues(producer, { prefix });
    await queues.ready();
    workers = [];
  });

  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await queues.close();
    producer.disconnect();
    workerConnection.disconnect();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
  });

  interface Recording {
    /** The jobs in the order the worker started them. */
    started: Job[];
    /** Resolves once every slot holds a job that waits for release(): nothing else starts meanwhile. */
    holding(): Promise<void>;
    release(): void;
  }

  /**
   * A real BullMQ worker on `queue` that records the jobs in the order it starts them; each takes
   * `jobMs`. From the `holdFrom`-th job on, jobs wait for release(), so a test can add a job while
   * the worker is mid-flood and know exactly which jobs had started before it.
   */
  function recordingWorker(queue: string, concurrency: number, jobMs: number, holdFrom = Infinity): Recording {
    const started: Job[] = [];
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const worker = new Worker(
      queue,
      async (job: Job) => {
        started.push(job);
        if (started.length >= holdFrom) await released;
        await new Promise((resolve) => setTimeout(resolve, jobMs));
      },
      { connection: workerConnection, prefix, concurrency },
    );
    workers.push(worker);
    return { started, holding: () => until('every slot to hold a job', () => started.length === holdFrom + concurrency - 1), release };
  }

  async function completed(queue: Queue, count: number): Promise<void> {
    await waitFor(`${count} jobs to complete`, async () => ((await queue.getJobCounts('completed')).completed === count ? true : undefined), 60_000);
  }

  /** Where the job `isIt` picks started among the jobs that started after it was added (1: the first). */
  function positionAfter(recording: Recording, startedBefore: number, isIt: (job: Job) => boolean): number {
    return recording.started.findIndex(isIt) - startedBefore + 1;
  }

  it("starts another installation's push next after a flood of 500, and still runs the whole flood in order", async () => {
    for (let n = 0; n < FLOOD; n++) await enqueueScanJobs(queues, [push(FLOODER, n)]);
    const worker = recordingWorker(SCAN_QUEUE, CONCURRENCY, 2, 50);
    await worker.holding();

    const startedBefore = worker.started.length;
    const [quietId] = await enqueueScanJobs(queues, [push(QUIET, 0)]);
    worker.release();
    await until('the quiet push to start', () => worker.started.some((job) => job.id === quietId));
    // Behind at most the one flood job of the round now served, not behind the 447 still waiting.
    expect(positionAfter(worker, startedBefore, (job) => job.id === quietId)).toBeLessThanOrEqual(2);
    // Nothing starved: the whole flood completes, in the order it was queued.
    await completed(queues.scan, FLOOD + 1);
    const flood = worker.started.filter((job) => installationOf(job) === FLOODER).map((job) => job.id);
    expect(flood).toEqual(Array.from({ length: FLOOD }, (_, n) => scanJobId(push(FLOODER, n))));
  });

  it('interleaves two floods one job each, and puts a third installation in the next turn', async () => {
    const other = 303;
    for (let n = 0; n < 20; n++) await enqueueScanJobs(queues, [push(FLOODER, n)]);
    for (let n = 0; n < 20; n++) await enqueueScanJobs(queues, [push(other, n)]);
    await enqueueScanJobs(queues, [push(QUIET, 0)]);
    const worker = recordingWorker(SCAN_QUEUE, 1, 0);
    await completed(queues.scan, 41);
    const turns = worker.started.map(installationOf);
    expect(turns.slice(0, 5)).toEqual([FLOODER, other, QUIET, FLOODER, other]);
    expect(turns.slice(5)).toEqual(Array.from({ length: 36 }, (_, i) => (i % 2 === 0 ? FLOODER : other)));
  });

  it("starts another installation's backfill next after one organisation's backfill of 300 repositories, and its pushes at once", async () => {
    await enqueueScanJobs(queues, backfills(FLOODER, 300));
    const backfill = recordingWorker(BACKFILL_QUEUE, 1, 2, 10);
    await backfill.holding();
    const startedBefore = backfill.started.length;
    const [quietBackfill] = await enqueueScanJobs(queues, backfills(QUIET, 1));
    const [quietPush] = await enqueueScanJobs(queues, [push(QUIET, 1)]);
    // The push is on its own queue: it runs while the backfill is still held.
    const scans = recordingWorker(SCAN_QUEUE, 1, 0);
    await until('the quiet push to start', () => scans.started.some((job) => job.id === quietPush));
    backfill.release();
    await until('the quiet backfill to start', () => backfill.started.some((job) => job.id === quietBackfill));
    expect(positionAfter(backfill, startedBefore, (job) => job.id === quietBackfill)).toBeLessThanOrEqual(2);
    await completed(queues.backfill, 301);
  });

  it("writes another installation's scan report next after a flood of reports", async () => {
    const reports = new Queue<ScanReportJob>(SCAN_REPORT_QUEUE, { connection: producer, prefix });
    try {
      for (let n = 0; n < 200; n++) await queueScanReport(producer, reports, report(FLOODER, n));
      const worker = recordingWorker(SCAN_REPORT_QUEUE, CONCURRENCY, 2, 20);
      await worker.holding();
      const startedBefore = worker.started.length;
      await queueScanReport(producer, reports, report(QUIET, 0));
      worker.release();
      await until('the quiet report to start', () => worker.started.some((job) => installationOf(job) === QUIET));
      expect(positionAfter(worker, startedBefore, (job) => installationOf(job) === QUIET)).toBeLessThanOrEqual(2);
      await completed(reports, 201);
    } finally {
      await reports.close();
    }
  });

  it('takes no turn for a redelivery, and forgets every turn once the queue has drained', async () => {
    await enqueueScanJobs(queues, [push(FLOODER, 0)]);
    await enqueueScanJobs(queues, [push(FLOODER, 0)]); // GitHub redelivers the same delivery
    await enqueueScanJobs(queues, [push(FLOODER, 1)]);
    const priority = async (job: ScanJob): Promise<number | undefined> => (await queues.scan.getJob(scanJobId(job)))?.priority;
    expect([await priority(push(FLOODER, 0)), await priority(push(FLOODER, 1))]).toEqual([1, 2]);
    for (let n = 2; n < 100; n++) await enqueueScanJobs(queues, [push(FLOODER, n)]);
    expect(await priority(push(FLOODER, 99))).toBe(100);

    recordingWorker(SCAN_QUEUE, CONCURRENCY, 0);
    await completed(queues.scan, 100);
    // Drained: the flood's turns are not held against the installation's next push.
    await enqueueScanJobs(queues, [push(FLOODER, 100)]);
    await completed(queues.scan, 101);
    expect(await priority(push(FLOODER, 100))).toBe(1);
    expect(await inspector.hgetall(roundsKey(queues.scan))).toEqual({ floor: '1', [String(FLOODER)]: '1' });
    // And kept no longer than a day after the last push.
    expect(await inspector.pttl(roundsKey(queues.scan))).toBeGreaterThan(0);
    expect(await inspector.pttl(roundsKey(queues.scan))).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
  });

  it('lets a retried job keep its turn: it runs again before the later rounds, and everything completes', async () => {
    for (let n = 0; n < 30; n++) await enqueueScanJobs(queues, [push(FLOODER, n)]);
    const failOnce = scanJobId(push(FLOODER, 0));
    const attempts: string[] = [];
    const worker = new Worker(
      SCAN_QUEUE,
      async (job: Job) => {
        attempts.push(job.id ?? '');
        if (job.id === failOnce && job.attemptsMade === 0) throw new Error('GitHub answered 502');
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      { connection: workerConnection, prefix, concurrency: 1, settings: { backoffStrategy: () => 20 } },
    );
    workers.push(worker);
    await completed(queues.scan, 30);
    const retried = await queues.scan.getJob(failOnce);
    expect(retried).toMatchObject({ attemptsMade: 2, priority: 1 });
    // Back from its 20 ms backoff with priority 1, it went ahead of the flood's later rounds.
    expect(attempts.lastIndexOf(failOnce)).toBeLessThan(29);
    expect(new Set(attempts).size).toBe(30);
  });

  it('keeps every priority within the range BullMQ accepts', async () => {
    // An installation whose last turn is at the cap stays there (first in, first out) rather than
    // asking BullMQ for a priority it refuses.
    await enqueueScanJobs(queues, [push(QUIET, 0)]);
    await inspector.hset(roundsKey(queues.scan), String(FLOODER), String(MAX_PRIORITY));
    await enqueueScanJobs(queues, [push(FLOODER, 0), push(FLOODER, 1)]);
    expect((await queues.scan.getJob(scanJobId(push(FLOODER, 1))))?.priority).toBe(MAX_PRIORITY);
  });
});
