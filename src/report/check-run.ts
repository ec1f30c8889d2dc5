// The `leakstop` check run's requests: started when a slow scan starts, created or completed with its
// content (rendered by write-check-run.ts, the one writer of a completed run), or failed when the
// scan cannot finish. Every call is safe to repeat: a retried or redelivered job reuses the run it
// already created and does not annotate a line twice.
import { annotationBatches, CHECK_RUN_NAME, failedOutput, type CheckRunAnnotation, type CheckRunConclusion, type CheckRunOutput } from './check-run-payload.js';
import { PER_PAGE, type GitHubClient } from '../github/client.js';
import { createOnce } from '../github/write-retry.js';
import { z } from 'zod';

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
    return createOnce({
      create: async () => {
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
      },
      find: () => findOwnCheckRun(octokit, { owner, repo, headSha, externalId }),
    });
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

export interface FoundCheckRun {
  id: number;
  status: string;
  externalId: string | null;
  conclusion: string | null;
  /** What the run shows; absent when the answer carried none (GitHub always sends it). */
  output?: { title: string | null; summary: string | null; text: string | null } | undefined;
}

/** GitHub's check run, as far as leakstop reads it: the output is read tolerantly (see FoundCheckRun). */
const checkRunAnswerSchema = z.object({
  id: z.union([z.number(), z.bigint()]),
  status: z.string(),
  external_id: z.string().nullable().optional(),
  conclusion: z.string().nullable().optional(),
  output: z.object({ title: z.string().nullable().optional(), summary: z.string().nullable().optional(), text: z.string().nullable().optional() }).nullable().optional(),
});

function foundCheckRun(answer: unknown): FoundCheckRun {
  const run = checkRunAnswerSchema.parse(answer);
  const output = run.output ?? undefined;
  return {
    id: checkRunId(run.id),
    status: run.status,
    externalId: run.external_id ?? null,
    conclusion: run.conclusion ?? null,
    ...(output === undefined ? {} : { output: { title: output.title ?? null, summary: output.summary ?? null, text: output.text ?? null } }),
  };
}

/** Run `checkRunId` as GitHub shows it now. */
export async function getCheckRun(octokit: GitHubClient, owner: string, repo: string, checkRunId: number): Promise<FoundCheckRun> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner, repo, check_run_id: checkRunId });
  return foundCheckRun(data);
}

/** Whether `run` was completed by scan `externalId` with `content`'s conclusion (what it shows aside). */
export function completedBy(run: FoundCheckRun, externalId: string, content: Pick<CheckRunContent, 'conclusion'>): boolean {
  return run.status === 'completed' && run.externalId === externalId && run.conclusion === content.conclusion;
}

/**
 * Whether `run` already shows `content` as the completed run of scan `externalId`: its conclusion
 * and output (annotations aside, see appendMissingAnnotations). The buttons are not compared: GitHub
 * does not send them back, and they follow from the response section the summary shows.
 */
export function showsContent(run: FoundCheckRun, externalId: string, content: CheckRunContent): boolean {
  const { output } = run;
  return (
    completedBy(run, externalId, content) &&
    output !== undefined &&
    output.title === content.output.title &&
    output.summary === content.output.summary &&
    (output.text ?? undefined) === content.output.text
  );
}

/** The latest `leakstop` run of `headSha`, if there is one. */
export async function findCheckRun(octokit: GitHubClient, owner: string, repo: string, headSha: string): Promise<FoundCheckRun | undefined> {
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
  return foundCheckRun(run);
}

/**
 * The id of the run a create for `externalId` made, if GitHub has it: what a create whose answer was
 * lost looks for before creating again (see github/write-retry.ts).
 */
export async function findOwnCheckRun(octokit: GitHubClient, options: CheckRunTarget & { headSha: string; externalId: string }): Promise<number | undefined> {
  const run = await findCheckRun(octokit, options.owner, options.repo, options.headSha);
  return run?.externalId === options.externalId ? run.id : undefined;
}

/** GitHub's types allow a bigint id; check run ids are far below 2^53, where a number is exact. */
function checkRunId(id: number | bigint): number {
  return Number(id);
}

