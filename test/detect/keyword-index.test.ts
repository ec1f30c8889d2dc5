import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ANCHORS } from '../../src/detect/builtin-anchors.js';
import { engineKeywords } from '../../src/detect/engine.js';
import { anchoredKeywords, anchorKey, buildKeywordIndex, chooseAnchors, hitList, nativePrefilter, prefilterCost, type KeywordIndexOptions, type KeywordSpec } from '../../src/detect/keyword-index.js';
import { allProviders } from '../../src/providers/index.js';

/** The loops that must agree: the C addon (when built), JavaScript by words, JavaScript by bytes. */
const LOOPS: { name: string; options: KeywordIndexOptions }[] = [
  ...(nativePrefilter() ? [{ name: 'native', options: { native: true } }] : []),
  { name: 'javascript, 16-bit reads', options: { native: false, wordReads: true } },
  { name: 'javascript, byte reads', options: { native: false, wordReads: false } },
];

const SPECS: KeywordSpec[] = [
  { text: 'ghp_', ignoreCase: false },
  { text: 'password', ignoreCase: true },
  { text: 'AKIA', ignoreCase: false },
];

const ALL_RULE_KEYWORDS: KeywordSpec[] = allProviders.flatMap((p) => p.rules.flatMap((r) => r.keywords.map((text) => ({ text, ignoreCase: r.keywordsIgnoreCase ?? false }))));

describe.each(LOOPS)('buildKeywordIndex ($name)', ({ options }) => {
  const index = buildKeywordIndex(SPECS, options);
  const find = (text: string) => hitList(index.find(text));
  const findInBytes = (bytes: Uint8Array) => hitList(index.findInBytes(bytes));

  it('finds every occurrence of every keyword with its offset', () => {
    expect(find('x ghp_a PASSWORD=1 ghp_ AKIA akia')).toEqual([
      { offset: 2, keyword: 0 },
      { offset: 8, keyword: 1 },
      { offset: 19, keyword: 0 },
      { offset: 24, keyword: 2 },
    ]);
  });

  it('respects case for case-sensitive keywords only', () => {
    expect(find('GHP_ Password pAsSwOrD').map((h) => h.keyword)).toEqual([1, 1]);
  });

  it('finds keywords at the very start and end of the text', () => {
    expect(find('ghp_')).toEqual([{ offset: 0, keyword: 0 }]);
    expect(find('..AKIA')).toEqual([{ offset: 2, keyword: 2 }]);
    expect(find('.AKIA')).toEqual([{ offset: 1, keyword: 2 }]);
    expect(find('gh')).toEqual([]);
    expect(find('')).toEqual([]);
  });

  it('is not fooled by non-Latin characters that share a low byte with a keyword', () => {
    // U+0167 has low byte 0x67 ('g'): the latin1 copy collides, the full comparison must not.
    expect(find('\u0167hp_ ghp_')).toEqual([{ offset: 5, keyword: 0 }]);
  });

  it('finds overlapping occurrences', () => {
    const overlapping = buildKeywordIndex([{ text: 'aaa', ignoreCase: false }], options);
    expect(hitList(overlapping.find('aaaaa')).map((h) => h.offset)).toEqual([0, 1, 2]);
  });

  it('finds keywords in UTF-8 bytes at byte offsets, past multi-byte characters', () => {
    const utf8 = Buffer.from('é ghp_ 日本 password 🔑AKIA', 'utf8');
    expect(findInBytes(utf8)).toEqual([
      { offset: utf8.indexOf('ghp_'), keyword: 0 },
      { offset: utf8.indexOf('password'), keyword: 1 },
      { offset: utf8.indexOf('AKIA'), keyword: 2 },
    ]);
    expect(findInBytes(Buffer.from('gh'))).toEqual([]);
    expect(findInBytes(new Uint8Array(0))).toEqual([]);
  });
});

describe('buildKeywordIndex: every loop finds the same', () => {
  const indexes = LOOPS.map(({ name, options }) => ({ name, index: buildKeywordIndex(ALL_RULE_KEYWORDS, options) }));
  const [reference, ...others] = indexes;

  it('on random text of every length and alignment built from keywords and their fragments', () => {
    const pieces = [...new Set(ALL_RULE_KEYWORDS.flatMap(({ text }) => [text, text.toUpperCase(), text.slice(0, 2), text.slice(1)]))];
    pieces.push('x', 'é', ' ', '\n', '日本', '🔑');
    let seed = 7;
    for (let round = 0; round < 2000; round++) {
      let text = '';
      for (let i = 0; i < round % 17; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pieces[seed % pieces.length];
      }
      const utf8 = Buffer.from(text, 'utf8');
      const odd = Buffer.concat([Buffer.from('.'), utf8]).subarray(1);
      const expectedText = hitList(reference!.index.find(text));
      const expectedBytes = hitList(reference!.index.findInBytes(utf8));
      for (const { name, index } of others) {
        expect(hitList(index.find(text)), `${name}: ${JSON.stringify(text)}`).toEqual(expectedText);
        expect(hitList(index.findInBytes(utf8)), `${name}: ${JSON.stringify(text)}`).toEqual(expectedBytes);
      }
      expect(hitList(reference!.index.findInBytes(odd))).toEqual(expectedBytes);
      // On ASCII, byte offsets are string offsets.
      if (isAscii(utf8)) expect(expectedBytes).toEqual(expectedText);
    }
  });

  it('on the fixture files', () => {
    const dir = resolve(import.meta.dirname, '../../fixtures');
    let hits = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const bytes = readFileSync(resolve(entry.parentPath, entry.name));
      const expected = hitList(reference!.index.findInBytes(bytes));
      hits += expected.length;
      for (const { name, index } of others) expect(hitList(index.findInBytes(bytes)), `${name}: ${entry.name}`).toEqual(expected);
    }
    expect(hits).toBeGreaterThan(100);
  });
});

