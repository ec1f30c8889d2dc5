// Telling UTF-16 from binary: by byte order mark, or by where the NUL bytes fall without one.
import { describe, expect, it } from 'vitest';
import { decodeUtf16, utf16Order } from '../../src/scan/utf16.js';

const le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

describe('utf16Order', () => {
  it('trusts a byte order mark', () => {
    expect(utf16Order(Buffer.concat([Buffer.from([0xff, 0xfe]), le('key=1')]))).toBe('utf16le');
    expect(utf16Order(Buffer.concat([Buffer.from([0xfe, 0xff]), be('key=1')]))).toBe('utf16be');
  });

  it('recognises BOM-less ASCII-range UTF-16 in either order', () => {
    expect(utf16Order(le('password = "hunter2"'))).toBe('utf16le');
    expect(utf16Order(be('password = "hunter2"'))).toBe('utf16be');
  });

  it('leaves UTF-8, short input and binary formats alone', () => {
    expect(utf16Order(Buffer.from('password = "hunter2"'))).toBeUndefined();
    expect(utf16Order(le('ab'))).toBeUndefined();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(utf16Order(png)).toBeUndefined();
    expect(utf16Order(Buffer.alloc(64))).toBeUndefined(); // all NUL: binary, not text
  });
});

describe('decodeUtf16', () => {
  it('drops the BOM and an odd trailing byte', () => {
    expect(decodeUtf16(Buffer.concat([Buffer.from([0xfe, 0xff]), be('abc'), Buffer.from([0x41])]), 'utf16be')).toBe('abc');
    expect(decodeUtf16(le('xyz'), 'utf16le')).toBe('xyz');
  });
});
