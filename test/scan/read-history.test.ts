// History scans of a damaged repository: blobs deleted from .git/objects, a corrupt object, a
// missing tree. git log stops at the first; the scan must skip what cannot be read (reported as
// 'unreadable' with its commit and path) and keep every other commit's findings.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitRange } from '../../src/scan/git.js';
import { isIncomplete } from '../../src/scan/result.js';
import { runScan } from '../../src/scan/run-scan.js';
import { isolateGit, makeTempDir, markerEngine, TestRepo } from './helpers.js';

const temp = makeTempDir('leakstop-history-');
let counter = 0;

function newRepo(): TestRepo {
  const dir = join(temp.path, `repo-${++counter}`);
  mkdirSync(dir);
  return TestRepo.init(dir);
}

function objectFile(repo: TestRepo, id: string): string {
  return join(repo.dir, '.git', 'objects', id.slice(0, 2), id.slice(2));
}

/** Deletes a loose object: the repository then has a commit whose file git cannot read. */
function deleteObject(repo: TestRepo, id: string): void {
  rmSync(objectFile(repo, id));
}

function blobOf(repo: TestRepo, commit: string, path: string): string {
  return repo.git('rev-parse', `${commit}:${path}`).trim();
}

function scan(repo: TestRepo, options: Parameters<typeof readGitRange>[1] = {}) {
  return runScan(readGitRange(repo.dir, options), { engine: markerEngine, root: repo.dir, target: 'test' });
}

interface DamagedRepo {
  repo: TestRepo;
  commits: string[];
  missing: { b: string; d: string; f: string };
}

/**
 * Six commits with a secret in each; three blobs deleted (b.txt of c2, d.txt of c4, f.txt of c5),
 * so c2, c3 (b.txt's old side), c4 and c5 touch unreadable files and c1, c6 do not.
 */
function damagedRepository(): DamagedRepo {
  const repo = newRepo();
  const commits: string[] = [];
  repo.write('a.txt', 'a = SECRET_AAAA1\n');
  repo.write('b.txt', 'plain\n');
  commits.push(repo.commit('c1'));
  repo.write('b.txt', 'plain\nb = SECRET_BBBB2\n');
  commits.push(repo.commit('c2'));
  repo.write('b.txt', 'plain\nb = changed\n');
  repo.write('c.txt', 'c = SECRET_CCCC3\n');
  commits.push(repo.commit('c3'));
  repo.write('d.txt', 'd = SECRET_DDDD4\n');
  commits.push(repo.commit('c4'));
  repo.write('e.txt', 'e = SECRET_EEEE5\n');
  repo.write('f.txt', 'f = SECRET_FFFF6\n');
  repo.write('g.txt', 'g = SECRET_GGGG7\n');
  commits.push(repo.commit('c5'));
  repo.write('h.txt', 'h = SECRET_HHHH8\n');
  commits.push(repo.commit('c6'));
  const missing = { b: blobOf(repo, commits[1]!, 'b.txt'), d: blobOf(repo, commits[3]!, 'd.txt'), f: blobOf(repo, commits[4]!, 'f.txt') };
  for (const id of Object.values(missing)) deleteObject(repo, id);
  return { repo, commits, missing };
}

beforeAll(() => isolateGit());
afterAll(() => temp.remove());

