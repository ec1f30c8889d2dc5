// The built `leakstop` command on files it cannot read or name: a file without read permission is
// reported unreadable with its error code (exit 3, never "No leaks found"), and a file whose name is
// not UTF-8 is read, scanned and named escaped.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { makeTempDir } from '../scan/helpers.js';
import { leakstop, requireBuild } from './cli-binary.js';

interface JsonReport {
  summary: { incomplete?: boolean; filesScanned: number };
  findings: Array<{ path: string }>;
  skipped: Array<{ path: string; reason: string; detail?: string }>;
}

const temp = makeTempDir('leakstop-unreadable-e2e-');
const token = generateGithubStyleToken('ghp_');
/** Root reads any file: the scan then runs as 'nobody', for whom permissions apply. */
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

beforeAll(() => requireBuild());
afterAll(() => {
  // A directory made 0000 (when not root) must be opened again to be removed.
  const locked = join(temp.path, 'locked', 'private');
  if (existsSync(locked)) chmodSync(locked, 0o755);
  temp.remove();
});

function tree(name: string): string {
  const dir = join(temp.path, name);
  mkdirSync(dir);
  // Reachable by 'nobody' when the test runs as root (mkdtemp made the parent 0700).
  chmodSync(temp.path, 0o755);
  chmodSync(dir, 0o755);
  return dir;
}

describe('leakstop scan of files it cannot read', () => {
  it('reports a file without read permission as unreadable with EACCES and exits 3, never "No leaks found"', async () => {
    const dir = tree('locked');
    writeFileSync(join(dir, 'app.js'), 'console.log("hello")\n', { mode: 0o644 });
    writeFileSync(join(dir, 'secret.env'), `GITHUB_TOKEN=${token}\n`, { mode: asRoot ? 0o600 : 0o000 });
    mkdirSync(join(dir, 'private'), { mode: asRoot ? 0o700 : 0o000 });
    const user = asRoot ? NOBODY : undefined;

    const json = await leakstop(['scan', '.', '--format', 'json'], dir, user);
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([
      { path: 'private/', reason: 'unreadable', detail: 'EACCES' },
      { path: 'secret.env', reason: 'unreadable', detail: 'EACCES' },
    ]);
    expect(report.summary).toMatchObject({ incomplete: true, filesScanned: 1 });

    const text = await leakstop(['scan', '.'], dir, user);
    expect(text.code).toBe(3);
    expect(text.stdout).not.toMatch(/no leaks found/i);
    expect(text.stdout).toMatch(/unreadable\s+secret\.env: EACCES\n/);
    expect(text.stdout).toMatch(/unreadable\s+private\/: EACCES\n/);
  });
});

describe('leakstop scan of a file whose name is not UTF-8', () => {
  it('reads it, finds its token and names it escaped in JSON and text', async () => {
    const dir = tree('names');
    writeFileSync(Buffer.from(`${dir}/caf\xe9.env`, 'latin1'), `GITHUB_TOKEN=${token}\n`);

    const json = await leakstop(['scan', '.', '--format', 'json'], dir);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.findings.map((f) => f.path)).toEqual(['caf\\xe9.env']);
    expect(report.skipped).toEqual([]);

    const text = await leakstop(['scan', '.'], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('caf\\xe9.env');
    expect(text.stdout + json.stdout).not.toContain(token);
  });
});
