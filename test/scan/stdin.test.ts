// Piped input is scanned as it arrives, a window at a time: no length of input is held whole, and a
// token is found once, at its line and column, wherever the chunks and windows split it.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createEngine } from '../../src/detect/engine.js';
import { runScan } from '../../src/scan/run-scan.js';
import { readStream } from '../../src/scan/stdin.js';
import { collect } from './helpers.js';
import { allProviders } from '../../src/providers/index.js';

const engine = createEngine({ providers: allProviders });

async function scanStdin(chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>, windowBytes?: number) {
  return runScan(readStream(Readable.from(chunks), 'stdin', windowBytes), { engine, root: process.cwd(), target: 'stdin' });
}

/** Splits bytes into chunks of the given sizes, cycled, as a pipe might deliver them. */
function* pieces(bytes: Buffer, sizes: readonly number[]): Generator<Buffer> {
  for (let at = 0, i = 0; at < bytes.length; at += sizes[i++ % sizes.length]!) yield bytes.subarray(at, at + sizes[i % sizes.length]!);
}

describe('readStream', () => {
  it('yields the stream as one unit to scan as it arrives, named stdin by default', async () => {
    const stream = Readable.from(['line one\n']);
    expect(await collect(readStream(stream))).toEqual([{ path: 'stdin', stream, windowBytes: 16 * 1024 * 1024 }]);
    expect(await collect(readStream(stream, 'pasted', 4096))).toEqual([{ path: 'pasted', stream, windowBytes: 4096 }]);
  });
});

describe('scanning stdin', () => {
  it('finds every token of an input many windows long once, at its line and column, one across a boundary', async () => {
    const windowBytes = 4096;
    const tokens = Array.from({ length: 5 }, () => generateGithubStyleToken('ghp_'));
    const filler = 'ordinary line of a log file\n'.repeat(3000); // 84,000 bytes, 3,000 lines
    // The first token starts 10 bytes before the end of the 20th window.
    const lead = 'x'.repeat(20 * windowBytes - 10 - Buffer.byteLength('clé=€ TOKEN='));
    const text = `${lead}clé=€ TOKEN=${tokens[0]}\n${tokens.slice(1).map((token) => `${filler}GITHUB_TOKEN=${token}\n`).join('')}${filler}`;
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.indexOf(tokens[0]!)).toBe(20 * windowBytes - 10);

    const result = await scanStdin(pieces(bytes, [1, 65_536, 777]), windowBytes);

    expect(result.findings.map((f) => [f.secret.reveal(), f.path, f.line, f.column])).toEqual([
      [tokens[0], 'stdin', 1, lead.length + 'clé=€ TOKEN='.length + 1],
      ...tokens.slice(1).map((token, i) => [token, 'stdin', 2 + (i + 1) * 3000 + i, 'GITHUB_TOKEN='.length + 1]),
    ]);
    expect(result.stats).toMatchObject({ filesScanned: 1, bytesScanned: bytes.length, skipped: [] });
  });

  it('decodes UTF-16 with a byte order mark as it streams, a character split across chunks', async () => {
    const token = generateGithubStyleToken('ghp_');
    const text = `${'réglage = 1\n'.repeat(20_000)}$env:GITHUB_TOKEN = "${token}"\n${'fin\n'.repeat(30_000)}`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

    const result = await scanStdin(pieces(bytes, [4099, 8191]), 16_384);

    expect(result.findings.map((f) => [f.secret.reveal(), f.line, f.column])).toEqual([[token, 20_001, 22]]);
  });

  it('scans an empty input as one empty unit', async () => {
    const result = await scanStdin([]);
    expect(result.findings).toEqual([]);
    expect(result.stats).toMatchObject({ filesScanned: 1, bytesScanned: 0 });
  });

  it('scans an input longer than the longest string V8 can hold (0x1fffffe8 characters) without holding it', async () => {
    const tokens = [generateGithubStyleToken('ghp_'), generateGithubStyleToken('ghp_')];
    const mib = 1024 * 1024;
    const block = Buffer.from('an ordinary line of some generated output\n'.repeat(mib / 42 + 1).slice(0, mib));
    const linesPerBlock = block.toString('latin1').split('\n').length - 1;
    const blocks = 544; // 570,425,344 bytes, over 536,870,888
    async function* generated(): AsyncGenerator<Buffer> {
      for (let i = 0; i < blocks; i++) {
        yield block;
        if (i === 100) yield Buffer.from(`\nTOKEN=${tokens[0]}\n`);
        if (i === blocks - 2) yield Buffer.from(`\nTOKEN=${tokens[1]}\n`);
      }
    }

    const result = await scanStdin(generated());

    const lineAfter = (blockCount: number, planted: number): number => blockCount * linesPerBlock + planted * 2 + 2;
    expect(result.findings.map((f) => [f.secret.reveal(), f.line, f.column])).toEqual([
      [tokens[0], lineAfter(101, 0), 7],
      [tokens[1], lineAfter(blocks - 1, 1), 7],
    ]);
    expect(result.stats.bytesScanned).toBeGreaterThan(0x1fffffe8);
  }, 60_000);
});
