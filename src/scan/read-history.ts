// Reads the added lines of a range's commits from one `git log -p` stream. git stops at the first
// object it cannot read (a deleted or corrupt blob), which used to lose the whole scan. Then the
// commit it stopped in is read again without the files whose blobs cannot be read (each reported
// as skipped, 'unreadable'), and the commits after it are read from a list, so a damaged blob costs
// its file, not the scan. A healthy repository never pays for this: one stream, as before.
import { COMMIT_FORMAT, DiffParser, PATCH_OPTIONS } from './diff-parser.js';
import { firstLine, GitCommandError, runGit, streamGitLines, type GitEnvironment } from './git-process.js';
import { changedFiles, unreadableObjectIn, unreadableObjects } from './missing-objects.js';
import type { SkippedFile } from './result.js';
import type { SourceItem } from './scan-unit.js';

export interface HistoryOptions {
  maxFileBytes: number;
  ignorePath?: ((path: string) => boolean) | undefined;
  env?: GitEnvironment | undefined;
  /** Called once per commit read, whether or not it was read again after a failure. */
  onCommit: (sha: string) => void;
}

/**
 * Every commit is shown (no --first-parent: a branch's secret is reported in the branch commit that
 * added it), the root commit included whatever log.showRoot says; merges as dense combined diffs,
 * see diff-parser.ts for what is taken from them.
 */
const LOG_OPTIONS = ['log', ...PATCH_OPTIONS, '--root', '--cc', COMMIT_FORMAT];

/** SHAs per `git log --no-walk` after a failure: far below the command line's limit. */
const COMMITS_PER_COMMAND = 1000;

/** What one git log stream got through before it stopped. */
class LogProgress {
  /** The last commit whose header git printed: the one it was reading when it stopped. */
  current: string | undefined;
  /** The commit of the last item yielded, and the paths yielded for it. */
  yieldedCommit: string | undefined;
  readonly yielded = new Set<string>();

  noteYielded(item: SourceItem): void {
    const sha = commitOf(item);
    if (sha !== this.yieldedCommit) {
      this.yieldedCommit = sha;
      this.yielded.clear();
    }
    this.yielded.add(item.path);
  }

  /** The paths of `sha` already yielded, so that reading it again does not repeat them. */
  yieldedFor(sha: string): Set<string> {
    return this.yieldedCommit === sha ? new Set(this.yielded) : new Set();
  }
}

/**
 * The items of `git log -p` over `revisions` (git's revision arguments, ending with
 * --end-of-options and the range). Throws GitCommandError when git fails for another reason than
 * an unreadable object (a bad range), so the caller can say what to do.
 */
export async function* readHistory(repoDir: string, revisions: readonly string[], options: HistoryOptions): AsyncGenerator<SourceItem> {
  let progress = new LogProgress();
  let failure = yield* readUntilUnreadable(repoDir, revisions, [], options, progress, false);
  if (failure === undefined) return;
  // Before the first commit, it is the revisions git cannot read (a full SHA this clone lacks):
  // nothing to skip, the range is what to fix.
  if (progress.current === undefined) throw failure;

  const commits = await listCommits(repoDir, revisions, failure, options.env);
  let pending = commitsAfter(commits, progress.current, failure);
  yield* readDamagedCommit(repoDir, progress.current, failure, progress, options);
  while (pending.length > 0) {
    const chunk = pending.slice(0, COMMITS_PER_COMMAND);
    progress = new LogProgress();
    failure = yield* readUntilUnreadable(repoDir, ['--no-walk=unsorted', '--end-of-options', ...chunk], [], options, progress, false);
    if (failure === undefined) {
      pending = pending.slice(chunk.length);
      continue;
    }
    const failing = progress.current ?? chunk[0]!;
    pending = commitsAfter(pending, failing, failure);
    yield* readDamagedCommit(repoDir, failing, failure, progress, options);
  }
}

/**
 * One git log stream; returns the error when git stopped at an object it cannot read (the items
 * before it were yielded), throws any other error. `again`: the commits were counted already.
 */