describe('history scans of a repository with unreadable objects', () => {
  it('skips the 3 deleted blobs, reports each with its commit and path, and keeps every other finding', async () => {
    const { repo, commits, missing } = damagedRepository();
    const [, c2, c3, c4, c5] = commits;
    // git itself stops at the first deleted blob.
    expect(() => repo.git('log', '-p')).toThrow(/unable to read/);

    const result = await scan(repo, { all: true });

    expect(result.findings.map((f) => `${f.secret.reveal()}@${commits.indexOf(f.commit!) + 1}`).sort()).toEqual([
      'SECRET_AAAA1@1',
      'SECRET_CCCC3@3',
      'SECRET_EEEE5@5',
      'SECRET_GGGG7@5',
      'SECRET_HHHH8@6',
    ]);
    const unreadable = result.stats.skipped.filter((s) => s.reason === 'unreadable');
    expect(unreadable.map((s) => [s.path, s.commit]).sort()).toEqual(
      [
        ['b.txt', c2],
        ['b.txt', c3],
        ['d.txt', c4],
        ['f.txt', c5],
      ].sort(),
    );
    expect(unreadable.find((s) => s.commit === c4)?.detail).toBe(`git object ${missing.d} of d.txt in commit ${c4} is missing or corrupt`);
    expect(unreadable.find((s) => s.commit === c5)?.detail).toContain(missing.f);
    expect(result.stats.commitsScanned).toBe(6);
    expect(isIncomplete(result)).toBe(true);
  });

  it('does the same for a range and for --since, reading only their commits', async () => {
    const { repo, commits } = damagedRepository();
    const [c1, , , c4, c5] = commits;

    const range = await scan(repo, { range: `${c1}..${c5}` });
    expect(range.findings.map((f) => f.secret.reveal()).sort()).toEqual(['SECRET_CCCC3', 'SECRET_EEEE5', 'SECRET_GGGG7']);
    expect(range.stats.skipped.map((s) => s.path).sort()).toEqual(['b.txt', 'b.txt', 'd.txt', 'f.txt']);
    expect(range.stats.commitsScanned).toBe(4);

    const since = await scan(repo, { since: c4! });
    expect(since.findings.map((f) => f.secret.reveal()).sort()).toEqual(['SECRET_EEEE5', 'SECRET_GGGG7', 'SECRET_HHHH8']);
    expect(since.stats.skipped).toEqual([expect.objectContaining({ path: 'f.txt', reason: 'unreadable', commit: c5 })]);
    expect(since.stats.commitsScanned).toBe(2);
  });

  it('reads the commits the app names one by one (its reader shares this code)', async () => {
    const { repo, commits } = damagedRepository();
    const result = await scan(repo, { commits: [commits[5]!, commits[4]!, commits[3]!] });
    expect(result.findings.map((f) => f.secret.reveal()).sort()).toEqual(['SECRET_EEEE5', 'SECRET_GGGG7', 'SECRET_HHHH8']);
    expect(result.stats.skipped.map((s) => s.path).sort()).toEqual(['d.txt', 'f.txt']);
    expect(result.stats.commitsScanned).toBe(3);
  });

  it('treats a corrupt object like a missing one', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'a = SECRET_AAAA1\n');
    const first = repo.commit('c1');
    repo.write('b.txt', 'b = SECRET_BBBB2\n');
    const second = repo.commit('c2');
    repo.write('c.txt', 'c = SECRET_CCCC3\n');
    repo.commit('c3');
    const blob = blobOf(repo, second, 'b.txt');
    rmSync(objectFile(repo, blob));
    writeFileSync(objectFile(repo, blob), 'not zlib data');

    const result = await scan(repo);

    expect(result.findings.map((f) => f.secret.reveal()).sort()).toEqual(['SECRET_AAAA1', 'SECRET_CCCC3']);
    expect(result.stats.skipped).toEqual([
      { path: 'b.txt', reason: 'unreadable', commit: second, detail: `git object ${blob} of b.txt in commit ${second} is missing or corrupt` },
    ]);
    expect(result.findings.find((f) => f.commit === first)?.path).toBe('a.txt');
  });

  it('reports a commit whose tree cannot be read as a whole, and reads the others', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'a = SECRET_AAAA1\n');
    repo.commit('c1');
    repo.write('dir/b.txt', 'b = SECRET_BBBB2\n');
    const second = repo.commit('c2');
    repo.write('c.txt', 'c = SECRET_CCCC3\n');
    repo.commit('c3');
    // dir/'s tree: c2 adds it, so c2 cannot be diffed; c3 leaves it as it was, so git needs not read it.
    deleteObject(repo, repo.git('rev-parse', `${second}:dir`).trim());

    const result = await scan(repo);

    expect(result.findings.map((f) => f.secret.reveal()).sort()).toEqual(['SECRET_AAAA1', 'SECRET_CCCC3']);
    expect(result.stats.skipped.map((s) => [s.path, s.commit, s.reason])).toEqual([['.', second, 'unreadable']]);
    expect(result.stats.skipped[0]?.detail).toMatch(/^commit [0-9a-f]{40} could not be read \(unable to read tree [0-9a-f]{40}\): none of its files were scanned$/);
    expect(result.stats.commitsScanned).toBe(3);
  });

  it('still blames the range when the range is what is wrong', async () => {
    const { repo } = damagedRepository();
    await expect(scan(repo, { range: 'nope..HEAD' })).rejects.toThrow(/git log nope\.\.HEAD failed: .*Check that the range names commits/);
    // A full SHA the clone lacks ('bad object'): the range to fix, not damage to skip.
    const absent = 'a'.repeat(40);
    await expect(scan(repo, { commits: [absent] })).rejects.toThrow(new RegExp(`git log ${absent} failed: bad object ${absent}\\. Check that the range`));
  });

  it('skips the missing blob of a merge that resolved a conflict, and reads both sides', async () => {
    const repo = newRepo();
    repo.write('app.txt', 'base\n');
    repo.commit('initial');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('app.txt', 'feature\n');
    repo.write('feature.txt', 'f = SECRET_FEATURE1\n');
    repo.commit('feature work');
    repo.git('checkout', '-q', 'main');
    repo.write('app.txt', 'main\n');
    repo.write('main.txt', 'm = SECRET_MAIN2\n');
    repo.commit('main work');
    expect(() => repo.git('merge', '-q', 'feature')).toThrow();
    repo.write('app.txt', 'resolved = SECRET_RESOLVED3\n');
    repo.write('merge.txt', 'x = SECRET_MERGE4\n');
    repo.git('add', '.');
    const merge = repo.commitStaged('merge feature');
    deleteObject(repo, blobOf(repo, merge, 'app.txt'));

    const result = await scan(repo);

    expect(result.findings.map((f) => f.secret.reveal()).sort()).toEqual(['SECRET_FEATURE1', 'SECRET_MAIN2', 'SECRET_MERGE4']);
    expect(result.stats.skipped).toEqual([expect.objectContaining({ path: 'app.txt', reason: 'unreadable', commit: merge })]);
    expect(result.stats.commitsScanned).toBe(4);
  });
});
