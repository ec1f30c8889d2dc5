// Paystack secret keys (https://paystack.com/docs/api/authentication/): `sk_live_` (or `sk_test_`)
// + 40 hex characters. Stripe's secret keys share the `sk_live_` start, so a key counts as
// Paystack's only near the word "paystack", where it takes the finding from the Stripe rule (same
// characters, surer confidence); elsewhere a `sk_live_` key stays Stripe's. Test keys are not
// findings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';

const secretKey: Rule = {
  id: 'paystack-secret-key',
  provider: 'paystack',
  title: 'Paystack live secret key',
  severity: 'critical',
  keywords: ['paystack'],
  keywordsIgnoreCase: true,
  prefixes: ['sk_live_'],
  window: { before: 300, after: 300 },
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9_')}(?<secret>sk_live_[0-9a-f]{40})${notBefore('A-Za-z0-9_')}`),
  minEntropy: 3,
  // Its own format near its own name: surer than the Stripe rule's match on the same characters.
  validate: () => ({ valid: true, confidence: 'structure' }),
  remediation:
    'Generate new API keys in the Paystack Dashboard (Settings → API Keys & Webhooks → Generate new secret key, https://dashboard.paystack.com/#/settings/developers), deploy the new key, and review recent transactions, transfers and refunds.',
  samples: {
    positive: [
      'PAYSTACK_SECRET_KEY=sk_live_ba2f68ad72dfc564981c73355eeeeb63abaed24a',
      "const paystack = require('paystack-api')('sk_live_42808b13dca516fd97bed514f5ff421b4e2ab900');",
    ],
    negative: [
      // Test mode.
      'PAYSTACK_SECRET_KEY=sk_test_9d94de215a50742180537cbfd1dd39e4a2253f5a',
      'PAYSTACK_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // A Stripe key next to a Paystack one is still Stripe's.
      'PAYSTACK_SECRET_KEY=\nSTRIPE_SECRET_KEY=sk_live_8k5v1agNgYSpeqFsNa2LBkN1',
      'PAYSTACK_SECRET_KEY=sk_live_9d94de215a50742180537cbfd1dd39e4a2253f5',
    ],
  },
};

export const paystack: ProviderDefinition = { id: 'paystack', name: 'Paystack', rules: [secretKey] };
