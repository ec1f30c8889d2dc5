// Reads a GitHub repository's commits with git, for what the API cannot give: many commits, huge
// commits, merges, whole histories. The installation token reaches git only as an HTTP header set
// through GIT_CONFIG_* environment variables: never in the URL (git prints it, servers log it), never
// in the command line (any local user can read it), and it is scrubbed from every error we surface.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHubUnavailableError, httpStatusInGitMessage, isRetryableStatus, toGitHubError } from '../github/errors.js';
import { readGitRange, type GitRangeOptions } from './git.js';
import { firstLine, GitCommandError, runGit, type GitEnvironment } from './git-process.js';
import type { CommitCounter, SourceItem } from './scan-unit.js';

/** A repository to read, as the app knows it: names, where git clones it from, and how to authenticate. */
export interface GitHubRepoTarget {
  owner: string;
  repo: string;
  /** Clone URL built from the operator's settings: https://github.com/owner/repo.git, or a GHE host. */
  gitUrl: string;
  /** An installation token, fetched when git needs it (tokens live an hour). */
  token: () => Promise<string>;
}

export interface GitReadOptions {
  maxFileBytes: number;
  ignorePath: (path: string) => boolean;
}

export type GitCommitSource = AsyncIterable<SourceItem> & CommitCounter;

/** SHAs per git command: 1,000 full SHAs keep the command line far below the system's limit. */
const SHAS_PER_COMMAND = 1000;

/** What replaces a credential in any text we pass on. */
const SCRUBBED = '[REDACTED]';

/**
 * The environment that makes git send `Authorization: basic x-access-token:<token>` (the form GitHub
 * documents for app installation tokens) to this URL only, with no credential helper that could store
 * the token or offer another one, and no prompt that would wait forever on a server.
 */
export function gitAuthEnvironment(gitUrl: string, token: string, baseEnv: NodeJS.ProcessEnv = process.env): GitEnvironment {
  // Keep any GIT_CONFIG_* entries the operator set (a proxy, a CA bundle) and add ours after them.
  const existing = Number(baseEnv.GIT_CONFIG_COUNT ?? 0);
  const first = Number.isInteger(existing) && existing > 0 ? existing : 0;
  const credential = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
  return {
    GIT_CONFIG_COUNT: String(first + 2),
    [`GIT_CONFIG_KEY_${first}`]: `http.${gitUrl}.extraheader`,
    [`GIT_CONFIG_VALUE_${first}`]: `AUTHORIZATION: basic ${credential}`,
    // An empty value empties the list of helpers.
    [`GIT_CONFIG_KEY_${first + 1}`]: 'credential.helper',
    [`GIT_CONFIG_VALUE_${first + 1}`]: '',
    GIT_TERMINAL_PROMPT: '0',
    // Should an operator turn on GIT_TRACE_CURL, git still hides the Authorization header.
    GIT_TRACE_REDACT: '1',
  };
}

/** The forms in which a token can appear in git's output: as it is, and inside the basic credential. */
export function tokenForms(token: string): string[] {
  return [token, Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')].filter((form) => form.length > 0);
}

export function scrubText(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) scrubbed = scrubbed.split(secret).join(SCRUBBED);
  return scrubbed;
}

