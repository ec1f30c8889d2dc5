// A base64 value as the engine decodes it to scan what it holds (engine.ts, scanEncoded): text to
// scan, bytes that may be key material, or nothing when it is not base64 at all. Rules that check a
// token's own base64 body use checksum.ts's decodeBase64/decodeBase64Url, which return the bytes.
const STRICT_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/;

export type DecodedValue = { text: string } | { bytes: Buffer };

/**
 * The bytes a base64 value encodes, as text when they are UTF-8 without control characters. Values
 * that are not whole base64 (a length that leaves one character over, misplaced padding) decode to
 * nothing: Node's decoder would silently drop what it cannot read.
 */
export function decodeEncodedValue(base64: string): DecodedValue | undefined {
  const unpadded = base64.replace(/=+$/, '');
  if (unpadded.length % 4 === 1 || !STRICT_BASE64.test(base64) || (base64.length !== unpadded.length && base64.length % 4 !== 0)) return undefined;
  const bytes = Buffer.from(unpadded, 'base64');
  if (bytes.length === 0) return undefined;
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { bytes };
  }
  return CONTROL.test(text) ? { bytes } : { text };
}
