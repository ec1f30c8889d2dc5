// anchor: keyword gives a search's matches only when every match starts with a keyword.
import { describe, expect, it } from 'vitest';
import { anchoredPatternProblem } from '../../src/config/anchored-pattern.js';

const rule = (pattern: string, extra: { keywords?: string[]; keywordsIgnoreCase?: boolean } = {}) => ({ id: 'acme-key', keywords: ['acme_'], anchor: 'keyword' as const, pattern, ...extra });

describe('anchoredPatternProblem', () => {
  it.each([
    String.raw`acme_[A-Za-z0-9]{32}`,
    String.raw`\bacme_[A-Za-z0-9]{32}\b`,
    String.raw`(?P<secret>acme_[A-Za-z0-9]{32})`,
    String.raw`\b(?:(?<secret>acme_live_[a-z]{8}))`,
    String.raw`acme\_x+[0-9]{4}`,
  ])('accepts %s, which starts with its keyword', (pattern) => {
    expect(anchoredPatternProblem(rule(pattern))).toBeUndefined();
  });

  it.each([
    String.raw`[a-z]*acme_[A-Za-z0-9]{32}`,
    String.raw`key=acme_[A-Za-z0-9]{32}`,
    String.raw`acm[A-Za-z0-9]{32}`,
    String.raw`acme?_[0-9]{4}`,
    String.raw`acme_[0-9]{4}|token=[0-9]{4}`,
    String.raw`(?:acme_|tok_)[0-9]{4}`,
    String.raw`(acme_)?[0-9]{4}`,
    String.raw`\x61cme_[0-9]{4}`,
  ])('refuses %s', (pattern) => {
    expect(anchoredPatternProblem(rule(pattern))).toMatch(/must start with one of its keywords \('acme_'\) written literally.*or remove `anchor: keyword`/);
  });

  it('compares case as the keywords do, and wants case-insensitive keywords for (?i)', () => {
    expect(anchoredPatternProblem(rule(String.raw`ACME_[0-9]{4}`))).toBeDefined();
    expect(anchoredPatternProblem(rule(String.raw`ACME_[0-9]{4}`, { keywordsIgnoreCase: true }))).toBeUndefined();
    expect(anchoredPatternProblem(rule(String.raw`(?i)acme_[0-9]{4}`))).toContain('set `keywordsIgnoreCase: true`');
    expect(anchoredPatternProblem(rule(String.raw`(?i)acme_[0-9]{4}`, { keywordsIgnoreCase: true }))).toBeUndefined();
  });

  it('says nothing of a rule that is not anchored', () => {
    expect(anchoredPatternProblem({ ...rule('[a-z]*acme_'), anchor: undefined })).toBeUndefined();
  });
});
