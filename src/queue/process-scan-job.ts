// One queued scan, start to finish: check run in progress → the repository's config → which commits
// → their added lines → the engine → the check run's result → incident issues. Every step is safe to
// repeat, because a job killed half-way is run again from the start by another worker.
import { UnrecoverableError } from 'bullmq';
import type { ProbotOctokit } from 'probot';
import { z } from 'zod';
import { createEngine, type Engine } from '../detect/engine.js';
import { pathIgnorer } from '../config/repo-config.js';
import type { GitHubEndpoints } from '../config/operator-env.js';
import { jobLogger, type Logger } from '../log.js';
import { completeCheckRun, failCheckRun, reportCheckRun, startCheckRun } from '../report/check-run.js';
import { incidentRepository, recordIncidents, type IncidentStore } from '../report/incident-issue.js';
import { readGitHubCommits, readRepositoryHistory, resolvePullRequestCommits, resolvePushCommits, type GitHubRepoTarget } from '../scan/github-source.js';
import { runScan } from '../scan/run-scan.js';
import type { ScanResult } from '../scan/result.js';
import { repoFullName, scanJobSchema, type ScanJob } from './jobs.js';
import { reportedResult, reportScanJobSchema, resultFromReport, type ReportScanJob } from './report-job.js';
import type { ResponseRequest } from './response-jobs.js';
import { loadRepoConfig } from './load-repo-config.js';
import { asQueueError } from './retry.js';
import { allProviders } from '../providers/index.js';

/** Probot's installation-authenticated octokit: REST requests, the config plugin and `auth`. */
export type InstallationOctokit = ProbotOctokit;

export interface ScanJobDeps {
  /** An octokit authenticated as the installation (Probot's `app.auth(installationId)`). */
  github: (installationId: number) => Promise<InstallationOctokit>;
  incidents: IncidentStore;
  log: Logger;
  endpoints: GitHubEndpoints;
  /** The engine for a set of disabled rule ids; defaults to a small cache over createEngine. */
  engineFor?: (disabledRules: readonly string[]) => Engine;
  /** How long a scan may run before its check run is shown in progress (default 1 s). */
  inProgressAfterMs?: number;
  /** Queues the leak response for the findings; absent when the operator turned the response off. */
  respond?: (request: ResponseRequest) => Promise<void>;
  /** Queues the scan's report (check run, incident issues); absent: the scan job reports itself. */
  publish?: (report: ReportScanJob) => Promise<void>;
  /**
   * After a report rewrote a check run: queues the leak response's section again (writing the check
   * run drops it, and the response may have reported first). Absent when the response is off.
   */
  refreshResponse?: (request: Omit<ResponseRequest, 'settings'>) => Promise<void>;
}

/** The parts of a BullMQ Job the processor reads, so tests can hand in a plain object. */
export interface QueuedJob {
  id?: string | undefined;
  data: unknown;
  attemptsMade: number;
}

/** What a finished job leaves in Redis: counts only, never a finding's text. */
export interface ScanJobOutcome extends Partial<Omit<ScanReportOutcome, 'findings'>> {
  commits: number;
  filesScanned: number;
  findings: number;
  /** True when the report was queued as its own job; its counts are then that job's. */
  reportQueued?: boolean;
}

/** What a finished report job leaves in Redis. */
export interface ScanReportOutcome {
  checkRunId?: number;
  findings: number;
  incidentsCreated: number;
  incidentsCommented: number;
}

export async function processScanJob(job: QueuedJob, deps: ScanJobDeps): Promise<ScanJobOutcome> {
  const queued = parseJobData(job.data);
  const log = jobLogger(deps.log, { jobId: job.id, ...queued });
  log.info({ attempt: job.attemptsMade + 1 }, 'scan started');
  try {
    const outcome = await runScanJob(queued, job.id ?? '', deps, log);
    log.info(outcome, 'scan finished');
    return outcome;
  } catch (error) {
    log.warn({ attempt: job.attemptsMade + 1, err: errorSummary(error) }, 'scan attempt failed');
    throw asQueueError(error);
  }
}

