import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaseline, writeBaseline } from '../../src/config/baseline.js';
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
  path: 'src/app.ts',
};

describe('baseline', () => {
  it('round-trips fingerprints without ever writing the secret', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'leakstop-baseline-')), 'baseline.json');
    expect(await writeBaseline(file, [finding])).toBe(1);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(raw);
    expect(await readBaseline(file)).toEqual(new Set([finding.fingerprint]));
  });

  it('says how to fix a missing or broken baseline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leakstop-baseline-'));
    await expect(readBaseline(join(dir, 'none.json'))).rejects.toThrow(/--write-baseline/);
    await writeFile(join(dir, 'bad.json'), '{"version":2}');
    await expect(readBaseline(join(dir, 'bad.json'))).rejects.toThrow(/not a leakstop baseline.*--write-baseline/);
    await writeFile(join(dir, 'text.json'), 'nope');
    await expect(readBaseline(join(dir, 'text.json'))).rejects.toThrow(/not JSON/);
  });
});
