// Reads one file of a directory scan: its text, or why it is skipped. Type, size and extension are
// checked before reading anything. Reads are synchronous (worker threads block anyway, and see
// readFiles). A file larger than one scan window is not read whole: it becomes a LargeFile, read
// again window by window as it is scanned, so no file decides how much memory a scan takes.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { SCAN_WINDOW_BYTES } from '../detect/window-scan.js';
import { mayHoldKeyMaterial } from '../detect/key-material.js';
import { decodeText, hasBinaryExtension, looksBinary, utf8Content } from './file-content.js';
import { isFileToRead, type LargeFile, type ReadItem, type WalkItem } from './scan-unit.js';

/** Walked files are opened without following a link and without blocking on a FIFO. */
const WALKED_FILE_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
/** A file named as the scan's root was stat()ed through its links: the user named it. */
const NAMED_FILE_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * Reads the walk's files in order, synchronously. Measured on 6,266 installed npm files (78 MB):
 * open/fstat/read/close in a loop took 0.12-0.14 s; fs callbacks with 16 reads in flight took
 * 0.28-0.50 s, since each async call costs a thread-pool round trip that outweighs the read.
 */
export async function* readFiles(walk: AsyncIterator<WalkItem>, maxFileBytes: number, windowBytes = SCAN_WINDOW_BYTES): AsyncGenerator<ReadItem> {
  // Read into one buffer and copied out, as each item may be kept until the next is read.
  const copying = windowBytes === SCAN_WINDOW_BYTES ? copyingReads() : new ReadBuffer(windowBytes);
  for (;;) {
    const next = await walk.next();
    if (next.done) break;
    const item = next.value;
    yield isFileToRead(item) ? readFileSync(item.read, WALKED_FILE_FLAGS, maxFileBytes, copying, true, item.raw) : item;
  }
}

/**
 * One buffer that every file is read into in turn, for a scan that is done with each file before
 * it reads the next: a fresh buffer per file cost ~30 ms more on 6,276 files (105 against 75 ms),
 * in page faults and garbage collection.
 */
export class ReadBuffer {
  #buffer: Buffer;
  /** The most a file read whole may hold: a larger file is scanned in windows of this size. */
  readonly windowBytes: number;

  constructor(windowBytes = SCAN_WINDOW_BYTES) {
    this.windowBytes = windowBytes;
    this.#buffer = Buffer.allocUnsafeSlow(Math.min(1 << 20, windowBytes));
  }

