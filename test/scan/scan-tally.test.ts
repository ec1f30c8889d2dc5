// The tally holds every finding of a scan until it reports: what one costs there matters when a
// crafted file has 50,000 on one line.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/detect/engine.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { locate, ScanTally } from '../../src/scan/scan-tally.js';
import { allProviders } from '../../src/providers/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('ScanTally', () => {
  const engine = createEngine({ providers: allProviders });
  const count = 20_000;
  const line = `${Array.from({ length: count }, () => generateGithubStyleToken('ghp_')).join(' ')}\n`;

  it('keeps a located finding compact: a few hundred bytes, not a copy of the whole finding object', () => {
    const { findings } = engine.scanText(line);
    expect(findings).toHaveLength(count);
    const before = heapUsed();
    const located = findings.map((f) => locate(f, { path: '/repo/tokens.txt' }, '/repo'));
    const perFinding = (heapUsed() - before) / count;
    expect(located[count - 1]).toMatchObject({ path: 'tokens.txt', line: 1, ruleId: 'github-pat-classic' });
    // A spread copy measured ~600 bytes a finding; the literal ~180 (path and secret are shared).
    expect(perFinding).toBeLessThan(300);
  });

  it('places each finding in its file with the path shown once for all of them', () => {
    const tally = new ScanTally({ root: '/repo', target: '/repo' }, {});
    tally.scanned({ path: '/repo/tokens.txt' }, line.length, engine.scanText(line));
    const { findings } = tally.result(1);
    expect(findings).toHaveLength(count);
    expect(new Set(findings.map((f) => f.path))).toEqual(new Set(['tokens.txt']));
    expect(findings[0]!.path).toBe(findings[count - 1]!.path);
  });
});
