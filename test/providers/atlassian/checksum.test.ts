// Atlassian's token checksum: CRC32 of everything up to and including the `=`, as 8 uppercase hex
// digits, zero-padded. The samples in rules.ts cover a valid and a changed token; these cover the
// padding and the boundary of what is checksummed.
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/detect/rule.js';
import { atlassianChecksum, checkAtlassianChecksum } from '../../../src/providers/atlassian/checksum.js';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function candidate(secret: string): Candidate {
  return { secret, match: secret, groups: {}, before: '' };
}

function body(): string {
  let text = 'ATATT3xFfGF0';
  while (text.length < 183) text += BASE64URL[randomInt(BASE64URL.length)];
  return `${text}=`;
}

describe('atlassianChecksum', () => {
  it('pads a checksum below 0x10000000 to 8 digits, as issued tokens end', () => {
    let text = body();
    while (!atlassianChecksum(text).startsWith('0')) text = body();
    expect(atlassianChecksum(text)).toMatch(/^0[0-9A-F]{7}$/);
    expect(checkAtlassianChecksum(candidate(text + atlassianChecksum(text)))).toEqual({ valid: true, confidence: 'checksum' });
  });

  it('checksums the `=` too: the CRC32 of the body without it does not validate', () => {
    const text = body();
    expect(checkAtlassianChecksum(candidate(text + atlassianChecksum(text.slice(0, -1)))).valid).toBe(false);
  });

  it('rejects lowercase hex, which Atlassian never issues', () => {
    let text = body();
    while (!/[A-F]/.test(atlassianChecksum(text))) text = body();
    expect(checkAtlassianChecksum(candidate(text + atlassianChecksum(text).toLowerCase())).valid).toBe(false);
  });
});
