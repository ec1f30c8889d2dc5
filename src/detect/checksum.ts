// Offline validators: the checksums and decodable structures that tell a real credential from a
// look-alike without asking the provider. Pure functions; none of them returns or logs a secret.
import { randomBytes, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

// --- GitHub-style tokens (ghp_, gho_, ghu_, ghs_, ghr_, npm_) -----------------------------------
// https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/ and
// https://github.blog/2021-09-23-announcing-npms-new-access-token-format/: a type prefix, 30 random
// base62 characters, then base62(crc32(the 30 random characters)) left-padded with '0' to 6.

/** Digits, then upper case, then lower case: the order GitHub's and npm's encoders use. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const GITHUB_STYLE_RANDOM_LENGTH = 30;
const GITHUB_STYLE_CHECKSUM_LENGTH = 6;
const GITHUB_STYLE_BODY = /^[A-Za-z0-9]{36}$/;

/** `value` in base62, left-padded with '0' to `width` characters. */
export function toBase62(value: number, width: number): string {
  let digits = '';
  for (let n = value; n > 0; n = Math.floor(n / 62)) digits = BASE62_ALPHABET[n % 62]! + digits;
  return digits.padStart(width, BASE62_ALPHABET[0]);
}

/** The 6-character checksum GitHub and npm append to the 30 random characters of a token. */
export function githubStyleChecksum(randomPart: string): string {
  return toBase62(crc32(randomPart), GITHUB_STYLE_CHECKSUM_LENGTH);
}

/**
 * True when a `xxx_` + 36 base62 token (ghp_…, npm_…) carries the checksum of its random part.
 * The prefix is everything up to the first underscore and is not checksummed.
 */
export function hasValidGithubStyleChecksum(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (!GITHUB_STYLE_BODY.test(body)) return false;
  const randomPart = body.slice(0, GITHUB_STYLE_RANDOM_LENGTH);
  return githubStyleChecksum(randomPart) === body.slice(GITHUB_STYLE_RANDOM_LENGTH);
}

/** A checksum-valid token with the given prefix ('ghp_', 'npm_'): for tests and samples only. */
export function generateGithubStyleToken(prefix: string): string {
  let randomPart = '';
  for (let i = 0; i < GITHUB_STYLE_RANDOM_LENGTH; i++) randomPart += BASE62_ALPHABET[randomInt(62)]!;
  return prefix + randomPart + githubStyleChecksum(randomPart);
}

// --- GitLab routable tokens (glpat-…, glrt-…) ----------------------------------------------------
// gitlab-org/gitlab lib/authn/token_field/generator/routable_token.rb and the "routable tokens"
// design document: prefix + base64url(routing payload + random bytes + their count) + '.' + a
// 2-character base36 version (since 2025-04; absent before) + '.' + the payload length in 2 base36
// characters + base36(crc32(everything before)) left-padded with '0' to 7.

const ROUTABLE_CRC_LENGTH = 7;
const ROUTABLE_SUFFIX = /\.(?:[0-9a-z]{2}\.)?([0-9a-z]{2})$/;
const ROUTABLE_PAYLOAD = /^[A-Za-z0-9_-]{27,300}$/;
const ROUTABLE_VERSION = '01';
const ROUTABLE_RANDOM_BYTES = 16;

function routableCrc(checksummed: string): string {
  return crc32(checksummed).toString(36).padStart(ROUTABLE_CRC_LENGTH, '0');
}

/**
 * True when a routable GitLab token's length holder matches its payload and its last 7 characters
 * are the CRC32 of everything before them (prefix included).
 */
export function hasValidGitlabRoutableChecksum(token: string): boolean {
  const checksummed = token.slice(0, -ROUTABLE_CRC_LENGTH);
  if (routableCrc(checksummed) !== token.slice(-ROUTABLE_CRC_LENGTH)) return false;
  const suffix = ROUTABLE_SUFFIX.exec(checksummed);
  if (!suffix) return false;
  const payloadLength = Number.parseInt(suffix[1]!, 36);
  const beforeSuffix = checksummed.slice(0, suffix.index);
  const payload = beforeSuffix.slice(-payloadLength);
  // Something must precede the payload: the token's type prefix.
  return payload.length === payloadLength && beforeSuffix.length > payloadLength && ROUTABLE_PAYLOAD.test(payload);
}

/** A checksum-valid routable token, e.g. prefix 'glpat-', routing 'o:1\nu:2': for tests and samples only. */
export function generateGitlabRoutableToken(prefix: string, routing: string): string {
  const random = randomBytes(ROUTABLE_RANDOM_BYTES);
  const encodable = Buffer.concat([Buffer.from(routing), random, Buffer.from([random.length])]);
  const payload = encodable.toString('base64url');
  const checksummed = `${prefix}${payload}.${ROUTABLE_VERSION}.${payload.length.toString(36).padStart(2, '0')}`;
  return checksummed + routableCrc(checksummed);
}

// --- AWS access key ids ----------------------------------------------------------------------------
// Aidan Steele, "AWS Access Key ID formats" (2020) and Tal Be'ery, "A short note on AWS KEY ID":
// characters 5-20 are base32; the first 6 decoded bytes, masked with 0x7fffffffff80 and shifted
// right by 7, are the account id. Keys issued before ~2019 (5th character I or J, before Q) use
// another layout and carry no account id.

const AWS_BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const AWS_KEY_ID = /^[A-Z0-9]{4}[A-Z2-7]{16}$/;
/** Account-encoding key ids start their base32 part at Q or later (Q-Z, 2-7). */
const AWS_ACCOUNT_ENCODING_START = AWS_BASE32_ALPHABET.indexOf('Q');
const AWS_ACCOUNT_MASK = 0x7fffffffff80n;

/** The 12-digit account id encoded in an access key id, or undefined for older key ids. */
export function awsAccountIdFromKeyId(keyId: string): string | undefined {
  if (!AWS_KEY_ID.test(keyId)) return undefined;
  if (AWS_BASE32_ALPHABET.indexOf(keyId[4]!) < AWS_ACCOUNT_ENCODING_START) return undefined;
  // 10 base32 characters are 50 bits, more than the 48 bits (6 bytes) the account id is read from.
  let bits = 0n;
  for (const ch of keyId.slice(4, 14)) bits = (bits << 5n) | BigInt(AWS_BASE32_ALPHABET.indexOf(ch));
  const firstSixBytes = bits >> 2n;
  const accountId = (firstSixBytes & AWS_ACCOUNT_MASK) >> 7n;
  return accountId.toString().padStart(12, '0');
}

// --- Macaroons (PyPI tokens) -------------------------------------------------------------------------
// A PyPI token is 'pypi-' + base64url(a libmacaroons v2 binary macaroon): version byte 2, then
// sections of fields (tag, varint length, bytes) each ended by an EOS byte: the header (location 1,
// identifier 2), one section per caveat, an empty section, and finally the 32-byte signature (6).

const MACAROON_V2 = 2;
const FIELD_EOS = 0;
const FIELD_LOCATION = 1;
const FIELD_IDENTIFIER = 2;
const FIELD_SIGNATURE = 6;
const SIGNATURE_LENGTH = 32;
const MAX_CAVEATS = 64;

export interface MacaroonSummary {
  location: string;
  caveats: number;
}

interface Field {
  tag: number;
  value: Buffer;
}

class ByteReader {
  position = 0;
  constructor(readonly bytes: Buffer) {}

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  peek(): number | undefined {
    return this.bytes[this.position];
  }

  byte(): number | undefined {
    return this.bytes[this.position++];
  }

  varint(): number | undefined {
    let value = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = this.byte();
      if (b === undefined) return undefined;
      value |= (b & 0x7f) << shift;
      if (b < 0x80) return value;
    }
    return undefined;
  }

  field(): Field | undefined {
    const tag = this.byte();
    const length = this.varint();
    if (tag === undefined || length === undefined || this.position + length > this.bytes.length) return undefined;
    const value = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return { tag, value };
  }

  /** Fields up to (and consuming) the next EOS byte. */
  section(): Field[] | undefined {
    const fields: Field[] = [];
    while (this.peek() !== FIELD_EOS) {
      if (this.done) return undefined;
      const field = this.field();
      if (!field) return undefined;
      fields.push(field);
    }
    this.position++;
    return fields;
  }
}

