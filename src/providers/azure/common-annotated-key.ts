// Azure's common annotated security keys (CASK, "legacy" form: the format of Azure DevOps PATs since
// 2024 and of Azure AI services, Event Grid and Web PubSub keys), as Microsoft's reference
// implementation documents them (https://github.com/microsoft/security-utilities,
// LegacyCommonAnnotatedSecurityKey): 84 base62 characters (63 bytes), or 88 with the checksum's last
// byte and `==`.
//   0..51   random
//   52..57  `JQQJ9` and the kind: 9 standard, D derived, H hashed
//   58..59  creation date: year since 2024 and month, as base64 digits (`BL` is 2025-12)
//   60..71  platform data, 72..75 provider data
//   76..79  the provider's signature (`AZDO` Azure DevOps, `ACOG` AI services, `AZEG` Event Grid)
//   80..83  the checksum: Marvin32 (seed 'Default0') of bytes 0..59, its first 3 bytes little-endian
//           in base64, or its first 4 characters in base62
import { randomBytes } from 'node:crypto';
import { BASE62_ALPHABET } from '../../detect/checksum.js';
import { marvin32, marvinSeed } from './marvin32.js';

export const CASK_SIGNATURE = 'JQQJ9';
const CASK = /^[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9]{2}[A-Za-z0-9]{24}(?:[A-Za-z0-9]{2}==)?$/;
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CHECKED_BYTES = 60;
const SEED = marvinSeed('Default0');
const KINDS: Readonly<Record<string, string>> = { '9': 'standard', D: 'derived', H: 'hashed' };
const FIRST_YEAR = 2024;
const MONTHS = 12;

export interface CommonAnnotatedKey {
  /** The provider's 4-character signature: 'AZDO', 'ACOG'... */
  provider: string;
  /** 'standard', 'derived' or 'hashed'. */
  kind: string;
  /** Year and month the key was created, 'YYYY-MM'. */
  created: string;
}

/** A 4-byte value in base62 (digits, upper, lower), the big-endian reading of its little-endian bytes. */
function base62OfChecksum(checksum: number): string {
  const le = Buffer.alloc(4);
  le.writeUInt32LE(checksum);
  let n = BigInt(`0x${le.toString('hex')}`);
  let digits = '';
  for (; n > 0n; n /= 62n) digits = BASE62_ALPHABET[Number(n % 62n)]! + digits;
  return digits;
}

function base64OfChecksum(checksum: number, bytes: number): string {
  const le = Buffer.alloc(4);
  le.writeUInt32LE(checksum);
  return le.subarray(0, bytes).toString('base64');
}

/** The checksum's characters as Microsoft encodes them: base64 of 3 bytes (84 characters) or 4 (88), or base62. */
function checksumMatches(key: string, checksum: number): boolean {
  if (key.length === 88) return key.slice(80) === base64OfChecksum(checksum, 4);
  const stored = key.slice(80);
  return stored === base64OfChecksum(checksum, 3) || base62OfChecksum(checksum).startsWith(stored);
}

function creationDate(year: string, month: string): string | undefined {
  const y = BASE64_DIGITS.indexOf(year);
  const m = BASE64_DIGITS.indexOf(month);
  if (y < 0 || m < 0 || m >= MONTHS) return undefined;
  return `${FIRST_YEAR + y}-${String(m + 1).padStart(2, '0')}`;
}

/** What a CASK key says about itself when its layout and checksum hold; undefined otherwise. */
export function readCommonAnnotatedKey(key: string): CommonAnnotatedKey | undefined {
  if (!CASK.test(key)) return undefined;
  const created = creationDate(key[58]!, key[59]!);
  if (created === undefined) return undefined;
  const bytes = Buffer.from(key.slice(0, 84), 'base64');
  if (!checksumMatches(key, marvin32(bytes.subarray(0, CHECKED_BYTES), SEED))) return undefined;
  return { provider: key.slice(76, 80), kind: KINDS[key[57]!]!, created };
}

function randomBase62(length: number): string {
  let text = '';
  for (const b of randomBytes(length)) text += BASE62_ALPHABET[b % 62];
  return text;
}

/**
 * A CASK key of `provider` with a valid checksum, created in `created` ('YYYY-MM'), its checksum in
 * base64 or base62, as the provider issues it: for tests and samples only.
 */
export function generateCommonAnnotatedKey(provider: string, created: string, providerData = 'AAAA', encoding: 'base64' | 'base62' = 'base64'): string {
  const [year, month] = created.split('-').map(Number) as [number, number];
  const date = BASE64_DIGITS[year - FIRST_YEAR]! + BASE64_DIGITS[month - 1]!;
  for (;;) {
    const body = `${randomBase62(52)}${CASK_SIGNATURE}9${date}AC${randomBase62(10)}${providerData}${provider}`;
    const checksum = marvin32(Buffer.from(`${body}AAAA`, 'base64').subarray(0, CHECKED_BYTES), SEED);
    const encoded = encoding === 'base64' ? base64OfChecksum(checksum, 3) : base62OfChecksum(checksum).slice(0, 4);
    // Microsoft issues only keys whose characters are all base62.
    if (/^[A-Za-z0-9]{4}$/.test(encoded)) return body + encoded;
  }
}