/** Checks the URL before git sees it: an option-like or credential-carrying "URL" is refused. */
export function checkGitUrl(gitUrl: string): void {
  let url: URL;
  try {
    url = new URL(gitUrl);
  } catch {
    throw new Error(`the git URL of the repository is not a URL: check the GitHub host settings (GHE_HOST, GHE_PROTOCOL).`);
  }
  if (!['https:', 'http:', 'file:'].includes(url.protocol)) {
    throw new Error(`the git URL of the repository uses ${url.protocol}: only https (or http/file for a local test server) is supported.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error('the git URL of the repository holds credentials: give a URL without them; the installation token is sent as a header.');
  }
}

/** `git fetch` of exactly these commits and their parents, commits and trees only: blobs come on demand. */
export function fetchCommitsArgs(shas: readonly string[]): string[] {
  return [
    'fetch',
    '--quiet',
    '--no-tags',
    '--no-recurse-submodules',
    '--no-auto-gc',
    // Blobs are fetched when the diff needs them, so only the changed files of these commits travel.
    '--filter=blob:none',
    // The parents' trees are what each commit is diffed against.
    '--depth=2',
    'origin',
    ...shas,
  ];
}

/**
 * `git clone` of every branch and tag, all blobs included. Not blobless: a whole-history scan diffs
 * nearly every blob anyway, and a blobless clone would fetch them commit by commit while `git log -p`
 * runs, one round trip per commit instead of one pack.
 */
export function cloneRepositoryArgs(gitUrl: string): string[] {
  return ['clone', '--quiet', '--no-checkout', '--no-recurse-submodules', '--', gitUrl, '.'];
}

/**
 * The added lines of exactly these commits, read from a temporary partial clone that is deleted
 * afterwards, whether the scan ends, fails or stops early.
 */
export function readCommitsWithGit(target: GitHubRepoTarget, shas: readonly string[], options: GitReadOptions): GitCommitSource {
  const source = {
    commitsRead: 0,
    async *[Symbol.asyncIterator](): AsyncGenerator<SourceItem> {
      if (shas.length === 0) return;
      checkGitUrl(target.gitUrl);
      const token = await installationToken(target);
      const env = gitAuthEnvironment(target.gitUrl, token);
      yield* inTemporaryRepository(tokenForms(token), async function* (dir) {
        await runGit(dir, ['init', '--quiet'], env);
        await runGit(dir, ['remote', 'add', 'origin', target.gitUrl], env);
        const chunks = chunk(shas, SHAS_PER_COMMAND);
        for (const part of chunks) await runGit(dir, fetchCommitsArgs(part), env);
        for (const part of chunks) {
          const range = readGitRange(dir, { ...rangeOptions(options), commits: part, env });
          for await (const item of range) yield item;
          source.commitsRead += range.commitsRead;
        }
      });
    },
  };
  return source;
}

/** Every commit of every branch and tag, for the backfill when the app is installed on a repository. */
export function readRepositoryHistory(target: GitHubRepoTarget, options: GitReadOptions): GitCommitSource {
  const source = {
    commitsRead: 0,
    async *[Symbol.asyncIterator](): AsyncGenerator<SourceItem> {
      checkGitUrl(target.gitUrl);
      const token = await installationToken(target);
      const env = gitAuthEnvironment(target.gitUrl, token);
      yield* inTemporaryRepository(tokenForms(token), async function* (dir) {
        await runGit(dir, cloneRepositoryArgs(target.gitUrl), env);
        const history = readGitRange(dir, { ...rangeOptions(options), all: true, env });
        for await (const item of history) {
          source.commitsRead = history.commitsRead;
          yield item;
        }
        source.commitsRead = history.commitsRead;
      });
    },
  };
  return source;
}

async function installationToken(target: GitHubRepoTarget): Promise<string> {
  let token: string;
  try {
    token = await target.token();
  } catch (error) {
    throw toGitHubError(error, `creating an installation token to clone ${target.owner}/${target.repo}`);
  }
  if (token === '') throw new Error(`no installation token to clone ${target.owner}/${target.repo}: the token function returned an empty string.`);
  return token;
}

function rangeOptions(options: GitReadOptions): GitRangeOptions {
  return { maxFileBytes: options.maxFileBytes, ignorePath: options.ignorePath };
}

async function* inTemporaryRepository(
  secrets: readonly string[],
  read: (dir: string) => AsyncGenerator<SourceItem>,
): AsyncGenerator<SourceItem> {
  const dir = await mkdtemp(join(tmpdir(), 'leakstop-git-'));
  try {
    yield* read(dir);
  } catch (error) {
    throw scrubbedGitError(error, secrets);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The error to pass on, with no trace of the token: a new error built from scrubbed text, without
 * the original as its cause (its stderr is unscrubbed). An HTTP 5xx or 429 becomes retryable.
 */
export function scrubbedGitError(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof Error)) return error;
  if (error instanceof GitHubUnavailableError) return error;
  const stderr = gitStderr(error);
  const detail = stderr === undefined ? error.message : `git ${gitCommandName(error)} failed: ${firstLine(stderr) || error.message}`;
  const message = scrubText(detail, secrets);
  const status = stderr === undefined ? undefined : httpStatusInGitMessage(stderr);
  if (status !== undefined && isRetryableStatus(status)) return new GitHubUnavailableError(message, status, undefined);
  const clean = new Error(message);
  clean.name = 'GitReadError';
  return clean;
}

function gitStderr(error: Error): string | undefined {
  if (error instanceof GitCommandError) return error.stderr;
  return error.cause instanceof GitCommandError ? error.cause.stderr : undefined;
}

function gitCommandName(error: Error): string {
  const command = error instanceof GitCommandError ? error : error.cause instanceof GitCommandError ? error.cause : undefined;
  return command?.args[0] ?? '';
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