/** Location and caveat count of a v2 binary macaroon, or undefined when the bytes are not one. */
export function readMacaroonV2(bytes: Buffer): MacaroonSummary | undefined {
  const reader = new ByteReader(bytes);
  if (reader.byte() !== MACAROON_V2) return undefined;
  const header = reader.section();
  if (!header || !header.some((f) => f.tag === FIELD_IDENTIFIER)) return undefined;
  const location = header.find((f) => f.tag === FIELD_LOCATION)?.value.toString('utf8') ?? '';
  let caveats = 0;
  while (reader.peek() !== FIELD_EOS) {
    if (reader.done || caveats >= MAX_CAVEATS) return undefined;
    const caveat = reader.section();
    if (!caveat || !caveat.some((f) => f.tag === FIELD_IDENTIFIER)) return undefined;
    caveats++;
  }
  reader.byte();
  const signature = reader.field();
  if (signature?.tag !== FIELD_SIGNATURE || signature.value.length !== SIGNATURE_LENGTH || !reader.done) return undefined;
  return { location, caveats };
}

// --- Base64 helpers ----------------------------------------------------------------------------------

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes of unpadded base64url text, or undefined when it is not well-formed. */
export function decodeBase64Url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  return Buffer.from(text, 'base64url');
}

/** Bytes of padded standard base64 text, or undefined when it is not well-formed. */
export function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

