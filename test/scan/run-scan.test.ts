import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/detect/secret.js';
import type { SkippedFile } from '../../src/scan/result.js';
import { displayPath, runScan, type ScanProgress } from '../../src/scan/run-scan.js';
import type { CommitInfo, SourceItem } from '../../src/scan/scan-unit.js';
import { markerEngine } from './helpers.js';

const ROOT = '/repo';

async function* fromItems(items: readonly SourceItem[]): AsyncGenerator<SourceItem> {
  yield* items;
}

const newer: CommitInfo = { sha: 'b'.repeat(40), author: 'Bea', authorEmail: 'bea@example.test', date: '2024-01-02T00:00:00+00:00' };
const older: CommitInfo = { sha: 'a'.repeat(40), author: 'Al', authorEmail: 'al@example.test', date: '2024-01-01T00:00:00+00:00' };

describe('runScan', () => {
  it('places findings in their files, relative to the root, sorted by path, line and column', async () => {
    const result = await runScan(
      fromItems([
        { path: '/repo/src/z.ts', text: 'SECRET_ZZZZ1' },
        { path: '/repo/src/a.ts', text: 'x\nSECRET_LATER2 SECRET_RIGHT3\nSECRET_EARLY4' },
      ]),
      { engine: markerEngine, root: ROOT, target: 'the tree' },
    );

    expect(result.target).toBe('the tree');
    expect(result.root).toBe(ROOT);
    expect(result.findings.map((f) => `${f.path}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`)).toEqual([
      'src/a.ts:2:1-2:14',
      'src/a.ts:2:15-2:28',
      'src/a.ts:3:1-3:14',
      'src/z.ts:1:1-1:13',
    ]);
    expect(result.findings[0]).not.toHaveProperty('commit');
    expect(result.stats).toMatchObject({ filesScanned: 2, bytesScanned: 12 + 43, baselined: 0, allowedInline: 0 });
    expect(result.stats).not.toHaveProperty('commitsScanned');
    expect(result.stats.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('maps diff text lines to file lines and copies the commit, keeping history order', async () => {
    const result = await runScan(
      fromItems([
        { path: 'b.txt', text: 'ok\nkey SECRET_NEWER1', lineNumbers: [10, 42], commit: newer },
        { path: 'a.txt', text: 'SECRET_OLDER2', lineNumbers: [7], commit: older },
        { path: 'a.txt', text: 'SECRET_NEWER3', lineNumbers: [3], commit: newer },
      ]),
      { engine: markerEngine, root: ROOT, target: 'git' },
    );

    expect(result.findings.map((f) => [f.commit, f.path, f.line, f.column, f.endLine])).toEqual([
      [newer.sha, 'a.txt', 3, 1, 3],
      [newer.sha, 'b.txt', 42, 5, 42],
      [older.sha, 'a.txt', 7, 1, 7],
    ]);
    expect(result.findings[2]).toMatchObject({ author: 'Al', authorEmail: 'al@example.test', date: older.date });
  });

  it('drops and counts baselined fingerprints, and sums inline allows', async () => {
    const baseline = new Set([fingerprint('test-marker', 'SECRET_ACCEPTED1')]);
    const result = await runScan(
      fromItems([
        { path: 'a.txt', text: 'SECRET_ACCEPTED1\nSECRET_NEW2\nSECRET_ALLOWED3 # leakstop:allow' },
        { path: 'b.txt', text: 'SECRET_ALLOWED4 // leakstop:allow' },
      ]),
      { engine: markerEngine, baseline, root: ROOT, target: 't' },
    );

    expect(result.findings.map((f) => f.secret.reveal())).toEqual(['SECRET_NEW2']);
    expect(result.stats).toMatchObject({ baselined: 1, allowedInline: 2 });
  });

  it('collects skipped files with display paths, a directory keeping its slash', async () => {
    const skipped: SkippedFile[] = [
      { path: '/repo/node_modules/', reason: 'gitignored' },
      { path: '/repo/img/a.png', reason: 'binary', bytes: 5 },
      { path: 'vendor/x.js', reason: 'ignored-by-config', commit: older.sha },
    ];
    const result = await runScan(fromItems(skipped), { engine: markerEngine, root: ROOT, target: 't' });

    expect(result.stats.skipped).toEqual([
      { path: 'img/a.png', reason: 'binary', bytes: 5 },
      { path: 'node_modules/', reason: 'gitignored' },
      { path: 'vendor/x.js', reason: 'ignored-by-config', commit: older.sha },
    ]);
    expect(result.stats.filesScanned).toBe(0);
  });

  it('reports progress after each unit and the source\'s commit count', async () => {
    const source = {
      commitsRead: 0,
      async *[Symbol.asyncIterator](): AsyncGenerator<SourceItem> {
        this.commitsRead = 2;
        yield { path: 'a.txt', text: 'SECRET_ONE1', commit: older };
        this.commitsRead = 5;
        yield { path: 'b.txt', text: 'héllo', commit: newer };
      },
    };
    const progress: ScanProgress[] = [];

    const result = await runScan(source, { engine: markerEngine, root: ROOT, target: 't', onProgress: (p) => progress.push(p) });

    expect(progress).toEqual([
      { filesScanned: 1, bytesScanned: 11, commitsScanned: 2, findings: 1 },
      { filesScanned: 2, bytesScanned: 17, commitsScanned: 5, findings: 1 },
    ]);
    expect(result.stats.commitsScanned).toBe(5);
  });

  it('never serialises a secret in full', async () => {
    const result = await runScan(fromItems([{ path: 'a.txt', text: 'SECRET_VERYSECRETVALUE9' }]), { engine: markerEngine, root: ROOT, target: 't' });
    expect(JSON.stringify(result)).not.toContain('SECRET_VERYSECRETVALUE9');
  });
});

describe('displayPath', () => {
  it('shows a single scanned file by its name and leaves relative paths alone', () => {
    expect(displayPath('/tmp/x/prod.env', '/tmp/x/prod.env')).toBe('prod.env');
    expect(displayPath('src/a.ts', '/anywhere')).toBe('src/a.ts');
    expect(displayPath('/repo/dir/', '/repo')).toBe('dir/');
  });
});
