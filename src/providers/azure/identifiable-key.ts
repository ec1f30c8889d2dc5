// Azure's identifiable keys (Microsoft's "highly identifiable secrets", documented with their
// reference implementation in https://github.com/microsoft/security-utilities): base64 of random
// bytes whose last 7 bytes are a 3-byte signature and a 4-byte checksum. The signature is chosen so
// that it shows as 4 fixed base64 characters (`+ASt` for Storage) just before the checksum's 6
// characters and any `=` padding. The checksum is the 32-bit Marvin hash (little-endian) of every
// byte before it, seeded with a value named for the kind of key ('Default0' for Storage, 'MastRW00'
// for a Cosmos DB read-write key), so the seed that verifies says which kind of key it is.
import { randomBytes } from 'node:crypto';
import { marvin32, marvinSeed } from './marvin32.js';

const CHECKSUM_BYTES = 4;
/** The encoded checksum: 32 bits over 6 base64 characters. */
const CHECKSUM_CHARS = 6;
const SIGNATURE_CHARS = 4;
const STANDARD = /^[A-Za-z0-9+/]+={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]+={0,2}$/;
const ALPHABET = { standard: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', urlSafe: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_' };

/** Seed names by what they mean, e.g. { 'read-write key': 'MastRW00' }. */
export type SeedNames = Readonly<Record<string, string>>;

/** The key's bytes, from standard or URL-safe base64 with or without padding; undefined when it is neither. */
function keyBytes(key: string): Buffer | undefined {
  const encoding = STANDARD.test(key) ? 'base64' : URL_SAFE.test(key) ? 'base64url' : undefined;
  if (!encoding) return undefined;
  const bytes = Buffer.from(key, encoding);
  // Canonical only: unused low bits set in the last character would decode to the same bytes.
  return bytes.toString(encoding).replace(/=+$/, '') === key.replace(/=+$/, '') ? bytes : undefined;
}

function checksumOf(bytes: Uint8Array, seedName: string): number {
  return marvin32(bytes.subarray(0, bytes.length - CHECKSUM_BYTES), marvinSeed(seedName));
}

/**
 * What the seed that verifies an identifiable key's checksum means (a key of `seeds`), or undefined
 * when the signature is not just before the checksum or no seed verifies it.
 */
export function identifiableKeyKind(key: string, signature: string, seeds: SeedNames): string | undefined {
  const trimmed = key.replace(/=+$/, '');
  if (trimmed.slice(-CHECKSUM_CHARS - SIGNATURE_CHARS, -CHECKSUM_CHARS) !== signature) return undefined;
  const bytes = keyBytes(key);
  if (!bytes || bytes.length <= CHECKSUM_BYTES + 3) return undefined;
  const stored = bytes.readUInt32LE(bytes.length - CHECKSUM_BYTES);
  return Object.keys(seeds).find((kind) => checksumOf(bytes, seeds[kind]!) === stored);
}

/**
 * An identifiable key of `length` bytes with `signature` and the checksum of `seedName`, as the
 * provider issues it (standard base64 with padding, or URL-safe with padding): for tests and samples only.
 */
export function generateIdentifiableKey(length: number, signature: string, seedName: string, urlSafe = false): string {
  const encodedLength = Math.ceil(length / 3) * 4;
  const padding = (3 - (length % 3)) % 3;
  const randomChars = encodedLength - padding - CHECKSUM_CHARS - SIGNATURE_CHARS;
  const alphabet = urlSafe ? ALPHABET.urlSafe : ALPHABET.standard;
  let text = '';
  for (const b of randomBytes(randomChars)) text += alphabet[b % 64];
  // The checksum's characters start as 'A' (zero bits): they hold the checksum's bits and, where the
  // signature ends mid-byte, the zero bits Microsoft's encoder leaves there. The random characters and
  // the signature lie wholly in the bytes before the checksum, so re-encoding keeps them as written.
  text += signature + 'A'.repeat(CHECKSUM_CHARS) + '='.repeat(padding);
  const bytes = Buffer.from(text, urlSafe ? 'base64url' : 'base64');
  bytes.writeUInt32LE(checksumOf(bytes, seedName), bytes.length - CHECKSUM_BYTES);
  return urlSafe ? bytes.toString('base64url') + '='.repeat(padding) : bytes.toString('base64');
}
