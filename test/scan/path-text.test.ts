import { describe, expect, it } from 'vitest';
import { isValidUtf8Name, pathText } from '../../src/scan/path-text.js';

const bytes = (...values: number[]) => Buffer.from(values);

describe('pathText', () => {
  it('shows a UTF-8 name as it is', () => {
    for (const name of ['plain.txt', 'café.env', '日本語/設定.yml', 'emoji-😀.txt', '']) {
      expect(pathText(Buffer.from(name))).toBe(name);
      expect(isValidUtf8Name(Buffer.from(name))).toBe(true);
    }
  });

  it('escapes each byte that breaks UTF-8 and keeps the valid text around it', () => {
    expect(pathText(Buffer.from('caf\xe9.env', 'latin1'))).toBe('caf\\xe9.env');
    expect(pathText(bytes(0xff, 0xfe, 0x41))).toBe('\\xff\\xfeA');
    // A truncated sequence, then a valid one.
    expect(pathText(Buffer.concat([bytes(0xe2, 0x82), Buffer.from('é')]))).toBe('\\xe2\\x82é');
  });

  it('escapes what a lenient decoder would accept: overlong forms, surrogates, code points above U+10FFFF', () => {
    expect(pathText(bytes(0xc0, 0xaf))).toBe('\\xc0\\xaf');
    expect(pathText(bytes(0xe0, 0x80, 0xaf))).toBe('\\xe0\\x80\\xaf');
    expect(pathText(bytes(0xed, 0xa0, 0x80))).toBe('\\xed\\xa0\\x80');
    expect(pathText(bytes(0xf4, 0x90, 0x80, 0x80))).toBe('\\xf4\\x90\\x80\\x80');
    expect(isValidUtf8Name(bytes(0xed, 0xa0, 0x80))).toBe(false);
  });

  it('never maps two names to one, as decoding to U+FFFD does', () => {
    const names = [bytes(0x61, 0xe9), bytes(0x61, 0xea), bytes(0x61, 0xe9, 0xe9)];
    expect(new Set(names.map((name) => name.toString('utf8'))).size).toBe(2);
    expect(new Set(names.map(pathText)).size).toBe(3);
  });

  it('works on a view into a larger buffer', () => {
    const whole = Buffer.from('xxcaf\xe9yy', 'latin1');
    expect(pathText(whole.subarray(2, 6))).toBe('caf\\xe9');
  });
});
