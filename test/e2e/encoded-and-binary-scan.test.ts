// The built `leakstop` command on what issue 11 asked it to read beyond plain text: base64 values in
// a Kubernetes Secret and the Docker config in it, and key material in binary files (a .p12, a DER key under
// a name that says nothing), in a directory and in git history, with the findings placed where the
// encoded values are and no key or token in the report.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { makeTempDir, TestRepo } from '../scan/helpers.js';
import { leakstop, requireBuild } from './cli-binary.js';

interface JsonReport {
  findings: Array<{ path: string; ruleId: string; line: number; column: number; commit?: string; details: Record<string, string>; secret: string }>;
  skipped: Array<{ path: string; reason: string }>;
}

const temp = makeTempDir('leakstop-encoded-e2e-');
const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');
const githubToken = generateGithubStyleToken('ghp_');
const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const derKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'der' });

function plant(dir: string): void {
  mkdirSync(join(dir, 'deploy'), { recursive: true });
  const dockerConfig = JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`octo-ci:${githubToken}`) } } });
  writeFileSync(join(dir, 'deploy', 'secret.yaml'), ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: web', 'type: kubernetes.io/tls', 'data:', `  tls.key: ${b64(pem)}`, ''].join('\n'));
  writeFileSync(join(dir, 'deploy', 'pull-secret.yaml'), `kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${b64(dockerConfig)}\n`);
  copyFileSync(join(import.meta.dirname, '../../fixtures/key-material/ec-key.p12'), join(dir, 'client.p12'));
  writeFileSync(join(dir, 'blob.bin'), derKey);
  writeFileSync(join(dir, 'logo.dat'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
}

const EXPECTED = [
  ['blob.bin', 'der-private-key', 1, 1],
  ['client.p12', 'pkcs12-keystore', 1, 1],
  ['deploy/pull-secret.yaml', 'github-pat-classic', 4, 22],
  ['deploy/secret.yaml', 'private-key', 7, 12],
];

function checkReport(report: JsonReport, stdout: string): void {
  expect(report.findings.map((f) => [f.path, f.ruleId, f.line, f.column])).toEqual(EXPECTED);
  const byRule = new Map(report.findings.map((f) => [f.ruleId, f]));
  expect(byRule.get('github-pat-classic')!.details).toMatchObject({ encoding: 'base64', decodedFrom: 'Kubernetes Secret data .dockerconfigjson > Docker config auths auth' });
  expect(byRule.get('der-private-key')!.details).toMatchObject({ format: 'PKCS#1', keyType: 'rsa', keySize: '2048 bits' });
  expect(byRule.get('pkcs12-keystore')!.details).toMatchObject({ keyBags: '1 encrypted, 0 unencrypted', mac: 'SHA-256, 2048 iterations' });
  // Redacted forms only: no token, no key, no base64 of either.
  for (const secret of [githubToken, b64(`octo-ci:${githubToken}`), pem.split('\n')[1]!, b64(derKey).slice(0, 40)]) expect(stdout).not.toContain(secret);
  expect(report.skipped.map((s) => [s.path, s.reason])).toContainEqual(['logo.dat', 'binary']);
}

beforeAll(() => requireBuild());
afterAll(() => temp.remove());

describe('leakstop scan of encoded secrets and binary key material', () => {
  let repo: TestRepo;
  let added: string;

  beforeAll(() => {
    const dir = join(temp.path, 'repo');
    mkdirSync(dir);
    repo = TestRepo.init(dir);
    repo.write('README.md', '# demo\n');
    repo.commit('c1');
    plant(dir);
    added = repo.commit('c2');
  });

  it('finds them in a directory', async () => {
    const run = await leakstop(['scan', '--format', 'json', '.'], repo.dir);
    expect(run.code, run.stderr).toBe(1);
    checkReport(JSON.parse(run.stdout) as JsonReport, run.stdout);
  });

  it('finds them in git history, in the commit that added them', async () => {
    const run = await leakstop(['scan', '--all-history', '--format', 'json'], repo.dir);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    checkReport(report, run.stdout);
    expect(new Set(report.findings.map((f) => f.commit))).toEqual(new Set([added]));
  });
});
