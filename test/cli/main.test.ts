import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

// A SendGrid-shaped key made of random characters for these tests; not a real key.
const KEY = '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';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leakstop-cli-'));
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' },
  });
}

describe('leakstop scan PATH', () => {
  it('exits 0 with a summary on a clean tree', async () => {
    await writeFile(join(dir, 'app.js'), 'console.log("hello")\n');
    const run = await runCli(['scan', '.'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/no leaks found/i);
  });

  it('exits 1 and shows file:line with the redacted secret, never the secret', async () => {
    await writeFile(join(dir, '.env'), `DEBUG=1\nSENDGRID_API_KEY=${KEY}\n`);
    const run = await runCli(['scan', dir], { cwd: '/' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('.env:2:');
    expect(run.stdout).toContain('sendgrid-api-key');
    expect(run.stdout).toContain('_mU (69 chars)');
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('writes JSON and SARIF without the secret', async () => {
    await writeFile(join(dir, 'config.yml'), `sendgrid: ${KEY}\n`);
    const json = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { findings: { path: string; line: number }[] };
    expect(parsed.findings).toMatchObject([{ path: 'config.yml', line: 1 }]);
    const sarif = await runCli(['scan', '.', '--format', 'sarif', '--output', 'out.sarif'], { cwd: dir });
    expect(sarif.code).toBe(1);
    const text = await readFile(join(dir, 'out.sarif'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: '2.1.0' });
    expect(json.stdout + text).not.toContain(KEY);
  });

  it('reads piped text with --stdin', async () => {
    const run = await runCli(['scan', '--stdin'], { cwd: dir, stdin: `key = "${KEY}"\n` });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('stdin:1:');
  });

  it('honours path ignores and rule toggles from .leakstop.yml', async () => {
    await writeFile(join(dir, 'a.env'), `K=${KEY}\n`);
    await writeFile(join(dir, '.leakstop.yml'), 'paths:\n  ignore: ["*.env"]\n');
    expect((await runCli(['scan', '.'], { cwd: dir })).code).toBe(0);
    await writeFile(join(dir, '.leakstop.yml'), 'rules:\n  disable: [sendgrid-api-key]\n');
    expect((await runCli(['scan', '.'], { cwd: dir })).code).toBe(0);
  });

  it('exits 2 naming the bad key in a broken config', async () => {
    await writeFile(join(dir, '.leakstop.yml'), 'rules:\n  disabel: [x]\n');
    const run = await runCli(['scan', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'rules.disabel'");
  });

  it('accepts findings into a baseline and stops alerting on them', async () => {
    await writeFile(join(dir, 'a.env'), `K=${KEY}\n`);
    const write = await runCli(['scan', '.', '--write-baseline', 'baseline.json'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(await readFile(join(dir, 'baseline.json'), 'utf8')).not.toContain(KEY);
    const again = await runCli(['scan', '.', '--baseline', 'baseline.json'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 baselined/);
  });
});

describe('leakstop scan --git and protect --staged', () => {
  it('finds a secret added in one commit and removed in the next, with its commit', async () => {
    git(dir, 'init', '-q', '-b', 'main');
    await writeFile(join(dir, 'README.md'), 'hello\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init');
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    await writeFile(join(dir, 'settings.py'), `SENDGRID = "${KEY}"\n`);
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'add key');
    const leaked = git(dir, 'rev-parse', 'HEAD').trim();
    await writeFile(join(dir, 'settings.py'), 'SENDGRID = os.environ["SENDGRID"]\n');
    git(dir, 'commit', '-qam', 'remove key');

    const run = await runCli(['scan', '--git', `${base}..HEAD`, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: { commit: string; path: string; author: string }[] };
    expect(findings).toMatchObject([{ commit: leaked, path: 'settings.py', author: 'Dev' }]);
    const since = await runCli(['scan', '--since', base], { cwd: dir });
    expect(since.code).toBe(1);
  });

  it('blocks a commit whose staged diff adds a secret', async () => {
    git(dir, 'init', '-q', '-b', 'main');
    await writeFile(join(dir, 'app.env'), `KEY=${KEY}\n`);
    git(dir, 'add', 'app.env');
    const run = await runCli(['protect', '--staged'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('app.env:1:');
  });
});

describe('usage errors', () => {
  it.each([
    [['scan', '--format', 'xml']],
    [['scan', '--bogus']],
    [['frobnicate']],
    [['protect']],
    [['scan', '--git', 'a..b', '--stdin']],
  ])('exits 2 for %j with a message', async (args) => {
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^leakstop: .+/);
  });

  it('exits 2 and says so when --git is not given a repository', async () => {
    const run = await runCli(['scan', '--git', 'HEAD~1..HEAD'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/git/i);
  });

  it('prints the version and the rule list', async () => {
    expect((await runCli(['--version'], { cwd: dir })).stdout).toMatch(/^leakstop \d+\.\d+\.\d+/);
    const rules = await runCli(['rules'], { cwd: dir });
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/sendgrid-api-key/);
  });
});
