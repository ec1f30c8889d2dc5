import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { stringify } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { PassThrough, Readable, Writable } from 'node:stream';
import type { CliIO } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { ACME_TOKEN, acmeRule, initechRule } from '../detect/custom-rule-specs.js';
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

describe('leakstop scan --format json with many findings', () => {
  it('writes the report in chunks, none of them the whole report', async () => {
    const tokens = Array.from({ length: 1500 }, () => generateGithubStyleToken('ghp_'));
    await writeFile(join(dir, 'tokens.txt'), `${tokens.join(' ')}\n`);
    const writes: string[] = [];
    const stdout = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        writes.push(chunk.toString('utf8'));
        callback();
      },
    });
    const io: CliIO = { stdout, stderr: new PassThrough(), stdin: Readable.from(['']), cwd: dir, env: {} };
    expect(await main(['scan', '.', '--format', 'json'], io)).toBe(1);
    const report = writes.join('');
    expect((JSON.parse(report) as { findings: unknown[] }).findings).toHaveLength(1500);
    expect(writes.length).toBeGreaterThan(2);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(report.length / 2);
  });
});

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

  it("disables the repository's own custom rule and a binary key-material rule by id", async () => {
    await writeFile(join(dir, 'app.env'), `ACME_KEY="${ACME_TOKEN}"\n`);
    await writeFile(join(dir, 'signing.key'), generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'der' }));
    // The config holds the rule's positive samples: it is not scanned.
    const rules = (disable: string[]) => stringify({ paths: { ignore: ['.leakstop.yml'] }, rules: { custom: [acmeRule], disable } });
    await writeFile(join(dir, '.leakstop.yml'), rules([]));
    const found = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(found.stderr).toBe('');
    expect((JSON.parse(found.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId).sort()).toEqual(['acme-api-key', 'der-private-key']);
    await writeFile(join(dir, '.leakstop.yml'), rules(['acme-api-key', 'der-private-key']));
    const off = await runCli(['scan', '.'], { cwd: dir });
    expect(off.stderr).toBe('');
    expect(off.code).toBe(0);
  });

  it("refuses rules.disable naming an operator's custom rule (LEAKSTOP_CUSTOM_RULES), saying a repository cannot", async () => {
    await writeFile(join(dir, '.leakstop.yml'), 'rules:\n  disable: [initech-client-secret]\n');
    const run = await runCli(['scan', '.'], { cwd: dir, env: { LEAKSTOP_CUSTOM_RULES: JSON.stringify([initechRule]) } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("rules.disable.0: 'initech-client-secret' is an organisation-wide custom rule set by the operator (LEAKSTOP_CUSTOM_RULES), which a repository cannot disable");
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

  it("reads a range scan's config from the range's base: a branch adding paths.ignore ['**'] is still caught", async () => {
    git(dir, 'init', '-q', '-b', 'main');
    await writeFile(join(dir, 'README.md'), 'hello\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init');
    git(dir, 'checkout', '-qb', 'feature');
    await writeFile(join(dir, '.leakstop.yml'), 'paths:\n  ignore: ["**"]\n');
    await writeFile(join(dir, 'settings.py'), `SENDGRID = "${KEY}"\n`);
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'switch the scan off and add a key');

    const run = await runCli(['scan', '--git', 'main..HEAD', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { path: string }[] };
    expect(report.findings.map((f) => f.path)).toEqual(['settings.py']);
    expect(run.stdout).toContain("defaults (no config at main, the range's base)");
    // --config still wins.
    const chosen = await runCli(['scan', '--git', 'main..HEAD', '--config', '.leakstop.yml'], { cwd: dir });
    expect(chosen.code).toBe(0);
  });

  it("reads a history scan's config from the remote's default branch, and the working tree's only when there is none", async () => {
    const upstream = join(dir, 'upstream');
    await mkdir(upstream);
    git(upstream, 'init', '-q', '-b', 'main');
    await writeFile(join(upstream, '.leakstop.yml'), 'paths:\n  ignore: ["fixtures/**"]\n');
    git(upstream, 'add', '.');
    git(upstream, 'commit', '-qm', 'init');
    const clone = join(dir, 'clone');
    git(dir, 'clone', '-q', upstream, clone);
    git(clone, 'checkout', '-qb', 'feature');
    await writeFile(join(clone, '.leakstop.yml'), 'paths:\n  ignore: ["**"]\n');
    await writeFile(join(clone, 'settings.py'), `SENDGRID = "${KEY}"\n`);
    git(clone, 'add', '.');
    git(clone, 'commit', '-qm', 'switch the scan off and add a key');

    const run = await runCli(['scan', '--all-history', '--format', 'json'], { cwd: clone });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { path: string }[]; summary: { config?: string } };
    expect(report.findings.map((f) => f.path)).toEqual(['settings.py']);
    expect(report.summary.config).toBe('.leakstop.yml at origin/main (the default branch)');

    // Without a remote there is nothing else to trust, and the report says so.
    git(clone, 'remote', 'remove', 'origin');
    const local = await runCli(['scan', '--all-history', '--format', 'json'], { cwd: clone });
    expect(local.code).toBe(0);
    expect((JSON.parse(local.stdout) as { summary: { config?: string } }).summary.config).toBe(
      '.leakstop.yml in the working tree (no origin/HEAD, origin/main or origin/master to trust)',
    );
  });

  it('blocks a commit whose staged diff adds a secret, and says so in words', async () => {
    git(dir, 'init', '-q', '-b', 'main');
    await writeFile(join(dir, 'app.env'), `KEY=${KEY}\n`);
    git(dir, 'add', 'app.env');
    const run = await runCli(['protect', '--staged'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('app.env:1:');
    expect(run.stdout).toContain('leakstop: commit blocked: 1 leaked credential in the staged changes.');
    expect(run.stdout).toContain('git restore --staged app.env');
    expect(run.stdout).toContain('leakstop:allow');
    expect(run.stdout).toMatch(/must be revoked now, although the commit did not happen/);
    const json = await runCli(['protect', '--staged', '--format', 'json'], { cwd: dir });
    expect(json.stdout).not.toContain('commit blocked');
    expect((await runCli(['scan', '.'], { cwd: dir })).stdout).not.toContain('commit blocked');
  });
});

/** Something the scan cannot read, as root too: a FIFO (reading it could block forever). */
function unreadableFifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('an incomplete scan', () => {
  it('exits 3 and says incomplete, naming what could not be read, when nothing was found', async () => {
    await writeFile(join(dir, 'app.js'), 'console.log("hello")\n');
    unreadableFifo(join(dir, 'queue'));
    const run = await runCli(['scan', '.'], { cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stdout).not.toMatch(/no leaks found/i);
    expect(run.stdout).toContain('Scan incomplete: 1 item could not be read');
    expect(run.stdout).toMatch(/unreadable\s+queue: not a regular file\n/);
  });

  it.skipIf(process.getuid?.() === 0)('exits 3 for a directory without read permission (not as root, who can read it)', async () => {
    await mkdir(join(dir, 'locked'));
    await writeFile(join(dir, 'locked', '.env'), `K=${KEY}\n`);
    await chmod(join(dir, 'locked'), 0o000);
    try {
      const run = await runCli(['scan', '.'], { cwd: dir });
      expect(run.code).toBe(3);
      expect(run.stdout).toMatch(/unreadable\s+locked\//);
    } finally {
      await chmod(join(dir, 'locked'), 0o755);
    }
  });

  it('exits 0 under --allow-incomplete, still saying incomplete', async () => {
    unreadableFifo(join(dir, 'queue'));
    const run = await runCli(['scan', '.', '--allow-incomplete'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Scan incomplete');
  });

  it('exits 1 when there are findings too: findings win', async () => {
    unreadableFifo(join(dir, 'queue'));
    await writeFile(join(dir, '.env'), `K=${KEY}\n`);
    const run = await runCli(['scan', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Scan incomplete: 1 item could not be read.');
  });

  it('marks the JSON summary incomplete and explains exit code 3 on stderr', async () => {
    unreadableFifo(join(dir, 'queue'));
    const run = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(3);
    expect((JSON.parse(run.stdout) as { summary: { incomplete: boolean } }).summary.incomplete).toBe(true);
    expect(run.stderr).toBe('leakstop: incomplete: 1 item could not be read (listed in the report); exit code 3, or 0 with --allow-incomplete\n');
  });
});

describe('--output and --write-baseline paths', () => {
  it('fails before the scan when the directory does not exist', async () => {
    // The PATH does not exist either: checked first, the output is the error, not the scan.
    const run = await runCli(['scan', 'no-such-tree', '--output', 'reports/out.sarif'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`leakstop: --output reports/out.sarif: the directory ${join(dir, 'reports')} does not exist: create it first, or choose another path\n`);
    const baseline = await runCli(['scan', 'no-such-tree', '--write-baseline', 'nope/baseline.json'], { cwd: dir });
    expect(baseline.stderr).toMatch(/^leakstop: --write-baseline nope\/baseline\.json: the directory/);
  });

  it('names the file when it is a directory', async () => {
    await mkdir(join(dir, 'reports'));
    const run = await runCli(['scan', '.', '--output', 'reports'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^leakstop: --output reports is a directory/);
  });
});

describe('--max-file-size', () => {
  it('reads decimal and binary units exactly', async () => {
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(1001));
    const decimal = await runCli(['scan', '.', '--max-file-size', '1kB', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(decimal.stdout) as { skipped: unknown[] }).skipped).toEqual([{ path: 'big.txt', reason: 'too-large', bytes: 1001 }]);
    const binary = await runCli(['scan', '.', '--max-file-size', '1KiB', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(binary.stdout) as { skipped: unknown[] }).skipped).toEqual([]);
    expect((await runCli(['scan', '.', '--max-file-size', '1.5MiB'], { cwd: dir })).code).toBe(0);
  });

  it('refuses a size over what can be scanned, and an ambiguous unit', async () => {
    const over = await runCli(['scan', '.', '--max-file-size', '65GiB'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/over the largest file leakstop scans/);
    expect((await runCli(['scan', '.', '--max-file-size', '10M'], { cwd: dir })).stderr).toMatch(/KiB, MiB, GiB \(powers of 1024\)/);
  });
});

describe('SARIF locations in a git repository', () => {
  let repo: string;
  beforeEach(async () => {
    repo = join(dir, 'repo');
    await mkdir(join(repo, 'src', 'api'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    await writeFile(join(repo, 'src', 'api', 'config.yml'), `sendgrid: ${KEY}\n`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'add key');
  });

  /** The artifact URIs of a SARIF run, which GitHub resolves against the repository root. */
  async function sarifUris(args: string[], cwd: string): Promise<string[]> {
    const run = await runCli([...args, '--format', 'sarif'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('file://');
    const log = JSON.parse(run.stdout) as Sarif.Log;
    return (log.runs[0]!.results ?? []).map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!);
  }

  it.each([
    ['the repository', ['scan', '.'], ''],
    ['a subdirectory by name', ['scan', 'src'], ''],
    ['a single file by name', ['scan', 'src/api/config.yml'], ''],
    ['a subdirectory as the working directory', ['scan', '.'], 'src'],
    ['the whole history from a subdirectory', ['scan', '--all-history'], 'src/api'],
  ])('are paths of the repository tree when scanning %s', async (_case, args, cwd) => {
    const tracked = git(repo, 'ls-files').trim().split('\n');
    expect(await sarifUris(args, join(repo, cwd))).toEqual(['src/api/config.yml']);
    expect(tracked).toContain('src/api/config.yml');
  });
});

describe('baselines', () => {
  it('accept a secret only in the file it was accepted in, from any directory of the repository', async () => {
    git(dir, 'init', '-q', '-b', 'main');
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src', 'a.env'), `K=${KEY}\n`);
    expect((await runCli(['scan', '.', '--write-baseline', 'baseline.json'], { cwd: dir })).code).toBe(0);
    const written = JSON.parse(await readFile(join(dir, 'baseline.json'), 'utf8')) as { version: number; findings: { path: string }[] };
    expect(written).toMatchObject({ version: 2, findings: [{ path: 'src/a.env' }] });

    await writeFile(join(dir, 'src', 'copy.env'), `K=${KEY}\n`);
    const again = await runCli(['scan', '.', '--baseline', 'baseline.json', '--format', 'json'], { cwd: dir });
    expect(again.code).toBe(1);
    const report = JSON.parse(again.stdout) as { findings: { path: string }[]; summary: { baselined: number } };
    expect(report.findings.map((f) => f.path)).toEqual(['src/copy.env']);
    expect(report.summary.baselined).toBe(1);

    const fromSrc = await runCli(['scan', '.', '--baseline', '../baseline.json', '--format', 'json'], { cwd: join(dir, 'src') });
    expect((JSON.parse(fromSrc.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path)).toEqual(['copy.env']);
  });

  it('of version 1 still accept their fingerprints in any file', async () => {
    await writeFile(join(dir, 'a.env'), `K=${KEY}\n`);
    await writeFile(join(dir, 'b.env'), `K=${KEY}\n`);
    const { findings } = JSON.parse((await runCli(['scan', '.', '--format', 'json'], { cwd: dir })).stdout) as { findings: { fingerprint: string; ruleId: string }[] };
    const v1 = { version: 1, createdAt: '2024-01-01T00:00:00.000Z', findings: [{ fingerprint: findings[0]!.fingerprint, ruleId: findings[0]!.ruleId, path: 'elsewhere.env' }] };
    await writeFile(join(dir, 'v1.json'), JSON.stringify(v1));
    const run = await runCli(['scan', '.', '--baseline', 'v1.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 baselined');
  });
});

describe('usage errors', () => {
  it.each([
    [['scan', '--format', 'xml']],
    [['scan', '--bogus']],
    [['frobnicate']],
    [['protect']],
    [['scan', '--git', 'a..b', '--stdin']],
    [['scan', '.', '--fail-on-shallow']],
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

  it('lists the binary key-material rules, found by file structure, and the custom rules of the config and the operator, marked', async () => {
    await writeFile(join(dir, '.leakstop.yml'), stringify({ rules: { custom: [acmeRule] } }));
    const env = { LEAKSTOP_CUSTOM_RULES: JSON.stringify([initechRule]) };
    const text = await runCli(['rules'], { cwd: dir, env });
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^der-private-key +critical +Private key \(DER\) +\[by file structure, in binary files\]$/m);
    expect(text.stdout).toMatch(/^initech-client-secret +medium +Initech client secret +\[custom: operator, LEAKSTOP_CUSTOM_RULES\]$/m);
    expect(text.stdout).toMatch(/^acme-api-key +high +Acme API key +\[custom: repository config\]$/m);
    expect(text.stdout).toMatch(/rules from \d+ providers, and 2 custom rules \(the operator's LEAKSTOP_CUSTOM_RULES and the repository's config\)\n$/);

    const other = await mkdtemp(join(tmpdir(), 'leakstop-rules-'));
    const json = JSON.parse((await runCli(['rules', dir, '--format', 'json'], { cwd: other })).stdout) as { id: string; keywords: string[]; foundBy: string; custom?: string }[];
    expect(json.find((rule) => rule.id === 'pkcs12-keystore')).toMatchObject({ keywords: [], foundBy: 'file structure' });
    expect(json.find((rule) => rule.id === 'acme-api-key')).toMatchObject({ provider: 'custom', custom: 'repository', keywords: ['acme_live_'] });
    expect(json.some((rule) => rule.custom !== undefined && rule.id !== 'acme-api-key')).toBe(false);
    await writeFile(join(other, 'rules.yml'), stringify({ rules: { disable: ['acme-api-key'] } }));
    const wrong = await runCli(['rules', '--config', 'rules.yml'], { cwd: other });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("rules.disable.0: unknown rule 'acme-api-key'");

    // The generated reference (docs/rules.md) is the built-in rules only, whatever the environment.
    const reference = await runCli(['rules', '--format', 'reference'], { cwd: dir, env });
    expect(reference.stdout).toContain('`der-private-key`');
    expect(reference.stdout).not.toMatch(/initech-client-secret|acme-api-key/);
  });

  it('prints the version and the rule list', async () => {
    expect((await runCli(['--version'], { cwd: dir })).stdout).toMatch(/^leakstop \d+\.\d+\.\d+/);
    const rules = await runCli(['rules'], { cwd: dir });
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/sendgrid-api-key/);
  });
});
