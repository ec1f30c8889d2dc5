// Common annotated (CASK) keys: what the layout says (provider, creation month, kind), and the
// checksum in each of the encodings Microsoft issues.
import { describe, expect, it } from 'vitest';
import { generateCommonAnnotatedKey, readCommonAnnotatedKey } from '../../../src/providers/azure/common-annotated-key.js';
import { marvin32, marvinSeed } from '../../../src/providers/azure/marvin32.js';

describe('readCommonAnnotatedKey', () => {
  it('reads the provider signature, creation month and kind of a key with a base64 checksum', () => {
    const key = generateCommonAnnotatedKey('AZDO', '2025-07', 'AAAS', 'base64');
    expect(key).toMatch(/^[A-Za-z0-9]{52}JQQJ99BG[A-Za-z0-9]{12}AAASAZDO[A-Za-z0-9]{4}$/);
    expect(readCommonAnnotatedKey(key)).toEqual({ provider: 'AZDO', kind: 'standard', created: '2025-07' });
  });

  it('accepts the checksum in base62, as some services issue it', () => {
    const key = generateCommonAnnotatedKey('ACOG', '2026-12', 'AAAB', 'base62');
    expect(readCommonAnnotatedKey(key)).toEqual({ provider: 'ACOG', kind: 'standard', created: '2026-12' });
  });

  it('accepts the 88-character long form, whose checksum is whole', () => {
    // As for the short form, Microsoft issues only long forms whose characters are base62 (~3% of
    // random keys put a + or / in the checksum's last characters): draw until one is.
    let short: string;
    let long: string;
    do {
      short = generateCommonAnnotatedKey('AZEG', '2025-03');
      const bytes = Buffer.alloc(64);
      Buffer.from(short, 'base64').copy(bytes);
      bytes.writeUInt32LE(marvin32(bytes.subarray(0, 60), marvinSeed('Default0')), 60);
      long = bytes.toString('base64');
    } while (/[+/]/.test(long.replace(/=+$/, '')));
    expect(long).toHaveLength(88);
    expect(long.slice(0, 84)).toBe(short);
    expect(readCommonAnnotatedKey(long)).toMatchObject({ provider: 'AZEG', created: '2025-03' });
  });

  it('rejects a changed random character, a changed provider signature and an impossible month', () => {
    const key = generateCommonAnnotatedKey('AWPS', '2025-10');
    expect(readCommonAnnotatedKey((key[0] === 'a' ? 'b' : 'a') + key.slice(1))).toBeUndefined();
    expect(readCommonAnnotatedKey(`${key.slice(0, 76)}AWPT${key.slice(80)}`)).toBeUndefined();
    expect(readCommonAnnotatedKey(`${key.slice(0, 59)}M${key.slice(60)}`)).toBeUndefined();
  });

  it('rejects keys of the wrong length or alphabet', () => {
    const key = generateCommonAnnotatedKey('ACOG', '2025-01');
    expect(readCommonAnnotatedKey(key.slice(1))).toBeUndefined();
    expect(readCommonAnnotatedKey(`${key}A`)).toBeUndefined();
    expect(readCommonAnnotatedKey(`+${key.slice(1)}`)).toBeUndefined();
  });

  it('tells derived and hashed keys by the character after JQQJ9', () => {
    expect(readCommonAnnotatedKey(keyOfKind('D'))?.kind).toBe('derived');
    expect(readCommonAnnotatedKey(keyOfKind('H'))?.kind).toBe('hashed');
  });
});

/** A key whose character after JQQJ9 is `kind`, re-checksummed; retried until the checksum renders in base62, as issued keys do. */
function keyOfKind(kind: string): string {
  for (;;) {
    const key = generateCommonAnnotatedKey('ACOG', '2025-05');
    const body = `${key.slice(0, 57)}${kind}${key.slice(58, 80)}`;
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32LE(marvin32(Buffer.from(`${body}AAAA`, 'base64').subarray(0, 60), marvinSeed('Default0')));
    const encoded = checksum.subarray(0, 3).toString('base64');
    if (/^[A-Za-z0-9]{4}$/.test(encoded)) return body + encoded;
  }
}
