// A scanned repository is hostile: its .git/config, hooks and .gitattributes try every way git has
// to run a command, each one touching a marker file. Scanning it through every git-based reader
// (directory listing, a range, all history, staged changes, the app's clone) must touch none of them
// and still read the planted secret, even with an operator config that trusts every directory.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/scan/git-clone.js';
import { readGitRange } from '../../src/scan/git.js';
import { readDirectory } from '../../src/scan/directory.js';
import { readStaged } from '../../src/scan/staged.js';
import { collect, isolateGit, makeTempDir, TestRepo, unitTexts } from './helpers.js';

const temp = makeTempDir('leakstop-hostile-');
const markers = join(temp.path, 'markers');
const script = join(temp.path, 'pwn.sh');
const savedEnv = { ...process.env };
let repo: TestRepo;

/** A shell command that records `name` as having run. */
function run(name: string): string {
  return `${script} ${name}`;
}

const HOOKS = ['pre-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'pre-auto-gc', 'post-rewrite', 'fsmonitor-watchman'];

function plantHooks(dir: string, prefix: string): void {
  mkdirSync(dir, { recursive: true });
  for (const hook of HOOKS) {
    writeFileSync(join(dir, hook), `#!/bin/sh\n${run(`${prefix}-${hook}`)}\n`);
    chmodSync(join(dir, hook), 0o755);
  }
}

function buildHostileRepository(dir: string): TestRepo {
  mkdirSync(dir);
  const hostile = TestRepo.init(dir);
  hostile.write('.gitattributes', '* diff=evil filter=evil merge=evil\n');
  hostile.write('config.txt', 'one\n');
  hostile.commit('initial');
  hostile.write('config.txt', 'one\ntoken = SECRET_HOSTILE1\n');
  hostile.commit('add a secret');
  hostile.write('staged.txt', 'key = SECRET_STAGED2\n');
  hostile.git('add', 'staged.txt');
  plantHooks(join(dir, '.git', 'hooks'), 'hook');
  plantHooks(join(temp.path, 'hooks'), 'hookspath');
  const settings: Array<[string, string]> = [
    ['core.fsmonitor', run('fsmonitor')],
    ['core.hooksPath', join(temp.path, 'hooks')],
    ['diff.external', run('diff-external')],
    ['diff.evil.textconv', run('textconv')],
    ['diff.evil.command', run('diff-command')],
    ['filter.evil.clean', run('filter-clean')],
    ['filter.evil.smudge', run('filter-smudge')],
    ['filter.evil.process', run('filter-process')],
    ['filter.evil.required', 'true'],
    ['merge.evil.driver', run('merge-driver')],
    ['core.sshCommand', run('ssh-command')],
    ['credential.helper', `!${run('credential-helper')}`],
    ['core.askPass', run('askpass')],
    ['core.pager', run('pager')],
    ['pager.log', run('pager-log')],
    ['pager.diff', run('pager-diff')],
    ['core.alternateRefsCommand', run('alternate-refs')],
    ['core.editor', run('editor')],
    ['sequence.editor', run('sequence-editor')],
    ['gpg.program', run('gpg')],
    ['log.showSignature', 'true'],
    ['uploadpack.packObjectsHook', run('pack-objects-hook')],
    ['remote.ssh.url', 'ssh://git@example.invalid/x.git'],
    ['remote.ext.url', `ext::sh -c ${run('protocol-ext')}`],
  ];
  for (const [key, value] of settings) hostile.git('config', key, value);
  return hostile;
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) chownTree(path, uid, gid);
    else chownSync(path, uid, gid);
  }
}

beforeAll(() => {
  isolateGit();
  mkdirSync(markers);
  writeFileSync(script, `#!/bin/sh\ntouch '${markers}'/"$1"\n`);
  chmodSync(script, 0o755);
  repo = buildHostileRepository(join(temp.path, 'repo'));
  // The issue's case: an operator config trusting every directory (the old Dockerfile line) and a
  // repository owned by another user. Only root can hand a repository to another user.
  const system = join(temp.path, 'system.gitconfig');
  writeFileSync(system, '[safe]\n\tdirectory = *\n');
  delete process.env.GIT_CONFIG_NOSYSTEM;
  process.env.GIT_CONFIG_SYSTEM = system;
  if (process.getuid?.() === 0) chownTree(repo.dir, 65534, 65534);
});

afterEach(() => {
  expect(readdirSync(markers)).toEqual([]);
});

afterAll(() => {
  process.env = savedEnv;
  temp.remove();
});

describe('a hostile repository', () => {
  it('runs none of its commands while its work tree is listed (scan <dir>)', async () => {
    const texts = (await collect(readDirectory(repo.dir))).map((item) => ('utf8' in item ? Buffer.from(item.utf8).toString('utf8') : ''));
    expect(texts.some((text) => text.includes('SECRET_HOSTILE1'))).toBe(true);
  });

  it('runs none of its commands in a range scan (--git A..B)', async () => {
    const texts = unitTexts(await collect(readGitRange(repo.dir, { range: 'HEAD~1..HEAD' })));
    expect(texts.some((text) => text.includes('SECRET_HOSTILE1'))).toBe(true);
  });

  it('runs none of its commands in an --all-history scan', async () => {
    const texts = unitTexts(await collect(readGitRange(repo.dir, { all: true })));
    expect(texts.some((text) => text.includes('SECRET_HOSTILE1'))).toBe(true);
  });

  it('runs none of its commands in protect --staged', async () => {
    const texts = unitTexts(await collect(readStaged(repo.dir)));
    expect(texts.some((text) => text.includes('SECRET_STAGED2'))).toBe(true);
  });

  it('runs none of its commands when the app clones it (file://)', async () => {
    const target = { owner: 'o', repo: 'r', gitUrl: `file://${repo.dir}`, token: () => Promise.resolve(`ghs_${'k3'.repeat(18)}`) };
    const texts = unitTexts(await collect(readRepositoryHistory(target, { maxFileBytes: 1024 * 1024, ignorePath: () => false })));
    expect(texts.some((text) => text.includes('SECRET_HOSTILE1'))).toBe(true);
  });

  it('would run them without the overrides (the test repository really is hostile)', () => {
    // Plain git under the same operator config runs the repository's fsmonitor: the vectors are live.
    try {
      execFileSync('git', ['status', '--short'], { cwd: repo.dir, env: process.env, stdio: 'pipe' });
    } catch {
      // The planted filter process fails status; what matters is what ran before it did.
    }
    expect(existsSync(join(markers, 'fsmonitor'))).toBe(true);
    for (const name of readdirSync(markers)) rmSync(join(markers, name));
  });
});
