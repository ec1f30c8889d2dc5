import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedFindings, baselineSchema, baselineText, buildBaseline, readBaseline } from '../../src/config/baseline.js';
import type { LocatedFinding } from '../../src/detect/finding.js';
import { fingerprint, Secret } from '../../src/detect/secret.js';

const raw = 'ghp_R8wq2Lk9VbN3mZt6Yx1Hc4Jf7Pd0Ss5Ga2Ue';
const finding: LocatedFinding = {
  ruleId: 'github-pat-classic',
  provider: 'github',
  title: 'GitHub personal access token (classic)',
  severity: 'critical',
  confidence: 'checksum',
  secret: new Secret(raw),
  fingerprint: fingerprint('github-pat-classic', raw),
  line: 3,
  column: 7,
  endLine: 3,
  endColumn: 47,
  details: {},
  remediation: 'Revoke it.',
  path: 'app.ts',
};

async function baselineFile(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'leakstop-baseline-')), 'baseline.json');
  await writeFile(file, text);
  return file;
}

describe('baseline', () => {
  it('round-trips findings without ever writing the secret', async () => {
    const text = baselineText([finding], 'src/');
    expect(text).not.toContain(raw);
    const baseline = await readBaseline(await baselineFile(text));
    expect(baseline).toMatchObject({ version: 2, findings: [{ fingerprint: finding.fingerprint, path: 'src/app.ts', line: 3 }] });
  });

  it('accepts a finding of a version 2 baseline only in the file it was accepted in', () => {
    const accepted = acceptedFindings(buildBaseline([finding], 'src/'), 'src/');
    expect(accepted.has(finding.fingerprint, 'app.ts')).toBe(true);
    // The same secret pasted into a new file is a new leak.
    expect(accepted.has(finding.fingerprint, 'other.ts')).toBe(false);
    expect(accepted.has(fingerprint('github-pat-classic', 'ghp_other'), 'app.ts')).toBe(false);
  });

  it('matches repository paths whatever directory the scan was started in', () => {
    const fromRoot = buildBaseline([{ ...finding, path: 'src/app.ts' }]);
    expect(acceptedFindings(fromRoot, 'src/').has(finding.fingerprint, 'app.ts')).toBe(true);
    expect(acceptedFindings(fromRoot).has(finding.fingerprint, 'src/app.ts')).toBe(true);
    expect(acceptedFindings(fromRoot).has(finding.fingerprint, 'app.ts')).toBe(false);
  });

  it('still reads a version 1 baseline, whose fingerprints match in any file as they always did', async () => {
    const v1 = { version: 1, createdAt: '2024-01-01T00:00:00.000Z', findings: [{ fingerprint: finding.fingerprint, ruleId: finding.ruleId, path: 'app.ts', line: 3 }] };
    const baseline = await readBaseline(await baselineFile(JSON.stringify(v1)));
    expect(baselineSchema.parse(v1).version).toBe(1);
    const accepted = acceptedFindings(baseline, 'src/');
    expect(accepted.has(finding.fingerprint, 'app.ts')).toBe(true);
    expect(accepted.has(finding.fingerprint, 'anywhere/else.ts')).toBe(true);
  });

  it('says how to fix a missing or broken baseline, and what regenerating it accepts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leakstop-baseline-'));
    const accepts = /--write-baseline .*, which accepts every finding the scan makes now as known: review them first/;
    await expect(readBaseline(join(dir, 'none.json'))).rejects.toThrow(accepts);
    await writeFile(join(dir, 'bad.json'), '{"version":3}');
    await expect(readBaseline(join(dir, 'bad.json'))).rejects.toThrow(/not a leakstop baseline.*restore it from version control/);
    await expect(readBaseline(join(dir, 'bad.json'))).rejects.toThrow(accepts);
    await writeFile(join(dir, 'text.json'), 'nope');
    await expect(readBaseline(join(dir, 'text.json'))).rejects.toThrow(/not JSON/);
    await expect(readBaseline(join(dir, 'text.json'))).rejects.toThrow(accepts);
  });
});
