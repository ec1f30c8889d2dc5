// Which UTF-16 byte order, if any, a file's bytes are in. With a byte order mark that is certain;
// without one (PowerShell `Out-File`, .NET and some Windows exporters write BOM-less UTF-16LE) we
// look at the first bytes: mostly-ASCII UTF-16 text has a NUL in nearly every high byte and almost
// none in the low bytes, which no real binary format (PNG, ZIP, ELF, ...) shows.

export type Utf16Order = 'utf16le' | 'utf16be';

/** How many leading bytes the BOM-less guess looks at. */
const SNIFF_BYTES = 8000;
/** Fewer code units than this is too little to guess from. */
const MIN_UNITS = 4;
/** Share of code units whose high byte must be NUL (the rest may be non-Latin text). */
const MIN_NUL_HIGH = 0.7;
/** Share of code units whose low byte may be NUL (U+0100, U+0200, ... are rare). */
const MAX_NUL_LOW = 0.05;

export function utf16Order(bytes: Buffer): Utf16Order | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return guessBomlessOrder(bytes.subarray(0, SNIFF_BYTES));
}

function guessBomlessOrder(sample: Buffer): Utf16Order | undefined {
  const units = Math.floor(sample.length / 2);
  // Most files have no NUL byte at all, which memchr tells at once: no need to count them.
  if (units < MIN_UNITS || !sample.includes(0)) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < units * 2; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  if (isUtf16Split(oddNuls, evenNuls, units)) return 'utf16le';
  if (isUtf16Split(evenNuls, oddNuls, units)) return 'utf16be';
  return undefined;
}

function isUtf16Split(highNuls: number, lowNuls: number, units: number): boolean {
  return highNuls >= units * MIN_NUL_HIGH && lowNuls <= units * MAX_NUL_LOW;
}

/** UTF-16 bytes (a BOM, if any, dropped; an odd last byte ignored) to text. */
export function decodeUtf16(bytes: Buffer, order: Utf16Order): string {
  const hasBom = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const body = bytes.subarray(hasBom ? 2 : 0);
  const even = body.subarray(0, body.length - (body.length % 2));
  if (order === 'utf16le') return even.toString('utf16le');
  return Buffer.from(even).swap16().toString('utf16le');
}
