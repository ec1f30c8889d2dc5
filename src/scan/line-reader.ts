// Splits a byte stream (git's stdout) into lines on '\n' only, in batches, without ever holding more
// than one line plus one chunk. Node's readline would also split on a lone '\r', which would shift
// every line number of a file with old Mac line endings.

import { MAX_DIFF_FILE_BYTES } from '../config/config-file.js';

/** A line longer than the limit: only its start is kept, so a 1 GB minified line cannot fill memory. */
export interface OverlongLine {
  /** The first HEAD_BYTES bytes, enough to read a diff line's prefix. */
  head: string;
  bytes: number;
}

export type Line = string | OverlongLine;

const NEWLINE = 0x0a;
const HEAD_BYTES = 64;

export async function* readLines(stream: AsyncIterable<Buffer>, lineLimit = MAX_DIFF_FILE_BYTES): AsyncGenerator<Line[]> {
  // A line longer than a diff scan holds per file is never kept whole, whatever the caller allows.
  const maxLineBytes = Math.min(lineLimit, MAX_DIFF_FILE_BYTES);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlongHead: string | undefined;

  const take = (piece: Buffer): Line => {
    const bytes = pendingBytes + piece.length;
    let line: Line;
    if (overlongHead !== undefined) line = { head: overlongHead, bytes };
    else if (bytes > maxLineBytes) line = { head: Buffer.concat([...pending, piece]).subarray(0, HEAD_BYTES).toString('utf8'), bytes };
    else line = (pending.length === 0 ? piece : Buffer.concat([...pending, piece])).toString('utf8');
    pending = [];
    pendingBytes = 0;
    overlongHead = undefined;
    return line;
  };

  const keep = (piece: Buffer): void => {
    if (overlongHead === undefined && pendingBytes + piece.length > maxLineBytes) {
      overlongHead = Buffer.concat([...pending, piece]).subarray(0, HEAD_BYTES).toString('utf8');
      pending = [];
    }
    // Copy: the stream may reuse its chunk's memory, and a kept slice would pin the whole chunk.
    if (overlongHead === undefined) pending.push(Buffer.from(piece));
    pendingBytes += piece.length;
  };

  for await (const chunk of stream) {
    const lines: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      lines.push(take(chunk.subarray(start, end)));
      start = end + 1;
    }
    if (start < chunk.length) keep(chunk.subarray(start));
    if (lines.length > 0) yield lines;
  }
  if (pendingBytes > 0 || overlongHead !== undefined) yield [take(Buffer.alloc(0))];
}
