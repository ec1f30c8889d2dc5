import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/detect/decode-base64.js';

describe('decodeBase64', () => {
  it('decodes text, padded or not', () => {
    expect(decodeBase64(Buffer.from('user:pässword').toString('base64'))).toEqual({ text: 'user:pässword' });
    expect(decodeBase64('YWJjZA')).toEqual({ text: 'abcd' });
  });

  it('gives bytes when the value is not UTF-8 text', () => {
    const der = Buffer.from([0x30, 0x82, 0x01, 0x22, 0x02, 0x01, 0x00]);
    expect(decodeBase64(der.toString('base64'))).toEqual({ bytes: der });
    expect(decodeBase64(Buffer.from('a\u0000b').toString('base64'))).toEqual({ bytes: Buffer.from('a\u0000b') });
  });

  it('rejects what is not whole base64, which Node would decode in part', () => {
    expect(decodeBase64('YWJjZ')).toBeUndefined();
    expect(decodeBase64('YW=JjZA==')).toBeUndefined();
    expect(decodeBase64('YWJjZA=')).toBeUndefined();
    expect(decodeBase64('')).toBeUndefined();
  });
});
