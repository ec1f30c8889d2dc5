import { describe, expect, it } from 'vitest';
import { decodeEncodedValue } from '../../src/detect/decode-encoded-value.js';

describe('decodeEncodedValue', () => {
  it('decodes text, padded or not', () => {
    expect(decodeEncodedValue(Buffer.from('user:pässword').toString('base64'))).toEqual({ text: 'user:pässword' });
    expect(decodeEncodedValue('YWJjZA')).toEqual({ text: 'abcd' });
  });

  it('gives bytes when the value is not UTF-8 text', () => {
    const der = Buffer.from([0x30, 0x82, 0x01, 0x22, 0x02, 0x01, 0x00]);
    expect(decodeEncodedValue(der.toString('base64'))).toEqual({ bytes: der });
    expect(decodeEncodedValue(Buffer.from('a\u0000b').toString('base64'))).toEqual({ bytes: Buffer.from('a\u0000b') });
  });

  it('rejects what is not whole base64, which Node would decode in part', () => {
    expect(decodeEncodedValue('YWJjZ')).toBeUndefined();
    expect(decodeEncodedValue('YW=JjZA==')).toBeUndefined();
    expect(decodeEncodedValue('YWJjZA=')).toBeUndefined();
    expect(decodeEncodedValue('')).toBeUndefined();
  });
});