async function runScanJob(job: ScanJob, jobId: string, deps: ScanJobDeps, log: Logger): Promise<ScanJobOutcome> {
  const octokit = await deps.github(job.installationId);
  const { owner, name: repo } = job.repository;
  const startedAt = new Date();
  // A backfill reports through incident issues only: a check run on today's head for findings from
  // years ago would block merges that introduce nothing.
  const inProgress = job.kind === 'backfill' ? undefined : showInProgressIfSlow(() => startCheckRun(octokit, { owner, repo, headSha: job.headSha, externalId: jobId }), deps.inProgressAfterMs ?? IN_PROGRESS_AFTER_MS);
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
  const report: ReportScanJob = {
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

/** The scan's check run and incident issues, from its report (a job of its own in the app). */
export async function reportScan(report: ReportScanJob, deps: Pick<ScanJobDeps, 'github' | 'incidents' | 'endpoints' | 'refreshResponse'>, log: Logger): Promise<ScanReportOutcome> {
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

/** Reads the repository config and the commits to scan, and runs the engine over them. */
async function scanRepository(octokit: InstallationOctokit, job: ScanJob, deps: ScanJobDeps, log: Logger) {
  const { owner, name: repo } = job.repository;
  const { config, configProblem } = await loadRepoConfig(octokit, owner, repo);
  if (configProblem !== undefined) log.warn({ configProblem }, 'repository config is invalid; scanning with the defaults');
  const readOptions = { maxFileBytes: config.scan.maxFileBytes, ignorePath: pathIgnorer(config) };
  const target = repoTarget(octokit, job, deps.endpoints);
  const source = job.kind === 'backfill' ? readRepositoryHistory(target, readOptions) : readGitHubCommits(octokit, target, await commitsToScan(octokit, job), readOptions);
  const engine = (deps.engineFor ?? cachedEngine)(config.rules.disable);
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

async function completeStarted(octokit: InstallationOctokit, options: Parameters<typeof completeCheckRun>[1]): Promise<number> {
  await completeCheckRun(octokit, options);
  return options.checkRunId;
}

/** Pull requests (and re-runs of a pull request's check) scan the PR's commits; pushes their new ones. */
async function commitsToScan(octokit: InstallationOctokit, job: ScanJob): Promise<string[]> {
  const pullRequest = job.kind === 'pull_request' || (job.kind === 'rerun' && job.pullRequest !== undefined);
  return pullRequest ? resolvePullRequestCommits(octokit, job) : resolvePushCommits(octokit, job);
}

/**
 * The job failed for good (attempts exhausted, a permanent GitHub error, or stalled too often): the
 * check run must say so, or a required check would wait forever and a leak would pass unseen.
 */
export async function reportFailedScan(job: QueuedJob, error: unknown, deps: Pick<ScanJobDeps, 'github' | 'log'>): Promise<void> {
  // A scan job, or a report job (which carries its scan): either way the check run must say so.
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
  const checkRunId = await startCheckRun(octokit, { owner, repo, headSha: queued.headSha, externalId: job.id ?? '' });
  const why = error instanceof Error ? error.message : String(error);
  await failCheckRun(octokit, {
    owner,
    repo,
    checkRunId,
    reason: `leakstop could not complete the scan after ${job.attemptsMade} attempt(s): ${why}. Re-run this check to try again.`,
  });
}

/** A queued report (see report-job.ts): the check run and incident issues of a finished scan. */
export async function processReportJob(job: QueuedJob, deps: Pick<ScanJobDeps, 'github' | 'incidents' | 'endpoints' | 'log' | 'refreshResponse'>): Promise<ScanReportOutcome> {
  const parsed = reportScanJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`job data is not a scan report: ${z.prettifyError(parsed.error)}`);
  const log = jobLogger(deps.log, { jobId: job.id, ...parsed.data.scan });
  try {
    return await reportScan(parsed.data, deps, log);
  } catch (error) {
    log.warn({ attempt: job.attemptsMade + 1, err: errorSummary(error) }, 'report attempt failed');
    throw asQueueError(error);
  }
}

function parseJobData(data: unknown): ScanJob {
  const parsed = scanJobSchema.safeParse(data);
  // Data that does not parse cannot parse on a later attempt either.
  if (!parsed.success) throw new UnrecoverableError(`job data is not a scan job: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
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

const ENGINE_CACHE_LIMIT = 16;
const engines = new Map<string, Engine>();

/** Engines compile every rule: reuse one per set of disabled rules (most repositories disable none). */
function cachedEngine(disabledRules: readonly string[]): Engine {
  const key = [...disabledRules].sort().join('\n');
  let engine = engines.get(key);
  if (engine === undefined) {
    if (engines.size >= ENGINE_CACHE_LIMIT) engines.delete(engines.keys().next().value ?? '');
    engine = createEngine({ providers: allProviders, disabledRules: new Set(disabledRules) });
    engines.set(key, engine);
  }
  return engine;
}

/** What to log about an error: its name, message and HTTP status, not its request or response. */
export function errorSummary(error: unknown): { name: string; message: string; status?: number } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const status = 'status' in error && typeof error.status === 'number' ? error.status : undefined;
  return { name: error.name, message: error.message, ...(status === undefined ? {} : { status }) };
}
