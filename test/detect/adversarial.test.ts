// A guard against catastrophic backtracking: for every rule, inputs built to make a careless regex
// explode (1 MB of one character, 1 MB of a keyword repeated, a 10 MB line of base64-ish text, a
// keyword followed by 1 MB of the pattern's own character classes) must finish within the test
// timeout. Nothing here asserts a duration: a slow machine must not fail it, a runaway regex will.
// ADVERSARIAL_TIMINGS=1 prints the slowest cases, to tune the rules.
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/detect/engine.js';
import type { ProviderDefinition, Rule } from '../../src/detect/rule.js';
import { allProviders } from '../../src/providers/index.js';

const MB = 1024 * 1024;
const CASE_TIMEOUT_MS = 20_000;
const BASE64ISH = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-';
/** Printable ASCII: the characters a pattern's classes are sampled from. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

const timings: { name: string; ms: number }[] = [];

/** `unit` repeated to `bytes` characters. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** A deterministic pseudo-random string over an ASCII `alphabet` (xorshift32). */
function noise(alphabet: string, length: number, seed: number): string {
  let state = seed || 1;
  const codes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    codes[i] = alphabet.charCodeAt((state >>> 0) % alphabet.length);
  }
  return codes.toString('latin1');
}

const noiseCache = new Map<string, string>();

/** 1 MB of noise over `alphabet`: a 64 KB block repeated, built once per alphabet (rules share classes). */
function megabyteOf(alphabet: string): string {
  let text = noiseCache.get(alphabet);
  if (text === undefined) {
    text = fill(noise(alphabet, 64 * 1024, alphabet.length * 7919 + alphabet.charCodeAt(0)), MB);
    noiseCache.set(alphabet, text);
  }
  return text;
}

/** The bracket expressions of a pattern ([A-Za-z0-9_-], [^\s@/?#]...), as the characters they match. */
function characterClasses(pattern: Rule['pattern']): string[] {
  const flags = pattern instanceof RegExp ? pattern.flags.replace(/[^i]/g, '') : '';
  const classes = new Set<string>();
  for (const [source] of pattern.source.matchAll(/\[(?:\\.|[^\]\\])+\]/g)) {
    const matcher = new RegExp(`^${source}$`, flags);
    const chars = [...PRINTABLE].filter((c) => matcher.test(c)).join('');
    if (chars.length > 0) classes.add(chars);
  }
  return [...classes];
}

/** An engine with only this rule, and its provider's pairing step, so each case times one regex. */
function engineFor(provider: ProviderDefinition, rule: Rule): Engine {
  return createEngine({ providers: [{ ...provider, rules: [rule] }] });
}

/** Scans and checks the findings point inside the text: the engine must stay correct, not just fast. */
function scanTimed(engine: Engine, name: string, text: string): void {
  const started = performance.now();
  const { findings } = engine.scanText(text);
  timings.push({ name, ms: performance.now() - started });
  for (const f of findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.secret.length).toBeGreaterThan(0);
    expect(f.endLine >= f.line).toBe(true);
  }
}

const rules = allProviders.flatMap((provider) => provider.rules.map((rule) => ({ provider, rule })));
// Built once: the 10 MB line is shared by every rule.
const tenMegabyteLine = noise(BASE64ISH, 10 * MB, 0x9e3779b9);

describe.each(rules.map(({ provider, rule }) => [rule.id, provider, rule] as const))('rule %s on adversarial input', (id, provider, rule) => {
  const engine = engineFor(provider, rule);
  const keywordChars = [...new Set(rule.keywords.join(''))];
  const classes = characterClasses(rule.pattern);

  it('finishes on 1 MB of one repeated character, for each character of its keywords', { timeout: CASE_TIMEOUT_MS }, () => {
    for (const ch of keywordChars) scanTimed(engine, `${id}: 1 MB of '${ch}'`, fill(ch, MB));
  });

  it('finishes on 1 MB of each keyword repeated', { timeout: CASE_TIMEOUT_MS }, () => {
    for (const keyword of rule.keywords) {
      scanTimed(engine, `${id}: '${keyword}' x 1 MB`, fill(keyword, MB));
      if (rule.keywordsIgnoreCase) scanTimed(engine, `${id}: '${keyword.toUpperCase()}' x 1 MB`, fill(keyword.toUpperCase(), MB));
    }
  });

  it('finishes on a 10 MB single line of base64-ish characters', { timeout: CASE_TIMEOUT_MS }, () => {
    scanTimed(engine, `${id}: 10 MB base64-ish line`, tenMegabyteLine);
  });

  it("finishes on a keyword followed by 1 MB of each of the pattern's character classes", { timeout: CASE_TIMEOUT_MS }, () => {
    for (const keyword of rule.keywords) {
      for (const [i, chars] of classes.entries()) {
        scanTimed(engine, `${id}: '${keyword}' + 1 MB of class ${i}`, keyword + megabyteOf(chars));
        scanTimed(engine, `${id}: '${keyword}' + 1 MB of class ${i}'s first character`, keyword + fill(chars[0]!, MB));
      }
    }
  });

  it('finishes on 1 MB of keywords each followed by a run of class characters (overlapping windows)', { timeout: CASE_TIMEOUT_MS }, () => {
    for (const keyword of rule.keywords) {
      for (const [i, chars] of classes.entries()) {
        scanTimed(engine, `${id}: ('${keyword}' + 300 of class ${i}) x 1 MB`, fill(keyword + noise(chars, 300, i + 7), MB));
      }
    }
  });
});

afterAll(() => {
  if (!process.env['ADVERSARIAL_TIMINGS']) return;
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 20);
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  console.log(`${timings.length} scans, ${(total / 1000).toFixed(1)} s scanning; slowest:\n${slowest.map((t) => `${t.ms.toFixed(0).padStart(7)} ms  ${t.name}`).join('\n')}`);
});
