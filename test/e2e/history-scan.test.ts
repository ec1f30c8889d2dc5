// The built `leakstop` command (bin/leakstop.js, after `npm run build`) scanning history that is not
// all there: a repository whose blobs were deleted, and a depth-1 clone. Its exit code, stderr and
// JSON/SARIF reports are what CI sees.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { ISOLATED_GIT_ENV, makeTempDir, TestRepo } from '../scan/helpers.js';
import { leakstop, requireBuild } from './cli-binary.js';

interface JsonReport {
  summary: { incomplete?: boolean; shallow?: boolean; commitsScanned?: number };
  findings: Array<{ path: string; commit?: string; ruleId: string }>;
  skipped: Array<{ path: string; reason: string; commit?: string; detail?: string }>;
}

const temp = makeTempDir('leakstop-history-e2e-');
const tokens = Array.from({ length: 4 }, () => generateGithubStyleToken('ghp_'));

function newRepo(name: string): TestRepo {
  const dir = join(temp.path, name);
  mkdirSync(dir);
  return TestRepo.init(dir);
}

beforeAll(() => requireBuild());
afterAll(() => temp.remove());

describe('leakstop scan of a repository with 3 deleted blobs', () => {
  let repo: TestRepo;
  const commits: string[] = [];

  beforeAll(() => {
    repo = newRepo('damaged');
    repo.write('README.md', '# demo\n');
    commits.push(repo.commit('c1'));
    repo.write('found-1.env', `GITHUB_TOKEN=${tokens[0]}\n`);
    repo.write('lost-1.env', 'DEBUG=1\n');
    commits.push(repo.commit('c2'));
    repo.write('lost-2.env', 'LEVEL=3\n');
    commits.push(repo.commit('c3'));
    repo.write('found-2.env', `GITHUB_TOKEN=${tokens[1]}\n`);
    repo.write('lost-3.env', 'PORT=8080\n');
    commits.push(repo.commit('c4'));
    for (const [commit, path] of [[commits[1], 'lost-1.env'], [commits[2], 'lost-2.env'], [commits[3], 'lost-3.env']] as const) {
      const id = repo.git('rev-parse', `${commit}:${path}`).trim();
      rmSync(join(repo.dir, '.git', 'objects', id.slice(0, 2), id.slice(2)));
    }
  });

  it('finds the tokens of the readable commits with --all-history and names each unread file with its commit', async () => {
    const run = await leakstop(['scan', '--all-history', '--format', 'json'], repo.dir);
    // Findings win over incomplete: the planted tokens are found, so the exit code is 1, not 2.
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((f) => f.path).sort()).toEqual(['found-1.env', 'found-2.env']);
    expect(report.summary).toMatchObject({ incomplete: true, commitsScanned: 4, shallow: false });
    expect(report.skipped.map((s) => [s.path, s.reason, s.commit])).toEqual([
      ['lost-1.env', 'unreadable', commits[1]],
      ['lost-2.env', 'unreadable', commits[2]],
      ['lost-3.env', 'unreadable', commits[3]],
    ]);
    expect(report.skipped[0]?.detail).toMatch(new RegExp(`^git object [0-9a-f]{40} of lost-1\\.env in commit ${commits[1]} is missing or corrupt$`));
    expect(run.stdout + run.stderr).not.toContain(tokens[0]);
  });

  it('exits 3 (incomplete, not 2) for a range holding only the damaged files, and says why on stderr', async () => {
    const run = await leakstop(['scan', '--git', `${commits[1]}..${commits[2]}`, '--format', 'json'], repo.dir);
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([expect.objectContaining({ path: 'lost-2.env', reason: 'unreadable', commit: commits[2] })]);
    expect(run.stderr).toContain('leakstop: incomplete: 1 item could not be read');
    expect(run.stderr).not.toMatch(/check that the range/i);
  });

  it('exits 1 for --since with findings, listing the unread files in the text report', async () => {
    const run = await leakstop(['scan', '--since', commits[0]!], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/unreadable\s+lost-3\.env/);
    expect(run.stdout).not.toMatch(/no leaks found/i);
  });
});

describe('leakstop scan --all-history of a depth-1 clone', () => {
  let shallow: string;

  beforeAll(() => {
    const origin = newRepo('origin');
    origin.write('deploy.env', `GITHUB_TOKEN=${tokens[2]}\n`);
    origin.commit('add a token');
    origin.write('deploy.env', 'GITHUB_TOKEN=${GITHUB_TOKEN}\n');
    origin.commit('read it from the environment');
    origin.write('README.md', '# demo\n');
    origin.commit('readme');
    shallow = join(temp.path, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, shallow], { env: { ...process.env, ...ISOLATED_GIT_ENV }, stdio: 'pipe' });
  });

  it('warns on stderr, says shallow in the JSON summary and exits 0: the removed token was never in the clone', async () => {
    const run = await leakstop(['scan', '--all-history', '--format', 'json'], shallow);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ shallow: true, commitsScanned: 1 });
    expect(report.findings).toEqual([]);
    expect(run.stderr).toBe(
      "leakstop: history is shallow (1 commit read): commits before the clone's boundary were not scanned; fetch full history (actions/checkout fetch-depth: 0) or pass --fail-on-shallow to fail\n",
    );
  });

  it('says shallow in the SARIF run too', async () => {
    const run = await leakstop(['scan', '--all-history', '--format', 'sarif'], shallow);
    expect(run.code).toBe(0);
    const [sarifRun] = (JSON.parse(run.stdout) as Sarif.Log).runs;
    const invocation = sarifRun?.invocations?.[0];
    expect(invocation?.properties).toMatchObject({ shallow: true, commitsScanned: 1 });
    expect(invocation?.toolExecutionNotifications?.map((n) => n.message.text)).toContain(
      'The repository is a shallow clone: commits before its boundary were not scanned. Fetch the full history (actions/checkout fetch-depth: 0).',
    );
  });

  it('exits 3 with --fail-on-shallow, and 1 when the shallow scan finds something', async () => {
    const failing = await leakstop(['scan', '--all-history', '--fail-on-shallow', '--format', 'json'], shallow);
    expect(failing.code).toBe(3);
    expect(failing.stderr).toContain('--fail-on-shallow makes this exit 3');

    const origin = newRepo('origin-with-token');
    origin.write('a.txt', 'a\n');
    origin.commit('one');
    origin.write('deploy.env', `GITHUB_TOKEN=${tokens[3]}\n`);
    origin.commit('two');
    const leaky = join(temp.path, 'shallow-with-token');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, leaky], { env: { ...process.env, ...ISOLATED_GIT_ENV }, stdio: 'pipe' });
    const found = await leakstop(['scan', '--all-history', '--format', 'json'], leaky);
    expect(found.code).toBe(1);
    expect((JSON.parse(found.stdout) as JsonReport).findings.map((f) => f.path)).toEqual(['deploy.env']);
  });

  it('does not call a full clone shallow', async () => {
    const full = join(temp.path, 'full');
    execFileSync('git', ['clone', '-q', `file://${join(temp.path, 'origin')}`, full], { env: { ...process.env, ...ISOLATED_GIT_ENV }, stdio: 'pipe' });
    const run = await leakstop(['scan', '--all-history', '--format', 'json', '--fail-on-shallow'], full);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).summary).toMatchObject({ shallow: false, commitsScanned: 3 });
    expect(run.stderr).toBe('');
  });
});