async function* readUntilUnreadable(
  repoDir: string,
  revisions: readonly string[],
  pathspecs: readonly string[],
  options: HistoryOptions,
  progress: LogProgress,
  again: boolean,
): AsyncGenerator<SourceItem, GitCommandError | undefined> {
  const parser = new DiffParser({
    maxFileBytes: options.maxFileBytes,
    keepBinaryBlobs: true,
    ...(options.ignorePath ? { ignorePath: options.ignorePath } : {}),
    onCommit: (commit) => {
      progress.current = commit.sha;
      if (!again) options.onCommit(commit.sha);
    },
  });
  const args = [...LOG_OPTIONS, ...revisions, '--', ...pathspecs];
  try {
    for await (const lines of streamGitLines(repoDir, args, options.maxFileBytes, options.env)) {
      for (const item of parser.push(lines)) {
        progress.noteYielded(item);
        yield item;
      }
    }
  } catch (error) {
    if (unreadableObjectIn(error) !== undefined) return error as GitCommandError;
    throw error;
  }
  for (const item of parser.end()) {
    progress.noteYielded(item);
    yield item;
  }
  return undefined;
}

/**
 * The commit git stopped in, read again without its files whose blobs cannot be read; those are
 * reported as unreadable. If it still cannot be read, each of its files not read yet is.
 */
async function* readDamagedCommit(
  repoDir: string,
  sha: string,
  failure: GitCommandError,
  progress: LogProgress,
  options: HistoryOptions,
): AsyncGenerator<SourceItem> {
  const counted = progress.current === sha;
  if (!counted) options.onCommit(sha);
  const done = progress.yieldedFor(sha);
  const files = await changedFiles(repoDir, sha, options.env);
  if (files === undefined) {
    yield unreadable('.', sha, `commit ${sha} could not be read (${firstLine(failure.stderr)}): none of its files were scanned`);
    return;
  }
  const missing = await unreadableObjects(repoDir, files.flatMap((file) => file.blobs), options.env);
  const damaged = files.filter((file) => file.blobs.some((blob) => missing.has(blob)));
  for (const file of damaged) {
    if (done.has(file.path)) continue;
    done.add(file.path);
    if (options.ignorePath?.(file.path)) {
      yield { path: file.path, reason: 'ignored-by-config', commit: sha };
      continue;
    }
    const blob = file.blobs.find((id) => missing.has(id))!;
    yield unreadable(file.path, sha, `git object ${blob} of ${file.path} in commit ${sha} is missing or corrupt`);
  }
  // The rest of the commit, without the damaged files; git still stops if the damage is elsewhere.
  const rest = new LogProgress();
  const pathspecs = [':(top)', ...damaged.map((file) => `:(top,literal,exclude)${file.path}`)];
  const again = readUntilUnreadable(repoDir, ['--no-walk=unsorted', '--end-of-options', sha], pathspecs, options, rest, true);
  let result = await again.next();
  for (; !result.done; result = await again.next()) {
    if (done.has(result.value.path)) continue;
    yield result.value;
  }
  const stillFailing = result.value;
  if (stillFailing === undefined) return;
  for (const path of rest.yieldedFor(sha)) done.add(path);
  for (const file of files) {
    if (done.has(file.path)) continue;
    yield unreadable(file.path, sha, `commit ${sha} could not be diffed (${firstLine(stillFailing.stderr)}): ${file.path} was not scanned`);
  }
}

function unreadable(path: string, commit: string, detail: string): SkippedFile {
  return { path, reason: 'unreadable', commit, detail };
}

/** The commits of the range in git log's order (rev-list walks them the same way). */
async function listCommits(repoDir: string, revisions: readonly string[], failure: GitCommandError, env: GitEnvironment | undefined): Promise<string[]> {
  try {
    return (await runGit(repoDir, ['rev-list', ...revisions], env)).split('\n').filter((sha) => sha !== '');
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    throw cannotContinue(failure, `the list of its commits could not be read either (${firstLine(error.stderr)})`);
  }
}

/** The commits after `failing` in `commits`, which must hold it. */
function commitsAfter(commits: readonly string[], failing: string | undefined, failure: GitCommandError): string[] {
  const at = failing === undefined ? -1 : commits.indexOf(failing);
  if (at === -1) throw cannotContinue(failure, `commit ${failing ?? '(none)'} is not in the list of commits to scan`);
  return commits.slice(at + 1);
}

function cannotContinue(failure: GitCommandError, why: string): Error {
  return new Error(
    `git log stopped at an object it cannot read (${firstLine(failure.stderr)}) and the scan cannot go on past it: ${why}. The repository is damaged: \`git fsck\` lists what is missing; re-clone it or fetch the missing objects.`,
    { cause: failure },
  );
}

function commitOf(item: SourceItem): string | undefined {
  if ('commit' in item) return typeof item.commit === 'string' ? item.commit : item.commit?.sha;
  return undefined;
}
