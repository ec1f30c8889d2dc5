// The `leakstop` check run on a head SHA: started when the scan starts, completed with the result
// (or failed when the scan cannot finish). Every call is safe to repeat: a retried or redelivered
// job reuses the run it already created and does not annotate a line twice.
import type { ScanResult } from '../scan/result.js';
import {
  annotationBatches,
  CHECK_RUN_LIMITS,
  CHECK_RUN_NAME,
  checkRunConclusion,
  completedOutput,
  failedOutput,
  findingAnnotations,
  type CheckRunAnnotation,
  type CheckRunOutput,
} from './check-run-payload.js';
import { PER_PAGE, type GitHubClient } from '../github/client.js';
import { listedFingerprints, REVOKE_ACTION, withResponseSection } from './response-report.js';

export interface CheckRunTarget {
  owner: string;
  repo: string;
}

const SCANNING_OUTPUT: CheckRunOutput = {
  title: 'Scanning for leaked credentials',
  summary: 'leakstop is scanning the new commits for credentials. This check completes when the scan does.',
};

/**
 * Marks the scan of `headSha` as in progress and returns the check run's id. A `leakstop` run that
 * already exists for the SHA (a retried job, a push and a pull request on the same commit, a
 * re-run) is reset and reused rather than duplicated.
 */
export async function startCheckRun(
  octokit: GitHubClient,
  options: CheckRunTarget & { headSha: string; externalId: string },
): Promise<number> {
  const { owner, repo, headSha, externalId } = options;
  const startedAt = new Date().toISOString();
  const existing = await findCheckRun(octokit, owner, repo, headSha);
  if (existing === undefined) {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
      owner,
      repo,
      name: CHECK_RUN_NAME,
      head_sha: headSha,
      status: 'in_progress',
      external_id: externalId,
      started_at: startedAt,
      output: SCANNING_OUTPUT,
    });
    return checkRunId(data.id);
  }
  // This very job completed it already (it ran again after its report was queued): resetting it to
  // in progress would leave it there, as the report is not queued twice.
  if (existing.status === 'completed' && existing.externalId === externalId) return existing.id;
  if (existing.status !== 'in_progress' || existing.externalId !== externalId) {
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner,
      repo,
      check_run_id: existing.id,
      status: 'in_progress',
      external_id: externalId,
      started_at: startedAt,
      output: SCANNING_OUTPUT,
    });
  }
  return existing.id;
}

interface FoundCheckRun {
  id: number;
  status: string;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
}

async function findCheckRun(octokit: GitHubClient, owner: string, repo: string, headSha: string): Promise<FoundCheckRun | undefined> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    owner,
    repo,
    ref: headSha,
    check_name: CHECK_RUN_NAME,
    filter: 'latest',
    per_page: PER_PAGE,
  });
  const run = data.check_runs.find((candidate) => candidate.name === CHECK_RUN_NAME);
  if (run === undefined) return undefined;
  // GitHub always sends output; a partial answer (a proxy, an older GHES) must not stop a scan.
  const output = (run as { output?: Partial<FoundCheckRun['output']> }).output;
  return { id: checkRunId(run.id), status: run.status, externalId: run.external_id, output: { title: output?.title ?? null, summary: output?.summary ?? null, text: output?.text ?? null } };
}

/** GitHub's types allow a bigint id; check run ids are far below 2^53, where a number is exact. */
function checkRunId(id: number | bigint): number {
  return Number(id);
}

/**
 * Completes the run: `failure` when anything was found, `success` when clean. The conclusion goes
 * with the first request so that a merge is blocked as soon as possible; annotations follow 50 per
 * request, as the API requires, and are appended by GitHub to what the run already has.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  options: CheckRunTarget & { checkRunId: number; result: ScanResult; configProblem?: string; detailsUrl?: string },
): Promise<void> {
  const { owner, repo, checkRunId, result } = options;
  const output = completedOutput(result, options.configProblem);
  const sent = await sentAnnotationKeys(octokit, owner, repo, checkRunId);
  // GitHub only appends annotations: the ones a previous attempt already sent are skipped.
  const batches = annotationBatches(findingAnnotations(result).filter((a) => !sent.has(annotationKey(a))));
  const route = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
  await octokit.request(route, {
    owner,
    repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: checkRunConclusion(result),
    completed_at: new Date().toISOString(),
    ...(options.detailsUrl === undefined ? {} : { details_url: options.detailsUrl }),
    output: withAnnotations(output, batches[0]),
  });
  for (const batch of batches.slice(1)) {
    // output.summary is required on every update; sending the same output keeps it unchanged.
    await octokit.request(route, { owner, repo, check_run_id: checkRunId, output: withAnnotations(output, batch) });
  }
}

/**
 * Reports a scan that finished before its check run was started: one request creates the run
 * already completed (with the first 50 annotations), instead of one to start it and one to
 * complete it. Probot's throttling spaces writes to GitHub 1 s apart per installation, so the
 * start request alone delayed a blocked merge by a second. A run that already exists for the SHA
 * (a retried job) is completed in place, as completeCheckRun does.
 */
