// The GitHub REST calls the GitHub source makes, each paginated as its endpoint documents and each
// failure that a later attempt could get past turned into a GitHubUnavailableError.
import { PER_PAGE, type GitHubClient } from '../github/client.js';
import { toGitHubError } from '../github/errors.js';
import type { GitHubCommit } from './github-patch.js';

export type { GitHubClient } from '../github/client.js';

export interface RepoName {
  owner: string;
  repo: string;
}

/** GET /repos/{owner}/{repo}/pulls/{pull_number}/commits lists no more than this many commits. */
export const PULL_REQUEST_COMMITS_LIMIT = 250;

/**
 * Exactly the owner and repository name: octokit sends any other field as a query parameter, and a
 * caller may pass a wider object (a clone target, with its token function).
 */
function names(repo: RepoName): RepoName {
  return { owner: repo.owner, repo: repo.repo };
}

async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toGitHubError(error, what);
  }
}

export function hasNextPage(link: string | undefined): boolean {
  return link !== undefined && /<[^>]{1,2048}>;\s{0,8}rel="next"/.test(link);
}

/**
 * The commits reachable from `head` and not from the merge base of `base` and `head`, oldest first:
 * what `git log base...head` would list on head's side. Paginated: without paging parameters the
 * endpoint stops at 250 commits.
 */
export async function compareCommits(client: GitHubClient, repo: RepoName, base: string, head: string): Promise<string[]> {
  const shas: string[] = [];
  for (let page = 1; ; page++) {
    const response = await call(`GET /repos/${repo.owner}/${repo.repo}/compare/${base}...${head}`, () =>
      client.request('GET /repos/{owner}/{repo}/compare/{basehead}', { ...names(repo), basehead: `${base}...${head}`, per_page: PER_PAGE, page }),
    );
    // Only the SHAs are needed here, so an answer the client left unparsed (a huge patch among its files) is parsed natively.
    const { commits, total_commits: total } = parsedNatively(response.data, `GET /repos/${repo.owner}/${repo.repo}/compare/${base}...${head}`);
    shas.push(...commits.map((commit) => commit.sha));
    // An empty page or reaching total_commits ends the loop even if a Link header says otherwise.
    if (!hasNextPage(response.headers.link) || commits.length === 0 || shas.length >= total) return shas;
  }
}

/** A pull request's commits, oldest first; at most PULL_REQUEST_COMMITS_LIMIT, as the endpoint allows. */
export async function listPullRequestCommits(client: GitHubClient, repo: RepoName, pullNumber: number): Promise<string[]> {
  const shas: string[] = [];
  for (let page = 1; ; page++) {
    const response = await call(`GET /repos/${repo.owner}/${repo.repo}/pulls/${pullNumber}/commits`, () =>
      client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', { ...names(repo), pull_number: pullNumber, per_page: PER_PAGE, page }),
    );
    shas.push(...response.data.map((commit) => commit.sha));
    if (!hasNextPage(response.headers.link) || response.data.length === 0 || shas.length >= PULL_REQUEST_COMMITS_LIMIT) return shas;
  }
}

/** Every commit reachable from `head`, oldest first: for a first push, when there is nothing to compare with. */
export async function listHistory(client: GitHubClient, repo: RepoName, head: string): Promise<string[]> {
  const newestFirst: string[] = [];
  for (let page = 1; ; page++) {
    const response = await call(`GET /repos/${repo.owner}/${repo.repo}/commits?sha=${head}`, () =>
      client.request('GET /repos/{owner}/{repo}/commits', { ...names(repo), sha: head, per_page: PER_PAGE, page }),
    );
    newestFirst.push(...response.data.map((commit) => commit.sha));
    if (!hasNextPage(response.headers.link) || response.data.length === 0) return newestFirst.reverse();
  }
}

/**
 * GitHub's answer arrived whole but octokit gave it back as raw text: its JSON parser (json-with-bigint,
 * which scans every string with a regular expression) overflows the stack on a string of about 10 MB,
 * such as one huge patch, and octokit then returns the text unparsed. Whoever asked reads the same
 * thing another way (the commit with git).
 */
export class UnparsedAnswerError extends Error {
  override name = 'UnparsedAnswerError';

  constructor(what: string, bytes: number) {
    super(`GitHub's answer to ${what} (${bytes} bytes) came back unparsed: too large for the API client to read.`);
  }
}

/** The answer's data, unless octokit could not parse it (see UnparsedAnswerError). */
function parsed<T>(data: T | string, what: string): T {
  if (typeof data === 'string') throw new UnparsedAnswerError(what, Buffer.byteLength(data));
  return data;
}

/**
 * The answer's data; text the client left unparsed is parsed with the native JSON parser, which
 * reads a long string without trouble (big numbers are lost, which matters only for the fields not
 * read from such an answer).
 */
function parsedNatively<T>(data: T | string, what: string): T {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as T;
  } catch {
    throw new UnparsedAnswerError(what, Buffer.byteLength(data));
  }
}

/**
 * One commit with its first page of files (up to 300); `hasMoreFilePages` says whether there are more.
 * Throws UnparsedAnswerError for a commit too large for the API client: read it with git.
 */
export async function getCommit(client: GitHubClient, repo: RepoName, sha: string): Promise<{ commit: GitHubCommit; hasMoreFilePages: boolean }> {
  const what = `GET /repos/${repo.owner}/${repo.repo}/commits/${sha}`;
  const response = await call(what, () => client.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...names(repo), ref: sha }));
  return { commit: parsed<GitHubCommit>(response.data, what), hasMoreFilePages: hasNextPage(response.headers.link) };
}

/** A blob's bytes, from GET /repos/{owner}/{repo}/git/blobs/{file_sha} (base64 in JSON, blobs up to 100 MB). */
export async function getBlob(client: GitHubClient, repo: RepoName, sha: string): Promise<Buffer> {
  const what = `GET /repos/${repo.owner}/${repo.repo}/git/blobs/${sha}`;
  const response = await call(what, () => client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { ...names(repo), file_sha: sha }));
  const { content, encoding } = parsed(response.data, what);
  if (encoding !== 'base64') throw new Error(`GitHub sent blob ${sha} as '${encoding}', not base64: leakstop cannot read it.`);
  return Buffer.from(content, 'base64');
}
