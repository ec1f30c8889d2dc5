// The lines added by every commit of a git range (not the net diff of the range): a secret added in
// one commit and removed in the next is still in the history, so it is still a leak.
import { DEFAULT_MAX_FILE_BYTES } from '../config/repo-config.schema.js';
import { COMMIT_FORMAT, DiffParser } from './diff-parser.js';
import { firstLine, GitCommandError, runGit, streamGitLines } from './git-process.js';
import type { CommitCounter, SourceItem } from './scan-unit.js';

export interface GitRangeOptions {
  /** 'A..B': the commits reachable from B and not from A. */
  range?: string;
  /** REF: the commits after REF up to HEAD (REF..HEAD). */
  since?: string;
  /** Every commit reachable from any ref. Without range/since/all: the history of HEAD. */
  all?: boolean;
  maxFileBytes?: number;
  /** Repository-relative path → true to skip it (config `paths.ignore`). */
  ignorePath?: (path: string) => boolean;
}

export type GitHistorySource = AsyncIterable<SourceItem> & CommitCounter;

/**
 * Options for `git log` and `git diff` that make the patch parseable and complete: no context lines
 * (only changes), full blob ids, renames detected (so a renamed file counts only its changed lines),
 * no external diff or textconv tool, fixed a/ b/ prefixes, paths from the repository root.
 */
export const PATCH_OPTIONS = [
  '-p',
  '--unified=0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--full-index',
  '--find-renames',
  '--no-relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/**
 * Every commit is shown (no --first-parent: a branch's secret is reported in the branch commit that
 * added it); merges as dense combined diffs, see diff-parser.ts for what is taken from them.
 */
const LOG_OPTIONS = ['log', ...PATCH_OPTIONS, '--cc', COMMIT_FORMAT];

export function readGitRange(repoDir: string, options: GitRangeOptions = {}): GitHistorySource {
  const revisions = revisionArgs(options);
  const source = {
    commitsRead: 0,
    async *[Symbol.asyncIterator](): AsyncGenerator<SourceItem> {
      await requireRepository(repoDir);
      const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
      const parser = new DiffParser({
        maxFileBytes,
        ...(options.ignorePath ? { ignorePath: options.ignorePath } : {}),
        onCommit: () => source.commitsRead++,
      });
      try {
        for await (const lines of streamGitLines(repoDir, [...LOG_OPTIONS, ...revisions, '--'], maxFileBytes)) {
          yield* parser.push(lines);
        }
      } catch (error) {
        throw error instanceof GitCommandError ? badRevisions(revisions, error) : error;
      }
      yield* parser.end();
    },
  };
  return source;
}

function revisionArgs(options: GitRangeOptions): string[] {
  if (options.all) return ['--all'];
  const revisions = options.range ?? (options.since !== undefined ? `${options.since}..HEAD` : 'HEAD');
  // A "range" of '--output=x' would otherwise reach git as an option.
  if (revisions.startsWith('-') || revisions.trim() === '') {
    throw new Error(`invalid git range '${revisions}': give commits or refs such as main..feature or v1.2.0..HEAD.`);
  }
  return ['--end-of-options', revisions];
}

/** Fails early, with what to do, when the directory is not a git checkout. */
export async function requireRepository(repoDir: string): Promise<string> {
  try {
    return (await runGit(repoDir, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    throw new Error(
      `${repoDir} is not inside a git repository (${firstLine(error.stderr)}): run the command in a git checkout or pass its path, or scan the files without --git.`,
      { cause: error },
    );
  }
}

function badRevisions(revisions: readonly string[], error: GitCommandError): Error {
  const what = revisions.filter((r) => r !== '--end-of-options').join(' ');
  return new Error(
    `git log ${what} failed: ${firstLine(error.stderr) || error.message}. Check that the range names commits or refs that exist here (\`git log --oneline ${what}\`); in CI, fetch the full history (e.g. actions/checkout with fetch-depth: 0).`,
    { cause: error },
  );
}
