// A commit as GitHub's commits API returns it, written out as the lines `git log -p` prints, so that
// one parser (diff-parser.ts) reads both sources the same way: added lines with their file line
// numbers, renamed files under their new name, binary files skipped. Also says when the API's answer
// is not enough and the commit must be read with git instead.
import { COMMIT_MARKER } from './diff-parser.js';
import type { CommitInfo } from './scan-unit.js';

/** The commits API lists at most this many files per response; more come on further pages. */
export const MAX_FILES_PER_RESPONSE = 300;

/** git's id for the empty file: an added empty file has no patch and is not binary. */
const EMPTY_BLOB_SHA = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';

/** The fields of a `diff-entry` (GET /repos/{owner}/{repo}/commits/{ref}) that we read. */
export interface GitHubDiffEntry {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  sha?: string | null;
  /** Absent for binary files, and for text files whose diff GitHub found too large to show. */
  patch?: string;
}

/** The fields of a `commit` response that we read. */
export interface GitHubCommit {
  sha: string;
  parents: readonly { sha: string }[];
  commit: { author: { name?: string; email?: string; date?: string } | null };
  files?: readonly GitHubDiffEntry[];
}

/** Why a commit is read with git rather than from the API. */
export type GitOnlyReason =
  /** The API diffs a merge against its first parent only: git shows what the merge itself added (--cc). */
  | 'merge'
  /** More than 300 files: the rest are on further pages, up to 3,000, and beyond that nowhere. */
  | 'too-many-files'
  /** A text file with added lines and no patch: GitHub leaves out diffs it finds too large. */
  | 'missing-patch'
  /** A patch holding fewer added lines than the file's `additions`. */
  | 'truncated-patch';

/** Why this commit cannot be read from the API response, or undefined when it can. */
export function gitOnlyReason(commit: GitHubCommit, hasMoreFilePages: boolean): GitOnlyReason | undefined {
  if (commit.parents.length > 1) return 'merge';
  // An answer without a file list is one GitHub could not complete.
  if (!commit.files || hasMoreFilePages || commit.files.length >= MAX_FILES_PER_RESPONSE) return 'too-many-files';
  for (const file of commit.files) {
    if (!hasAddedLines(file)) continue;
    if (file.patch === undefined) return 'missing-patch';
    if (countAddedLines(file.patch) !== file.additions) return 'truncated-patch';
  }
  return undefined;
}

export function commitInfo(commit: GitHubCommit): CommitInfo {
  const author = commit.commit.author;
  return { sha: commit.sha, author: author?.name ?? '', authorEmail: author?.email ?? '', date: author?.date ?? '' };
}

/** The commit as `git log -p --format=<COMMIT_FORMAT>` would print it, one string per line. */
export function commitPatchLines(commit: GitHubCommit): string[] {
  const info = commitInfo(commit);
  const lines = [`${COMMIT_MARKER}${[info.sha, info.author, info.authorEmail, info.date].join('\x00')}`];
  for (const file of commit.files ?? []) lines.push(...filePatchLines(file));
  return lines;
}

/**
 * One file's part. The header names the file by its new name on both sides, which is all the parser
 * needs: a renamed file's patch holds only its changed lines, numbered in the new file.
 */
export function filePatchLines(file: GitHubDiffEntry): string[] {
  if (file.status === 'removed' || file.status === 'unchanged') return [];
  const header = `diff --git ${sidePath('a', file.filename)} ${sidePath('b', file.filename)}`;
  if (file.patch !== undefined) return [header, ...file.patch.split('\n')];
  if (isBinary(file)) return [header, `Binary files ${sidePath('a', file.filename)} and ${sidePath('b', file.filename)} differ`];
  // A pure rename, a copy, a mode change, an empty file: nothing was added.
  return [];
}

function hasAddedLines(file: GitHubDiffEntry): boolean {
  return file.status !== 'removed' && file.additions > 0;
}

/**
 * GitHub gives a binary file no patch and counts no lines. Only a new or changed file is taken for
 * binary: a renamed or copied one without a patch is the same content under another name.
 */
export function isBinary(file: GitHubDiffEntry): boolean {
  if (file.status !== 'added' && file.status !== 'modified') return false;
  return file.additions === 0 && file.deletions === 0 && file.sha !== EMPTY_BLOB_SHA;
}

export function countAddedLines(patch: string): number {
  let count = 0;
  let start = 0;
  while (start <= patch.length) {
    if (patch.charCodeAt(start) === 43 /* '+' */) count++;
    const end = patch.indexOf('\n', start);
    if (end === -1) break;
    start = end + 1;
  }
  return count;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what git quotes
const NEEDS_QUOTING = /["\\\x00-\x1f\x7f]/g;

/** `a/path`, C-quoted the way git quotes names that hold a quote, a backslash or a control character. */
function sidePath(side: 'a' | 'b', path: string): string {
  if (path.search(NEEDS_QUOTING) === -1) return `${side}/${path}`;
  return `"${side}/${path.replace(NEEDS_QUOTING, quoteChar)}"`;
}

const NAMED_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function quoteChar(ch: string): string {
  return NAMED_ESCAPES[ch] ?? `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`;
}