export async function reportCheckRun(
  octokit: GitHubClient,
  options: CheckRunTarget & { headSha: string; externalId: string; result: ScanResult; startedAt: Date; configProblem?: string },
): Promise<number> {
  const { owner, repo, headSha, externalId, result, configProblem } = options;
  const existing = await findCheckRun(octokit, owner, repo, headSha);
  if (existing !== undefined) {
    await completeCheckRun(octokit, { owner, repo, checkRunId: existing.id, result, ...(configProblem === undefined ? {} : { configProblem }) });
    return existing.id;
  }
  const output = completedOutput(result, configProblem);
  const batches = annotationBatches(findingAnnotations(result));
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
    owner,
    repo,
    name: CHECK_RUN_NAME,
    head_sha: headSha,
    external_id: externalId,
    status: 'completed',
    conclusion: checkRunConclusion(result),
    started_at: options.startedAt.toISOString(),
    completed_at: new Date().toISOString(),
    output: withAnnotations(output, batches[0]),
  });
  const id = checkRunId(data.id);
  for (const batch of batches.slice(1)) {
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner, repo, check_run_id: id, output: withAnnotations(output, batch) });
  }
  return id;
}

function withAnnotations(output: CheckRunOutput, annotations: CheckRunAnnotation[] | undefined): CheckRunOutput & { annotations?: CheckRunAnnotation[] } {
  return annotations === undefined || annotations.length === 0 ? output : { ...output, annotations };
}

/** Annotations already on the run, by path, line and message (which names the fingerprint and commit). */
async function sentAnnotationKeys(octokit: GitHubClient, owner: string, repo: string, checkRunId: number): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let page = 1; ; page++) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', {
      owner,
      repo,
      check_run_id: checkRunId,
      per_page: PER_PAGE,
      page,
    });
    for (const annotation of data) keys.add(annotationKey(annotation));
    if (data.length < PER_PAGE) return keys;
  }
}

function annotationKey(annotation: { path: string; start_line: number; message: string | null }): string {
  return `${annotation.path}\n${annotation.start_line}\n${annotation.message ?? ''}`;
}

/**
 * The scan could not finish (the job failed for good). The conclusion is `failure`, not
 * `action_required`: GitHub documents that the latter expects details on the app's `details_url`
 * page, which leakstop does not have, and both block a required check alike.
 */
export async function failCheckRun(octokit: GitHubClient, options: CheckRunTarget & { checkRunId: number; reason: string }): Promise<void> {
  await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    owner: options.owner,
    repo: options.repo,
    check_run_id: options.checkRunId,
    status: 'completed',
    conclusion: 'failure',
    completed_at: new Date().toISOString(),
    output: failedOutput(options.reason),
  });
}

export type ResponseUpdate = 'updated' | 'no-check-run' | 'scan-still-running';

export interface ResponseSectionContent {
  section: string;
  /** True while a credential awaits approval: the run then shows "Revoke now". */
  approvable: boolean;
}

/**
 * Puts the leak response's section into the completed check run of `headSha` (replacing an earlier
 * one), with a "Revoke now" button while credentials await approval. `build` gets the fingerprints
 * the earlier section listed, so a later run's report keeps their rows. A run still in progress is
 * left alone: its completion would overwrite the section, so the caller tries again later.
 */
export async function updateCheckRunResponse(
  octokit: GitHubClient,
  options: CheckRunTarget & { headSha: string; build: (listed: string[]) => Promise<ResponseSectionContent> },
): Promise<ResponseUpdate> {
  const { owner, repo, headSha } = options;
  const run = await findCheckRun(octokit, owner, repo, headSha);
  if (run === undefined) return 'no-check-run';
  if (run.status !== 'completed') return 'scan-still-running';
  const { section, approvable } = await options.build(listedFingerprints(run.output.summary ?? ''));
  const output = {
    title: run.output.title ?? 'leakstop',
    summary: withResponseSection(run.output.summary ?? '', section, CHECK_RUN_LIMITS.outputText),
    ...(run.output.text === null ? {} : { text: run.output.text }),
  };
  await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    owner,
    repo,
    check_run_id: run.id,
    output,
    // An empty list removes the button once nothing awaits approval.
    actions: approvable ? [{ ...REVOKE_ACTION }] : [],
  });
  return 'updated';
}
