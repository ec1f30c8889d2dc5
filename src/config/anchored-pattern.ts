// `anchor: keyword` on a custom rule: the engine searches each window once and keeps the matches
// that start where a keyword occurs (engine.ts, matchAnchoredBySearch). That gives the matches a
// plain search gives only when every match starts with a keyword, so the pattern must say so: it
// starts with one of its keywords written literally (after \b or a (?flags) group at most).

const META = new Set([...'\\^$.|?*+()[]{}']);
/** Zero-width or flag-only tokens that may come before the keyword. */
const LEADING = /^(?:\\b|\(\?[imsU]+\))/;
/** The openers of a group whose contents start where the group does. */
const GROUP_OPEN = /^\((?:\?:|\?P?<[A-Za-z_][A-Za-z0-9_]*>)?/;

interface AnchoredRule {
  id: string;
  keywords: readonly string[];
  keywordsIgnoreCase?: boolean | undefined;
  anchor?: 'keyword' | undefined;
  pattern: string;
}

/** Why an anchored custom rule's pattern does not start with a keyword, or undefined when it does (or is not anchored). */
export function anchoredPatternProblem(rule: AnchoredRule): string | undefined {
  if (rule.anchor !== 'keyword') return undefined;
  const start = patternStart(rule.pattern);
  const ignoreCase = rule.keywordsIgnoreCase === true || start.ignoreCase;
  const literal = ignoreCase ? start.literal.toLowerCase() : start.literal;
  const keyword = rule.keywords.find((k) => literal.startsWith(ignoreCase ? k.toLowerCase() : k));
  const advice = `with \`anchor: keyword\` a match is reported only where it starts at a keyword, so the pattern must start with one of its keywords (${rule.keywords.map((k) => `'${k}'`).join(', ')}) written literally, e.g. '${escapeLiteral(rule.keywords[0] ?? '')}[A-Za-z0-9]{32}': start it so, or remove \`anchor: keyword\` to find matches anywhere near a keyword`;
  if (keyword === undefined) return `rule '${rule.id}': ${advice}`;
  if (start.ignoreCase && rule.keywordsIgnoreCase !== true) {
    return `rule '${rule.id}': the pattern is case-insensitive ((?i)) but its keywords are not, so a match in another case would not start at a keyword: set \`keywordsIgnoreCase: true\`, or drop (?i) from the start of the pattern`;
  }
  if (!start.onlyBranch) return `rule '${rule.id}': ${advice}; an alternative (|) or an optional group around the start lets a match begin without the keyword`;
  return undefined;
}

interface PatternStart {
  /** The literal text every match begins with (as far as it could be read). */
  literal: string;
  /** A leading (?i). */
  ignoreCase: boolean;
  /** No alternation or optional group encloses the start: every match begins with `literal`. */
  onlyBranch: boolean;
}

function patternStart(pattern: string): PatternStart {
  let at = 0;
  let ignoreCase = false;
  let opened = 0;
  for (;;) {
    const rest = pattern.slice(at);
    const leading = LEADING.exec(rest);
    if (leading) {
      if (leading[0].startsWith('(?') && leading[0].includes('i')) ignoreCase = true;
      at += leading[0].length;
      continue;
    }
    const group = GROUP_OPEN.exec(rest);
    if (group && !rest.startsWith('(?=') && !rest.startsWith('(?!')) {
      at += group[0].length;
      opened++;
      continue;
    }
    break;
  }
  let literal = '';
  while (at < pattern.length) {
    const char = pattern[at]!;
    if (char === '\\') {
      const next = pattern[at + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
      literal += next;
      at += 2;
    } else if (META.has(char)) {
      break;
    } else {
      literal += char;
      at++;
    }
  }
  // A quantifier that allows zero repeats makes the last character optional.
  if (/^[?*{]/.test(pattern.slice(at))) literal = literal.slice(0, -1);
  return { literal, ignoreCase, onlyBranch: encloses(pattern, opened) };
}

/**
 * Whether the `opened` groups the pattern starts in, and the pattern itself, hold no alternation
 * and none of those groups is optional: then every match starts with what they start with.
 */
function encloses(pattern: string, opened: number): boolean {
  // Per open group: whether it is one the pattern starts in.
  const stack: boolean[] = [];
  for (let i = 0; i < opened; i++) stack.push(true);
  let at = skipOpeners(pattern, opened);
  let inClass = false;
  for (; at < pattern.length; at++) {
    const char = pattern[at]!;
    if (char === '\\') {
      at++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') {
      inClass = true;
      if (pattern[at + 1] === '^') at++;
      if (pattern[at + 1] === ']') at++;
    } else if (char === '(') {
      stack.push(false);
    } else if (char === ')') {
      const starting = stack.pop();
      if (starting && /^[?*]|^\{0/.test(pattern.slice(at + 1))) return false;
    } else if (char === '|') {
      if (stack.length === 0 || stack[stack.length - 1]) return false;
    }
  }
  return true;
}

/** The offset just after the group openers (and leading tokens) the pattern starts with. */
function skipOpeners(pattern: string, opened: number): number {
  let at = 0;
  let groups = 0;
  while (groups < opened || LEADING.test(pattern.slice(at))) {
    const rest = pattern.slice(at);
    const leading = LEADING.exec(rest);
    if (leading) {
      at += leading[0].length;
      continue;
    }
    at += GROUP_OPEN.exec(rest)![0].length;
    groups++;
  }
  return at;
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
