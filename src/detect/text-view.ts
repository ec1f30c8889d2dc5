// What the rules read: a string, or a file's UTF-8 bytes read as latin1 (one char per byte, so that
// offsets are byte offsets; engine.ts says why that finds the same). A byte view hands out only the
// windows the rules ask for: most files with a keyword have few, and copying a whole 9 MB file to a
// string to read 20 windows of it cost more than the rules (and, in large strings, the garbage
// collector's time). A file dense with keywords is copied once, whole, since its windows would
// cover it several times over.

export interface TextView {
  /** Length in the view's units: UTF-16 code units of a string, bytes of a file. */
  readonly length: number;
  /** The text of [start, end); for a byte view, latin1: decode a slice with non-ASCII (decodeLatin1). */
  slice(start: number, end: number): string;
  /** The offset of the first '\n' at or after `from`, or -1. */
  newlineFrom(from: number): number;
  /** True for a byte view, whose slices are latin1 of UTF-8. */
  readonly bytes: boolean;
}

/**
 * A file is copied whole once its keyword windows would add up to more than its length: each hit
 * costs a window of about this many bytes (a rule's reach after its keyword plus margins).
 */
const WINDOW_BYTES_PER_HIT = 512;

export function stringView(text: string): TextView {
  return {
    length: text.length,
    slice: (start, end) => text.slice(start, end),
    newlineFrom: (from) => text.indexOf('\n', from),
    bytes: false,
  };
}

/** A view of UTF-8 bytes (without a BOM) in which `hits` keyword occurrences were found. */
export function bytesView(bytes: Uint8Array, hits: number): TextView {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (hits * WINDOW_BYTES_PER_HIT > bytes.length) return { ...stringView(buffer.toString('latin1')), bytes: true };
  return {
    length: buffer.length,
    slice: (start, end) => buffer.toString('latin1', start, end),
    newlineFrom: (from) => buffer.indexOf(10, from),
    bytes: true,
  };
}

/** A string sliced from a byte view, back to the characters its UTF-8 bytes encode. */
export function decodeLatin1(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
