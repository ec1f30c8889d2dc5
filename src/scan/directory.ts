// The files of a directory tree (or one file), as they are on disk now. Everything not scanned is
// reported with its reason, so a report can prove that nothing was left out silently; an ignored
// directory is reported once, not file by file.
import { closeSync, constants, openSync, readdirSync, type Dirent, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../config/config-file.js';
import { findRepositoryTop, GitignoreRules } from './gitignore.js';
import { runGitBytes } from './git-process.js';
import { isValidUtf8Name, pathText } from './path-text.js';
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
  /** Shown in reports: a name that is not UTF-8 is escaped (path-text.ts). */
  absolute: string;
  /**
   * What the file system is asked for when `absolute` cannot be: the path's bytes (a name on it is
   * not UTF-8), or a path through an open directory (the whole path is too long).
   */
  raw: Buffer | undefined;
  /** The open directory `raw` goes through, held until this directory has been listed. */
  via: DirectoryAnchor | undefined;
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
  const tracked: TrackedFiles = useGitignore ? await trackedIgnoredFiles(root) : new Map();
  const rootRules = useGitignore ? await GitignoreRules.forRoot(root) : GitignoreRules.none();
  const stack: PendingDirectory[] = [{ absolute: root, raw: undefined, via: undefined, relative: '', rules: rootRules }];
  const anchors = new DirectoryAnchors();

  try {
    for (let dir = stack.pop(); dir; dir = stack.pop()) {
      let entries: ListedEntry[];
      let own: DirectoryAnchor | undefined;
      try {
        own = anchors.openIfLong(dir);
        entries = listDirectory(dir);
      } catch (error) {
        yield { path: `${dir.absolute}/`, reason: 'unreadable', detail: errorDetail(error) };
        anchors.release(dir.via);
        anchors.release(own);
        continue;
      }
      // Looked up in the listing: trying to open a missing .gitignore in every directory costs more.
      const hasGitignore = useGitignore && entries.some((entry) => entry.name === '.gitignore' && entry.type.isFile());
      const rules = hasGitignore ? await dir.rules.enter(dir.raw ?? dir.absolute, dir.relative) : dir.rules;
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirectories: PendingDirectory[] = [];
      for (const entry of entries) {
        if (entry.name === '.git') continue;
        const absolute = join(dir.absolute, entry.name);
        const raw = dir.raw || entry.rawName ? Buffer.concat([dir.raw ?? Buffer.from(dir.absolute), SLASH, entry.rawName ?? Buffer.from(entry.name)]) : undefined;
        const relative = dir.relative === '' ? entry.name : `${dir.relative}/${entry.name}`;
        const isDirectory = entry.type.isDirectory();
        const skip = skipReason(entry.type, relative, isDirectory, rules, tracked, options.ignorePath);
        if (skip) {
          yield { path: isDirectory ? `${absolute}/` : absolute, reason: skip };
          if (isDirectory && skip === 'gitignored') yield* trackedFilesUnder(root, relative, tracked, options.ignorePath);
        } else if (isDirectory) {
          subdirectories.push({ absolute, raw, via: anchors.hold(own ?? dir.via, raw), relative, rules });
        } else if (entry.type.isFile()) {
          // Read by whoever takes the item before the walk goes on, so the open directory behind `raw` is still open.
          yield raw ? { read: absolute, raw } : { read: absolute };
        } else {
          // A FIFO, socket or device: reading it could block forever or never end.
          yield { path: absolute, reason: 'unreadable', detail: 'not a regular file' };
        }
      }
      // Reversed onto the stack so that directories are walked in name order.
      for (let i = subdirectories.length - 1; i >= 0; i--) stack.push(subdirectories[i]!);
      anchors.release(dir.via);
      anchors.release(own);
    }
  } finally {
    anchors.closeAll();
  }
}

const SLASH = Buffer.from('/');

/**
 * Paths longer than this are reached through an open directory instead: Linux refuses a path over
 * PATH_MAX (4,096 bytes) with ENAMETOOLONG, and a name adds at most 255 bytes to its directory's.
 */
const ANCHOR_AFTER_BYTES = 3072;
/** /proc/self/fd/N names an open directory by a short path, on Linux only. */
const CAN_ANCHOR = process.platform === 'linux';

interface DirectoryAnchor {
  fd: number;
  /** Pending directories whose path goes through this one, plus the one being listed. */
  holders: number;
}

/**
 * The directories held open so that a tree deeper than PATH_MAX is still read: a directory whose
 * path is too long is opened from its parent (its path is still short enough then), and its
 * entries are reached as /proc/self/fd/N/name. A directory is closed as soon as no pending
 * directory goes through it, so only those on the way down are open at once.
 */
