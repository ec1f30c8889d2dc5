// Git calls UTF-16 text binary (it has NUL bytes) and prints no patch for it, so a token in a
// UTF-16 file would pass `protect --staged` and history scans unseen. For each binary diff entry we
// read the new blob (and the old one, if any) with `git cat-file blob`, which runs no filter and no
// textconv, and when it is UTF-16 scan the lines of the new blob that the old one did not have.
// A new blob that may be key material (a keystore, a DER key) is scanned whole as binary.
import { MAX_DIFF_FILE_BYTES } from '../config/config-file.js';
import { DIFF_LIMIT_DETAIL, isBinaryDiff, type BinaryDiff } from './diff-parser.js';
import { GitCommandError, runGitBytes, type GitEnvironment } from './git-process.js';
import type { BinaryFile, CommitInfo, ScanUnit, SourceItem } from './scan-unit.js';
import { mayHoldKeyMaterial } from '../detect/key-material.js';
import type { SkippedFile } from './result.js';
import { decodeUtf16, utf16Order } from './utf16.js';

const NO_BLOB = /^0+$/;
/** Enough of a blob to tell UTF-16 from binary. */
const SNIFF_BYTES = 8000;

export interface Utf16DiffOptions {
  maxFileBytes: number;
  env?: GitEnvironment;
}

/** Passes items through, replacing each binary diff entry by its UTF-16 added lines or a 'binary' skip. */
export async function* decodeUtf16Diffs(
  repoDir: string,
  items: AsyncIterable<SourceItem>,
  options: Utf16DiffOptions,
): AsyncGenerator<SourceItem> {
  for await (const item of items) {
    yield isBinaryDiff(item) ? await decodeBinaryDiff(repoDir, item, options) : item;
  }
}

async function decodeBinaryDiff(repoDir: string, diff: BinaryDiff, options: Utf16DiffOptions): Promise<SourceItem> {
  const skip = (reason: SkippedFile['reason'], extra: Partial<SkippedFile> = {}): SkippedFile => ({
    path: diff.path,
    reason,
    ...(diff.commit ? { commit: diff.commit } : {}),
    ...extra,
  });
  try {
    const size = Number(await runGitBytes(repoDir, ['cat-file', '-s', diff.blobs.new], 64, options.env).then(String));
    // Blobs are read and decoded whole: past MAX_DIFF_FILE_BYTES, memory, not the user, decides.
    const limit = Math.min(options.maxFileBytes, MAX_DIFF_FILE_BYTES);
    if (size > limit) return skip('too-large', { bytes: size, ...(limit < options.maxFileBytes ? { detail: DIFF_LIMIT_DETAIL } : {}) });
    const bytes = await readBlob(repoDir, diff.blobs.new, size, options);
    if (!utf16Order(bytes.subarray(0, SNIFF_BYTES))) return binaryItem(diff.path, diff.commitInfo, bytes) ?? skip('binary');
    const old = NO_BLOB.test(diff.blobs.old) ? undefined : await readBlob(repoDir, diff.blobs.old, limit, options);
    return utf16AddedLinesUnit(diff.path, diff.commitInfo, bytes, old) ?? skip('binary');
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    return skip('unreadable', { detail: `git cat-file failed: ${error.message}` });
  }
}

/** A binary blob that may be key material, to scan whole (Engine.scanBinary); undefined for other binaries. */
export function binaryItem(path: string, commit: CommitInfo | undefined, bytes: Buffer): BinaryFile | undefined {
  if (!mayHoldKeyMaterial(bytes)) return undefined;
  const item: BinaryFile = { path, binary: bytes };
  if (commit) item.commit = commit;
  return item;
}

function readBlob(repoDir: string, blob: string, maxBytes: number, options: Utf16DiffOptions): Promise<Buffer> {
  return runGitBytes(repoDir, ['cat-file', 'blob', blob], maxBytes, options.env);
}

/**
 * When `bytes` is UTF-16 text, its lines that `old` (the file before, if any) did not have, counted
 * as a multiset, with their line numbers in the new file; undefined when `bytes` is not UTF-16.
 */
export function utf16AddedLinesUnit(path: string, commit: CommitInfo | undefined, bytes: Buffer, old: Buffer | undefined): ScanUnit | undefined {
  const order = utf16Order(bytes.subarray(0, SNIFF_BYTES));
  if (!order) return undefined;
  const oldText = old ? decodeUtf16(old, utf16Order(old.subarray(0, SNIFF_BYTES)) ?? order) : '';
  const oldCounts = new Map<string, number>();
  for (const line of splitLines(oldText)) oldCounts.set(line, (oldCounts.get(line) ?? 0) + 1);
  const added: string[] = [];
  const lineNumbers: number[] = [];
  splitLines(decodeUtf16(bytes, order)).forEach((line, index) => {
    const left = oldCounts.get(line) ?? 0;
    if (left > 0) return void oldCounts.set(line, left - 1);
    added.push(line);
    lineNumbers.push(index + 1);
  });
  const unit: ScanUnit = { path, text: added.join('\n'), lineNumbers };
  if (commit) unit.commit = commit;
  return unit;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
