import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDirectory } from '../../src/scan/directory.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { SkippedFile } from '../../src/scan/result.js';
import type { SourceItem } from '../../src/scan/scan-unit.js';
import { collect, isolateGit, makeTempDir, markerEngine, TestRepo } from './helpers.js';

const temp = makeTempDir();
let counter = 0;

function newTree(files: Record<string, string | Buffer>): string {
  const root = join(temp.path, `tree-${++counter}`);
  mkdirSync(root);
  for (const [path, content] of Object.entries(files)) write(root, path, content);
  return root;
}

function write(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** Scanned files and skipped entries, relative to the root. */
async function walk(root: string, options: Parameters<typeof readDirectory>[1] = {}) {
  const result = await runScan(readDirectory(root, options), { engine: markerEngine, root, target: root });
  return { result, found: result.findings.map((f) => `${f.path}:${f.line}:${f.column}`), skipped: result.stats.skipped };
}

function scannedPaths(items: readonly SourceItem[], root: string): string[] {
  return items.flatMap((item) => ('reason' in item ? [] : [item.path.slice(root.length + 1)]));
}

beforeAll(() => isolateGit());
afterAll(() => temp.remove());

describe('readDirectory', () => {
  it('scans text files with correct lines and columns, in path order', async () => {
    const root = newTree({
      'b.txt': 'x\n  SECRET_BBBB1\n',
      'a/deep/c.env': 'KEY=SECRET_CCCC2',
      'a.txt': 'SECRET_AAAA3',
    });

    const { found, result } = await walk(root);

    expect(found).toEqual(['a.txt:1:1', 'a/deep/c.env:1:5', 'b.txt:2:3']);
    expect(result.stats).toMatchObject({ filesScanned: 3, bytesScanned: 17 + 16 + 12, skipped: [] });
  });

  it('honours nested .gitignore files outside a git checkout, and reports an ignored directory once', async () => {
    const files: Record<string, string> = {
      '.gitignore': 'node_modules/\n*.log\n',
      'app.js': 'SECRET_APPJS1',
      'debug.log': 'SECRET_LOGGED2',
      'sub/.gitignore': 'local.env\n!keep.log\n',
      'sub/local.env': 'SECRET_LOCAL3',
      'sub/keep.log': 'SECRET_KEPT4',
    };
    for (let i = 0; i < 50; i++) files[`node_modules/pkg${i}/index.js`] = 'SECRET_MODULE5';
    const root = newTree(files);

    const { found, skipped } = await walk(root);

    expect(found).toEqual(['app.js:1:1', 'sub/keep.log:1:1']);
    expect(skipped).toEqual([
      { path: 'debug.log', reason: 'gitignored' },
      { path: 'node_modules/', reason: 'gitignored' },
      { path: 'sub/local.env', reason: 'gitignored' },
    ]);
  });

  it('in a git checkout, applies the .gitignore above a scanned subdirectory and .git/info/exclude, and still scans tracked files', async () => {
    const root = newTree({
      '.gitignore': '*.secret\nbuild/\n',
      'pkg/a.secret': 'SECRET_IGNORED1',
      'pkg/notes.txt': 'SECRET_EXCLUDED2',
      'pkg/main.txt': 'SECRET_MAIN3',
      'build/tracked.txt': 'SECRET_TRACKED4',
      'build/untracked.txt': 'SECRET_UNTRACKED5',
    });
    const repo = TestRepo.init(root);
    write(root, '.git/info/exclude', 'notes.txt\n');
    repo.git('add', '-f', 'build/tracked.txt', 'pkg/main.txt');
    repo.commitStaged('track');

    const fromTop = await walk(root);
    expect(fromTop.found).toEqual(['build/tracked.txt:1:1', 'pkg/main.txt:1:1']);
    expect(fromTop.skipped).toEqual([
      { path: 'build/', reason: 'gitignored' },
      { path: 'pkg/a.secret', reason: 'gitignored' },
      { path: 'pkg/notes.txt', reason: 'gitignored' },
    ]);

    const fromSub = await walk(join(root, 'pkg'));
    expect(fromSub.found).toEqual(['main.txt:1:1']);
    expect(fromSub.skipped.map((s) => s.path)).toEqual(['a.secret', 'notes.txt']);
  });

  it('scans everything with gitignore off', async () => {
    const root = newTree({ '.gitignore': '*.env\n', 'a.env': 'SECRET_ENVFILE1' });
    expect((await walk(root, { gitignore: false })).found).toEqual(['a.env:1:1']);
  });

  it('skips paths the config ignores, a whole directory at once', async () => {
    const root = newTree({ 'vendor/x.js': 'SECRET_VENDOR1', 'src/fixture.json': 'SECRET_FIXTURE2', 'src/app.js': 'SECRET_APP3' });
    const ignorePath = (path: string): boolean => path === 'vendor' || path.endsWith('.json');

    const { found, skipped } = await walk(root, { ignorePath });

    expect(found).toEqual(['src/app.js:1:1']);
    expect(skipped).toEqual([
      { path: 'src/fixture.json', reason: 'ignored-by-config' },
      { path: 'vendor/', reason: 'ignored-by-config' },
    ]);
  });

  it('skips binary files by content and by extension, and files above the size limit, without reading them', async () => {
    const root = newTree({
      'data.bin': Buffer.concat([Buffer.from('SECRET_NULBYTE1'), Buffer.from([0]), Buffer.from('tail')]),
      'photo.PNG': 'SECRET_PNGTEXT2',
      'big.txt': `SECRET_BIGFILE3${'x'.repeat(2000)}`,
      'small.txt': 'SECRET_SMALL4',
    });

    const { found, skipped } = await walk(root, { maxFileBytes: 1000 });

    expect(found).toEqual(['small.txt:1:1']);
    expect(skipped).toEqual([
      { path: 'big.txt', reason: 'too-large', bytes: 2015 },
      { path: 'data.bin', reason: 'binary', bytes: 20 },
      { path: 'photo.PNG', reason: 'binary', bytes: 15 },
    ]);
  });

  it('scans a 10 MB single-line file (under the 10 MiB default) quickly', async () => {
    const root = newTree({ 'bundle.min.js': `${'a'.repeat(10_000_000)}SECRET_MINIFIED5` });
    const started = Date.now();

    const { found } = await walk(root);

    expect(found).toEqual(['bundle.min.js:1:10000001']);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('does not follow symlinks, and does not block on a FIFO', async () => {
    const root = newTree({ 'real/file.txt': 'SECRET_REAL1' });
    const outside = newTree({ 'outside.txt': 'SECRET_OUTSIDE2' });
    symlinkSync(join(outside, 'outside.txt'), join(root, 'link.txt'));
    symlinkSync(outside, join(root, 'linked-dir'));
    symlinkSync(root, join(root, 'real', 'loop'));
    execFileSync('mkfifo', [join(root, 'pipe')]);

    const { found, skipped } = await walk(root);

    expect(found).toEqual(['real/file.txt:1:1']);
    expect(skipped).toEqual([
      { path: 'link.txt', reason: 'symlink' },
      { path: 'linked-dir', reason: 'symlink' },
      { path: 'pipe', reason: 'unreadable', detail: 'not a regular file' },
      { path: 'real/loop', reason: 'symlink' },
    ]);
  });

  it('scans a single file given as the root, whatever .gitignore says', async () => {
    const root = newTree({ '.gitignore': '*.env\n', 'prod.env': 'TOKEN=SECRET_SINGLE1\n' });
    const file = join(root, 'prod.env');

    const result = await runScan(readDirectory(file), { engine: markerEngine, root: file, target: file });

    expect(result.findings.map((f) => [f.path, f.line, f.column])).toEqual([['prod.env', 1, 7]]);
  });

  it('says what to do when the path does not exist', async () => {
    await expect(collect(readDirectory(join(temp.path, 'missing')))).rejects.toThrow(/cannot scan .*missing \(ENOENT\): check that the path exists/);
  });

  it('decodes UTF-16 files with a byte order mark and drops a UTF-8 BOM', async () => {
    const root = newTree({
      'win.ps1': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('$k = "SECRET_UTF16LE1"', 'utf16le')]),
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SECRET_UTF8BOM2')]),
    });

    const { found } = await walk(root);

    expect(found).toEqual(['bom.txt:1:1', 'win.ps1:1:7']);
  });

  it('decodes BOM-less UTF-16 in either byte order and still skips a PNG as binary', async () => {
    const be = Buffer.from('$k = "SECRET_UTF16BE3"', 'utf16le').swap16();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const root = newTree({
      'le.ps1': Buffer.from('$k = "SECRET_UTF16LE4"', 'utf16le'),
      'be.reg': be,
      'image.bin': png,
    });

    const { found } = await walk(root);

    expect(found).toEqual(['be.reg:1:7', 'le.ps1:1:7']);
  });

  it('yields absolute paths, which runScan shows relative to the root', async () => {
    const root = newTree({ 'x/y.txt': 'hello', 'x/z.png': 'png' });
    const items = await collect(readDirectory(root));
    expect(scannedPaths(items, root)).toEqual(['x/y.txt']);
    const skipped = items.filter((item): item is SkippedFile => 'reason' in item);
    expect(skipped).toEqual([{ path: join(root, 'x/z.png'), reason: 'binary', bytes: 3 }]);
  });
});

/** A path under `root` from raw name bytes: names need not be UTF-8 on Linux. */
function rawPath(root: string, ...names: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(root), ...names.flatMap((name) => [Buffer.from('/'), name])]);
}

