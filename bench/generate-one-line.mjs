// A worst case for per-finding costs: `count` checksum-valid GitHub classic PATs on one line
// (about 42 bytes each: 50,000 make ~2 MB). Usage: node bench/generate-one-line.mjs OUT [COUNT].
import { writeFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function toBase62(value, width) {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, '0');
}

/** ghp_ + 30 random base62 + base62(crc32(random)) padded to 6, as GitHub issues them. */
function githubClassicPat() {
  let body = '';
  for (let i = 0; i < 30; i++) body += BASE62[randomInt(62)];
  return `ghp_${body}${toBase62(crc32(body), 6)}`;
}

export function generateOneLine(path, count) {
  const tokens = Array.from({ length: count }, githubClassicPat);
  writeFileSync(path, `${tokens.join(' ')}\n`);
  return { path, bytes: tokens.reduce((n, t) => n + t.length + 1, 0), count };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [path, count] = process.argv.slice(2);
  if (!path) throw new Error('usage: node bench/generate-one-line.mjs OUT [COUNT]');
  console.log(generateOneLine(path, Number(count ?? 50_000)));
}
