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

/**
 * What joins a setting's name to its value: a type annotation (`: string =`, TypeScript and Kotlin),
 * `:=`, `=>`, .NET's appSettings attribute (`<add key="NAME" value="…"`, after the name's quote), or
 * one of the characters of `single` (a regex character-class body: `:=`, `:=,`...).
 */
export function assignOperator(single: string): string {
  return String.raw`(?::[\t ]{0,4}[A-Za-z_][\w<>\[\]|.]{0,40}[\t ]{0,4}=(?![=>])|:=|=>|[\t ]{1,4}value[\t ]{0,4}=|[${single}])`;
}

/** A provider-named setting's name to its value, quotes included: `NAME = "`, `"name": "`, `name: string = '`. */
export const ASSIGN = String.raw`["'\x60]?[\t ]{0,4}${assignOperator(':=')}[\t ]{0,4}["'\x60]?`;
/** The same after a subscript (`config["key"] =`), across a line break, or as the next argument (`"key", "value"`). */
export const ASSIGN_OR_ARGUMENT = String.raw`["'\]]?\s{0,4}${assignOperator(':=,')}\s{0,4}["'\x60]?`;
/** The same, or as the argument of a call named for the setting (`apiKey("value")`). */
export const ASSIGN_OR_CALL = String.raw`["'\]]?\s{0,4}${assignOperator(':=,(')}\s{0,4}["'\x60]?`;
