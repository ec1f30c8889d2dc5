// A Paystack secret key and a Stripe secret key share the `sk_live_` start: the Paystack rule takes
// a key only near its name, and a Stripe key stays Stripe's.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { allProviders } from '../../../src/providers/index.js';

const engine = createEngine({ providers: allProviders });
const PAYSTACK_KEY = 'sk_live_ba2f68ad72dfc564981c73355eeeeb63abaed24a';
const STRIPE_KEY = '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';

function ruleIds(text: string): string[] {
  return engine.scanText(text).findings.map((f) => f.ruleId);
}

describe('paystack-secret-key beside stripe-secret-key', () => {
  it('reports a Paystack key near its name once, as Paystack', () => {
    expect(ruleIds(`PAYSTACK_SECRET_KEY=${PAYSTACK_KEY}`)).toEqual(['paystack-secret-key']);
  });

  it('leaves a 40-hex sk_live_ key without Paystack context to the Stripe rule', () => {
    expect(ruleIds(`SECRET_KEY=${PAYSTACK_KEY}`)).toEqual(['stripe-secret-key']);
  });

  it('keeps a Stripe key Stripe\'s even beside a Paystack setting', () => {
    expect(ruleIds(`PAYSTACK_PUBLIC_KEY=pk_live_1\nSTRIPE_SECRET_KEY=${STRIPE_KEY}`)).toEqual(['stripe-secret-key']);
  });
});
