import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitRange } from '../../src/scan/git.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { SkippedFile } from '../../src/scan/result.js';
import type { ScanUnit, SourceItem } from '../../src/scan/scan-unit.js';
import { collect, isolateGit, makeTempDir, markerEngine, TestRepo, unitTexts } from './helpers.js';

const temp = makeTempDir();
let counter = 0;

function newRepo(): TestRepo {
  return TestRepo.init(makeRepoDir());
}

function makeRepoDir(): string {
  const dir = join(temp.path, `repo-${++counter}`);
  mkdirSync(dir);
  return dir;
}

async function scanHistory(repo: TestRepo, options: Parameters<typeof readGitRange>[1] = {}) {
  return runScan(readGitRange(repo.dir, options), { engine: markerEngine, root: repo.dir, target: 'test' });
}

function units(items: readonly SourceItem[]): ScanUnit[] {
  return items.filter((item): item is ScanUnit => 'text' in item);
}

beforeAll(() => isolateGit());
afterAll(() => temp.remove());

describe('readGitRange', () => {
  it('finds a secret that was added in one commit and removed in the next, with its commit', async () => {
    const repo = newRepo();
    repo.write('config.txt', 'one\ntwo\nthree\n');
    repo.commit('initial');
    repo.write('config.txt', 'one\ntwo\ntoken = SECRET_ADDED1\nthree\n');
    const added = repo.commit('add token', { name: 'Mallory Dev', email: 'mallory@example.test' });
    repo.write('config.txt', 'one\ntwo\nthree\n');
    repo.commit('remove token');

    const result = await scanHistory(repo);

    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      path: 'config.txt',
      line: 3,
      column: 9,
      commit: added,
      author: 'Mallory Dev',
      authorEmail: 'mallory@example.test',
      date: repo.dateOf(added),
    });
    expect(finding?.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(result.stats.commitsScanned).toBe(3);
  });

  it('maps every hunk of a commit to its file lines', async () => {
    const repo = newRepo();
    repo.write('a.txt', Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
    repo.commit('ten lines');
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`);
    lines.splice(1, 0, 'SECRET_FIRST1');
    lines.splice(8, 1, 'x = SECRET_SECOND2');
    repo.write('a.txt', lines.join('\n') + '\n');
    repo.commit('two hunks');

    const items = await collect(readGitRange(repo.dir, { range: 'HEAD~1..HEAD' }));

    expect(units(items)).toEqual([
      expect.objectContaining({ path: 'a.txt', text: 'SECRET_FIRST1\nx = SECRET_SECOND2', lineNumbers: [2, 9] }),
    ]);
    const result = await scanHistory(repo, { range: 'HEAD~1..HEAD' });
    expect(result.findings.map((f) => [f.line, f.column])).toEqual([
      [2, 1],
      [9, 5],
    ]);
  });

  it('reports a secret added on a merged branch once, in the branch commit', async () => {
    const repo = newRepo();
    repo.write('app.txt', 'a\nb\nc\n');
    repo.write('other.txt', 'x\n');
    repo.commit('initial');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('app.txt', 'a\nb\nkey SECRET_BRANCH1\nc\n');
    const branchCommit = repo.commit('feature work');
    repo.git('checkout', '-q', 'main');
    repo.write('other.txt', 'x\ny\n');
    repo.commit('main work');
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'feature');

    const result = await scanHistory(repo);

    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ path: 'app.txt', line: 3, commit: branchCommit });
    expect(result.stats.commitsScanned).toBe(4);
  });

  it('reports what a conflict resolution introduces in the merge commit, and the branch secret only once', async () => {
    const repo = newRepo();
    repo.write('app.txt', 'a\nb\nc\n');
    repo.commit('initial');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('app.txt', 'a\nSECRET_BRANCH2\nc\n');
    const branchCommit = repo.commit('feature work');
    repo.git('checkout', '-q', 'main');
    repo.write('app.txt', 'a\nmain change\nc\n');
    repo.commit('main work');
    expect(() => repo.git('merge', '-q', 'feature')).toThrow();
    repo.write('app.txt', 'a\nSECRET_RESOLVED3\nSECRET_BRANCH2\nc\n');
    repo.git('add', 'app.txt');
    const merge = repo.commitStaged('merge feature');

    const result = await scanHistory(repo);

    expect(result.findings.map((f) => [f.secret.redacted, f.commit, f.line])).toEqual([
      ['…VED3 (16 chars)', merge, 2],
      ['…NCH2 (14 chars)', branchCommit, 2],
    ]);
    expect(result.findings[0]?.secret.reveal()).toBe('SECRET_RESOLVED3');
    expect(result.findings[1]?.secret.reveal()).toBe('SECRET_BRANCH2');
  });

  it('finds a secret that only an octopus merge adds', async () => {
    const repo = newRepo();
    repo.write('base.txt', 'base\n');
    repo.commit('initial');
    for (const name of ['one', 'two']) {
      repo.git('checkout', '-q', '-b', name, 'main');
      repo.write(`${name}.txt`, `${name}\n`);
      repo.commit(name);
    }
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-commit', 'one', 'two');
    repo.write('base.txt', 'base\nSECRET_OCTOPUS4\n');
    repo.git('add', 'base.txt');
    const merge = repo.commitStaged('octopus');

    const result = await scanHistory(repo);

    expect(result.findings.map((f) => [f.path, f.line, f.commit])).toEqual([['base.txt', 2, merge]]);
  });

  it('counts only the changed lines of a renamed file, under its new path', async () => {
    const repo = newRepo();
    const body = Array.from({ length: 20 }, (_, i) => `existing SECRET_OLD${String(i).padStart(2, '0')}`).join('\n') + '\n';
    repo.write('old name.txt', body);
    repo.commit('initial');
    repo.git('mv', 'old name.txt', 'new name.txt');
    repo.write('new name.txt', body + 'added SECRET_NEWLINE5\n');
    repo.commit('rename and add');

    const items = await collect(readGitRange(repo.dir, { range: 'HEAD~1..HEAD' }));

    expect(unitTexts(items)).toEqual(['new name.txt: added SECRET_NEWLINE5']);
    expect(units(items)[0]?.lineNumbers).toEqual([21]);
  });

  it('reports a binary file as skipped with its commit', async () => {
    const repo = newRepo();
    repo.write('blob.bin', Buffer.from([0x00, 0x01, 0x02, 0x53, 0x45, 0x43, 0x00]));
    const sha = repo.commit('binary');

    const result = await scanHistory(repo);

    expect(result.findings).toEqual([]);
    expect(result.stats.skipped).toContainEqual({ path: 'blob.bin', reason: 'binary', commit: sha });
  });

  it('reports a submodule pointer as skipped instead of scanning "Subproject commit"', async () => {
    const repo = newRepo();
    repo.write('readme.txt', 'hi\n');
    const first = repo.commit('initial');
    repo.git('update-index', '--add', '--cacheinfo', `160000,${first},vendor/lib`);
    const sha = repo.commitStaged('add submodule');

    const items = await collect(readGitRange(repo.dir));

    expect(items).toContainEqual({ path: 'vendor/lib', reason: 'submodule', commit: sha });
    expect(unitTexts(items)).toEqual(['readme.txt: hi']);
  });

  it('limits the scan to a range A..B and to the commits after --since', async () => {
    const repo = newRepo();
    const shas: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      repo.write(`f${n}.txt`, `SECRET_COMMIT${n}\n`);
      shas.push(repo.commit(`commit ${n}`));
    }

    const range = await scanHistory(repo, { range: `${shas[0]}..${shas[2]}` });
    expect(range.findings.map((f) => f.path)).toEqual(['f3.txt', 'f2.txt']);
    expect(range.stats.commitsScanned).toBe(2);

    const since = await scanHistory(repo, { since: shas[1] });
    expect(since.findings.map((f) => f.path)).toEqual(['f4.txt', 'f3.txt']);

    const all = await scanHistory(repo, { all: true });
    expect(all.findings).toHaveLength(4);
  });

  it('reads every ref with all, including branches not merged into HEAD', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'a\n');
    repo.commit('initial');
    repo.git('checkout', '-q', '-b', 'unmerged');
    repo.write('b.txt', 'SECRET_UNMERGED6\n');
    repo.commit('unmerged work');
    repo.git('checkout', '-q', 'main');

    expect((await scanHistory(repo)).findings).toEqual([]);
    expect((await scanHistory(repo, { all: true })).findings.map((f) => f.path)).toEqual(['b.txt']);
  });

  it('keeps paths with spaces, unicode, quotes and tabs intact', async () => {
    const repo = newRepo();
    const names = ['dir with space/file name.txt', 'ünïcødé/ключ.env', 'quo"te.txt', 'tab\there.txt', 'back\\slash.txt'];
    for (const name of names) repo.write(name, 'SECRET_PATHNAME7\n');
    repo.commit('odd names');

    const result = await scanHistory(repo);

    expect(result.findings.map((f) => f.path).sort()).toEqual([...names].sort());
  });

  it('skips paths that the config ignores, and says so', async () => {
    const repo = newRepo();
    repo.write('vendor/lib.js', 'SECRET_VENDORED8\n');
    repo.write('src/app.js', 'ok\n');
    const sha = repo.commit('vendor');

    const result = await scanHistory(repo, { ignorePath: (path) => path.startsWith('vendor/') });

    expect(result.findings).toEqual([]);
    expect(result.stats.skipped).toEqual([{ path: 'vendor/lib.js', reason: 'ignored-by-config', commit: sha }]);
  });

  it('scans a 10 MB single-line file without hanging, and skips it as too large above the limit', async () => {
    const repo = newRepo();
    repo.write('min.js', 'a'.repeat(10_000_000) + ' SECRET_LONGLINE9\n');
    const sha = repo.commit('minified');

    const started = Date.now();
    const scanned = await scanHistory(repo);
    expect(scanned.findings.map((f) => [f.path, f.line, f.column])).toEqual([['min.js', 1, 10_000_002]]);
    expect(scanned.stats.bytesScanned).toBe(10_000_017);

    const skipped = await scanHistory(repo, { maxFileBytes: 1_000_000 });
    expect(skipped.findings).toEqual([]);
    expect(skipped.stats.skipped).toEqual([{ path: 'min.js', reason: 'too-large', commit: sha, bytes: 10_000_018 }]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps a carriage return inside a line instead of splitting on it', async () => {
    const repo = newRepo();
    repo.write('crlf.txt', 'first\r\nsecond SECRET_CARRIAGE0\r\n');
    repo.commit('crlf');

    const items = units(await collect(readGitRange(repo.dir)));

    expect(items[0]).toMatchObject({ text: 'first\r\nsecond SECRET_CARRIAGE0\r', lineNumbers: [1, 2] });
  });

  it('is not thrown off by repository config that changes how git prints history', async () => {
    const repo = newRepo();
    for (const [key, value] of Object.entries({
      'diff.noprefix': 'true',
      'diff.mnemonicPrefix': 'true',
      'diff.relative': 'true',
      'core.quotepath': 'true',
      'color.ui': 'always',
      'log.showRoot': 'false',
      'diff.external': 'false',
    })) {
      repo.git('config', key, value);
    }
    repo.write('sub/clé.txt', 'SECRET_ROOTCOMMIT1\n');
    const root = repo.commit('root');

    const result = await scanHistory(repo, {});
    const fromSubdirectory = await collect(readGitRange(join(repo.dir, 'sub')));

    expect(result.findings.map((f) => [f.path, f.line, f.commit])).toEqual([['sub/clé.txt', 1, root]]);
    expect(unitTexts(fromSubdirectory)).toEqual(['sub/clé.txt: SECRET_ROOTCOMMIT1']);
  });

  it('counts commits that add nothing', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'a\n');
    repo.commit('add');
    repo.git('rm', '-q', 'a.txt');
    repo.commitStaged('delete');
    repo.commitStaged('empty');

    const result = await scanHistory(repo);

    expect(result.stats).toMatchObject({ commitsScanned: 3, filesScanned: 1 });
  });

  it('stops git when the consumer stops early', async () => {
    const repo = newRepo();
    for (const n of [1, 2, 3]) {
      repo.write(`f${n}.txt`, `${n}\n`);
      repo.commit(`c${n}`);
    }
    const seen: SourceItem[] = [];
    for await (const item of readGitRange(repo.dir)) {
      seen.push(item);
      break;
    }
    expect(seen).toHaveLength(1);
  });

  it('says what to do outside a git repository', async () => {
    const dir = makeRepoDir();
    await expect(collect(readGitRange(dir))).rejects.toThrow(/is not inside a git repository.*run the command in a git checkout/);
  });

  it('says what to do with a range that does not exist', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'a\n');
    repo.commit('one');
    await expect(collect(readGitRange(repo.dir, { range: 'nope..HEAD' }))).rejects.toThrow(/git log nope\.\.HEAD failed: .*Check that the range names commits/);
    await expect(collect(readGitRange(repo.dir, { since: 'v9.9.9' }))).rejects.toThrow(/v9\.9\.9\.\.HEAD/);
  });

  it('refuses a range that git would read as an option', () => {
    expect(() => readGitRange(temp.path, { range: '--output=/tmp/x' })).toThrow(/invalid git range/);
  });

  it('returns skipped files with paths relative to the repository', async () => {
    const repo = newRepo();
    repo.write('img/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    const sha = repo.commit('logo');
    const skipped = (await collect(readGitRange(repo.dir))).filter((item): item is SkippedFile => 'reason' in item);
    expect(skipped).toEqual([{ path: 'img/logo.png', reason: 'binary', commit: sha }]);
  });

  it('reads UTF-16 files that git calls binary: the lines each commit added, in a range and in all history', async () => {
    const repo = newRepo();
    const bom = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    repo.write('win.ps1', bom('a = 1\r\nb = 2\r\n'));
    repo.write('img/logo.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    const first = repo.commit('scripts');
    repo.write('win.ps1', bom('a = 1\r\nk = "SECRET_UTF16LE5"\r\nb = 2\r\n'));
    repo.write('be.reg', Buffer.from('x\nSECRET_UTF16BE6\n', 'utf16le').swap16());
    const second = repo.commit('token');

    const range = await collect(readGitRange(repo.dir, { range: `${first}..${second}` }));
    expect(units(range).map((unit) => [unit.path, unit.text, unit.lineNumbers, unit.commit?.sha])).toEqual([
      ['be.reg', 'x\nSECRET_UTF16BE6', [1, 2], second],
      ['win.ps1', 'k = "SECRET_UTF16LE5"', [2], second],
    ]);
    const all = await collect(readGitRange(repo.dir, { all: true }));
    expect(all.filter((item) => 'reason' in item)).toEqual([{ path: 'img/logo.png', reason: 'binary', commit: first }]);
    expect(units(all).map((unit) => `${unit.path}@${unit.commit?.sha === first ? 1 : 2}:${unit.lineNumbers?.join(',')}`).sort()).toEqual([
      'be.reg@2:1,2',
      'win.ps1@1:1,2',
      'win.ps1@2:2',
    ]);
  });

  it('names files that are not UTF-8 by their bytes, escaped, through adds and renames', async () => {
    const repo = newRepo();
    const latin1 = (name: string) => Buffer.from(`${repo.dir}/${name}`, 'latin1');
    const lines = 'one\ntwo\nthree\nfour\nfive\nsix\n';
    writeFileSync(latin1('caf\xe9.env'), `A=SECRET_LATIN1\n${lines}`);
    writeFileSync(latin1('caf\xea.env'), 'B=SECRET_LATIN2\n');
    const first = repo.commit('latin-1 names');
    renameSync(latin1('caf\xe9.env'), latin1('r\xe9sum\xe9.env'));
    writeFileSync(latin1('r\xe9sum\xe9.env'), `A=SECRET_LATIN1\n${lines}C=SECRET_RENAMED3\n`);
    const second = repo.commit('rename');

    const result = await scanHistory(repo);

    expect(result.findings.map((f) => [f.path, f.secret.reveal(), f.commit])).toEqual([
      ['r\\xe9sum\\xe9.env', 'SECRET_RENAMED3', second],
      ['caf\\xe9.env', 'SECRET_LATIN1', first],
      ['caf\\xea.env', 'SECRET_LATIN2', first],
    ]);
  });
});