describe('buildKeywordIndex: input checks', () => {
  it('rejects keywords too short for a trigram anchor, or not ASCII', () => {
    expect(() => buildKeywordIndex([{ text: 'ab', ignoreCase: false }])).toThrow(/shorter than 3/);
    expect(() => buildKeywordIndex([{ text: 'clé_', ignoreCase: false }])).toThrow(/not ASCII/);
  });

  it('runs the native loop in CI, where npm ci builds it, so that both loops are tested', () => {
    if (process.env['CI'] && process.env['LEAKSTOP_NATIVE'] !== '0') expect(nativePrefilter(), 'the addon did not build: see the npm ci log').toBeDefined();
  });
});

describe('native prefilter addon', () => {
  const addon = nativePrefilter();
  it.runIf(addon !== undefined)('refuses malformed arguments with a TypeError instead of crashing', () => {
    expect(() => addon!.compile([])).toThrow(TypeError);
    expect(() => addon!.compile([{ codes: new Uint8Array([97, 98]), anchor: 0, ignoreCase: false }])).toThrow(TypeError);
    expect(() => addon!.compile([{ codes: new Uint8Array([97, 98, 99]), anchor: 1, ignoreCase: false }])).toThrow(TypeError);
    const compiled = addon!.compile([{ codes: new Uint8Array([97, 98, 99]), anchor: 0, ignoreCase: false }]);
    expect(() => addon!.find(compiled, 'abc' as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => addon!.find({}, new Uint8Array(3))).toThrow(TypeError);
    expect(Array.from(addon!.find(compiled, Buffer.from('xabcabc')))).toEqual([1, 0, 4, 0]);
  });
});

describe('anchors and the prefilter budget', () => {
  const builtIn: KeywordSpec[] = [
    ...new Map(allProviders.flatMap((p) => p.rules.flatMap((r) => r.keywords.map((text) => [`${r.keywordsIgnoreCase ? 'i' : 's'}:${text.toLowerCase()}`, { text, ignoreCase: r.keywordsIgnoreCase ?? false }] as const)))).values(),
  ];

  it('anchors a keyword where code has its characters least, not on a common word inside it', () => {
    const [apiKey, codecov] = anchoredKeywords([
      { text: 'api_key', ignoreCase: true },
      { text: 'codecov', ignoreCase: true },
    ]);
    expect('api_key'.slice(apiKey!.anchor, apiKey!.anchor + 3)).not.toBe('api');
    expect('codecov'.slice(codecov!.anchor, codecov!.anchor + 3)).toBe('cov');
  });

  it('lists the anchors of the current built-in keywords (else run `npm run generate:anchors`)', () => {
    const keywords = engineKeywords(allProviders);
    const chosen = chooseAnchors(keywords, new Map());
    const current = new Map(keywords.map((keyword, i) => [anchorKey(keyword), chosen[i]!]));
    expect([...BUILTIN_ANCHORS].filter(([key, at]) => current.get(key) !== at), 'stale: run npm run generate:anchors').toEqual([]);
    expect([...current].filter(([key]) => !BUILTIN_ANCHORS.has(key)), 'missing: run npm run generate:anchors').toEqual([]);
    // Taken from the list, the built-in anchors are the ones chosen from scratch.
    expect(chooseAnchors(keywords)).toEqual(chosen);
  });

  it('chooses anchors for keywords the list lacks, counting the listed ones as free', () => {
    const custom = { text: 'acme_live_', ignoreCase: false };
    const [at] = chooseAnchors([custom]);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at! + 3).toBeLessThanOrEqual(custom.text.length);
    // A known anchor is taken as it is; one that no longer fits the keyword is chosen again.
    expect(chooseAnchors([custom], new Map([[anchorKey(custom), 4]]))).toEqual([4]);
    expect(chooseAnchors([custom], new Map([[anchorKey(custom), 9]]))).toEqual(chooseAnchors([custom], new Map()));
    // 'ghp_' is anchored on 'hp_' in the list: a custom 'xhp_' rides on the same pairs for free.
    expect(chooseAnchors([{ text: 'ghp_', ignoreCase: false }, { text: 'xhp_', ignoreCase: false }])).toEqual([1, 1]);
  });

  it('estimates a common word as costlier than a rare prefix', () => {
    const common = prefilterCost([{ text: 'return', ignoreCase: false }]);
    const rare = prefilterCost([{ text: 'dckr_pat_', ignoreCase: false }]);
    expect(common.comparisons).toBeGreaterThan(100 * Math.max(1, rare.comparisons));
    expect(common.wordsPassing).toBeGreaterThan(rare.wordsPassing);
  });

  // The prefilter is one pass whatever the keywords, but each word passing its first lookup and each
  // anchor trigram compared costs time: a keyword made of common pairs ('re_', a provider called
  // 'box') slows every scan. Measured: 143 rules (221 keywords), ~150,000 words passing per million
  // and ~2,100 comparisons per million characters; 333 rules (541 keywords), 235,000 and 5,600, with
  // the whole engine at 108 ms on 78 MB of npm packages in one process (722 MB/s). A rule whose
  // keywords break the budget needs rarer ones (see `npm run bench:rules`).
  const BUDGET = { wordsPassing: 280_000, comparisons: 6_500 };

  it('keeps the built-in rules within the budget', () => {
    const cost = prefilterCost(builtIn);
    expect(cost.wordsPassing).toBeLessThan(BUDGET.wordsPassing);
    expect(cost.comparisons).toBeLessThan(BUDGET.comparisons);
  });
});
