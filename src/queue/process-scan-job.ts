// The scan job: one queued scan, start to finish: check run in progress (if slow) → the repository's
// config → which commits → their added lines → the engine → the leak response queued → the scan
// report queued (or written here when no queue is given). Every step is safe to repeat, because a
// job killed half-way is run again from the start by another worker.
import { z } from 'zod';
import type { CustomRuleSpec } from '../detect/custom-rule.js';
import type { Engine } from '../detect/engine.js';
import { pathIgnorer } from '../config/repo-config.js';
import type { GitHubEndpoints } from '../config/operator-env.js';
import { errorSummary } from '../error-summary.js';
import type { InstallationOctokit } from '../github/installation-octokit.js';
import { expectCheckRunResult } from '../github/prioritized-writes.js';
import { jobLogger, type Logger } from '../log.js';
import { startCheckRun } from '../report/check-run.js';
import { incidentRepository } from '../report/incident-issue.js';
import { readGitHubCommits, readRepositoryHistory, resolvePullRequestCommits, resolvePushCommits, type GitHubRepoTarget } from '../scan/github-source.js';
import { runScan } from '../scan/run-scan.js';
import type { ScanResult } from '../scan/result.js';
import { cachedEngine, type RuleSelection } from './engine-cache.js';
import { repoFullName, scanJobSchema, type ScanJob } from './jobs.js';
import { loadRepoConfig } from './load-repo-config.js';
import { reportScan, type ScanReportJobDeps, type ScanReportOutcome } from './process-scan-report-job.js';
import { parseJobData, type QueuedJob } from './queued-job.js';
import type { ResponseRequest } from './response-jobs.js';
import { asQueueError, installationAccessError } from './retry.js';
import { reportedResult, type ScanReportJob } from './scan-report-job.js';

export interface ScanJobDeps extends ScanReportJobDeps {
  /** The engine for the rules a scan runs; defaults to a small cache over createEngine. */
  engineFor?: (selection: RuleSelection) => Engine;
  /** The operator's organisation-wide custom rules (LEAKSTOP_CUSTOM_RULES), run on every repository. */
  operatorRules?: readonly CustomRuleSpec[];
  /** How long a scan may run before its check run is shown in progress (default 1 s). */
  inProgressAfterMs?: number;
  /** Queues the leak response for the findings; absent when the operator turned the response off. */
  respond?: (request: ResponseRequest) => Promise<void>;
  /** Queues the scan report (check run, incident issues); absent: the scan job reports itself. */
  publish?: (report: ScanReportJob) => Promise<void>;
}

/** What a finished job leaves in Redis: counts only, never a finding's text. */
export interface ScanJobOutcome extends Partial<Omit<ScanReportOutcome, 'findings'>> {
  commits: number;
  filesScanned: number;
  findings: number;
  /** True when the scan report was queued as its own job; its counts are then that job's. */
  reportQueued?: boolean;
}

export async function processScanJob(job: QueuedJob, deps: ScanJobDeps): Promise<ScanJobOutcome> {
  const queued = parseJobData(scanJobSchema, job.data, 'a scan job');
  const log = jobLogger(deps.log, { jobId: job.id, ...queued });
  log.info({ attempt: job.attemptsMade + 1 }, 'scan started');
  try {
    const outcome = await runScanJob(queued, job.id ?? '', deps, log);
    log.info(outcome, 'scan finished');
    return outcome;
  } catch (error) {
    const refused = installationAccessError(error, queued.installationId);
    if (refused !== undefined) {
      log.error({ installationId: queued.installationId, err: errorSummary(error) }, refused.message);
      throw refused;
    }
    log.warn({ attempt: job.attemptsMade + 1, err: errorSummary(error) }, 'scan attempt failed');
    throw asQueueError(error);
  }
}

