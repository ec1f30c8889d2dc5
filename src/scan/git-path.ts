// Paths as git prints them in diff headers. We pin core.quotepath=on (git-process.ts), so a name
// with a byte above 0x7f, a control character, '"' or '\' is C-quoted ("a\tb", octal bytes): its
// exact bytes, shown as pathText makes them (escaped where they are not UTF-8).
import { pathText } from './path-text.js';

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Decodes a path git may have C-quoted; an unquoted path is returned as it is. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return pathText(Buffer.from(bytes));
}

/** Drops git's 'a/' or 'b/' prefix (we pin them with --src-prefix/--dst-prefix). */
export function stripSidePrefix(path: string): string {
  return path.startsWith('a/') || path.startsWith('b/') ? path.slice(2) : path;
}

/**
 * The path of a `diff --git a/P b/P` header when both sides are the same file. With a rename the
 * sides differ and the header is ambiguous when names contain spaces; the parser then uses the
 * `rename to` line instead.
 */
export function pathFromDiffHeader(rest: string): string | undefined {
  if (rest.startsWith('"')) {
    // A name of up to PATH_MAX (4096) bytes takes up to 4 characters a byte once quoted.
    const quoted = /^("(?:[^"\\]|\\.){0,16384}") ("(?:[^"\\]|\\.){0,16384}")$/.exec(rest);
    if (!quoted) return undefined;
    const a = stripSidePrefix(unquoteGitPath(quoted[1]!));
    const b = stripSidePrefix(unquoteGitPath(quoted[2]!));
    return a === b ? b : undefined;
  }
  if ((rest.length - 5) % 2 !== 0) return undefined;
  const name = rest.slice(2, 2 + (rest.length - 5) / 2);
  return rest === `a/${name} b/${name}` ? name : undefined;
}
