// Reads one file of a directory scan: its text, or why it is skipped. Type, size and extension are
// checked before reading anything. The sync variant is for worker threads, where blocking is fine.
import { lstatSync, readFile, readFileSync, type Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { decodeText, hasBinaryExtension, looksBinary } from './file-content.js';
import { isFileToRead, type SourceItem, type WalkItem } from './scan-unit.js';

/** The callback API: fs/promises' readFile reads in small chunks and was 2x slower on many small files. */
const readFileBytes = promisify(readFile);

/**
 * Files read at once. Reading one file at a time leaves the disk and libuv's threads idle between
 * calls: on a 100 MB tree of 7,400 files, 16 reads in flight took 0.7 s instead of 2.2 s.
 */
const READ_AHEAD = 16;

/**
 * Reads the walk's files, up to READ_AHEAD at once, yielding the results in the walk's order. With
 * `stopWhen`, it stops taking items from the walk once that returns true (after yielding what it
 * has in flight) and leaves the rest of the walk to the caller.
 */
export async function* readAhead(walk: AsyncIterator<WalkItem>, maxFileBytes: number, stopWhen: () => boolean = () => false): AsyncGenerator<SourceItem> {
  const inFlight: Promise<SourceItem>[] = [];
  while (!stopWhen()) {
    const next = await walk.next();
    if (next.done) break;
    const item = next.value;
    inFlight.push(isFileToRead(item) ? readWalkedFile(item.read, maxFileBytes) : Promise.resolve(item));
    if (inFlight.length >= READ_AHEAD) yield await inFlight.shift()!;
  }
  for (let pending = inFlight.shift(); pending; pending = inFlight.shift()) yield await pending;
}

/**
 * A walked entry, not followed if it is a symlink. Never rejects: a file that vanished or cannot be
 * read is reported as skipped, not fatal.
 */
export async function readWalkedFile(absolute: string, maxFileBytes: number): Promise<SourceItem> {
  let stats: Stats;
  try {
    stats = await lstat(absolute);
  } catch {
    return { path: absolute, reason: 'unreadable' };
  }
  return readWithStats(absolute, stats, maxFileBytes);
}

export function readWalkedFileSync(absolute: string, maxFileBytes: number): SourceItem {
  let stats: Stats;
  try {
    stats = lstatSync(absolute);
  } catch {
    return { path: absolute, reason: 'unreadable' };
  }
  const early = skipBeforeReading(absolute, stats, maxFileBytes);
  if (early) return early;
  try {
    return textOrBinary(absolute, readFileSync(absolute));
  } catch {
    return { path: absolute, reason: 'unreadable', bytes: stats.size };
  }
}

/** Reads a file whose stats are known (from lstat for walked entries, stat for a root given by name). */
export async function readWithStats(absolute: string, stats: Stats, maxFileBytes: number): Promise<SourceItem> {
  const early = skipBeforeReading(absolute, stats, maxFileBytes);
  if (early) return early;
  try {
    return textOrBinary(absolute, await readFileBytes(absolute));
  } catch {
    return { path: absolute, reason: 'unreadable', bytes: stats.size };
  }
}

function skipBeforeReading(absolute: string, stats: Stats, maxFileBytes: number): SourceItem | undefined {
  // Not followed: the target may be outside the tree, or a loop.
  if (stats.isSymbolicLink()) return { path: absolute, reason: 'symlink' };
  // A FIFO, socket or device: reading it could block forever or never end.
  if (!stats.isFile()) return { path: absolute, reason: 'unreadable' };
  if (hasBinaryExtension(absolute)) return { path: absolute, reason: 'binary', bytes: stats.size };
  if (stats.size > maxFileBytes) return { path: absolute, reason: 'too-large', bytes: stats.size };
  return undefined;
}

function textOrBinary(absolute: string, bytes: Buffer): SourceItem {
  if (looksBinary(bytes)) return { path: absolute, reason: 'binary', bytes: bytes.length };
  return { path: absolute, text: decodeText(bytes) };
}
