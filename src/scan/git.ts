// The lines added by every commit of a git range (not the net diff of the range): a secret added in
// one commit and removed in the next is still in the history, so it is still a leak.
import { DEFAULT_MAX_FILE_BYTES } from '../config/config-file.js';
import { firstLine, GitCommandError, runGit, type GitEnvironment } from './git-process.js';
import { readHistory } from './read-history.js';
import { shallowBoundary } from './shallow.js';
import type { CommitCounter, SourceItem } from './scan-unit.js';
import { decodeUtf16Diffs } from './utf16-diff.js';

export interface GitRangeOptions {
  /** 'A..B': the commits reachable from B and not from A. */
  range?: string;
  /** REF: the commits after REF up to HEAD (REF..HEAD). */
  since?: string;
  /** Every commit reachable from any ref. Without range/since/all: the history of HEAD. */
  all?: boolean;
  /** Exactly these commits (full SHAs), each against its parents, in this order; not their history. */
  commits?: readonly string[];
  /** Extra environment for git, e.g. the credentials a partial clone needs to fetch missing blobs. */
  env?: GitEnvironment;
  maxFileBytes?: number;
  /** Repository-relative path → true to skip it (config `paths.ignore`). */
  ignorePath?: (path: string) => boolean;
}

export type GitHistorySource = AsyncIterable<SourceItem> & CommitCounter;

export function readGitRange(repoDir: string, options: GitRangeOptions = {}): GitHistorySource {
  const revisions = revisionArgs(options);
  const source: { commitsRead: number; shallow: boolean | undefined } & AsyncIterable<SourceItem> = {
    commitsRead: 0,
    shallow: undefined,
    async *[Symbol.asyncIterator](): AsyncGenerator<SourceItem> {
      await requireRepository(repoDir, options.env);
      const boundary = await shallowBoundary(repoDir, options.env);
      source.shallow = false;
      const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
      const history = readHistory(repoDir, revisions, {
        maxFileBytes,
        ignorePath: options.ignorePath,
        env: options.env,
        onCommit: (sha) => {
          source.commitsRead++;
          if (boundary.has(sha)) source.shallow = true;
        },
      });
      try {
        yield* history;
      } catch (error) {
        throw error instanceof GitCommandError ? badRevisions(revisions, error) : error;
      }
    },
  };
  return withUtf16Decoded(repoDir, source, options);
}

/** Binary entries that are UTF-16 text become their added lines (see utf16-diff.ts). */
function withUtf16Decoded(repoDir: string, source: GitHistorySource, options: GitRangeOptions): GitHistorySource {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  return {
    get commitsRead() {
      return source.commitsRead;
    },
    get shallow() {
      return source.shallow;
    },
    [Symbol.asyncIterator]: () => decodeUtf16Diffs(repoDir, source, { maxFileBytes, ...(options.env ? { env: options.env } : {}) }),
  };
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

function revisionArgs(options: GitRangeOptions): string[] {
  if (options.all) return ['--all'];
  if (options.commits) {
    const notSha = options.commits.find((sha) => !FULL_SHA.test(sha));
    if (notSha !== undefined) throw new Error(`invalid commit '${notSha}': give full commit SHAs.`);
    // An empty list would make git show HEAD instead of nothing.
    if (options.commits.length === 0) throw new Error('no commits given: pass at least one commit SHA.');
    return ['--no-walk=unsorted', '--end-of-options', ...options.commits];
  }
  const revisions = options.range ?? (options.since !== undefined ? `${options.since}..HEAD` : 'HEAD');
  // A "range" of '--output=x' would otherwise reach git as an option.
  if (revisions.startsWith('-') || revisions.trim() === '') {
    throw new Error(`invalid git range '${revisions}': give commits or refs such as main..feature or v1.2.0..HEAD.`);
  }
  return ['--end-of-options', revisions];
}

/** Fails early, with what to do, when the directory is not a git checkout. */
export async function requireRepository(repoDir: string, env?: GitEnvironment): Promise<string> {
  try {
    return (await runGit(repoDir, ['rev-parse', '--show-toplevel'], env)).trim();
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    throw new Error(
      `${repoDir} is not inside a git repository (${firstLine(error.stderr)}): run the command in a git checkout or pass its path, or scan the files without --git.`,
      { cause: error },
    );
  }
}

function badRevisions(revisions: readonly string[], error: GitCommandError): Error {
  const shown = revisions.filter((r) => r !== '--end-of-options' && !r.startsWith('--no-walk'));
  // A list of commits (see `commits`) can be long: name a few.
  const what = shown.length > 3 ? `${shown.slice(0, 3).join(' ')} and ${shown.length - 3} more` : shown.join(' ');
  return new Error(
    `git log ${what} failed: ${firstLine(error.stderr) || error.message}. Check that the range names commits or refs that exist here (\`git log --oneline ${what}\`); in CI, fetch the full history (e.g. actions/checkout with fetch-depth: 0).`,
    { cause: error },
  );
}
