// The worker process's BullMQ workers: one on the scan queue (concurrency from WORKER_CONCURRENCY),
// one on the backfill queue (rate-limited across every worker process), one on the scan report queue. Stalled-job recovery is on:
// a job whose worker died is handed to another after its lock expires.
import { Job, Queue, Worker } from 'bullmq';
import type { RedisClient } from './redis-connection.js';
import { BACKFILL_QUEUE, BACKOFF_TYPE, KEEP_FINISHED, SCAN_ATTEMPTS, SCAN_QUEUE, SCAN_REPORT_QUEUE } from './queues.js';
import { errorSummary } from '../error-summary.js';
import { fairPriorities } from './fair-priority.js';
import { processScanJob, type ScanJobDeps, type ScanJobOutcome } from './process-scan-job.js';
import { processScanReportJob, type ScanReportOutcome } from './process-scan-report-job.js';
import { reportFailedScan } from './report-failed-scan.js';
import { scanReportJobId, type ScanReportJob } from './scan-report-job.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry.js';

export interface ScanWorkerSettings {
  prefix: string;
  /** Jobs one process runs at once (WORKER_CONCURRENCY). */
  concurrency: number;
  /** Scan reports (check runs, incident issues) one process writes at once; they mostly wait on GitHub (default 20). */
  reportConcurrency?: number;
  /** A job whose lock is not renewed for this long counts as stalled (default 30 s). */
  lockDuration?: number;
  /** How often workers look for stalled jobs (default 30 s). */
  stalledInterval?: number;
  /** Times a job may stall before it is failed rather than handed on (default 2). */
  maxStalledCount?: number;
  /** At most one backfill starts per this many ms, across all worker processes (default 5 s). */
  backfillIntervalMs?: number;
  retry?: RetryPolicy;
}

export interface ScanWorkerDeps extends ScanJobDeps {
  /** A connection for BullMQ's blocking commands (maxRetriesPerRequest: null); each Worker duplicates it. */
  connection: RedisClient;
  settings: ScanWorkerSettings;
}

export interface ScanWorkers {
  scan: Worker;
  backfill: Worker;
  scanReport: Worker;
  /** Stops taking jobs, waits up to `timeoutMs` for running ones, then hands the rest back to Redis. */
  close(timeoutMs: number): Promise<void>;
}

export const DEFAULT_BACKFILL_INTERVAL_MS = 5_000;
const DEFAULT_REPORT_CONCURRENCY = 20;

