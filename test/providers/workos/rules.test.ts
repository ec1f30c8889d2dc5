// WorkOS and Stripe both issue `sk_live_` keys: a WorkOS key is told by the key id encoded in it,
// with or without the word "workos" nearby, and a Stripe key never is.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { allProviders } from '../../../src/providers/index.js';

const engine = createEngine({ providers: allProviders });
const WORKOS_KEY = 'sk_live_a2V5XzAxNTRBMko5NlM3OVpTS0E3S1NGS1RQOE1ULG5SWFEwVEZkVWhjVEp3b0NHNmhmbWRMQ1I';
const STRIPE_KEY = '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';

describe('workos-api-key beside Stripe', () => {
  it("reports a WorkOS key as WorkOS's, once, with its environment", () => {
    const findings = engine.scanText(`API_KEY=${WORKOS_KEY}`).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['workos-api-key']);
    expect(findings[0]!.details).toMatchObject({ environment: 'production' });
  });

  it("keeps a Stripe key Stripe's under a WorkOS name", () => {
    expect(engine.scanText(`WORKOS_API_KEY=${STRIPE_KEY}`).findings.map((f) => f.ruleId)).toEqual(['stripe-secret-key']);
  });
});
