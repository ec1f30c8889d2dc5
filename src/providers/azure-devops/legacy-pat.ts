// Azure DevOps personal access tokens of the format used until 2024 (and application secrets of the
// same format): 52 lower-case base32 characters, 32 bytes. Four of the bytes (2, 7, 8 and 22) hold a
// checksum: the CRC32 of the other 28 bytes XORed with a constant for the kind of secret, as
// Microsoft's own validator computes it (microsoft/sarif-pattern-matcher, AdoPatValidator).
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const LEGACY_PAT = /^[a-z2-7]{52}$/;
const BYTES = 32;
const KINDS: Readonly<Record<string, number>> = { 'personal access token': 0xe0b9692d, 'application secret': 0x1019f92e };

function decodeBase32(text: string): Buffer {
  let bits = 0n;
  for (const ch of text) bits = (bits << 5n) | BigInt(ALPHABET.indexOf(ch));
  // 52 characters are 260 bits: the last 4 are padding.
  bits >>= BigInt(text.length * 5 - BYTES * 8);
  const bytes = Buffer.alloc(BYTES);
  for (let i = BYTES - 1; i >= 0; i--, bits >>= 8n) bytes[i] = Number(bits & 0xffn);
  return bytes;
}

function encodeBase32(bytes: Buffer): string {
  let bits = BigInt(`0x${bytes.toString('hex')}`) << 4n;
  let text = '';
  for (let i = 0; i < 52; i++, bits >>= 5n) text = ALPHABET[Number(bits & 31n)]! + text;
  return text;
}

function storedChecksum(bytes: Buffer): number {
  return (bytes[22]! | (bytes[8]! << 8) | (bytes[7]! << 16) | (bytes[2]! << 24)) >>> 0;
}

function computedCrc(bytes: Buffer): number {
  return crc32(Buffer.concat([bytes.subarray(0, 2), bytes.subarray(3, 7), bytes.subarray(9, 22), bytes.subarray(23)])) >>> 0;
}

/** 'personal access token' or 'application secret' when the token's checksum holds; undefined otherwise. */
export function legacyPatKind(token: string): string | undefined {
  if (!LEGACY_PAT.test(token)) return undefined;
  const bytes = decodeBase32(token);
  const crc = computedCrc(bytes);
  const stored = storedChecksum(bytes);
  return Object.keys(KINDS).find((kind) => ((crc ^ KINDS[kind]!) >>> 0) === stored);
}

/** A checksum-valid legacy token of `kind`: for tests and samples only. */
export function generateLegacyPat(kind: 'personal access token' | 'application secret' = 'personal access token'): string {
  const bytes = randomBytes(BYTES);
  const checksum = (computedCrc(bytes) ^ KINDS[kind]!) >>> 0;
  bytes[22] = checksum & 0xff;
  bytes[8] = (checksum >>> 8) & 0xff;
  bytes[7] = (checksum >>> 16) & 0xff;
  bytes[2] = checksum >>> 24;
  return encodeBase32(bytes);
}
