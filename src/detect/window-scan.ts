// Scans UTF-8 text of any length in bounded memory: the bytes arrive in chunks (a file read a piece
// at a time, a pipe) and are scanned in windows of a fixed size, each read with an overlap of
// context on both sides. A window reports only the findings that start in its own part, so a
// secret across a window boundary is found once, by the window it starts in, with the context a
// whole-text scan would have given it: the overlap is wider than any rule reads around a keyword,
// plus the distance a provider pairs findings over (AWS: 1,500 characters). Lines and columns are
// carried from window to window, so they are the file's.
//
// What a window cannot see: a `leakstop:allow` marker on the same line as a finding but further
// from it than the overlap. The finding is then reported (the safe side).
import { isAscii } from 'node:buffer';
import { CONTEXT_BEFORE, type Rule } from './rule.js';
import { WINDOW_MARGIN, type Engine, type TextScan } from './engine.js';
import type { Finding } from './finding.js';

/**
 * Bytes of a window's own part by default: larger than the default --max-file-size (10 MiB), so
 * files within it are read whole as before (no second read, no window buffer), and large enough
 * that the context read twice costs under 1% more scanning.
 */
export const SCAN_WINDOW_BYTES = 16 * 1024 * 1024;

/** The least context read on each side of a window. */
const MIN_OVERLAP_BYTES = 64 * 1024;

const NEWLINE = 0x0a;

export interface WindowScan {
  /** Adds the next UTF-8 bytes; scans every window they complete. The chunk is copied. */
  push(chunk: Uint8Array): void;
  /** Scans what is left and returns every finding, placed in the whole text. */
  end(): TextScan;
  /** UTF-8 bytes pushed so far. */
  readonly bytes: number;
}

/**
 * Context bytes read on each side of a window: what the widest rule reads around a keyword (its
 * window, the engine's margins and the text before a match), doubled, and at least 64 KiB.
 */
export function overlapBytes(rules: readonly Pick<Rule, 'window'>[]): number {
  const widest = Math.max(0, ...rules.map((rule) => rule.window.before + rule.window.after));
  return Math.max(MIN_OVERLAP_BYTES, 2 * (widest + 2 * WINDOW_MARGIN + CONTEXT_BEFORE));
}

/** Where a byte offset is: newlines before it, and characters between the last one and it. */
interface TextPosition {
  linesBefore: number;
  columnsBefore: number;
}

export function createWindowScan(engine: Pick<Engine, 'rules' | 'scanUtf8'>, windowBytes: number = SCAN_WINDOW_BYTES): WindowScan {
  if (!Number.isSafeInteger(windowBytes) || windowBytes < 1) throw new Error(`a scan window must be a positive number of bytes, not ${windowBytes}`);
  const overlap = overlapBytes(engine.rules);
  const findings: Finding[] = [];
  let allowedInline = 0;
  let total = 0;
  // The buffer holds the text from offset bufferStart: context before the window's own part, the
  // part (from ownedStart), then context after it.
  let buffer: Buffer | undefined;
  let filled = 0;
  let bufferStart = 0;
  let ownedStart = 0;
  const position: TextPosition = { linesBefore: 0, columnsBefore: 0 };

  function scanWindow(ownedEnd: number): void {
    const text = buffer!.subarray(0, filled);
    const scan = engine.scanUtf8(text, { from: ownedStart - bufferStart, to: ownedEnd - bufferStart });
    allowedInline += scan.allowedInline;
    for (const finding of scan.findings) findings.push(placeInText(finding, position));
  }

  /** Moves on to the next window: keeps `overlap` bytes before it as context, drops the rest. */
  function advance(ownedEnd: number): void {
    const text = buffer!;
    let keepFrom = Math.max(0, ownedEnd - overlap - bufferStart);
    // A character is never cut: columns count the characters before the buffer's start.
    while (keepFrom < filled && isContinuationByte(text[keepFrom]!)) keepFrom++;
    moveOver(text.subarray(0, keepFrom), position);
    text.copy(text, 0, keepFrom, filled);
    filled -= keepFrom;
    bufferStart += keepFrom;
    ownedStart = ownedEnd;
  }

  return {
    push(chunk) {
      let from = 0;
      while (from < chunk.length) {
        // Sized for the first window (no context before it), it is as large as any later one.
        buffer ??= Buffer.allocUnsafeSlow(windowBytes + 2 * overlap);
        const ownedEnd = ownedStart + windowBytes;
        const room = ownedEnd + overlap - bufferStart - filled;
        const taken = Math.min(room, chunk.length - from);
        buffer.set(chunk.subarray(from, from + taken), filled);
        filled += taken;
        from += taken;
        total += taken;
        if (taken === room) {
          scanWindow(ownedEnd);
          advance(ownedEnd);
        }
      }
    },
    end() {
      if (buffer && bufferStart + filled > ownedStart) scanWindow(bufferStart + filled);
      return { findings, allowedInline };
    },
    get bytes() {
      return total;
    },
  };
}

/** A finding of a window, whose lines and columns count from the window's start, placed in the text. */
function placeInText(finding: Finding, at: TextPosition): Finding {
  return {
    ...finding,
    line: finding.line + at.linesBefore,
    column: finding.line === 1 ? finding.column + at.columnsBefore : finding.column,
    endLine: finding.endLine + at.linesBefore,
    endColumn: finding.endLine === 1 ? finding.endColumn + at.columnsBefore : finding.endColumn,
  };
}

/** The position after `bytes`, which start at `at` and end before a character boundary. */
function moveOver(bytes: Buffer, at: TextPosition): void {
  let lastNewline = -1;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) {
    at.linesBefore++;
    lastNewline = i;
  }
  const tail = bytes.subarray(lastNewline + 1);
  at.columnsBefore = (lastNewline === -1 ? at.columnsBefore : 0) + characters(tail);
}

/** Characters as the engine counts columns: UTF-16 code units of the decoded text. */
function characters(bytes: Buffer): number {
  return isAscii(bytes) ? bytes.length : bytes.toString('utf8').length;
}

function isContinuationByte(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}