export function createScanWorker(deps: ScanWorkerDeps): ScanWorkers {
  const { settings } = deps;
  const policy = settings.retry ?? DEFAULT_RETRY_POLICY;
  const common = {
    connection: deps.connection,
    prefix: settings.prefix,
    lockDuration: settings.lockDuration ?? 30_000,
    stalledInterval: settings.stalledInterval ?? 30_000,
    maxStalledCount: settings.maxStalledCount ?? 2,
    settings: { backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) => retryDelayMs(attemptsMade, error, policy) },
  };
  // A scan hands its check run and incident issues to a scan report job and frees its slot: GitHub's
  // write spacing would otherwise hold the slot for seconds while later pushes wait to be scanned.
  const reports = new Queue<ScanReportJob>(SCAN_REPORT_QUEUE, { connection: deps.connection, prefix: settings.prefix });
  const publish = (report: ScanReportJob): Promise<void> => queueScanReport(deps.connection, reports, report);
  const processor = (job: Job): Promise<ScanJobOutcome> => processScanJob(job, { publish, ...deps });
  const scan = new Worker(SCAN_QUEUE, processor, { ...common, concurrency: settings.concurrency });
  const scanReport = new Worker(SCAN_REPORT_QUEUE, (job: Job): Promise<ScanReportOutcome> => processScanReportJob(job, deps), { ...common, concurrency: settings.reportConcurrency ?? DEFAULT_REPORT_CONCURRENCY });
  const backfill = new Worker(BACKFILL_QUEUE, processor, {
    ...common,
    concurrency: 1,
    limiter: { max: 1, duration: settings.backfillIntervalMs ?? DEFAULT_BACKFILL_INTERVAL_MS },
  });

  // Failure reports run outside the processor (a stalled job has no processor left to run them);
  // close() waits for those under way so a shutdown does not cut one off.
  const failureReports = new Set<Promise<void>>();
  const track = (work: Promise<void>, jobId: string | undefined): void => {
    const failureReport = work
      .catch((reportError: unknown) => deps.log.error({ jobId, err: errorSummary(reportError) }, 'could not mark the check run as failed'))
      .finally(() => failureReports.delete(failureReport));
    failureReports.add(failureReport);
  };
  for (const worker of [scan, backfill, scanReport]) {
    worker.on('failed', (job, error) => {
      if (job === undefined || job.finishedOn === undefined) return; // another attempt follows
      track(reportFailedScan(job, error, deps), job.id);
    });
    // A job that stalled more than maxStalledCount times is failed by the stalled checker, which
    // emits only 'stalled': look the job up to see whether it was handed on or failed.
    worker.on('stalled', (jobId) => {
      track(reportIfStalledForGood(worker, jobId, deps), jobId);
    });
    worker.on('error', (error) => deps.log.error({ queue: worker.name, err: errorSummary(error) }, 'worker error'));
  }

  return {
    scan,
    backfill,
    scanReport,
    close: async (timeoutMs) => {
      const endsAt = Date.now() + timeoutMs;
      await Promise.all([closeWorker(scan, timeoutMs), closeWorker(backfill, timeoutMs)]);
      // Scan reports queued by the last scans are written before the process goes, within what is left of the grace.
      await closeWorker(scanReport, Math.max(0, endsAt - Date.now()));
      await Promise.all([...failureReports, reports.close()]);
    },
  };
}

/**
 * Adds a finished scan's report job (once per scan job: a scan run again adds nothing). Installations
 * take turns on this queue too (fair-priority.ts): a flood's reports wait on that installation's own
 * write spacing, and would otherwise hold every report slot while another's check run waits.
 */
export async function queueScanReport(redis: RedisClient, reports: Queue<ScanReportJob>, report: ScanReportJob): Promise<void> {
  const jobId = scanReportJobId(report.scanJobId);
  const [priority] = await fairPriorities(redis, reports, [{ installationId: report.scan.installationId, jobId }]);
  // The worker reads every job of its queue whatever its name (earlier versions named them 'report').
  await reports.add('scan-report', report, { jobId, priority, attempts: SCAN_ATTEMPTS, backoff: { type: BACKOFF_TYPE }, removeOnComplete: KEEP_FINISHED, removeOnFail: KEEP_FINISHED });
}

async function reportIfStalledForGood(worker: Worker, jobId: string, deps: ScanWorkerDeps): Promise<void> {
  deps.log.warn({ jobId, queue: worker.name }, 'job stalled (its worker stopped renewing the lock); recovering it');
  const job = await Job.fromId(worker, jobId);
  if (job === undefined || !(await job.isFailed())) return;
  await reportFailedScan(job, new Error(job.failedReason || 'the job stalled too many times'), deps);
}

/**
 * Lets running jobs finish for up to `timeoutMs`; then closes forcefully. A job cut off keeps its
 * lock until it expires and is then picked up again by stalled-job recovery on another worker.
 */
export async function closeWorker(worker: Worker, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const graceful = worker.close();
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([graceful.then(() => 'closed' as const), deadline]);
  clearTimeout(timer);
  if (outcome === 'closed') return;
  // BullMQ's close(true) returns the close already under way, which waits for the running jobs: so
  // stop waiting instead. The jobs cut off lose their lock when the connections close and are handed
  // to another worker by stalled-job recovery.
  graceful.catch(() => undefined);
}
