// Sentry organization tokens carry their own description: the organization and Sentry URL in a
// base64 JSON payload, which the rule decodes offline.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { sentry } from '../../../src/providers/sentry/rules.js';

const engine = createEngine({ providers: [sentry] });
const orgToken = sentry.rules.find((r) => r.id === 'sentry-org-auth-token')!;

describe('sentry provider', () => {
  it('reports the organization and Sentry URL an organization token names, with structure confidence', () => {
    const [finding] = engine.scanText(orgToken.samples.positive[0]!).findings;
    expect(finding).toMatchObject({
      ruleId: 'sentry-org-auth-token',
      confidence: 'structure',
      details: { sentryOrg: 'acme-corp', sentryUrl: 'https://sentry.io' },
    });
  });

  it('keeps a token whose secret part holds + and / whole', () => {
    const sample = orgToken.samples.positive[1]!;
    const [finding] = engine.scanText(sample).findings;
    expect(finding?.details).toMatchObject({ sentryOrg: 'fjord-labs' });
    // 1-based columns: from `sntrys_` up to the closing quote.
    expect([finding?.column, finding?.endColumn]).toEqual([sample.indexOf('sntrys_') + 1, sample.lastIndexOf('"') + 1]);
  });

  it('finds nothing when the payload is base64 of anything but the JSON Sentry writes', () => {
    for (const sample of orgToken.samples.negative) expect(engine.scanText(sample).findings).toEqual([]);
  });
});
