// Words and paths as reports show them: detail keys and skip reasons for people, finding paths
// for machines, and untrusted text made safe to print.
import { isAbsolute, relative, sep } from 'node:path';

/** 'awsAccountId' → 'aws account id': detail keys are camelCase facts decoded offline. */
export function detailLabel(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A SkipReason for people: 'too-large' → 'too large'. */
export function skipReasonLabel(reason: string): string {
  return reason.replaceAll('-', ' ');
}

/**
 * A finding's path relative to the scan root with '/' separators on every OS, as JSON and SARIF
 * consumers (GitHub matches it against the repository tree) expect.
 */
export function relativePosixPath(root: string, path: string): string {
  let rel = isAbsolute(path) ? relative(root, path) : path;
  // Only on Windows is '\' a separator; on POSIX it is a legal file-name character.
  if (sep === '\\') rel = rel.split(sep).join('/');
  while (rel.startsWith('./')) rel = rel.slice(2);
  return rel;
}

/**
 * Text from the scanned repository (file names, commit authors, decoded details) with control and
 * bidirectional-override characters replaced, so a crafted file name cannot move the cursor, clear
 * the screen or reorder what the terminal shows.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text) out += isUnsafeForTerminal(char.codePointAt(0) ?? 0) ? '?' : char;
  return out;
}

function isUnsafeForTerminal(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
