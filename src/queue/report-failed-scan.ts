// What happens when a scan or scan report job fails for good (attempts exhausted, a permanent GitHub
// error, or stalled too often): the check run must say so, or a required check would wait forever and
// a leak would pass unseen.
import type { Logger } from '../log.js';
import { errorSummary } from '../error-summary.js';
import type { InstallationOctokit } from '../github/installation-octokit.js';
import { jobLogger } from '../log.js';
import { failCheckRun, startCheckRun } from '../report/check-run.js';
import type { CheckRunStore } from '../report/check-run-record.js';
import { scanJobSchema } from './jobs.js';
import { InstallationAccessError } from './retry.js';
import type { QueuedJob } from './queued-job.js';

export interface FailedScanDeps {
  github: (installationId: number) => Promise<InstallationOctokit>;
  /** The lock every write of a check run holds (see report/write-check-run.ts). */
  checkRuns: Pick<CheckRunStore, 'lock' | 'forgetWritten'>;
  log: Logger;
}

/** Marks the check run of a job that failed for good as failed, saying why and what to do. */
export async function reportFailedScan(job: QueuedJob, error: unknown, deps: FailedScanDeps): Promise<void> {
  // Logged where it was thrown; the check run cannot be written without the installation's access.
  if (error instanceof InstallationAccessError) return;
  // A scan job, or a scan report job (which carries its scan): either way the check run must say so.
  const parsed = scanJobSchema.safeParse(job.data);
  const carried = typeof job.data === 'object' && job.data !== null && 'scan' in job.data ? scanJobSchema.safeParse(job.data.scan) : undefined;
  const queued = parsed.success ? parsed.data : carried?.success ? carried.data : undefined;
  if (queued === undefined) {
    deps.log.error({ jobId: job.id, err: errorSummary(error) }, 'scan failed for good and its job data is unreadable');
    return;
  }
  const log = jobLogger(deps.log, { jobId: job.id, ...queued });
  log.error({ attempts: job.attemptsMade, err: errorSummary(error) }, 'scan could not complete');
  if (queued.kind === 'backfill') return;
  const { owner, name: repo } = queued.repository;
  const octokit = await deps.github(queued.installationId);
  const why = error instanceof Error ? error.message : String(error);
  const commit = { owner, repo, headSha: queued.headSha };
  // Under the head SHA's lock, as every write of the run: a response report never writes over the failure.
  await deps.checkRuns.lock(commit, async () => {
    const checkRunId = await startCheckRun(octokit, { ...commit, externalId: job.id ?? '' });
    await failCheckRun(octokit, {
      owner,
      repo,
      checkRunId,
      reason: `leakstop could not complete the scan after ${job.attemptsMade} attempt(s): ${why}. Re-run this check to try again.`,
    });
    // The run no longer shows what the last write sent: a later write must not skip itself.
    await deps.checkRuns.forgetWritten(commit);
  });
}