  /**
   * Reads a file from its start to its end, or to `limit` bytes if it is longer (`limit` at most
   * windowBytes). The bytes are valid until the next read. Without fstat: the file's length is
   * where a read returns nothing, and fstat's Stats object, with its four Dates, cost ~15 ms per
   * 6,000 files.
   */
  readFrom(fd: number, limit: number): Buffer {
    let length = 0;
    for (;;) {
      if (length === this.#buffer.length) {
        if (length >= limit) break;
        this.#grow(fd, limit);
      }
      const wanted = Math.min(this.#buffer.length, limit) - length;
      if (wanted <= 0) break;
      const read = readSync(fd, this.#buffer, length, wanted, length);
      if (read === 0) break;
      length += read;
    }
    return this.#buffer.subarray(0, length);
  }

  /**
   * Makes room for the rest of a file longer than the buffer, sized by fstat at once (the file is
   * rarely short of a MiB): doubling from 1 MiB copied and page-faulted 1 + 2 + 4 + 8 MiB on the way
   * to typescript.js, ~7 ms of a 0.45 s scan of 78 MB.
   */
  #grow(fd: number, limit: number): void {
    const wanted = Math.max(this.#buffer.length * 2, fstatSync(fd).size + 1);
    const larger = Buffer.allocUnsafeSlow(Math.min(wanted, limit, this.windowBytes));
    this.#buffer.copy(larger);
    this.#buffer = larger;
  }
}

let forCopies: ReadBuffer | undefined;

/** The buffer behind reads whose bytes are copied out at once: one, rather than 1 MiB per file. */
function copyingReads(): ReadBuffer {
  forCopies ??= new ReadBuffer();
  return forCopies;
}

/**
 * One walked file (the walk saw a regular file): opened without following links and without
 * blocking on a FIFO, then read to its end. A file over the limit is reported with its size, from
 * fstat, without being kept. With `into`, the bytes are read into that shared buffer and the item
 * is valid only until its next use; without, they are copied out. `raw`: the path's bytes, when a
 * name on it is not UTF-8 (`absolute` then shows it escaped).
 */
export function readWalkedFileSync(absolute: string, maxFileBytes: number, into?: ReadBuffer, raw?: Buffer): ReadItem {
  return readFileSync(absolute, WALKED_FILE_FLAGS, maxFileBytes, into ?? copyingReads(), into === undefined, raw);
}

/**
 * Reads a file whole if it fits in one window of `buffer`; a larger one (up to maxFileBytes) is
 * checked for binary content by its first window and handed on as a LargeFile. `raw`: the path's
 * bytes, when a name on it is not UTF-8 (`absolute` then shows it escaped).
 */
function readFileSync(absolute: string, flags: number, maxFileBytes: number, buffer: ReadBuffer, copy: boolean, raw?: Buffer): ReadItem {
  let fd: number;
  try {
    fd = openSync(raw ?? absolute, flags);
  } catch (error) {
    const code = errorCode(error);
    return code === 'ELOOP' ? { path: absolute, reason: 'symlink' } : { path: absolute, reason: 'unreadable', detail: code ?? 'open failed' };
  }
  try {
    if (hasBinaryExtension(absolute)) return { path: absolute, reason: 'binary', bytes: fstatSync(fd).size };
    const limit = Math.min(maxFileBytes + 1, buffer.windowBytes);
    const bytes = buffer.readFrom(fd, limit);
    if (bytes.length < limit) return textOrBinary(absolute, copy ? Buffer.from(bytes) : bytes);
    // The file goes on, or ends at the limit: fstat says how large it is.
    const size = Math.max(fstatSync(fd).size, bytes.length);
    if (size > maxFileBytes) return { path: absolute, reason: 'too-large', bytes: size };
    if (looksBinary(bytes)) return { path: absolute, reason: 'binary', bytes: size };
    return largeFile(absolute, raw ?? absolute, flags, maxFileBytes, buffer.windowBytes);
  } catch (error) {
    return { path: absolute, reason: 'unreadable', detail: errorCode(error) ?? 'read failed' };
  } finally {
    closeSync(fd);
  }
}

/** What a large file is read in: the window scan copies each chunk into its own buffer. */
const CHUNK_BYTES = 1024 * 1024;

/** A file scanned as it is read again, a window at a time, to its end or maxFileBytes. */
function largeFile(absolute: string, openPath: string | Buffer, flags: number, maxFileBytes: number, windowBytes: number): LargeFile {
  return { path: absolute, windowBytes, chunks: () => readChunks(openPath, flags, maxFileBytes, Math.min(CHUNK_BYTES, windowBytes)) };
}

function* readChunks(openPath: string | Buffer, flags: number, limit: number, chunkBytes: number): Generator<Uint8Array> {
  const fd = openSync(openPath, flags);
  try {
    const chunk = Buffer.allocUnsafeSlow(chunkBytes);
    let position = 0;
    for (let read = 1; read > 0 && position < limit; position += read) {
      read = readSync(fd, chunk, 0, Math.min(chunkBytes, limit - position), position);
      if (read > 0) yield chunk.subarray(0, read);
    }
    // Checked at the size it had: a file that grew past the limit since is not scanned in part silently.
    if (position >= limit && readSync(fd, chunk, 0, 1, position) > 0) throw Object.assign(new Error('grew past the size limit while read'), { code: 'EFBIG' });
  } finally {
    closeSync(fd);
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Reads a file whose stats are known (from lstat for walked entries, stat for a root given by name). */
export function readWithStats(absolute: string, stats: Stats, maxFileBytes: number, windowBytes = SCAN_WINDOW_BYTES): ReadItem {
  const early = skipBeforeReading(absolute, stats, maxFileBytes);
  if (early) return early;
  return readFileSync(absolute, NAMED_FILE_FLAGS, maxFileBytes, new ReadBuffer(windowBytes), false);
}

function skipBeforeReading(absolute: string, stats: Stats, maxFileBytes: number): ReadItem | undefined {
  // Not followed: the target may be outside the tree, or a loop.
  if (stats.isSymbolicLink()) return { path: absolute, reason: 'symlink' };
  // A FIFO, socket or device: reading it could block forever or never end.
  if (!stats.isFile()) return { path: absolute, reason: 'unreadable', detail: 'not a regular file' };
  if (hasBinaryExtension(absolute)) return { path: absolute, reason: 'binary', bytes: stats.size };
  if (stats.size > maxFileBytes) return { path: absolute, reason: 'too-large', bytes: stats.size };
  return undefined;
}

/**
 * Binary (key material to scan, or skipped), UTF-16 text (decoded), or UTF-8 bytes left undecoded
 * for Engine.scanUtf8. Key material larger than a window is not looked for: a keystore is far smaller.
 */
function textOrBinary(absolute: string, bytes: Buffer): ReadItem {
  if (looksBinary(bytes)) return mayHoldKeyMaterial(bytes) ? { path: absolute, binary: bytes } : { path: absolute, reason: 'binary', bytes: bytes.length };
  const utf8 = utf8Content(bytes);
  return utf8 ? { path: absolute, utf8 } : { path: absolute, text: decodeText(bytes) };
}
