import { mkdirSync } from 'node:fs';
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
});
