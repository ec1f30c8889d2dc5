// The scan report job: the check run and incident issues of a finished scan, written by a job of its
// own so the scan's worker slot is free for the next push while GitHub's write spacing (a second per
// request per installation) paces these writes. Safe to repeat: a retried or redelivered job reuses
// the check run and the issues it already wrote.
import type { GitHubEndpoints } from '../config/operator-env.js';
import { errorSummary } from '../error-summary.js';
import type { InstallationOctokit } from '../github/installation-octokit.js';
import { jobLogger, type Logger } from '../log.js';
import { completeCheckRun, reportCheckRun } from '../report/check-run.js';
import { incidentRepository, recordIncidents, type IncidentStore } from '../report/incident-issue.js';
import { parseJobData, type QueuedJob } from './queued-job.js';
import type { ResponseRequest } from './response-jobs.js';
import { asQueueError } from './retry.js';
import { resultFromReport, scanReportJobSchema, type ScanReportJob } from './scan-report-job.js';

export interface ScanReportJobDeps {
  /** An octokit authenticated as the installation (Probot's `app.auth(installationId)`). */
  github: (installationId: number) => Promise<InstallationOctokit>;
  incidents: IncidentStore;
  endpoints: GitHubEndpoints;
  log: Logger;
  /**
   * After a report rewrote a check run: queues the leak response's section again (writing the check
   * run drops it, and the response may have reported first). Absent when the response is off.
   */
  refreshResponse?: (request: Omit<ResponseRequest, 'settings'>) => Promise<void>;
}

/** What a finished scan report job leaves in Redis. */
export interface ScanReportOutcome {
  checkRunId?: number;
  findings: number;
  incidentsCreated: number;
  incidentsCommented: number;
}

/** A queued scan report (see scan-report-job.ts): the check run and incident issues of a finished scan. */
export async function processScanReportJob(job: QueuedJob, deps: ScanReportJobDeps): Promise<ScanReportOutcome> {
  const report = parseJobData(scanReportJobSchema, job.data, 'a scan report');
  const log = jobLogger(deps.log, { jobId: job.id, ...report.scan });
  try {
    return await reportScan(report, deps, log);
  } catch (error) {
    log.warn({ attempt: job.attemptsMade + 1, err: errorSummary(error) }, 'scan report attempt failed');
    throw asQueueError(error);
  }
}

/** The scan's check run and incident issues, from its report (a job of its own in the app, inline in tests). */
export async function reportScan(report: ScanReportJob, deps: Omit<ScanReportJobDeps, 'log'>, log: Logger): Promise<ScanReportOutcome> {
  const job = report.scan;
  const { owner, name: repo } = job.repository;
  const octokit = await deps.github(job.installationId);
  const result = resultFromReport(report.result);
  const problem = report.configProblem === undefined ? {} : { configProblem: report.configProblem };
  const checkRunId =
    job.kind === 'backfill'
      ? undefined
      : report.checkRunId !== undefined
        ? await completeStarted(octokit, { owner, repo, checkRunId: report.checkRunId, result, ...problem })
        : await reportCheckRun(octokit, { owner, repo, headSha: job.headSha, externalId: report.scanJobId, result, startedAt: new Date(report.startedAt), ...problem });
  const incidents = await recordIncidents(octokit, {
    owner,
    repo,
    findings: result.findings,
    ...(job.pusher === undefined ? {} : { pusher: job.pusher }),
    ...(job.ref === undefined ? {} : { ref: job.ref }),
    htmlBaseUrl: deps.endpoints.htmlBaseUrl,
    settings: report.incidents,
    store: deps.incidents,
  });
  if (checkRunId !== undefined && result.findings.length > 0 && deps.refreshResponse !== undefined && job.kind !== 'backfill') {
    await deps.refreshResponse({
      scanJobId: report.scanJobId,
      installationId: job.installationId,
      source: { owner, repo },
      incidentRepo: incidentRepository(owner, repo, report.incidents),
      headSha: job.headSha,
      findings: result.findings,
    });
  }
  const outcome = { ...(checkRunId === undefined ? {} : { checkRunId }), findings: result.findings.length, incidentsCreated: incidents.created, incidentsCommented: incidents.commented };
  log.info(outcome, 'scan reported');
  return outcome;
}

async function completeStarted(octokit: InstallationOctokit, options: Parameters<typeof completeCheckRun>[1]): Promise<number> {
  await completeCheckRun(octokit, options);
  return options.checkRunId;
}
