// The files of a directory tree (or one file), as they are on disk now. Everything not scanned is
// reported with its reason, so a report can prove that nothing was left out silently; an ignored
// directory is reported once, not file by file.
import { readdirSync, type Dirent, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../config/config-file.js';
import { findRepositoryTop, GitignoreRules } from './gitignore.js';
import { runGit } from './git-process.js';
import { readFiles, readWithStats } from './read-text-file.js';
import type { SkippedFile } from './result.js';
import type { FileWalk, SourceItem, WalkItem } from './scan-unit.js';

export interface DirectoryOptions {
  /** Files larger than this are reported as 'too-large' without being read. Default 10 MiB. */
  maxFileBytes?: number;
  /** Path relative to the root, '/'-separated → true to skip it (config `paths.ignore`). */
  ignorePath?: (relativePath: string) => boolean;
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  /** Files larger than this are scanned a window of this size at a time (default 16 MiB; tests make it small). */
  windowBytes?: number;
}

interface PendingDirectory {
  absolute: string;
  /** Relative to the root, '/'-separated; '' for the root. */
  relative: string;
  rules: GitignoreRules;
}

export type DirectorySource = AsyncIterable<SourceItem> & FileWalk;

/**
 * Walks `root` (a directory, or a single file, which is then scanned whatever its name), yielding
 * each text file's content and each skipped path. Units and skipped files carry absolute paths;
 * a skipped directory is reported once, with a trailing '/'. runScan may instead take the walk's
 * unread files (files()) and have worker threads read them.
 */
export function readDirectory(root: string, options: DirectoryOptions = {}): DirectorySource {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { windowBytes } = options;
  const files = (): AsyncGenerator<WalkItem> => walkRoot(root, options, maxFileBytes);
  return {
    maxFileBytes,
    windowBytes,
    files,
    [Symbol.asyncIterator]: () => readFiles(files()[Symbol.asyncIterator](), maxFileBytes, windowBytes),
  };
}

async function* walkRoot(root: string, options: DirectoryOptions, maxFileBytes: number): AsyncGenerator<WalkItem> {
  const rootStats = await statRoot(root);
  if (rootStats.isFile()) {
    yield readWithStats(root, rootStats, maxFileBytes, options.windowBytes);
  } else if (rootStats.isDirectory()) {
    yield* walk(root, options);
  } else {
    throw new Error(`${root} is neither a file nor a directory: pass a directory or a regular file to scan.`);
  }
}

/** The tree in name order: files to read and paths to skip, without reading any file. */
async function* walk(root: string, options: DirectoryOptions): AsyncGenerator<WalkItem> {
  const useGitignore = options.gitignore ?? true;
  const tracked = useGitignore ? await trackedIgnoredFiles(root) : new Set<string>();
  const stack: PendingDirectory[] = [{ absolute: root, relative: '', rules: useGitignore ? await GitignoreRules.forRoot(root) : GitignoreRules.none() }];

  for (let dir = stack.pop(); dir; dir = stack.pop()) {
    let entries: Dirent[];
    try {
      // Synchronous, like the file reads (read-text-file.ts): an async readdir per directory waits
      // a thread-pool round trip each, which left the scan idle 15% of the time on 6,000 files.
      entries = readdirSync(dir.absolute, { withFileTypes: true });
    } catch {
      yield { path: `${dir.absolute}/`, reason: 'unreadable' };
      continue;
    }
    // Looked up in the listing: trying to open a missing .gitignore in every directory costs more.
    const hasGitignore = useGitignore && entries.some((entry) => entry.name === '.gitignore' && entry.isFile());
    const rules = hasGitignore ? await dir.rules.enter(dir.absolute, dir.relative) : dir.rules;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirectories: PendingDirectory[] = [];
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const absolute = join(dir.absolute, entry.name);
      const relative = dir.relative === '' ? entry.name : `${dir.relative}/${entry.name}`;
      const isDirectory = entry.isDirectory();
      const skip = skipReason(entry, relative, isDirectory, rules, tracked, options.ignorePath);
      if (skip) {
        yield { path: isDirectory ? `${absolute}/` : absolute, reason: skip };
        if (isDirectory && skip === 'gitignored') yield* trackedFilesUnder(root, relative, tracked, options.ignorePath);
      } else if (isDirectory) {
        subdirectories.push({ absolute, relative, rules });
      } else if (entry.isFile()) {
        yield { read: absolute };
      } else {
        // A FIFO, socket or device: reading it could block forever or never end.
        yield { path: absolute, reason: 'unreadable' };
      }
    }
    // Reversed onto the stack so that directories are walked in name order.
    for (let i = subdirectories.length - 1; i >= 0; i--) stack.push(subdirectories[i]!);
  }
}

function skipReason(
  entry: Dirent,
  relative: string,
  isDirectory: boolean,
  rules: GitignoreRules,
  tracked: ReadonlySet<string>,
  ignorePath: DirectoryOptions['ignorePath'],
): SkippedFile['reason'] | undefined {
  // A tracked file is in the repository whatever .gitignore says (it was added before the rule, or with -f).
  if (rules.ignores(relative, isDirectory) && !tracked.has(relative)) return 'gitignored';
  if (ignorePath?.(relative)) return 'ignored-by-config';
  // Not followed: the target may be outside the tree, or a loop.
  if (entry.isSymbolicLink()) return 'symlink';
  return undefined;
}

async function statRoot(root: string): Promise<Stats> {
  try {
    return await stat(root);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
    throw new Error(`cannot scan ${root} (${code}): check that the path exists and is readable.`, { cause: error });
  }
}

/**
 * Tracked files that .gitignore rules match, relative to the root. Empty outside a git checkout or
 * without git: the walk then relies on the .gitignore files alone.
 */
async function trackedIgnoredFiles(root: string): Promise<Set<string>> {
  if ((await findRepositoryTop(root)) === undefined) return new Set();
  try {
    const listed = await runGit(root, ['ls-files', '-z', '--cached', '--ignored', '--exclude-standard']);
    return new Set(listed.split('\0').filter((path) => path !== ''));
  } catch {
    return new Set();
  }
}

/** The tracked files inside an ignored directory, which the walk does not enter. */
function trackedFilesUnder(root: string, directory: string, tracked: ReadonlySet<string>, ignorePath: DirectoryOptions['ignorePath']): WalkItem[] {
  const prefix = `${directory}/`;
  return [...tracked]
    .filter((path) => path.startsWith(prefix))
    .sort()
    .map((relative) => (ignorePath?.(relative) ? { path: join(root, relative), reason: 'ignored-by-config' } : { read: join(root, relative) }));
}
