// PyPI tokens are told apart by the location inside their macaroon, not only by their prefix.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { pypi } from '../../../src/providers/pypi/rules.js';

const engine = createEngine({ providers: [pypi] });

describe('pypi provider', () => {
  it('reports the index that issued the token and how many caveats restrict it', () => {
    const sample = pypi.rules.find((r) => r.id === 'pypi-upload-token')!.samples.positive[1]!;
    const [finding] = engine.scanText(sample).findings;
    expect(finding).toMatchObject({ ruleId: 'pypi-upload-token', severity: 'critical', confidence: 'structure', details: { location: 'pypi.org', caveats: '2' } });
  });

  it('keeps TestPyPI tokens apart, at low severity', () => {
    const sample = pypi.rules.find((r) => r.id === 'testpypi-upload-token')!.samples.positive[0]!;
    expect(engine.scanText(sample).findings.map((f) => [f.ruleId, f.severity, f.details['location']])).toEqual([
      ['testpypi-upload-token', 'low', 'test.pypi.org'],
    ]);
  });
});
