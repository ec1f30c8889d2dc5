// One piece of text to scan, as every source (directory, git history, staged changes, stdin) hands
// it to runScan: the text, where it came from, and for diffs where each of its lines sits in the file.
import type { Engine, TextScan } from '../detect/engine.js';
import type { SkippedFile } from './result.js';
import { createTextStreamScan } from './text-stream-scan.js';

/** The commit a git unit's lines were added in. */
export interface CommitInfo {
  sha: string;
  author: string;
  authorEmail: string;
  /** Author date, ISO 8601 with the author's offset (git's %aI). */
  date: string;
}

export interface ScanUnit {
  /** Absolute for directory sources (runScan makes it relative to the root); repository-relative for git. */
  path: string;
  text: string;
  /**
   * For diffs, whose text holds only the added lines: lineNumbers[i] is the 1-based file line of
   * text line i + 1. Absent when the text is the whole file.
   */
  lineNumbers?: number[];
  commit?: CommitInfo;
}

/**
 * A file read from disk whose bytes are UTF-8 (its BOM removed): the engine scans the bytes without
 * decoding them (Engine.scanUtf8), which is most of what reading a large tree costs.
 */
export interface FileBytes {
  /** Absolute (runScan makes it relative to the root). */
  path: string;
  utf8: Uint8Array;
}

/**
 * A file larger than one scan window: read again from its start and scanned a window at a time as
 * it is read (text-stream-scan.ts), so that its size never decides how much memory a scan takes.
 */
export interface LargeFile {
  /** Absolute (runScan makes it relative to the root). */
  path: string;
  /** The file's bytes from its start, a chunk at a time, read as they are iterated. */
  chunks(): Iterable<Uint8Array>;
  windowBytes: number;
}

/**
 * A binary file that may hold key material (detect/key-material.ts: a keystore's magic or one whole
 * DER structure), read whole and scanned by Engine.scanBinary. Other binary files are skipped.
 */
export interface BinaryFile {
  /** Absolute for directory sources; repository-relative for git. */
  path: string;
  binary: Uint8Array;
  commit?: CommitInfo;
}

/** A text that arrives as a stream (piped stdin): scanned in windows as it arrives. */
export interface TextStream {
  path: string;
  stream: AsyncIterable<Uint8Array | string>;
  windowBytes: number;
}

/** What reading a file gives: its text or bytes, a large file to scan as it is read, or why it was skipped. */
export type ReadItem = ScanUnit | FileBytes | LargeFile | BinaryFile | SkippedFile;

export type SourceItem = ReadItem | TextStream;

/** A source that can say how many commits it read, including those that added no line. */
export interface CommitCounter {
  readonly commitsRead: number;
  /** Whether the scan reached a shallow clone's boundary (see shallow.ts); undefined until known or for sources without history. */
  readonly shallow?: boolean | undefined;
}

export function isSkipped(item: SourceItem): item is SkippedFile {
  return 'reason' in item;
}

export function isFileBytes(item: SourceItem): item is FileBytes {
  return 'utf8' in item;
}

export function isBinaryFile(item: SourceItem): item is BinaryFile {
  return 'binary' in item && item.binary instanceof Uint8Array;
}

export function isLargeFile(item: SourceItem): item is LargeFile {
  return 'chunks' in item;
}

export function isTextStream(item: SourceItem): item is TextStream {
  return 'stream' in item;
}

/**
 * What the engine found in a unit and its size in UTF-8 bytes. A large file that fails to read
 * part way also says what was left unread: what was read before is still reported.
 */
export interface ItemScan {
  bytes: number;
  scan: TextScan;
  unread?: SkippedFile;
}

export type ScanningEngine = Pick<Engine, 'rules' | 'scanText' | 'scanUtf8' | 'scanBinary'>;

/** Scans a unit read whole, or a large file as it reads it. */
export function scanItem(item: ScanUnit | FileBytes | LargeFile | BinaryFile, engine: ScanningEngine): ItemScan {
  if (isLargeFile(item)) return scanLargeFile(item, engine);
  if (isBinaryFile(item)) return { bytes: item.binary.length, scan: engine.scanBinary(item.binary) };
  if (isFileBytes(item)) return { bytes: item.utf8.length, scan: engine.scanUtf8(item.utf8) };
  return { bytes: Buffer.byteLength(item.text, 'utf8'), scan: engine.scanText(item.text) };
}

function scanLargeFile(item: LargeFile, engine: ScanningEngine): ItemScan {
  const scan = createTextStreamScan(engine, item.windowBytes);
  const chunks = item.chunks()[Symbol.iterator]();
  let read = 0;
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      // Only a failed read makes the file unreadable: an error of the scan itself propagates.
      try {
        next = chunks.next();
      } catch (error) {
        const detail = `read failed after ${read} bytes (${errorCode(error)}); findings before that point are reported: check the file and scan it again`;
        return { ...scan.end(), unread: { path: item.path, reason: 'unreadable', detail } };
      }
      if (next.done) return scan.end();
      scan.push(next.value);
      read += next.value.length;
    }
  } finally {
    // Closes the file if the scan threw before reading to the end.
    chunks.return?.();
  }
}

/** Scans a stream as it arrives: the memory it takes does not grow with its length. */
export async function scanTextStream(item: TextStream, engine: ScanningEngine): Promise<ItemScan> {
  const scan = createTextStreamScan(engine, item.windowBytes);
  for await (const chunk of item.stream) scan.push(chunk);
  return scan.end();
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

export function countsCommits(source: object): source is CommitCounter {
  return 'commitsRead' in source && typeof source.commitsRead === 'number';
}

/** A file the walk found and did not read yet (absolute path): read by whoever scans it. */
export interface FileToRead {
  /** Absolute, as reports show it (a name that is not UTF-8 escaped, see path-text.ts). */
  read: string;
  /** The path's bytes, when a name on it is not UTF-8: what is opened. */
  raw?: Buffer;
}

/** What a file walk yields: files still to read, or items that are ready (skipped paths, units). */
export type WalkItem = FileToRead | ReadItem;

/**
 * A source that can also hand out its files unread, so that worker threads can read and scan them
 * in parallel instead of the main thread reading everything (see run-scan.ts).
 */
export interface FileWalk {
  readonly maxFileBytes: number;
  /** Files larger than this are scanned in windows of this size (default SCAN_WINDOW_BYTES). */
  readonly windowBytes?: number | undefined;
  files(): AsyncIterable<WalkItem>;
}

export function isFileToRead(item: WalkItem): item is FileToRead {
  return 'read' in item;
}

export function walksFiles(source: object): source is FileWalk {
  return 'files' in source && typeof source.files === 'function' && 'maxFileBytes' in source;
}
