// Where the GitHub App's added lines come from: which commits a push or pull request brings, and
// their added lines, read through the commits API when that is complete and cheap, and through a
// temporary partial git clone when it is not (many commits, huge commits, merges, cut patches).
import { DiffParser } from './diff-parser.js';
import { compareCommits, getCommit, listHistory, listPullRequestCommits, PULL_REQUEST_COMMITS_LIMIT, UnparsedAnswerError, type GitHubClient, type RepoName } from './github-api.js';
import { httpStatus } from '../github/errors.js';
import { commitPatchLines, gitOnlyReason, type GitHubCommit } from './github-patch.js';
import { readCommitsWithGit, type GitCommitSource, type GitHubRepoTarget, type GitReadOptions } from './git-clone.js';
import { readBinaryEntries } from './github-binary.js';
import { isSkipped, type SourceItem } from './scan-unit.js';

export type { GitHubClient } from './github-api.js';
export type { GitHubRepoTarget, GitReadOptions, GitCommitSource } from './git-clone.js';
export { readRepositoryHistory } from './git-clone.js';
export { GitHubUnavailableError } from '../github/errors.js';

/**
 * The fields of a scan job (ScanJob, src/queue/jobs.ts) that this source reads. Declared here, not
 * imported, because the scan stage does not depend on the queue above it; a ScanJob fits.
 */
export interface CommitSelectionJob {
  repository: { owner: string; name: string; defaultBranch: string };
  headSha: string;
  /** refs/heads/... or refs/tags/... */
  ref?: string;
  before?: string;
  forced?: boolean;
  createdBranch?: boolean;
  /** The push payload's distinct commits (new to the repository), oldest first; maybe truncated. */
  commitShas: readonly string[];
  commitsTruncated?: boolean;
  pullRequest?: { number: number; baseSha: string; headRepoFullName: string };
}

/** Above this many commits a clone is cheaper than one API request per commit. */
export const API_COMMITS_LIMIT = 20;

const NULL_SHA = /^0{40}(?:0{24})?$/;
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

function repoOf(job: CommitSelectionJob): RepoName {
  return { owner: job.repository.owner, repo: job.repository.name };
}

/**
 * The commits a push brings, oldest first. Nothing for a deleted branch or tag. A new branch: the
 * commits not on the default branch, from the compare API. Otherwise the payload's distinct commits
 * when the list is complete: they are exactly the commits new to the repository, also after a force
 * push (commits a rebase took from the default branch are not distinct). A truncated list: the
 * compare API from `before`, which after a force push counts from the merge base.
 */
export async function resolvePushCommits(client: GitHubClient, job: CommitSelectionJob): Promise<string[]> {
  if (NULL_SHA.test(job.headSha)) return [];
  const distinct = [...job.commitShas];
  const truncated = job.commitsTruncated === true;
  if (job.ref?.startsWith('refs/tags/')) return truncated ? commitsNotOnDefaultBranch(client, job, distinct) : distinct;
  if (job.createdBranch === true || job.before === undefined || NULL_SHA.test(job.before)) {
    // The first push to the default branch has nothing to compare with.
    if (job.ref === `refs/heads/${job.repository.defaultBranch}`) return truncated ? listHistory(client, repoOf(job), job.headSha) : distinct;
    return commitsNotOnDefaultBranch(client, job, distinct);
  }
  if (!truncated) return distinct;
  // After a force push `before` may be gone; the distinct list is then the best there is.
  return (await compareIfPossible(client, repoOf(job), job.before, job.headSha)) ?? distinct;
}

async function commitsNotOnDefaultBranch(client: GitHubClient, job: CommitSelectionJob, distinct: string[]): Promise<string[]> {
  const { defaultBranch } = job.repository;
  const compared = defaultBranch === '' ? undefined : await compareIfPossible(client, repoOf(job), defaultBranch, job.headSha);
  if (compared) return compared;
  // No history in common with the default branch (an orphan branch), or no default branch yet.
  return job.commitsTruncated ? listHistory(client, repoOf(job), job.headSha) : distinct;
}

/** The compare API's answer, or undefined when GitHub cannot compare the two (404, 422). */
async function compareIfPossible(client: GitHubClient, repo: RepoName, base: string, head: string): Promise<string[] | undefined> {
  try {
    return await compareCommits(client, repo, base, head);
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 422) return undefined;
    throw error;
  }
}

