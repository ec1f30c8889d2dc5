// Reading one walked file: to its end without fstat, into a shared buffer or a copy of its own.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadBuffer, readWalkedFileSync } from '../../src/scan/read-text-file.js';
import type { SourceItem } from '../../src/scan/scan-unit.js';
import { makeTempDir } from './helpers.js';

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

  it('reports a directory or a missing file as unreadable and a symlink as a symlink', () => {
    expect(readWalkedFileSync(temp.path, 100)).toEqual({ path: temp.path, reason: 'unreadable', detail: 'EISDIR' });
    const missing = join(temp.path, 'missing.txt');
    expect(readWalkedFileSync(missing, 100)).toEqual({ path: missing, reason: 'unreadable', detail: 'ENOENT' });
    const link = join(temp.path, 'link');
    execFileSync('ln', ['-s', file('target.txt', 'x'), link]);
    expect(readWalkedFileSync(link, 100)).toEqual({ path: link, reason: 'symlink' });
  });
});
