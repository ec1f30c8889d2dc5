// The checksum Atlassian appends to its prefixed tokens (ATATT3…, ATCTT3…): `=` + the CRC32 of
// everything before it, the `=` included, as 8 uppercase hex digits (observed on issued tokens;
// Atlassian documents the prefixes, not the checksum).
import { crc32 } from 'node:zlib';
import type { Candidate, Validation } from '../../detect/rule.js';

const CHECKSUM_LENGTH = 8;

export function atlassianChecksum(body: string): string {
  return crc32(body).toString(16).toUpperCase().padStart(CHECKSUM_LENGTH, '0');
}

export function checkAtlassianChecksum({ secret }: Candidate): Validation {
  const body = secret.slice(0, -CHECKSUM_LENGTH);
  return atlassianChecksum(body) === secret.slice(-CHECKSUM_LENGTH)
    ? { valid: true, confidence: 'checksum' }
    : { valid: false, reason: 'CRC32 checksum does not match' };
}