/**
 * A pull request's commits, oldest first, up to the job's head SHA. The pull request commits API stops
 * at 250 and follows the pull request's current head; when it hits the limit or the head has moved
 * since the event, the compare API gives the commits between the base and this head instead, paginated
 * without limit. Commits from forks are readable through the base repository (refs/pull/N/head).
 */
export async function resolvePullRequestCommits(client: GitHubClient, job: CommitSelectionJob): Promise<string[]> {
  const pr = job.pullRequest;
  if (!pr) throw new Error(`the scan job for ${job.repository.owner}/${job.repository.name} has no pull request: resolvePullRequestCommits needs one.`);
  const listed = await listPullRequestCommits(client, repoOf(job), pr.number);
  if (listed.length < PULL_REQUEST_COMMITS_LIMIT && listed.at(-1) === job.headSha) return listed;
  return compareCommits(client, repoOf(job), pr.baseSha, job.headSha);
}

/**
 * The added lines of exactly these commits. Up to API_COMMITS_LIMIT commits are read one request
 * each from the commits API (sequentially, as GitHub asks of integrations to stay clear of secondary
 * rate limits), a binary entry's blob with one more (it may be UTF-16 text); the commits the API
 * cannot give whole, and any longer list, are read with git.
 */
export function readGitHubCommits(
  client: GitHubClient,
  target: GitHubRepoTarget,
  shas: readonly string[],
  options: GitReadOptions,
): GitCommitSource {
  const commits = uniqueShas(shas);
  const source = {
    commitsRead: 0,
    async *[Symbol.asyncIterator](): AsyncGenerator<SourceItem> {
      if (commits.length > API_COMMITS_LIMIT) return yield* readWithGit(commits);
      const needGit: string[] = [];
      for (const sha of commits) {
        const read = await readThroughApi(client, target, sha, options);
        if (read === 'git') {
          needGit.push(sha);
          continue;
        }
        const { commit, binaries } = read;
        yield* readApiCommit(commit, options, binaries);
        source.commitsRead++;
      }
      // One clone for all the commits the API could not give whole.
      if (needGit.length > 0) yield* readWithGit(needGit);
    },
  };
  async function* readWithGit(gitShas: readonly string[]): AsyncGenerator<SourceItem> {
    const git = readCommitsWithGit(target, gitShas, options);
    for await (const item of git) yield item;
    source.commitsRead += git.commitsRead;
  }
  return source;
}

/**
 * A commit and its binary entries from the API, or 'git' when the API cannot give it whole: a merge,
 * too many files, a cut patch, a changed UTF-16 file, or an answer too large for the client to parse.
 */
async function readThroughApi(client: GitHubClient, target: GitHubRepoTarget, sha: string, options: GitReadOptions): Promise<{ commit: GitHubCommit; binaries: ReadonlyMap<string, SourceItem> } | 'git'> {
  try {
    const { commit, hasMoreFilePages } = await getCommit(client, target, sha);
    if (gitOnlyReason(commit, hasMoreFilePages) !== undefined) return 'git';
    const binaries = await readBinaryEntries(client, target, commit, options);
    return binaries === 'git' ? 'git' : { commit, binaries };
  } catch (error) {
    if (error instanceof UnparsedAnswerError) return 'git';
    throw error;
  }
}

/** The commit's items in file order, each binary entry replaced by what its blob turned out to be. */
function readApiCommit(commit: GitHubCommit, options: GitReadOptions, binaries: ReadonlyMap<string, SourceItem>): SourceItem[] {
  const parser = new DiffParser({ maxFileBytes: options.maxFileBytes, ignorePath: options.ignorePath });
  const items = [...parser.push(commitPatchLines(commit)), ...parser.end()];
  return items.map((item) => (isSkipped(item) && item.reason === 'binary' ? (binaries.get(item.path) ?? item) : item));
}

function uniqueShas(shas: readonly string[]): string[] {
  const notSha = shas.find((sha) => !FULL_SHA.test(sha));
  if (notSha !== undefined) throw new Error(`invalid commit '${notSha}': readGitHubCommits takes full commit SHAs.`);
  return [...new Set(shas)];
}
