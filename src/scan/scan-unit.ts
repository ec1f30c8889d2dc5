// One piece of text to scan, as every source (directory, git history, staged changes, stdin) hands
// it to runScan: the text, where it came from, and for diffs where each of its lines sits in the file.
import type { Engine, TextScan } from '../detect/engine.js';
import type { SkippedFile } from './result.js';

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

export type SourceItem = ScanUnit | FileBytes | SkippedFile;

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

/** What the engine finds in a unit, and the unit's size in UTF-8 bytes. */
export function scanItem(item: ScanUnit | FileBytes, engine: Pick<Engine, 'scanText' | 'scanUtf8'>): { bytes: number; scan: TextScan } {
  if (isFileBytes(item)) return { bytes: item.utf8.length, scan: engine.scanUtf8(item.utf8) };
  return { bytes: Buffer.byteLength(item.text, 'utf8'), scan: engine.scanText(item.text) };
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
export type WalkItem = FileToRead | SourceItem;

/**
 * A source that can also hand out its files unread, so that worker threads can read and scan them
 * in parallel instead of the main thread reading everything (see run-scan.ts).
 */
export interface FileWalk {
  readonly maxFileBytes: number;
  files(): AsyncIterable<WalkItem>;
}

export function isFileToRead(item: WalkItem): item is FileToRead {
  return 'read' in item;
}

export function walksFiles(source: object): source is FileWalk {
  return 'files' in source && typeof source.files === 'function' && 'maxFileBytes' in source;
}
