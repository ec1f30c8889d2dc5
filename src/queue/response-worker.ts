// The worker of the `respond` queue: provider calls are I/O bound, so it runs many jobs at once.
// Retries come quickly (a leaked key is used within minutes) unless the provider or GitHub asked
// for a wait, which is honoured.
import { Worker, type Job } from 'bullmq';
import { ProviderRetryError } from '../respond/respond-steps.js';
import { errorSummary } from '../error-summary.js';
import { processResponseJob, type ResponseJobDeps, type ResponseJobOutcome } from './process-response-job.js';
import { IncidentNotReadyError } from './process-response-report-job.js';
import type { RedisClient } from './redis-connection.js';
import { RESPONSE_QUEUE } from './response-jobs.js';
import { MAX_RETRY_DELAY_MS, retryAfterMs } from './retry.js';
import { closeWorker } from './worker.js';

export interface ResponseWorkerSettings {
  prefix: string;
  /** Response jobs one process runs at once (default 20: they mostly wait on providers). */
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
  /** Delay before the second attempt of a job; doubled for each later one, up to a minute. */
  baseDelayMs?: number;
}

export interface ResponseWorker {
  worker: Worker;
  close(timeoutMs: number): Promise<void>;
}

const DEFAULT_CONCURRENCY = 20;
const DEFAULT_BASE_DELAY_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;

/** BullMQ's custom backoff for response jobs (`attemptsMade` is 1 after the first failure). */
export function responseRetryDelayMs(attemptsMade: number, error: unknown, baseDelayMs = DEFAULT_BASE_DELAY_MS, random: () => number = Math.random): number {
  if (error instanceof ProviderRetryError && error.retryAfterSeconds !== undefined) return Math.min(error.retryAfterSeconds * 1000, MAX_RETRY_DELAY_MS);
  const asked = retryAfterMs(error);
  if (asked !== undefined) return Math.min(asked, MAX_RETRY_DELAY_MS);
  // The scan report is about to open the incident issues: look again soon.
  const base = error instanceof IncidentNotReadyError ? Math.min(baseDelayMs, 1_000) : baseDelayMs;
  const exponential = Math.min(base * 2 ** Math.max(0, attemptsMade - 1), MAX_BACKOFF_MS);
  return Math.round(exponential * (1 + 0.2 * random()));
}

export function createResponseWorker(deps: ResponseJobDeps & { connection: RedisClient; settings: ResponseWorkerSettings }): ResponseWorker {
  const { settings } = deps;
  const processor = (job: Job): Promise<ResponseJobOutcome> => processResponseJob(job, deps);
  const worker = new Worker(RESPONSE_QUEUE, processor, {
    connection: deps.connection,
    prefix: settings.prefix,
    concurrency: settings.concurrency ?? DEFAULT_CONCURRENCY,
    lockDuration: settings.lockDuration ?? 30_000,
    stalledInterval: settings.stalledInterval ?? 30_000,
    maxStalledCount: 2,
    settings: { backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) => responseRetryDelayMs(attemptsMade, error, settings.baseDelayMs) },
  });
  worker.on('failed', (job, error) => {
    if (job === undefined) return;
    const final = job.finishedOn !== undefined;
    deps.log[final ? 'error' : 'warn']({ jobId: job.id, step: job.name, attempt: job.attemptsMade, err: errorSummary(error) }, final ? 'response job failed for good' : 'response job failed; retrying');
  });
  worker.on('error', (error) => deps.log.error({ queue: RESPONSE_QUEUE, err: errorSummary(error) }, 'worker error'));
  return {
    worker,
    close: (timeoutMs) => closeWorker(worker, timeoutMs),
  };
}
