// Reading one walked file: to its end without fstat, into a shared buffer or a copy of its own.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, mkdirSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createEngine } from '../../src/detect/engine.js';
import { readDirectory } from '../../src/scan/directory.js';
import { ReadBuffer, readWalkedFileSync } from '../../src/scan/read-text-file.js';
import { runScan } from '../../src/scan/run-scan.js';
import { isLargeFile, scanItem, type SourceItem } from '../../src/scan/scan-unit.js';
import { makeTempDir } from './helpers.js';
import { allProviders } from '../../src/providers/index.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

function file(name: string, content: string | Buffer): string {
  const path = join(temp.path, name);
  writeFileSync(path, content);
  return path;
}

function utf8Of(item: SourceItem): string {
  if (!('utf8' in item)) throw new Error(`expected UTF-8 bytes, got ${JSON.stringify(item)}`);
  return Buffer.from(item.utf8).toString('utf8');
}

describe('readWalkedFileSync', () => {
  it('reads files larger than the shared buffer whole, and empty files', () => {
    const big = randomBytes(3 * 1024 * 1024).toString('base64'); // 4 MiB of text: the buffer grows twice
    const shared = new ReadBuffer();
    expect(utf8Of(readWalkedFileSync(file('big.txt', big), 10 * 1024 * 1024, shared))).toBe(big);
    expect(utf8Of(readWalkedFileSync(file('empty.txt', ''), 100, shared))).toBe('');
    expect(utf8Of(readWalkedFileSync(file('small.txt', 'token=1'), 100, shared))).toBe('token=1');
  });

  it('takes a file of exactly the limit and reports a larger one with its size, unread', () => {
    expect(utf8Of(readWalkedFileSync(file('at-limit.txt', 'x'.repeat(100)), 100))).toBe('x'.repeat(100));
    const over = file('over.txt', 'x'.repeat(3_000_000));
    expect(readWalkedFileSync(over, 100, new ReadBuffer())).toEqual({ path: over, reason: 'too-large', bytes: 3_000_000 });
  });

  it('gives each file its own bytes without a shared buffer, and reuses the shared one with it', () => {
    const a = readWalkedFileSync(file('a.txt', 'first'), 100);
    const b = readWalkedFileSync(file('b.txt', 'second'), 100);
    expect([utf8Of(a), utf8Of(b)]).toEqual(['first', 'second']);
    const shared = new ReadBuffer();
    const c = readWalkedFileSync(file('c.txt', 'third'), 100, shared);
    readWalkedFileSync(file('d.txt', 'FOURTH'), 100, shared);
    expect(utf8Of(c)).toBe('FOURT'); // documented: valid only until the next read
  });

  it('skips binary extensions with their size, and binary content, without blocking on a FIFO', () => {
    const png = file('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(readWalkedFileSync(png, 100)).toEqual({ path: png, reason: 'binary', bytes: 4 });
    const blob = file('blob.dat', Buffer.from([1, 2, 0, 3]));
    expect(readWalkedFileSync(blob, 100)).toEqual({ path: blob, reason: 'binary', bytes: 4 });
    // A file the walk saw, replaced by a FIFO before it was read: positioned reads fail (ESPIPE).
    const pipe = join(temp.path, 'pipe');
    execFileSync('mkfifo', [pipe]);
    expect(readWalkedFileSync(pipe, 100)).toEqual({ path: pipe, reason: 'unreadable', detail: 'ESPIPE' });
  });

  it('hands on binary files that may be key material, whatever their name, to be scanned as binary', () => {
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'der' });
    const path = file('signing.bin', key);
    const item = readWalkedFileSync(path, 10_000);
    expect(item).toEqual({ path, binary: key });
    const scan = scanItem(item as Exclude<typeof item, { reason: string }>, createEngine({ providers: allProviders }));
    expect(scan.scan.findings.map((f) => [f.ruleId, f.details['keyType']])).toEqual([['der-private-key', 'ec']]);
  });

  it('reports a directory or a missing file as unreadable and a symlink as a symlink', () => {
    expect(readWalkedFileSync(temp.path, 100)).toEqual({ path: temp.path, reason: 'unreadable', detail: 'EISDIR' });
    const missing = join(temp.path, 'missing.txt');
    expect(readWalkedFileSync(missing, 100)).toEqual({ path: missing, reason: 'unreadable', detail: 'ENOENT' });
    const link = join(temp.path, 'link');
    execFileSync('ln', ['-s', file('target.txt', 'x'), link]);
    expect(readWalkedFileSync(link, 100)).toEqual({ path: link, reason: 'symlink' });
  });
});

const engine = createEngine({ providers: allProviders });
const GiB = 1024 ** 3;

/**
 * A sparse file (holes read as NUL bytes, taking no disk): `size` bytes, with text written at the
 * given offsets. Text at offset 0 keeps it from looking binary.
 */
function sparseFile(path: string, size: number, texts: ReadonlyArray<readonly [number, string]>): string {
  const fd = openSync(path, 'w');
  try {
    for (const [offset, text] of texts) writeSync(fd, text, offset);
  } finally {
    closeSync(fd);
  }
  truncateSync(path, size);
  return path;
}

