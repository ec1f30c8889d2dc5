import { describe, expect, it } from 'vitest';
import { buildKeywordIndex } from '../../src/detect/keyword-index.js';

describe('buildKeywordIndex().find', () => {
  const index = buildKeywordIndex([
    { text: 'ghp_', ignoreCase: false },
    { text: 'password', ignoreCase: true },
    { text: 'AKIA', ignoreCase: false },
  ]);

  it('finds every occurrence of every keyword with its offset', () => {
    const hits = index.find('x ghp_a PASSWORD=1 ghp_ AKIA akia');
    expect(hits).toEqual([
      { offset: 2, keyword: 0 },
      { offset: 8, keyword: 1 },
      { offset: 19, keyword: 0 },
      { offset: 24, keyword: 2 },
    ]);
  });

  it('respects case for case-sensitive keywords only', () => {
    expect(index.find('GHP_ Password pAsSwOrD').map((h) => h.keyword)).toEqual([1, 1]);
  });

  it('finds keywords at the very start and end of the text', () => {
    expect(index.find('ghp_')).toEqual([{ offset: 0, keyword: 0 }]);
    expect(index.find('..AKIA')).toEqual([{ offset: 2, keyword: 2 }]);
    expect(index.find('gh')).toEqual([]);
  });

  it('is not fooled by non-Latin characters that share a low byte with a keyword', () => {
    // U+0167 has low byte 0x67 ('g'): the rolling key collides, the full comparison must not.
    expect(index.find('\u0167hp_ ghp_')).toEqual([{ offset: 5, keyword: 0 }]);
  });

  it('overlapping occurrences are all found', () => {
    const overlapping = buildKeywordIndex([{ text: 'aaa', ignoreCase: false }]);
    expect(overlapping.find('aaaaa').map((h) => h.offset)).toEqual([0, 1, 2]);
  });

  it('rejects keywords too short for the rolling key, or not ASCII', () => {
    expect(() => buildKeywordIndex([{ text: 'ab', ignoreCase: false }])).toThrow(/shorter than 3/);
    expect(() => buildKeywordIndex([{ text: 'clé_', ignoreCase: false }])).toThrow(/not ASCII/);
  });

  it('finds keywords in UTF-8 bytes at byte offsets, past multi-byte characters', () => {
    const utf8 = Buffer.from('é ghp_ 日本 password 🔑AKIA', 'utf8');
    expect(index.findInBytes(utf8)).toEqual([
      { offset: utf8.indexOf('ghp_'), keyword: 0 },
      { offset: utf8.indexOf('password'), keyword: 1 },
      { offset: utf8.indexOf('AKIA'), keyword: 2 },
    ]);
    expect(index.findInBytes(Buffer.from('gh'))).toEqual([]);
  });

  it('finds the same with two-byte reads as byte by byte, on text of every length and alignment', () => {
    const specs = [
      { text: 'ghp_', ignoreCase: false },
      { text: 'password', ignoreCase: true },
      { text: 'SG.', ignoreCase: false },
      { text: 'secret', ignoreCase: true },
    ];
    const words = buildKeywordIndex(specs, { wordReads: true });
    const bytes = buildKeywordIndex(specs, { wordReads: false });
    const pieces = ['ghp_', 'PASSWORD', 'SG.', 'secret', 'x', 'é', ' ', 'SG', 'gh', 'passwor'];
    let seed = 7;
    for (let round = 0; round < 300; round++) {
      let text = '';
      const count = round % 12;
      for (let i = 0; i < count; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pieces[seed % pieces.length];
      }
      const expected = bytes.find(text);
      expect(words.find(text)).toEqual(expected);
      // On bytes, offsets count bytes: the same as string offsets while the text is ASCII.
      if (!text.includes('é')) {
        const utf8 = Buffer.from(text, 'utf8');
        expect(words.findInBytes(utf8)).toEqual(expected);
        expect(bytes.findInBytes(utf8)).toEqual(expected);
        expect(words.findInBytes(Buffer.concat([Buffer.from('.'), utf8]).subarray(1))).toEqual(expected);
      }
    }
    expect(words.find('..ghp_')).toEqual([{ offset: 2, keyword: 0 }]);
    expect(words.find('.ghp_')).toEqual([{ offset: 1, keyword: 0 }]);
  });
});
