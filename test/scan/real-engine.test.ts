// The scan sources with the real engine and providers, end to end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createEngine } from '../../src/detect/engine.js';
import { readDirectory } from '../../src/scan/directory.js';
import { readGitRange } from '../../src/scan/git.js';
import { runScan } from '../../src/scan/run-scan.js';
import { readStaged } from '../../src/scan/staged.js';
import { isolateGit, makeTempDir, TestRepo } from './helpers.js';
import { allProviders } from '../../src/providers/index.js';

const temp = makeTempDir();
const engine = createEngine({ providers: allProviders });

beforeAll(() => isolateGit());
afterAll(() => temp.remove());

function newRepo(name: string): TestRepo {
  const dir = join(temp.path, name);
  mkdirSync(dir);
  return TestRepo.init(dir);
}

describe('scan sources with the real engine', () => {
  it('finds a checksum-valid GitHub token that a later commit removed, in the commit that added it', async () => {
    const token = generateGithubStyleToken('ghp_');
    const repo = newRepo('history');
    repo.write('deploy.sh', '#!/bin/sh\necho deploying\n');
    repo.commit('initial');
    repo.write('deploy.sh', `#!/bin/sh\nexport GITHUB_TOKEN=${token}\necho deploying\n`);
    const added = repo.commit('deploy with token', { name: 'Dana Ops', email: 'dana@example.test' });
    repo.write('deploy.sh', '#!/bin/sh\necho deploying\n');
    repo.commit('remove token');

    const result = await runScan(readGitRange(repo.dir), { engine, root: repo.dir, target: 'history' });

    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'github-pat-classic',
      confidence: 'checksum',
      path: 'deploy.sh',
      line: 2,
      column: 'export GITHUB_TOKEN='.length + 1,
      commit: added,
      author: 'Dana Ops',
      authorEmail: 'dana@example.test',
      date: repo.dateOf(added),
    });
    expect(result.findings[0]?.secret.reveal()).toBe(token);
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('finds a token in the staged changes', async () => {
    const token = generateGithubStyleToken('ghp_');
    const repo = newRepo('staged');
    repo.write('a.env', 'A=1\n');
    repo.commit('initial');
    repo.write('a.env', `A=1\nGH=${token}\n`);
    repo.git('add', 'a.env');

    const result = await runScan(readStaged(repo.dir), { engine, root: repo.dir, target: 'staged' });

    expect(result.findings.map((f) => [f.ruleId, f.path, f.line, f.commit])).toEqual([['github-pat-classic', 'a.env', 2, undefined]]);
  });

  it('scans a 10 MB single-line file in a directory quickly and finds the token at its end', async () => {
    const token = generateGithubStyleToken('ghp_');
    const root = join(temp.path, 'tree');
    mkdirSync(root);
    writeFileSync(join(root, 'bundle.min.js'), `${'x=1;'.repeat(2_500_000)}t="${token}"`);
    const started = Date.now();

    const result = await runScan(readDirectory(root), { engine, root, target: root });

    expect(result.findings.map((f) => [f.ruleId, f.path, f.line, f.column])).toEqual([['github-pat-classic', 'bundle.min.js', 1, 10_000_004]]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
