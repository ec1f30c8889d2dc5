// Turns git's patch output (`git log -p --unified=0 --cc`, `git diff --cached --unified=0`) into
// one ScanUnit per file and commit holding only the ADDED lines, with their file line numbers.
//
// Merges come as dense combined diffs (--cc): each content line has one prefix column per parent,
// and git keeps only the hunks where the result differs from every parent. Of those we take the
// lines marked '+' in every column, i.e. present in no parent: what the merge itself introduced
// (a conflict resolution). Lines that came from one side were already scanned in that side's commit.
import { MAX_DIFF_FILE_BYTES } from '../config/config-file.js';
import type { SkippedFile } from './result.js';
import type { CommitInfo, ScanUnit, SourceItem } from './scan-unit.js';
import type { Line, OverlongLine } from './line-reader.js';
import { pathFromDiffHeader, stripSidePrefix, unquoteGitPath } from './git-path.js';

/** Starts the per-commit header line of our `git log --format`; no diff line can start with it. */
export const COMMIT_MARKER = '\x01';
export const COMMIT_FORMAT = `--format=${COMMIT_MARKER}%H%x00%an%x00%ae%x00%aI`;

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

const SUBMODULE_MODE = ' 160000';
const HUNK_HEADER = /^(@{2,}) (?:-\d{1,10}(?:,\d{1,10})? ){1,64}\+(\d{1,10})(?:,\d{1,10})? @{2,}/;

export interface DiffParserOptions {
  maxFileBytes: number;
  /** Repository-relative path → true to skip it (config `paths.ignore`). */
  ignorePath?: (path: string) => boolean;
  onCommit?: (commit: CommitInfo) => void;
  /** Binary files come out as BinaryDiff (their blob ids kept) so that UTF-16 text can be decoded. */
  keepBinaryBlobs?: boolean;
}

/** A file git called binary, with the blob ids of its two sides (all zeros when added). */
export interface BinaryDiff extends SkippedFile {
  reason: 'binary';
  blobs: { old: string; new: string };
  /** The commit, for the unit made from the decoded lines. */
  commitInfo?: CommitInfo;
}

const INDEX_LINE = /^index ([0-9a-f]{40,64})\.\.([0-9a-f]{40,64})(?: |$)/;

interface FileDiff {
  /** From the `diff --git` header when unambiguous, then `rename to`, then `+++ b/...`. */
  path: string | undefined;
  /** Prefix columns of a content line: 1, or the number of parents in a combined diff. */
  columns: number;
  deleted: boolean;
  binary: boolean;
  /** From a single-parent `index OLD..NEW` line. */
  blobs: { old: string; new: string } | undefined;
  submodule: boolean;
  inHunk: boolean;
  /** File line number of the next line that exists in the result. */
  nextLine: number;
  added: string[];
  lineNumbers: number[];
  bytes: number;
  tooLarge: boolean;
  /** Matched by config `paths.ignore`: its lines are counted, not kept. Known at the first hunk. */
  ignored: boolean;
  hasAdditions: boolean;
}

/** Why a file within --max-file-size was still too large for a diff-based scan, and what to do. */
export const DIFF_LIMIT_DETAIL = `over the ${MAX_DIFF_FILE_BYTES / 1024 ** 2} MiB a history or staged scan holds of one file: scan the file itself (leakstop scan PATH --max-file-size SIZE), which reads it in windows`;

export class DiffParser {
  readonly #options: DiffParserOptions;
  #commit: CommitInfo | undefined;
  #file: FileDiff | undefined;
  #out: SourceItem[] = [];

  constructor(options: DiffParserOptions) {
    // A file's added lines are held whole: past MAX_DIFF_FILE_BYTES, memory, not the user, decides.
    this.#options = { ...options, maxFileBytes: Math.min(options.maxFileBytes, MAX_DIFF_FILE_BYTES) };
  }

  /** Feeds lines; returns the units and skipped files completed by them. */
  push(lines: readonly Line[]): SourceItem[] {
    for (const line of lines) {
      if (typeof line === 'string') this.#line(line);
      else this.#overlong(line);
    }
    return this.#drain();
  }

  /** Completes the last file; call once when git's output ends. */
  end(): SourceItem[] {
    this.#finishFile();
    return this.#drain();
  }

  #drain(): SourceItem[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }

  #line(line: string): void {
    const file = this.#file;
    if (file?.inHunk && isContentLine(line)) return this.#content(file, line);
    if (line.startsWith(COMMIT_MARKER)) return this.#startCommit(line);
    if (line.startsWith('diff --git ')) return this.#startFile(pathFromDiffHeader(line.slice('diff --git '.length)));
    if (line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      return this.#startFile(unquoteGitPath(line.slice(line.indexOf(' ', 5) + 1)));
    }
    if (file) this.#header(file, line);
  }

  #header(file: FileDiff, line: string): void {
    if (line.startsWith('@@')) return this.#startHunk(file, line);
    if (line.startsWith('+++ ')) {
      const name = line.slice(4).replace(/\t$/, '');
      if (name !== '/dev/null') file.path = stripSidePrefix(unquoteGitPath(name));
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      file.path = unquoteGitPath(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('deleted file mode')) {
      file.deleted = true;
    } else if (line.startsWith('Binary files ')) {
      file.binary = true;
    } else if (line.startsWith('index ')) {
      const ids = INDEX_LINE.exec(line);
      if (ids) file.blobs = { old: ids[1]!, new: ids[2]! };
    }
    if (isModeLine(line) && line.endsWith(SUBMODULE_MODE)) file.submodule = true;
  }

  #startCommit(line: string): void {
    this.#finishFile();
    const [sha = '', author = '', authorEmail = '', date = ''] = line.slice(COMMIT_MARKER.length).split('\x00');
    this.#commit = { sha, author, authorEmail, date };
    this.#options.onCommit?.(this.#commit);
  }

  #startFile(path: string | undefined): void {
    this.#finishFile();
    this.#file = {
      path,
      columns: 1,
      deleted: false,
      binary: false,
      blobs: undefined,
      submodule: false,
      inHunk: false,
      nextLine: 0,
      added: [],
      lineNumbers: [],
      bytes: 0,
      tooLarge: false,
      ignored: false,
      hasAdditions: false,
    };
  }

  #startHunk(file: FileDiff, line: string): void {
    const header = HUNK_HEADER.exec(line);
    if (!header) {
      file.inHunk = false;
      return;
    }
    file.columns = header[1]!.length - 1;
    file.ignored = file.path !== undefined && (this.#options.ignorePath?.(file.path) ?? false);
    file.nextLine = Number(header[2]);
    file.inHunk = true;
  }

  #content(file: FileDiff, line: string): void {
    const prefix = line.slice(0, file.columns);
    // '\ No newline at end of file', or a line that some parent had and the result no longer has.
    if (prefix.startsWith('\\') || prefix.includes('-')) return;
    const lineNumber = file.nextLine++;
    if (!isAddedToEveryParent(prefix)) return;
    this.#addLine(file, line.slice(file.columns), lineNumber);
  }

  #overlong(line: OverlongLine): void {
    const file = this.#file;
    if (!file?.inHunk || !isContentLine(line.head)) return;
    const prefix = line.head.slice(0, file.columns);
    if (prefix.startsWith('\\') || prefix.includes('-')) return;
    file.nextLine++;
    if (!isAddedToEveryParent(prefix)) return;
    this.#markTooLarge(file, line.bytes);
  }

  #addLine(file: FileDiff, text: string, lineNumber: number): void {
    file.hasAdditions = true;
    const bytes = Buffer.byteLength(text, 'utf8') + 1;
    if (file.tooLarge || file.ignored) {
      file.bytes += bytes;
      return;
    }
    if (file.bytes + bytes > this.#options.maxFileBytes) return this.#markTooLarge(file, bytes);
    file.bytes += bytes;
    file.added.push(text);
    file.lineNumbers.push(lineNumber);
  }

  #markTooLarge(file: FileDiff, bytes: number): void {
    file.hasAdditions = true;
    file.tooLarge = true;
    file.bytes += bytes;
    file.added = [];
    file.lineNumbers = [];
  }

  #finishFile(): void {
    const file = this.#file;
    this.#file = undefined;
    if (!file?.path || file.deleted) return;
    const sha = this.#commit?.sha;
    const skip = (reason: SkippedFile['reason'], bytes?: number, detail?: string): void => {
      this.#out.push({ path: file.path!, reason, ...(bytes !== undefined ? { bytes } : {}), ...(sha ? { commit: sha } : {}), ...(detail ? { detail } : {}) });
    };
    const changed = file.hasAdditions || file.binary || file.submodule;
    if (!changed) return;
    // Binary files and submodules have no hunk, so the ignore check has not run for them yet.
    if (file.ignored || this.#options.ignorePath?.(file.path)) return skip('ignored-by-config');
    if (file.submodule) return skip('submodule');
    if (file.binary && file.blobs && this.#options.keepBinaryBlobs) {
      const binary: BinaryDiff = { path: file.path, reason: 'binary', blobs: file.blobs, ...(sha ? { commit: sha } : {}) };
      if (this.#commit) binary.commitInfo = this.#commit;
      this.#out.push(binary);
      return;
    }
    if (file.binary) return skip('binary');
    if (file.tooLarge) return skip('too-large', file.bytes, this.#options.maxFileBytes === MAX_DIFF_FILE_BYTES ? DIFF_LIMIT_DETAIL : undefined);
    const unit: ScanUnit = { path: file.path, text: file.added.join('\n'), lineNumbers: file.lineNumbers };
    if (this.#commit) unit.commit = this.#commit;
    this.#out.push(unit);
  }
}

function isContentLine(line: string): boolean {
  const first = line.charCodeAt(0);
  // '+', '-', ' ', '\'
  return first === 43 || first === 45 || first === 32 || first === 92;
}

function isAddedToEveryParent(prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) !== 43) return false;
  return prefix.length > 0;
}

function isModeLine(line: string): boolean {
  return line.startsWith('index ') || line.startsWith('new file mode ') || line.startsWith('new mode ');
}

export function isBinaryDiff(item: SourceItem): item is BinaryDiff {
  return 'blobs' in item;
}
