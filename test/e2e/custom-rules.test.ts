// The built `leakstop` command with custom rules: from .leakstop.yml and from the operator's
// LEAKSTOP_CUSTOM_RULES, reported by their ids in JSON and SARIF, redacted; a rule whose sample
// fails stops the scan with a message that names it; a pre-commit hook runs them on staged files.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME_TOKEN, acmeRule, INITECH_SECRET, initechRule } from '../detect/custom-rule-specs.js';
import { ISOLATED_GIT_ENV, makeTempDir, TestRepo } from '../scan/helpers.js';
import { requireBuild, type BinaryRun } from './cli-binary.js';

const BIN = fileURLToPath(new URL('../../bin/leakstop.js', import.meta.url));
const temp = makeTempDir('leakstop-custom-e2e-');

interface JsonReport {
  findings: Array<{ ruleId: string; path: string; line: number; secret: string; fingerprint: string }>;
}

/** The built CLI with `env` added to a clean environment. */
function leakstopWith(args: string[], cwd: string, env: Record<string, string> = {}): Promise<BinaryRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH, CI: '1', ...ISOLATED_GIT_ENV, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error && typeof error.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });
}

function tree(name: string, files: Record<string, string>): string {
  const dir = join(temp.path, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/**
 * A config with these custom rules, as the README advises: its positive samples are credentials to
 * the rules themselves, so each line holding one carries the inline allow marker.
 */
function configWith(rules: readonly object[]): string {
  return stringify({ rules: { custom: rules } }, { blockQuote: false })
    .split('\n')
    .map((line) => (/acme_live_|[0-9a-f]{40}/.test(line) ? `${line} # leakstop:allow` : line))
    .join('\n');
}

beforeAll(() => requireBuild());
afterAll(() => temp.remove());

describe('leakstop scan with custom rules', () => {
  it("finds what the config's rule describes, by its id, redacted, in JSON and SARIF", async () => {
    const dir = tree('config', { '.leakstop.yml': configWith([acmeRule]), 'deploy/acme.env': `REGION=eu\nACME_KEY=${ACME_TOKEN}\n` });
    const run = await leakstopWith(['scan', '.', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((f) => [f.ruleId, f.path, f.line])).toEqual([['acme-api-key', 'deploy/acme.env', 2]]);
    expect(run.stdout).not.toContain(ACME_TOKEN.slice(10, 30));
    const sarif = await leakstopWith(['scan', '.', '--format', 'sarif'], dir);
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ ruleId: string }>; tool: { driver: { rules: Array<{ id: string }> } } }> };
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(['acme-api-key']);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('acme-api-key');
    expect(sarif.stdout).not.toContain(ACME_TOKEN.slice(10, 30));
  }, 60_000);

  it('stops with exit code 2 and names the rule when a sample fails', async () => {
    const failing = { ...acmeRule, samples: { ...acmeRule.samples, negative: [`x = ${ACME_TOKEN}`] } };
    const dir = tree('failing', { '.leakstop.yml': stringify({ rules: { custom: [failing] } }), 'a.env': 'A=1\n' });
    const run = await leakstopWith(['scan', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("rules.custom.0.samples: rule 'acme-api-key': negative sample 1 produces a finding of this rule");
    expect(run.stderr).not.toContain(ACME_TOKEN);
  }, 60_000);

  it("runs the operator's rules from LEAKSTOP_CUSTOM_RULES, which a repository cannot redefine", async () => {
    const env = { LEAKSTOP_CUSTOM_RULES: JSON.stringify([initechRule]) };
    const dir = tree('operator', { 'settings.env': `INITECH_CLIENT_SECRET=${INITECH_SECRET}\n` });
    const run = await leakstopWith(['scan', '.', '--format', 'json'], dir, env);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((f) => f.ruleId)).toEqual(['initech-client-secret']);
    // Without the operator's rule, only the generic rule (hex under a secret name) reports it.
    const without = await leakstopWith(['scan', '.', '--format', 'json'], dir);
    expect((JSON.parse(without.stdout) as JsonReport).findings.map((f) => f.ruleId)).toEqual(['generic-secret']);

    writeFileSync(join(dir, '.leakstop.yml'), stringify({ rules: { custom: [initechRule] } }));
    const taken = await leakstopWith(['scan', '.'], dir, env);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain("rules.custom.0.id: 'initech-client-secret' is an organisation-wide rule set by the operator");

    const bad = await leakstopWith(['scan', '.'], dir, { LEAKSTOP_CUSTOM_RULES: JSON.stringify([{ ...initechRule, pattern: '(?<=x)y' }]) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("LEAKSTOP_CUSTOM_RULES[0].pattern: rule 'initech-client-secret'");
  }, 60_000);

  it('blocks a commit whose staged file holds what a custom rule describes (protect --staged)', async () => {
    const dir = join(temp.path, 'hook');
    mkdirSync(dir);
    const repo = TestRepo.init(dir);
    repo.write('.leakstop.yml', stringify({ rules: { custom: [acmeRule] } }));
    repo.commit('config');
    repo.write('app.env', `ACME_KEY=${ACME_TOKEN}\n`);
    repo.git('add', 'app.env');
    const run = await leakstopWith(['protect', '--staged'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('acme-api-key');
    expect(run.stdout + run.stderr).not.toContain(ACME_TOKEN.slice(10, 30));
  }, 60_000);
});
