// Legacy Azure DevOps tokens: the CRC32 spread over bytes 2, 7, 8 and 22 names the kind of secret.
import { describe, expect, it } from 'vitest';
import { generateLegacyPat, legacyPatKind } from '../../../src/providers/azure-devops/legacy-pat.js';

describe('legacyPatKind', () => {
  it('tells a personal access token from an application secret by the constant its CRC32 is XORed with', () => {
    const pat = generateLegacyPat('personal access token');
    const secret = generateLegacyPat('application secret');
    expect(pat).toMatch(/^[a-z2-7]{52}$/);
    expect(legacyPatKind(pat)).toBe('personal access token');
    expect(legacyPatKind(secret)).toBe('application secret');
  });

  it('rejects a token with any one character changed', () => {
    const pat = generateLegacyPat();
    for (const i of [0, 3, 12, 35, 50]) {
      const changed = pat.slice(0, i) + (pat[i] === 'a' ? 'b' : 'a') + pat.slice(i + 1);
      expect(legacyPatKind(changed), `position ${i}`).toBeUndefined();
    }
  });

  it('rejects other lengths, upper case and characters outside base32', () => {
    const pat = generateLegacyPat();
    expect(legacyPatKind(pat.slice(1))).toBeUndefined();
    expect(legacyPatKind(pat.toUpperCase())).toBeUndefined();
    expect(legacyPatKind(`1${pat.slice(1)}`)).toBeUndefined();
  });
});
