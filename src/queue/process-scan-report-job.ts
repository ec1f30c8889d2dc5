// The scan report job: the check run and incident issues of a finished scan, written by a job of its
// own so the scan's worker slot is free for the next push while GitHub's write spacing (a second per
// request per installation) paces these writes. The check run goes through the one writer
// (write-check-run.ts), so it shows the leak response as far as it has got, whichever finishes
// first. Safe to repeat: a retried or redelivered job reuses the check run and the issues it wrote.
import type { GitHubEndpoints } from '../config/operator-env.js';
import { errorSummary } from '../error-summary.js';
import type { InstallationOctokit } from '../github/installation-octokit.js';
import { jobLogger, type Logger } from '../log.js';
import { scanCheckRun } from '../report/check-run-payload.js';
import { MAX_RECORDED_CREDENTIALS, type CheckRunRecord, type CheckRunStore } from '../report/check-run-record.js';
import { incidentRepository, recordIncidents, type IncidentStore } from '../report/incident-issue.js';
import { writeCheckRun } from '../report/write-check-run.js';
import type { ResponseStore } from '../respond/response-store.js';
import type { ScanResult } from '../scan/result.js';
import { parseJobData, type QueuedJob } from './queued-job.js';
import { credentialLabel, respondableFindings } from './response-jobs.js';
import { asQueueError, installationAccessError } from './retry.js';
import { resultFromReport, scanReportJobSchema, type ScanReportJob } from './scan-report-job.js';

export interface ScanReportJobDeps {
  /** An octokit authenticated as the installation (Probot's `app.auth(installationId)`). */
  github: (installationId: number) => Promise<InstallationOctokit>;
  incidents: IncidentStore;
  /** The check run records, one per head SHA, and the lock of their writes. */
  checkRuns: CheckRunStore;
  endpoints: GitHubEndpoints;
  log: Logger;
  /** Which providers the leak response covers; absent when the operator turned the response off. */
  respondsTo?: ((provider: string) => boolean) | undefined;
  /** The leak response's step records, shown in the check run; absent when the response is off. */
  responses?: Pick<ResponseStore, 'records'> | undefined;
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
    const refused = installationAccessError(error, report.scan.installationId);
    if (refused !== undefined) {
      log.error({ installationId: report.scan.installationId, err: errorSummary(error) }, refused.message);
      throw refused;
    }
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
  // A backfill reports through incident issues only: it has no check run.
  const written =
    job.kind === 'backfill'
      ? undefined
      : await writeCheckRun(octokit, { ...deps, htmlBaseUrl: deps.endpoints.htmlBaseUrl }, { owner, repo, headSha: job.headSha }, { ...checkRunOfScan(report, result, deps.respondsTo), startedAt: new Date(report.startedAt), checkRunId: report.checkRunId });
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
  const checkRunId = written?.written === 'nothing' ? undefined : written?.checkRunId;
  const outcome = { ...(checkRunId === undefined ? {} : { checkRunId }), findings: result.findings.length, incidentsCreated: incidents.created, incidentsCommented: incidents.commented };
  log.info(outcome, 'scan reported');
  return outcome;
}

/** The scan's record for its check run and its annotations; the credentials are those the response covers. */
function checkRunOfScan(report: ScanReportJob, result: ScanResult, respondsTo: ((provider: string) => boolean) | undefined): { record: CheckRunRecord; annotations: ReturnType<typeof scanCheckRun>['annotations'] } {
  const { conclusion, output, annotations } = scanCheckRun(result, report.configProblem);
  const { owner, name: repo } = report.scan.repository;
  const credentials = respondsTo === undefined ? [] : respondableFindings(result.findings, respondsTo).slice(0, MAX_RECORDED_CREDENTIALS).map(credentialLabel);
  const record: CheckRunRecord = { scanJobId: report.scanJobId, conclusion, output, incidentRepo: incidentRepository(owner, repo, report.incidents), credentials };
  return { record, annotations };
}
