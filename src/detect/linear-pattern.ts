// Patterns that come from configuration (custom rules) run on RE2 (re2js, a pure JavaScript port):
// its time is linear in the text on any pattern, so a repository's `(a+)+$` cannot hold a worker.
// They speak the RegExp protocol the engine already drives (lastIndex, exec, match indices), so the
// engine's keyword windows and anchors apply to them unchanged, and built-in rules stay on RegExp.
import { RE2JS, RE2JSException, type Matcher } from 're2js';
import type { LinearPattern, PatternMatch, PatternRunner } from './rule.js';

/** Thrown for a pattern RE2 cannot compile; the message says why, in RE2's words. */
export class LinearPatternError extends Error {
  override name = 'LinearPatternError';
}

/** Compiles `source` (RE2 syntax) once, or throws LinearPatternError. */
export function linearPattern(source: string): LinearPattern {
  const search = compileRe2(source);
  // Anchored variants for rules anchored at their keyword: RE2 anchors only at the start of its
  // input, so each try reads a slice that starts one character before the keyword ((?s:.) consumes
  // it, letting \b and (?m)^ see it), or at the keyword when it starts the text.
  const afterOne = compileRe2(`^(?s:.)(?:${source})`);
  const atStart = compileRe2(`^(?:${source})`);
  return {
    source,
    runner: (mode, reach) => (mode === 'g' ? searchRunner(search) : anchoredRunner(afterOne, atStart, reach)),
  };
}

function compileRe2(source: string): RE2JS {
  try {
    return RE2JS.compile(source);
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

/**
 * Matches exactly at lastIndex, like a RegExp with the 'y' flag, reading at most `reach` characters
 * from there: a bounded slice per try, so a keyword repeated a million times costs a million bounded
 * tries, not a million searches to the end of the text.
 */
function anchoredRunner(afterOne: RE2JS, atStart: RE2JS, reach: number): PatternRunner {
  const names = Object.keys(atStart.namedGroups());
  const runner: PatternRunner = {
    lastIndex: 0,
    exec(text) {
      const at = runner.lastIndex;
      if (at > text.length) return reset();
      const from = at === 0 ? 0 : at - 1;
      const slice = text.slice(from, Math.min(text.length, at + reach));
      const matcher = (at === 0 ? atStart : afterOne).matcher(slice);
      if (!matcher.find()) return reset();
      const found = toMatch(matcher, names, text, from, at - from);
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

/**
 * The match as RegExp's exec reports it with the 'd' flag, in the offsets of `text`: the matcher ran
 * on text from `base`, and its first `skip` characters (the one before an anchored try) are context.
 */
function toMatch(matcher: Matcher, names: readonly string[], text: string, base: number, skip = 0): PatternMatch {
  const start = base + matcher.start() + skip;
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
