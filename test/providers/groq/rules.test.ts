// Groq keys are told from other gsk_ strings by the fixed run every Groq key carries.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { groq } from '../../../src/providers/groq/rules.js';

const engine = createEngine({ providers: [groq] });
const rule = groq.rules[0]!;

describe('groq provider', () => {
  it('reports a key with the fixed run at its place with structure confidence', () => {
    expect(engine.scanText(rule.samples.positive[0]!).findings).toMatchObject([{ ruleId: 'groq-api-key', confidence: 'structure' }]);
  });

  it('finds nothing when the run is elsewhere in the key', () => {
    const key = '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';
    const moved = `gsk_X${key.slice(4, 24)}WGdyb3FY${key.slice(32, -1)}`;
    expect(moved).toHaveLength(key.length);
    expect(engine.scanText(`GROQ_API_KEY=${moved}`).findings).toEqual([]);
  });
});
