// The queues and how jobs are added to them. Pushes, pull requests and re-runs share the scan queue;
// installation backfills (whole histories, many repositories at once) have their own, rate-limited
// queue so that a large organisation installing the app neither starves pushes nor trips GitHub's
// secondary rate limits. Within each queue, installations take turns (fair-priority.ts): one
// installation's flood does not hold back another's push.
import { Queue, type JobsOptions } from 'bullmq';
import { fairPriorities } from './fair-priority.js';
import type { RedisClient } from './redis-connection.js';
import { scanJobId, scanJobSchema, type ScanJob } from './jobs.js';

export const SCAN_QUEUE = 'scan';
export const BACKFILL_QUEUE = 'backfill';
/**
 * The scan report jobs: check runs and incident issues of finished scans (see scan-report-job.ts).
 * Its name in Redis stays 'report', as earlier versions named it, so reports they queued are not
 * orphaned by an upgrade. (The leak response's own report runs on the `respond` queue.)
 */
export const SCAN_REPORT_QUEUE = 'report';
export const QUEUE_NAMES = [SCAN_QUEUE, BACKFILL_QUEUE, SCAN_REPORT_QUEUE] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Attempts per job before it is failed and its check run says the scan could not complete. */
export const SCAN_ATTEMPTS = 5;

/**
 * Finished jobs stay in Redis for a day (at most 10,000 per queue): while a job is kept, a webhook
 * redelivered with the same delivery id maps to the same job id and adds nothing.
 */
export const KEEP_FINISHED = { age: 24 * 60 * 60, count: 10_000 };

/** The backoff type our workers' backoffStrategy implements (see retry.ts). */
export const BACKOFF_TYPE = 'github-aware';

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: SCAN_ATTEMPTS,
  backoff: { type: BACKOFF_TYPE },
  removeOnComplete: KEEP_FINISHED,
  removeOnFail: KEEP_FINISHED,
};

/** The web process answers 5xx if Redis has not stored the job by then (GitHub waits 10 s in all). */
export const ENQUEUE_TIMEOUT_MS = 3_000;

export interface ScanQueues {
  /** The connection the queues share (the fair turns are taken on it, see fair-priority.ts). */
  redis: RedisClient;
  scan: Queue<ScanJob>;
  backfill: Queue<ScanJob>;
  /** Read-only here (counts for /healthz): scan workers add the scan reports. */
  scanReport: Queue;
  /** Resolves once both queues have connected and checked the Redis version. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface QueueSettings {
  /** BullMQ key prefix, e.g. `{leakstop}` (a Redis Cluster hash tag). */
  prefix: string;
}

export function createQueues(connection: RedisClient, settings: QueueSettings): ScanQueues {
  const options = { connection, prefix: settings.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
  const scan = new Queue<ScanJob>(SCAN_QUEUE, options);
  const backfill = new Queue<ScanJob>(BACKFILL_QUEUE, options);
  const scanReport = new Queue(SCAN_REPORT_QUEUE, options);
  return {
    redis: connection,
    scan,
    backfill,
    scanReport,
    ready: async () => {
      await Promise.all([scan.waitUntilReady(), backfill.waitUntilReady(), scanReport.waitUntilReady()]);
    },
    close: async () => {
      await Promise.all([scan.close(), backfill.close(), scanReport.close()]);
    },
  };
}

/** Raised when Redis did not store a job: the webhook must be answered 5xx so GitHub can redeliver it. */
export class EnqueueError extends Error {
  override name = 'EnqueueError';
  /** @octokit/webhooks answers a handler error with its `status`. */
  readonly status = 503;
}

/**
 * Adds the jobs (validated again: nothing but a ScanJob enters Redis) and resolves once Redis has
 * stored them all. A job id already present (a redelivery) is left as it is. Each job's priority is
 * its installation's turn (see fair-priority.ts).
 */
export async function enqueueScanJobs(queues: Pick<ScanQueues, 'redis' | 'scan' | 'backfill'>, jobs: readonly ScanJob[], timeoutMs = ENQUEUE_TIMEOUT_MS): Promise<string[]> {
  const valid = jobs.map((job) => scanJobSchema.parse(job));
  const ids = valid.map(scanJobId);
  const scans = valid.filter((job) => job.kind !== 'backfill');
  const backfills = valid.filter((job) => job.kind === 'backfill');
  await withEnqueueTimeout(Promise.all([addInTurn(queues.redis, queues.scan, scans), addInTurn(queues.redis, queues.backfill, backfills)]), timeoutMs);
  return ids;
}

/** Adds the jobs, each with the priority that gives its installation its turn. */
async function addInTurn(redis: RedisClient, queue: Queue<ScanJob>, jobs: readonly ScanJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const priorities = await fairPriorities(redis, queue, jobs.map((job) => ({ installationId: job.installationId, jobId: scanJobId(job) })));
  await queue.addBulk(jobs.map((data, i) => ({ name: data.kind, data, opts: { jobId: scanJobId(data), priority: priorities[i] ?? 1 } })));
}

/** Resolves once Redis stored what `work` adds, or rejects with EnqueueError (a 503 for GitHub to redeliver). */
export async function withEnqueueTimeout<T>(work: Promise<T>, timeoutMs = ENQUEUE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EnqueueError(`Redis did not store the job within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    if (error instanceof EnqueueError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new EnqueueError(`Redis did not store the job: ${message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

export type QueueCounts = Record<string, number>;

/** Job counts per state, for the health endpoint and the load benchmark. */
export async function queueCounts(queues: Pick<ScanQueues, 'scan' | 'backfill' | 'scanReport'>): Promise<Record<QueueName, QueueCounts>> {
  const states = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'paused'] as const;
  const [scan, backfill, scanReport] = await Promise.all([queues.scan.getJobCounts(...states), queues.backfill.getJobCounts(...states), queues.scanReport.getJobCounts(...states)]);
  // Keyed by the queues' names in Redis, as /healthz has always shown them.
  return { [SCAN_QUEUE]: scan, [BACKFILL_QUEUE]: backfill, [SCAN_REPORT_QUEUE]: scanReport };
}
