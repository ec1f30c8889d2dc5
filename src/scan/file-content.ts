// Deciding whether a file's bytes are text worth scanning, and decoding them. Binary is what git
// calls binary (a NUL byte in the first 8000 bytes), plus extensions that are never text, which we
// can skip without reading.
import { extname } from 'node:path';
import { decodeUtf16, utf16Order } from './utf16.js';

/** How far git looks for a NUL byte before calling a file binary. */
const BINARY_SNIFF_BYTES = 8000;

const BINARY_EXTENSIONS = new Set([
  // images
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'icns', 'webp', 'tif', 'tiff', 'psd', 'heic', 'avif',
  // audio and video
  'mp3', 'mp4', 'm4a', 'm4v', 'mov', 'avi', 'mkv', 'wav', 'flac', 'ogg', 'webm', 'aac',
  // archives and packages
  'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'rar', 'jar', 'war', 'ear', 'apk', 'aar', 'whl', 'nupkg', 'deb', 'rpm', 'dmg', 'iso',
  // compiled code and libraries
  'exe', 'dll', 'so', 'dylib', 'o', 'a', 'lib', 'obj', 'class', 'pyc', 'pyo', 'wasm', 'node',
  // fonts and documents
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt',
  // databases
  'sqlite', 'sqlite3', 'db',
]);

export function hasBinaryExtension(path: string): boolean {
  const ext = extname(path).slice(1).toLowerCase();
  return ext !== '' && BINARY_EXTENSIONS.has(ext);
}

export function looksBinary(bytes: Buffer): boolean {
  if (utf16Order(bytes)) return false;
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** The bytes to scan as UTF-8 (without a UTF-8 BOM), or undefined for UTF-16 text, which must be decoded. */
export function utf8Content(bytes: Buffer): Buffer | undefined {
  if (utf16Order(bytes)) return undefined;
  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return hasUtf8Bom ? bytes.subarray(3) : bytes;
}

/**
 * Bytes to text: UTF-8 (its BOM dropped, so columns on line 1 are right), or UTF-16 with a BOM or
 * recognised without one, which Windows tools write for .ps1, .reg and exported config files.
 */
export function decodeText(bytes: Buffer): string {
  const order = utf16Order(bytes);
  if (order) return decodeUtf16(bytes, order);
  return (utf8Content(bytes) ?? bytes).toString('utf8');
}
