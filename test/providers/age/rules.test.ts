// age secret keys are found only when their Bech32 checksum holds.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { age } from '../../../src/providers/age/rules.js';

const engine = createEngine({ providers: [age] });
const rule = age.rules[0]!;

describe('age provider', () => {
  it('reports a key whose checksum holds with checksum confidence', () => {
    const [finding] = engine.scanText(rule.samples.positive[1]!).findings;
    expect(finding).toMatchObject({ ruleId: 'age-secret-key', severity: 'critical', confidence: 'checksum' });
  });

  it('finds nothing when a single character of a real key changes', () => {
    const key = rule.samples.positive[1]!;
    const changed = `${key.slice(0, -1)}${key.endsWith('W') ? 'X' : 'W'}`;
    expect(engine.scanText(changed).findings).toEqual([]);
  });
});
