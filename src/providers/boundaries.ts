// Where a token may start and end: not inside a longer run of token characters. Regex source for
// rule patterns, lookarounds of one character, so they keep a pattern linear.

/** The characters that continue a typical API token: base64url and the underscore. */
export const TOKEN_CHARS = 'A-Za-z0-9_-';

/** Not preceded by any of `chars` (a regex character-class body). */
export function notAfter(chars: string): string {
  return String.raw`(?<![${chars}])`;
}

/** Not followed by any of `chars` (a regex character-class body). */
export function notBefore(chars: string): string {
  return String.raw`(?![${chars}])`;
}

/** A token's start: no token character before it. */
export const TOKEN_START = notAfter(TOKEN_CHARS);
/** A token's end: no token character after it. */
export const TOKEN_END = notBefore(TOKEN_CHARS);
