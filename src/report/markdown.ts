// Text from a scanned repository (paths, author names, branch names) placed in GitHub Markdown
// without letting it format, mention people, forge leakstop's hidden markers or break a table,
// and cut to GitHub's size limits without splitting a character.
import { printable } from './labels.js';

/** `text` as an inline code span: no Markdown, HTML comment or @mention inside it takes effect. */
export function codeSpan(text: string): string {
  return span(printable(text));
}

/** A code span for a table cell: GFM splits cells on every `|`, and reads `\|` as a literal one. */
export function cellCode(text: string): string {
  return span(printable(text).replaceAll('|', '\\|'));
}

function span(safe: string): string {
  const fence = '`'.repeat(longestRun(safe, '`') + 1);
  // A space pads a span that starts or ends with a backtick; CommonMark strips one on each side.
  const pad = safe.startsWith('`') || safe.endsWith('`') || safe === '' ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/** `text` as a fenced code block, the fence longer than any backtick run inside. */
export function fencedBlock(text: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/**
 * Text of our own making that may carry facts from the repository: `<` and `>` become entities so
 * that nothing in it can open an HTML comment (leakstop's markers) or a tag, and `@` is followed by
 * a zero-width space so that it mentions nobody.
 */
export function plainText(text: string): string {
  return printable(text).replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('@', '@\u200b');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** At most `max` UTF-16 units (what JavaScript and GitHub's character limits count), ending in '…' when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${withoutLoneHighSurrogate(text.slice(0, max - 1))}…`;
}

/** At most `maxBytes` bytes of UTF-8 (the API's "64 KB" limits), ending in '…' when cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsis = '…';
  const budget = maxBytes - Buffer.byteLength(ellipsis, 'utf8');
  // Decoding a cut buffer would turn a split character into U+FFFD (3 bytes); cutting by
  // characters keeps every character whole.
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > budget) break;
    bytes += size;
    end += char.length;
  }
  return `${text.slice(0, end)}${ellipsis}`;
}

function withoutLoneHighSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/** `count noun` with a plain English plural. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