describe('files larger than one scan window', () => {
  it('are scanned window by window: a token across a boundary once, at its line and column, in a walk and named alone', async () => {
    const token = generateGithubStyleToken('ghp_');
    const windowBytes = 4096;
    const lead = 'some line\n'.repeat(300); // 3,000 bytes, 300 lines
    const prefix = 'x'.repeat(windowBytes - 10 - lead.length - 'TOKEN='.length);
    const content = `${lead}${prefix}TOKEN=${token}\n${'after the token\n'.repeat(20_000)}`;
    const dir = join(temp.path, 'windowed');
    mkdirSync(dir);
    const path = file('windowed/big.txt', content);
    expect(Buffer.from(content).indexOf(token)).toBe(windowBytes - 10);

    const item = readWalkedFileSync(path, 10 * 1024 * 1024, new ReadBuffer(windowBytes));
    expect(isLargeFile(item)).toBe(true);
    for (const root of [dir, path]) {
      const result = await runScan(readDirectory(root, { windowBytes }), { engine, root: dir, target: root });
      expect(result.findings.map((f) => [f.path, f.secret.reveal(), f.line, f.column])).toEqual([['big.txt', token, 301, prefix.length + 'TOKEN='.length + 1]]);
      expect(result.stats).toMatchObject({ filesScanned: 1, bytesScanned: content.length, skipped: [] });
    }
  });

  it('are skipped as binary by their first window, and decoded as UTF-16 window by window', async () => {
    const token = generateGithubStyleToken('ghp_');
    const dir = join(temp.path, 'encodings');
    mkdirSync(dir);
    file('encodings/data.bin', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), randomBytes(50_000), Buffer.from(`TOKEN=${token}`)]));
    const text = `${'paramètre = 1\r\n'.repeat(10_000)}$env:GITHUB_TOKEN = "${token}"\r\n`;
    file('encodings/export.ps1', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));

    const result = await runScan(readDirectory(dir, { windowBytes: 8192 }), { engine, root: dir, target: dir });

    expect(result.findings.map((f) => [f.path, f.line, f.column])).toEqual([['export.ps1', 10_001, 22]]);
    expect(result.stats.skipped).toEqual([{ path: 'data.bin', reason: 'binary', bytes: 50_005 + 6 + token.length }]);
  });

  it('report a file that grew past the size limit while read as unreadable, keeping what was found before', () => {
    const token = generateGithubStyleToken('ghp_');
    const path = file('growing.log', `TOKEN=${token}\n${'line\n'.repeat(20_000)}`);
    const item = readWalkedFileSync(path, 100_100, new ReadBuffer(4096));
    appendFileSync(path, 'line\n'.repeat(1_000));
    if (!isLargeFile(item)) throw new Error(`expected a large file, got ${JSON.stringify(item)}`);

    const { scan, unread } = scanItem(item, engine);

    expect(scan.findings.map((f) => f.secret.reveal())).toEqual([token]);
    expect(unread).toEqual({ path, reason: 'unreadable', detail: expect.stringMatching(/^read failed after 100100 bytes \(EFBIG\)/) });
  });

  it('scans a 600 MB file whose token line is longer than the longest string V8 can hold', async () => {
    const token = generateGithubStyleToken('ghp_');
    const dir = join(temp.path, 'long-line');
    mkdirSync(dir);
    const size = 600_000_000;
    const header = 'generated: true\n'.repeat(1000);
    const tokenAt = size - 100;
    sparseFile(join(dir, 'dump.sql'), size, [[0, header], [tokenAt - 'TOKEN='.length, `TOKEN=${token}\n`]]);

    const result = await runScan(readDirectory(dir, { maxFileBytes: 700_000_000 }), { engine, root: dir, target: dir });

    rmSync(dir, { recursive: true });
    expect(result.findings.map((f) => [f.path, f.secret.reveal(), f.line, f.column])).toEqual([['dump.sql', token, 1001, tokenAt - header.length + 1]]);
    expect(result.stats).toMatchObject({ filesScanned: 1, bytesScanned: size, skipped: [] });
  }, 60_000);

  it('a file of 2 GiB and more is scanned in bounded memory and leaves the files after it readable', async () => {
    const tokens = [generateGithubStyleToken('ghp_'), generateGithubStyleToken('ghp_')];
    const dir = join(temp.path, 'over-2-gib');
    mkdirSync(dir);
    const size = 2 * GiB + 4096;
    // 9,000 bytes of text first: git's test for binary content reads 8,000.
    sparseFile(join(dir, 'a-huge.log'), size, [[0, 'log line\n'.repeat(1000)], [size - 100, `\nTOKEN=${tokens[0]}\n`]]);
    writeFileSync(join(dir, 'b-later.env'), `GITHUB_TOKEN=${tokens[1]}\n`);
    expect(statSync(join(dir, 'a-huge.log')).size).toBe(size);

    const rssBefore = process.memoryUsage.rss();
    const result = await runScan(readDirectory(dir, { maxFileBytes: 3 * GiB }), { engine, root: dir, target: dir, workers: { count: 1 } });
    rmSync(dir, { recursive: true });

    expect(result.findings.map((f) => [f.path, f.secret.reveal(), f.line])).toEqual([
      ['a-huge.log', tokens[0], 1002],
      ['b-later.env', tokens[1], 1],
    ]);
    expect(result.stats).toMatchObject({ filesScanned: 2, skipped: [] });
    expect(process.memoryUsage.rss() - rssBefore).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);
});
