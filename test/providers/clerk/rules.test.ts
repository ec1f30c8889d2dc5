// Clerk and Stripe both issue `sk_live_` keys: the key belongs to whichever format it has, never to
// both, whatever else the file mentions.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { allProviders } from '../../../src/providers/index.js';

const engine = createEngine({ providers: allProviders });
const STRIPE_KEY = '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';
const CLERK_KEY = 'sk_live_eHFn82V1x201Pvt8cDyKeZmjy5jlt7wTiZT6YVqN4A';

function ruleIds(text: string): string[] {
  return engine.scanText(text).findings.map((f) => f.ruleId);
}

describe('clerk-secret-key beside Stripe', () => {
  it('reports a Clerk-length key under a Clerk name as Clerk\'s, once', () => {
    expect(ruleIds(`CLERK_SECRET_KEY=${CLERK_KEY}`)).toEqual(['clerk-secret-key']);
  });

  it('leaves a Clerk-length key without Clerk context to Stripe', () => {
    expect(ruleIds(`SECRET_KEY=${CLERK_KEY}`)).toEqual(['stripe-secret-key']);
  });

  it("keeps a Stripe key Stripe's in a file that configures Clerk", () => {
    const env = `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_Y2xlcmsuYWNtZS5leGFtcGxlJA\nCLERK_SECRET_KEY=${CLERK_KEY}\nSTRIPE_SECRET_KEY=${STRIPE_KEY}`;
    expect(ruleIds(env)).toEqual(['clerk-secret-key', 'stripe-secret-key']);
  });
});
