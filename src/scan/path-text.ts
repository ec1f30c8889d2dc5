// File names are bytes: on Linux any byte but '/' and NUL, not necessarily UTF-8. Reports need
// text, so a name that is not valid UTF-8 is shown with each byte that breaks it escaped as \xNN
// (lower-case hex): stable from run to run, safe to print, and never merged with another name, as
// decoding to U+FFFD would. A valid name is shown as it is.

/** The name as text: decoded when it is valid UTF-8, escaped where it is not. */
export function pathText(bytes: Uint8Array): string {
  let text = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += Buffer.from(bytes.buffer, bytes.byteOffset + runStart, i - runStart).toString('utf8');
    text += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
    i += 1;
    runStart = i;
  }
  return text + Buffer.from(bytes.buffer, bytes.byteOffset + runStart, bytes.length - runStart).toString('utf8');
}

/** Whether the name needs pathText's escaping, i.e. is not valid UTF-8. */
export function isValidUtf8Name(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return false;
    i += length;
  }
  return true;
}

/** Bytes of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF), or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const continuation = (at: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[at];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(i + 1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  }
  return 0;
}
