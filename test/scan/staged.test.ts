import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaged } from '../../src/scan/staged.js';
import { collect, isolateGit, makeTempDir, TestRepo } from './helpers.js';

const temp = makeTempDir();
let counter = 0;

function newRepo(): TestRepo {
  const dir = join(temp.path, `repo-${++counter}`);
  mkdirSync(dir);
  return TestRepo.init(dir);
}

beforeAll(() => isolateGit());
afterAll(() => temp.remove());

describe('readStaged', () => {
  it('yields only the staged added lines, with file line numbers and no commit', async () => {
    const repo = newRepo();
    repo.write('app.env', 'A=1\nB=2\nC=3\n');
    repo.commit('initial');
    repo.write('app.env', 'A=1\nTOKEN=SECRET_STAGED1\nB=2\nC=changed\n');
    repo.git('add', 'app.env');
    repo.write('unstaged.txt', 'SECRET_NOTSTAGED2\n');

    const items = await collect(readStaged(repo.dir));

    expect(items).toEqual([{ path: 'app.env', text: 'TOKEN=SECRET_STAGED1\nC=changed', lineNumbers: [2, 4] }]);
  });

  it('works before the first commit (a pre-commit hook on a new repository)', async () => {
    const repo = newRepo();
    repo.write('first.txt', 'hello\nSECRET_FIRST3\n');
    repo.write('logo.png', Buffer.from([0x89, 0x50, 0x00, 0x00]));
    repo.git('add', '.');

    const items = await collect(readStaged(repo.dir));

    expect(items).toEqual([
      { path: 'first.txt', text: 'hello\nSECRET_FIRST3', lineNumbers: [1, 2] },
      { path: 'logo.png', reason: 'binary' },
    ]);
  });

  it('reads staged UTF-16 (BOM or not, LE or BE) that git calls binary, and keeps a PNG skipped', async () => {
    const repo = newRepo();
    repo.write('old.ps1', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('one\ntwo\n', 'utf16le').swap16()]));
    repo.commit('initial');
    repo.write('old.ps1', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('one\nSECRET_BE7\ntwo\n', 'utf16le').swap16()]));
    repo.write('new.txt', Buffer.from('k=SECRET_LE8\n', 'utf16le'));
    repo.write('logo.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    repo.git('add', '.');

    const items = await collect(readStaged(repo.dir));

    expect(items).toEqual([
      { path: 'logo.png', reason: 'binary' },
      { path: 'new.txt', text: 'k=SECRET_LE8', lineNumbers: [1] },
      { path: 'old.ps1', text: 'SECRET_BE7', lineNumbers: [2] },
    ]);
  });

  it('hands on a staged binary file that may be key material, to be scanned whole', async () => {
    const repo = newRepo();
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' });
    repo.write('keys/deploy', key);
    repo.write('logo.png', Buffer.from([0x89, 0x50, 0x00, 0x00]));
    repo.git('add', '.');

    expect(await collect(readStaged(repo.dir))).toEqual([
      { path: 'keys/deploy', binary: key },
      { path: 'logo.png', reason: 'binary' },
    ]);
  });

  it('reports staged files that the config ignores', async () => {
    const repo = newRepo();
    repo.write('fixtures/key.pem', 'SECRET_FIXTURE4\n');
    repo.git('add', '.');

    expect(await collect(readStaged(repo.dir, { ignorePath: (path) => path.startsWith('fixtures/') }))).toEqual([
      { path: 'fixtures/key.pem', reason: 'ignored-by-config' },
    ]);
  });

  it('yields nothing when nothing is staged', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'a\n');
    repo.commit('one');
    expect(await collect(readStaged(repo.dir))).toEqual([]);
  });

  it('says what to do outside a git repository', async () => {
    const dir = join(temp.path, 'plain');
    mkdirSync(dir);
    await expect(collect(readStaged(dir))).rejects.toThrow(/not inside a git repository/);
  });

  it('names a staged file whose name is not UTF-8 by its bytes, escaped, and keeps two such names apart', async () => {
    const repo = newRepo();
    writeFileSync(Buffer.from(`${repo.dir}/caf\xe9.env`, 'latin1'), 'A=SECRET_LATIN1\n');
    writeFileSync(Buffer.from(`${repo.dir}/caf\xea.env`, 'latin1'), 'B=SECRET_LATIN2\n');
    writeFileSync(join(repo.dir, 'café.env'), 'C=SECRET_UTF8\n');
    repo.git('add', '-A');

    const items = await collect(readStaged(repo.dir));

    expect(items).toEqual([
      // git's order: by bytes, and 'é' in UTF-8 (c3 a9) sorts before Latin-1's e9.
      { path: 'café.env', text: 'C=SECRET_UTF8', lineNumbers: [1] },
      { path: 'caf\\xe9.env', text: 'A=SECRET_LATIN1', lineNumbers: [1] },
      { path: 'caf\\xea.env', text: 'B=SECRET_LATIN2', lineNumbers: [1] },
    ]);
  });
});