/** Everything a completed run shows, rendered from stored records (see write-check-run.ts). */
export interface CheckRunContent {
  conclusion: CheckRunConclusion;
  output: CheckRunOutput;
  /** The buttons: "Revoke now" while a credential awaits approval, else none (an empty list removes it). */
  actions: readonly CheckRunAction[];
  /** The scan's annotations; GitHub only appends them, so those already on the run are not sent again. */
  annotations: readonly CheckRunAnnotation[];
}

export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

/**
 * Completes run `checkRunId` with `content`. The conclusion goes with the first request so that a
 * merge is blocked as soon as possible; annotations follow 50 per request, as the API requires, and
 * are appended by GitHub to what the run already has, so those a previous attempt sent are skipped.
 * `externalId` names the scan the run now shows.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  options: CheckRunTarget & { checkRunId: number; externalId: string; content: CheckRunContent; detailsUrl?: string },
): Promise<void> {
  const { owner, repo, checkRunId, content } = options;
  const sent = await sentAnnotationKeys(octokit, owner, repo, checkRunId);
  const batches = annotationBatches(content.annotations.filter((a) => !sent.has(annotationKey(a))));
  const route = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
  await octokit.request(route, {
    owner,
    repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: content.conclusion,
    completed_at: new Date().toISOString(),
    external_id: options.externalId,
    ...(options.detailsUrl === undefined ? {} : { details_url: options.detailsUrl }),
    output: withAnnotations(content.output, batches[0]),
    actions: [...content.actions],
  });
  for (const batch of batches.slice(1)) {
    // output.summary is required on every update; sending the same output keeps it unchanged.
    await octokit.request(route, { owner, repo, check_run_id: checkRunId, output: withAnnotations(content.output, batch) });
  }
}

/**
 * Sends the annotations of `content` that run `checkRunId` lacks, with its unchanged output: what a
 * write of a run that already shows `content` still owes (a previous attempt stopped between batches).
 */
export async function appendMissingAnnotations(octokit: GitHubClient, options: CheckRunTarget & { checkRunId: number; content: CheckRunContent }): Promise<void> {
  const { owner, repo, checkRunId, content } = options;
  const sent = await sentAnnotationKeys(octokit, owner, repo, checkRunId);
  for (const batch of annotationBatches(content.annotations.filter((a) => !sent.has(annotationKey(a))))) {
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner, repo, check_run_id: checkRunId, output: withAnnotations(content.output, batch) });
  }
}

/**
 * Creates the run of a scan that finished before its check run was started, already completed: one
 * request (with the first 50 annotations) instead of one to start it and one to complete it. Probot's
 * throttling spaces writes to GitHub 1 s apart per installation, so the start request alone delayed a
 * blocked merge by a second. The caller looks for an existing run first (see write-check-run.ts).
 */
export async function createCompletedCheckRun(
  octokit: GitHubClient,
  options: CheckRunTarget & { headSha: string; externalId: string; startedAt: Date; content: CheckRunContent },
): Promise<number> {
  const { owner, repo, content } = options;
  const batches = annotationBatches(content.annotations);
  const create = async (): Promise<number> => {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
      owner,
      repo,
      name: CHECK_RUN_NAME,
      head_sha: options.headSha,
      external_id: options.externalId,
      status: 'completed',
      conclusion: content.conclusion,
      started_at: options.startedAt.toISOString(),
      completed_at: new Date().toISOString(),
      output: withAnnotations(content.output, batches[0]),
      ...(content.actions.length === 0 ? {} : { actions: [...content.actions] }),
    });
    return checkRunId(data.id);
  };
  // A run found after a lost answer was created by that very request: it has the first batch already.
  const id = await createOnce({ create, find: () => findOwnCheckRun(octokit, options) });
  for (const batch of batches.slice(1)) {
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner, repo, check_run_id: id, output: withAnnotations(content.output, batch) });
  }
  return id;
}

/** Rewrites a completed run's output and buttons (its conclusion and annotations stay). */
export async function updateCheckRunOutput(
  octokit: GitHubClient,
  options: CheckRunTarget & { checkRunId: number; output: CheckRunOutput; actions: readonly CheckRunAction[] },
): Promise<void> {
  await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    owner: options.owner,
    repo: options.repo,
    check_run_id: options.checkRunId,
    output: options.output,
    // An empty list removes the button once nothing awaits approval.
    actions: [...options.actions],
  });
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