const LATIN1_CAFE = Buffer.from('caf\xe9.env', 'latin1');

describe('readDirectory: names as bytes and paths the system refuses', () => {
  it('reads and scans a file whose name is not UTF-8, in a directory whose name is not either, showing them escaped', async () => {
    const root = newTree({ 'ok.txt': 'k = SECRET_PLAIN1\n' });
    writeFileSync(rawPath(root, LATIN1_CAFE), 'k = SECRET_LATIN2\n');
    // Two names that would both decode to 'caf\uFFFD.env' stay two names.
    writeFileSync(rawPath(root, Buffer.from('caf\xea.env', 'latin1')), 'k = SECRET_OTHER3\n');
    const dir = Buffer.from([0x64, 0xff, 0xfe]);
    mkdirSync(rawPath(root, dir));
    writeFileSync(rawPath(root, dir, Buffer.from('inner.txt')), 'k = SECRET_INNER4\n');

    const { result, found, skipped } = await walk(root);

    expect(skipped).toEqual([]);
    expect(found).toEqual(['caf\\xe9.env:1:5', 'caf\\xea.env:1:5', 'd\\xff\\xfe/inner.txt:1:5', 'ok.txt:1:5']);
    expect(result.stats.filesScanned).toBe(4);
  });

  it('reads a tracked file with such a name inside a gitignored directory', async () => {
    const root = newTree({ '.gitignore': 'build/\n' });
    const repo = TestRepo.init(root);
    mkdirSync(join(root, 'build'));
    writeFileSync(rawPath(root, Buffer.from('build'), LATIN1_CAFE), 'k = SECRET_TRACKED5\n');
    repo.git('add', '-f', '.');

    const { found, skipped } = await walk(root);

    expect(found).toEqual(['build/caf\\xe9.env:1:5']);
    expect(skipped).toEqual([{ path: 'build/', reason: 'gitignored' }]);
  });

  it.skipIf(process.platform !== 'linux')('reads a tree deeper than PATH_MAX through open directories, honours its .gitignore, and closes them all', async () => {
    const root = newTree({ 'top.txt': 'k = SECRET_TOP6\n' });
    // 20 levels of 250-byte names (5,000 bytes, over Linux's 4,096-byte PATH_MAX), made one level
    // at a time from the directory above: a full path that long is refused.
    const name = 'd'.repeat(250);
    const cwd = process.cwd();
    try {
      process.chdir(root);
      for (let level = 0; level < 20; level++) {
        mkdirSync(name);
        process.chdir(name);
        if (level === 15) writeFileSync('mid.txt', 'k = SECRET_MID7\n');
      }
      writeFileSync('deep.txt', 'k = SECRET_DEEP8\n');
      writeFileSync('.gitignore', 'ignored.txt\n');
      writeFileSync('ignored.txt', 'k = SECRET_IGNORED9\n');
      writeFileSync(Buffer.from('caf\xe9.env', 'latin1'), 'k = SECRET_LATIN10\n');
    } finally {
      process.chdir(cwd);
    }
    const openBefore = readdirSync('/proc/self/fd').length;

    let found: string[];
    let skipped: SkippedFile[];
    try {
      ({ found, skipped } = await walk(root));
    } finally {
      // Node's recursive rm goes by full paths, which this tree exceeds; rm(1) does not.
      execFileSync('rm', ['-rf', join(root, name)]);
    }

    const deep = Array.from({ length: 20 }, () => name).join('/');
    const mid = Array.from({ length: 16 }, () => name).join('/');
    expect(found.sort()).toEqual([`${deep}/caf\\xe9.env:1:5`, `${deep}/deep.txt:1:5`, `${mid}/mid.txt:1:5`, 'top.txt:1:5'].sort());
    expect(skipped).toEqual([{ path: `${deep}/ignored.txt`, reason: 'gitignored' }]);
    expect(readdirSync('/proc/self/fd').length).toBe(openBefore);
  });

});
