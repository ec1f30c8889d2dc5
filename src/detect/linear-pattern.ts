// Patterns that come from configuration (custom rules) run on RE2 (re2js, a pure JavaScript port):
// its time is linear in the text on any pattern, so a repository's `(a+)+$` cannot hold a worker.
// They speak the RegExp protocol the engine already drives (lastIndex, exec, match indices), so the
// engine's keyword windows apply to them unchanged, and built-in rules stay on RegExp. A rule anchored
// at its keyword is searched too, not tried at each keyword (see the engine's matchAnchoredBySearch).
import { createRequire } from 'node:module';
import type * as Re2jsModule from 're2js';
import type { Matcher, RE2JS } from 're2js';
import type { LinearPattern, PatternMatch, PatternRunner } from './rule.js';

type Re2js = typeof Re2jsModule;
let re2js: Re2js | undefined;

/**
 * re2js on first use, not at import: loading it takes 10-18 ms, which a pre-commit hook in a
 * repository with a config file but no custom rules would pay on every commit (the config's schema
 * imports this file). Its CommonJS build loads synchronously, so validation stays synchronous.
 */
function loadRe2js(): Re2js {
  re2js ??= createRequire(import.meta.url)('re2js') as Re2js;
  return re2js;
}

/** Thrown for a pattern RE2 cannot compile; the message says why, in RE2's words. */
export class LinearPatternError extends Error {
  override name = 'LinearPatternError';
}

/** Compiles `source` (RE2 syntax) once, or throws LinearPatternError. */
export function linearPattern(source: string): LinearPattern {
  const program = compileRe2(source);
  return { source, searcher: () => searchRunner(program) };
}

function compileRe2(source: string): RE2JS {
  const { RE2JS: Re2, RE2JSException } = loadRe2js();
  try {
    return Re2.compile(source);
  } catch (error) {
    if (error instanceof RE2JSException) throw new LinearPatternError(error.message);
    throw error;
  }
}

/** Searches from lastIndex, like a RegExp with the 'g' flag. */
function searchRunner(program: RE2JS): PatternRunner {
  const names = Object.keys(program.namedGroups());
  let input: string | undefined;
  let matcher: Matcher | undefined;
  const runner: PatternRunner = {
    lastIndex: 0,
    exec(text) {
      if (runner.lastIndex > text.length) return reset();
      if (matcher === undefined || input !== text) {
        // Most windows around a keyword hold no match: RE2's DFA says so without tracking groups,
        // several times faster than a matcher's search (8-12 against 33-58 ms for 8,309 windows of npm code).
        if (runner.lastIndex === 0 && !program.test(text)) return reset();
        matcher = program.matcher(text);
        input = text;
      }
      if (!matcher.find(runner.lastIndex)) return reset();
      const found = toMatch(matcher, names, text, 0);
      runner.lastIndex = found.index + found[0].length;
      return found;
    },
  };
  function reset(): null {
    runner.lastIndex = 0;
    return null;
  }
  return runner;
}

/** The match as RegExp's exec reports it with the 'd' flag, in the offsets of `text` (the matcher ran on text from `base`). */
function toMatch(matcher: Matcher, names: readonly string[], text: string, base: number): PatternMatch {
  const start = base + matcher.start();
  const end = base + matcher.end();
  const match: PatternMatch = { 0: text.slice(start, end), index: start, input: text, indices: { 0: [start, end] } };
  if (names.length === 0) return match;
  const groups: Record<string, string | undefined> = {};
  const spans: Record<string, [number, number] | undefined> = {};
  for (const name of names) {
    const groupStart = matcher.start(name);
    if (groupStart < 0) continue;
    const span: [number, number] = [base + groupStart, base + matcher.end(name)];
    groups[name] = text.slice(span[0], span[1]);
    spans[name] = span;
  }
  return { ...match, groups, indices: { 0: [start, end], groups: spans } };
}
