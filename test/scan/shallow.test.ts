// Shallow clones: a history scan that reaches the clone's boundary says so (stats.shallow), one that
// stops short of it does not, and a full clone never does.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitRange } from '../../src/scan/git.js';
import { runScan } from '../../src/scan/run-scan.js';
import { shallowBoundary } from '../../src/scan/shallow.js';
import { ISOLATED_GIT_ENV, isolateGit, makeTempDir, markerEngine, TestRepo } from './helpers.js';

const temp = makeTempDir('leakstop-shallow-');
let origin: TestRepo;
const commits: string[] = [];

function clone(name: string, depth?: number): string {
  const dir = join(temp.path, name);
  const depthArgs = depth === undefined ? [] : ['--depth', String(depth)];
  execFileSync('git', ['clone', '-q', ...depthArgs, `file://${origin.dir}`, dir], { env: { ...process.env, ...ISOLATED_GIT_ENV }, stdio: 'pipe' });
  return dir;
}

function scan(dir: string, options: Parameters<typeof readGitRange>[1] = {}) {
  return runScan(readGitRange(dir, options), { engine: markerEngine, root: dir, target: 'test' });
}

beforeAll(() => {
  isolateGit();
  const dir = join(temp.path, 'origin');
  mkdirSync(dir);
  origin = TestRepo.init(dir);
  origin.write('app.txt', 'token = SECRET_REMOVED1\n');
  commits.push(origin.commit('add a secret'));
  origin.write('app.txt', 'token = from-env\n');
  commits.push(origin.commit('remove it'));
  origin.write('other.txt', 'key = SECRET_KEPT2\n');
  commits.push(origin.commit('add another'));
  origin.write('more.txt', 'more\n');
  commits.push(origin.commit('more'));
});
afterAll(() => temp.remove());

describe('shallow history', () => {
  it('marks an all-history scan of a depth-1 clone shallow: its one commit is read as a root, the removed secret is not', async () => {
    const dir = clone('depth-1', 1);
    expect([...(await shallowBoundary(dir))]).toEqual([commits[3]]);

    const result = await scan(dir, { all: true });

    expect(result.stats).toMatchObject({ shallow: true, commitsScanned: 1 });
    expect(result.findings.map((f) => f.secret.reveal())).toEqual(['SECRET_KEPT2']);
  });

  it('does not mark a range that stops short of the boundary, and marks one that reaches it', async () => {
    const dir = clone('depth-3', 3);
    const short = await scan(dir, { range: `${commits[2]}..HEAD` });
    expect(short.stats).toMatchObject({ shallow: false, commitsScanned: 1 });
    const reaching = await scan(dir);
    expect(reaching.stats).toMatchObject({ shallow: true, commitsScanned: 3 });
  });

  it('never marks a full clone', async () => {
    const dir = clone('full');
    expect((await shallowBoundary(dir)).size).toBe(0);
    const result = await scan(dir, { all: true });
    expect(result.stats).toMatchObject({ shallow: false, commitsScanned: 4 });
    expect(result.findings.map((f) => f.secret.reveal()).sort()).toEqual(['SECRET_KEPT2', 'SECRET_REMOVED1']);
  });
});