class DirectoryAnchors {
  readonly #open = new Set<DirectoryAnchor>();

  /** Opens the directory if its path is too long to use, and points `dir.raw` through it. */
  openIfLong(dir: PendingDirectory): DirectoryAnchor | undefined {
    const length = dir.raw ? dir.raw.length : Buffer.byteLength(dir.absolute);
    if (!CAN_ANCHOR || length <= ANCHOR_AFTER_BYTES) return undefined;
    const fd = openSync(dir.raw ?? dir.absolute, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
    const anchor = { fd, holders: 1 };
    this.#open.add(anchor);
    dir.raw = Buffer.from(`/proc/self/fd/${fd}`);
    return anchor;
  }

  /** Counts a pending directory whose path (`raw`) goes through `anchor`; returns what it holds. */
  hold(anchor: DirectoryAnchor | undefined, raw: Buffer | undefined): DirectoryAnchor | undefined {
    if (!anchor || !raw) return undefined;
    anchor.holders++;
    return anchor;
  }

  release(anchor: DirectoryAnchor | undefined): void {
    if (!anchor || --anchor.holders > 0) return;
    this.#open.delete(anchor);
    closeSync(anchor.fd);
  }

  closeAll(): void {
    for (const anchor of this.#open) closeSync(anchor.fd);
    this.#open.clear();
  }
}

/** A directory entry: its name as reports show it, and its bytes when that name is not UTF-8. */
interface ListedEntry {
  name: string;
  rawName: Buffer | undefined;
  type: Dirent | Dirent<Buffer>;
}

/**
 * The entries of a directory. Synchronous, like the file reads (read-text-file.ts): an async
 * readdir per directory waits a thread-pool round trip each, which left the scan idle 15% of the
 * time on 6,000 files. Names are listed as text; only a directory where one decodes to U+FFFD is
 * listed again as bytes, so a name that is not UTF-8 is still opened by its exact bytes.
 */
function listDirectory(dir: PendingDirectory): ListedEntry[] {
  const path = dir.raw ?? dir.absolute;
  const entries = readdirSync(path, { withFileTypes: true });
  if (!entries.some((entry) => entry.name.includes('\uFFFD'))) return entries.map((type) => ({ name: type.name, rawName: undefined, type }));
  return readdirSync(path, { withFileTypes: true, encoding: 'buffer' }).map((type) => {
    const valid = isValidUtf8Name(type.name);
    return { name: valid ? type.name.toString('utf8') : pathText(type.name), rawName: valid ? undefined : type.name, type };
  });
}

/** Why the file system refused, for the report: its error code (EACCES, ENAMETOOLONG...). */
function errorDetail(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'read failed';
}

function skipReason(
  entry: Dirent | Dirent<Buffer>,
  relative: string,
  isDirectory: boolean,
  rules: GitignoreRules,
  tracked: ReadonlyMap<string, unknown>,
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
async function trackedIgnoredFiles(root: string): Promise<TrackedFiles> {
  const tracked: TrackedFiles = new Map();
  if ((await findRepositoryTop(root)) === undefined) return tracked;
  let listed: Buffer;
  try {
    listed = await runGitBytes(root, ['ls-files', '-z', '--cached', '--ignored', '--exclude-standard'], 256 * 1024 * 1024);
  } catch {
    return tracked;
  }
  // Names as bytes: one that is not UTF-8 keeps its bytes, to be opened by them.
  for (let start = 0, end = listed.indexOf(0); end !== -1; start = end + 1, end = listed.indexOf(0, start)) {
    const name = listed.subarray(start, end);
    if (name.length === 0) continue;
    const valid = isValidUtf8Name(name);
    tracked.set(valid ? name.toString('utf8') : pathText(name), valid ? undefined : Buffer.from(name));
  }
  return tracked;
}

/** Tracked files that .gitignore matches, relative to the root → their bytes when not UTF-8. */
type TrackedFiles = Map<string, Buffer | undefined>;

/** The tracked files inside an ignored directory, which the walk does not enter. */
function trackedFilesUnder(root: string, directory: string, tracked: TrackedFiles, ignorePath: DirectoryOptions['ignorePath']): WalkItem[] {
  const prefix = `${directory}/`;
  return [...tracked.keys()]
    .filter((path) => path.startsWith(prefix))
    .sort()
    .map((relative): WalkItem => {
      if (ignorePath?.(relative)) return { path: join(root, relative), reason: 'ignored-by-config' };
      const raw = tracked.get(relative);
      return raw ? { read: join(root, relative), raw: Buffer.concat([Buffer.from(root), SLASH, raw]) } : { read: join(root, relative) };
    });
}
