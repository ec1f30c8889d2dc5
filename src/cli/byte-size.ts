// `--max-file-size` values: bytes, or a number with a decimal (kB, MB, GB) or binary (KiB, MiB, GiB)
// unit, read exactly as the units say (10MB is 10,000,000 bytes, 10MiB is 10,485,760).
import { MAX_SCANNABLE_FILE_BYTES } from '../config/config-file.js';

const FACTORS: Readonly<Record<string, bigint>> = {
  b: 1n,
  kb: 1000n,
  mb: 1000n ** 2n,
  gb: 1000n ** 3n,
  kib: 1024n,
  mib: 1024n ** 2n,
  gib: 1024n ** 3n,
};

/** Digits, an optional fraction, an optional space and an optional unit: linear, no overlapping repeats. */
const SIZE = /^(\d{1,15})(?:\.(\d{1,15}))?[ ]?([a-z]{1,3})?$/i;

const UNITS = 'bytes, or a number with a unit: kB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), e.g. 10MB or 1.5MiB';

/**
 * A size in whole bytes (a fraction of a byte is dropped), from 1 byte to MAX_SCANNABLE_FILE_BYTES.
 * Units ignore case ('10mb' is 10 MB): only the 'i' tells binary from decimal, and no one writes
 * millibytes. A bare 'K', 'M' or 'G' is refused, since tools disagree on whether it means 1000 or
 * 1024. Throws an Error whose message says what is accepted.
 */
export function parseByteSize(value: string, flag = '--max-file-size'): number {
  const match = SIZE.exec(value.trim());
  const factor = match ? FACTORS[(match[3] ?? 'b').toLowerCase()] : undefined;
  if (!match || factor === undefined) throw new Error(`${flag} takes ${UNITS}; not '${value}'`);
  const fraction = match[2] ?? '';
  // Exact in integers: 4.35MB is 4,350,000 bytes, where 4.35 * 1e6 in floating point is 4,349,999.99…
  const bytes = (BigInt(match[1]! + fraction) * factor) / 10n ** BigInt(fraction.length);
  if (bytes < 1n) throw new Error(`${flag} must be at least 1 byte, not '${value}'`);
  if (bytes > BigInt(MAX_SCANNABLE_FILE_BYTES)) {
    throw new Error(`${flag} ${value} is over the largest file leakstop scans, ${binarySize(MAX_SCANNABLE_FILE_BYTES)}: give a smaller size`);
  }
  return Number(bytes);
}

/** '1 GiB (1073741824 bytes)': the largest binary unit that divides the size exactly, and the bytes. */
function binarySize(bytes: number): string {
  const units: [string, number][] = [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]];
  const unit = units.find(([, size]) => bytes % size === 0);
  return unit ? `${bytes / unit[1]} ${unit[0]} (${bytes} bytes)` : `${bytes} bytes`;
}
