import { describe, expect, it } from 'vitest';
import { matchesRedactedHint } from '../../src/providers/redacted-hint.js';

const KEY = 'sk-ant-api03-R2DxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxigAA';

describe('matchesRedactedHint', () => {
  it('matches the visible prefix and suffix around dots, asterisks or an ellipsis', () => {
    expect(matchesRedactedHint(KEY, 'sk-ant-api03-R2D...igAA')).toBe(true);
    expect(matchesRedactedHint(KEY, 'sk-ant-api03-R2D****igAA')).toBe(true);
    expect(matchesRedactedHint(KEY, 'sk-ant-api03-R2D\u2026igAA')).toBe(true);
    expect(matchesRedactedHint('sk-proj-abcdefghijklmnop', 'sk-proj-abc****...****mnop')).toBe(true);
  });

  it('rejects another key and hints too vague to single one out', () => {
    expect(matchesRedactedHint(KEY, 'sk-ant-api03-R2E...igAA')).toBe(false);
    expect(matchesRedactedHint(KEY, 'sk-ant-api03-R2D...igAB')).toBe(false);
    expect(matchesRedactedHint(KEY, 'sk...A')).toBe(false);
    expect(matchesRedactedHint(KEY, 'no mask at all')).toBe(false);
  });
});