// --- JWTs ----------------------------------------------------------------------------------------------

const JWT_PART = /^[A-Za-z0-9_-]+$/;
const MAX_SHOWN_CLAIM = 100;

/** What a JWT safely says about itself: never the signature, never the full payload. */
export interface JwtSummary {
  alg: string;
  iss?: string;
  /** Expiry as an ISO 8601 date. */
  exp?: string;
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Url(part);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The header's algorithm and the payload's issuer and expiry, when the token is three non-empty
 * base64url parts whose first two are JSON objects and the header names an `alg`.
 */
export function inspectJwt(token: string): JwtSummary | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => JWT_PART.test(p))) return undefined;
  const header = decodeJsonObject(parts[0]!);
  const payload = decodeJsonObject(parts[1]!);
  if (!header || !payload || typeof header['alg'] !== 'string' || decodeBase64Url(parts[2]!) === undefined) return undefined;
  const summary: JwtSummary = { alg: header['alg'].slice(0, MAX_SHOWN_CLAIM) };
  if (typeof payload['iss'] === 'string') summary.iss = payload['iss'].slice(0, MAX_SHOWN_CLAIM);
  if (typeof payload['iss'] === 'number') summary.iss = String(payload['iss']);
  const exp = payload['exp'];
  if (typeof exp === 'number' && Number.isFinite(exp) && Math.abs(exp) < 1e11) summary.exp = new Date(exp * 1000).toISOString();
  return summary;
}

// --- DER ---------------------------------------------------------------------------------------------

/** True when the bytes are exactly one DER SEQUENCE: what every unencrypted PEM key body is. */
export function isDerSequence(der: Buffer): boolean {
  if (der.length < 2 || der[0] !== 0x30) return false;
  const first = der[1]!;
  if (first < 0x80) return 2 + first === der.length;
  const octets = first & 0x7f;
  if (octets === 0 || octets > 3 || der.length < 2 + octets) return false;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + der[2 + i]!;
  return 2 + octets + length === der.length;
}