async function runScanJob(job: ScanJob, jobId: string, deps: ScanJobDeps, log: Logger): Promise<ScanJobOutcome> {
  const octokit = await deps.github(job.installationId);
  // Incident writes of the installation hold back until this scan's result is written.
  if (job.kind !== 'backfill') expectCheckRunResult(octokit);
  const { owner, name: repo } = job.repository;
  const startedAt = new Date();
  // A backfill reports through incident issues only: a check run on today's head for findings from
  // years ago would block merges that introduce nothing.
  // Under the head SHA's lock, as every write of the run: a response report never writes over it half-way.
  const commit = { owner, repo, headSha: job.headSha };
  const start = (): Promise<number> => deps.checkRuns.lock(commit, () => startCheckRun(octokit, { ...commit, externalId: jobId }));
  const inProgress = job.kind === 'backfill' ? undefined : showInProgressIfSlow(start, deps.inProgressAfterMs ?? IN_PROGRESS_AFTER_MS);
  let scan: Awaited<ReturnType<typeof scanRepository>>;
  try {
    scan = await scanRepository(octokit, job, deps, log);
  } finally {
    inProgress?.stopWaiting();
  }
  const { config, configProblem, result, commitsRead } = scan;
  // The response goes first: revoking must not wait for the check run and issues, which GitHub's
  // write spacing (1 s per request per installation) makes the slow part of reporting.
  if (deps.respond !== undefined && result.findings.length > 0) {
    await deps.respond({
      scanJobId: jobId,
      installationId: job.installationId,
      source: { owner, repo },
      incidentRepo: incidentRepository(owner, repo, config.incidents),
      ...(job.kind === 'backfill' ? {} : { headSha: job.headSha }),
      findings: result.findings,
      settings: config.response,
    });
  }
  const started = inProgress?.started();
  const report: ScanReportJob = {
    scan: job,
    scanJobId: jobId,
    ...(started === undefined ? {} : { checkRunId: await started }),
    startedAt: startedAt.toISOString(),
    ...(configProblem === undefined ? {} : { configProblem }),
    incidents: config.incidents,
    result: reportedResult(result),
  };
  // Reporting runs as its own job when a queue is given (the app); in this job otherwise.
  const scanned = { commits: commitsRead, filesScanned: result.stats.filesScanned, findings: result.findings.length };
  if (deps.publish !== undefined) {
    await deps.publish(report);
    return { ...scanned, reportQueued: true };
  }
  const { findings: _, ...reported } = await reportScan(report, deps, log);
  return { ...reported, ...scanned };
}

/** Reads the repository config and the commits to scan, and runs the engine over them. */
async function scanRepository(octokit: InstallationOctokit, job: ScanJob, deps: ScanJobDeps, log: Logger) {
  const { owner, name: repo } = job.repository;
  const operatorRules = deps.operatorRules ?? [];
  const { config, configProblem } = await loadRepoConfig(octokit, owner, repo, operatorRules);
  if (configProblem !== undefined) log.warn({ configProblem }, 'repository config is invalid; scanning with the defaults');
  const readOptions = { maxFileBytes: config.scan.maxFileBytes, ignorePath: pathIgnorer(config) };
  const target = repoTarget(octokit, job, deps.endpoints);
  const source = job.kind === 'backfill' ? readRepositoryHistory(target, readOptions) : readGitHubCommits(octokit, target, await commitsToScan(octokit, job), readOptions);
  const engine = (deps.engineFor ?? cachedEngine)({ disabledRules: config.rules.disable, customRules: [...operatorRules, ...config.rules.custom] });
  const result: ScanResult = await runScan(source, { engine, root: '', target: describeTarget(job) });
  return { config, configProblem, result, commitsRead: source.commitsRead };
}

/**
 * A scan that takes longer than this shows an in-progress check run while it runs; a quicker one
 * is reported with a single request once done (see reportCheckRun). Probot spaces writes to GitHub
 * 1 s apart per installation, so starting the run at once made every scan's result wait at least
 * 1 s; at 300 ms, a 20-commit push (read in ~340 ms) still paid it (1.34 s p50 in bench:load).
 */
const IN_PROGRESS_AFTER_MS = 1000;

/** Starts the in-progress check run only if the scan is still running after `afterMs`. */
function showInProgressIfSlow(start: () => Promise<number>, afterMs: number): { stopWaiting: () => void; started: () => Promise<number> | undefined } {
  let started: Promise<number> | undefined;
  const timer = setTimeout(() => {
    started = start();
    // Awaited after the scan; until then a rejection must not count as unhandled.
    started.catch(() => undefined);
  }, afterMs);
  return { stopWaiting: () => clearTimeout(timer), started: () => started };
}

/** Pull requests (and re-runs of a pull request's check) scan the PR's commits; pushes their new ones. */
async function commitsToScan(octokit: InstallationOctokit, job: ScanJob): Promise<string[]> {
  const pullRequest = job.kind === 'pull_request' || (job.kind === 'rerun' && job.pullRequest !== undefined);
  return pullRequest ? resolvePullRequestCommits(octokit, job) : resolvePushCommits(octokit, job);
}

function repoTarget(octokit: InstallationOctokit, job: ScanJob, endpoints: GitHubEndpoints): GitHubRepoTarget {
  const { owner, name: repo } = job.repository;
  return { owner, repo, gitUrl: `${endpoints.gitBaseUrl}/${owner}/${repo}.git`, token: () => installationToken(octokit) };
}

const tokenAuthSchema = z.object({ token: z.string().min(1) });

/** A fresh installation token for git over HTTPS (Probot's auth caches and renews it). */
async function installationToken(octokit: InstallationOctokit): Promise<string> {
  return tokenAuthSchema.parse(await octokit.auth({ type: 'installation' })).token;
}

function describeTarget(job: ScanJob): string {
  const where = repoFullName(job);
  if (job.pullRequest) return `${where}#${job.pullRequest.number} @ ${job.headSha.slice(0, 12)}`;
  return `${where} ${job.kind} @ ${job.headSha.slice(0, 12)}`;
}
