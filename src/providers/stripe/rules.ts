// Stripe live API keys: secret keys (sk_live_) and restricted keys (rk_live_). Test-mode keys
// (sk_test_, rk_test_) cannot move money and publishable keys (pk_) are public by design, so
// neither is a finding. Keys are up to 255 characters (https://docs.stripe.com/keys).
// Webhook endpoint signing secrets (`whsec_`, https://docs.stripe.com/webhooks#verify-events) let
// anyone forge events to the endpoint; other webhook senders (Svix, Standard Webhooks) use the same
// prefix, so a `whsec_` value counts only near the word "stripe".
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';

/** A hyphen may touch a Stripe key: `sk_live_…-` ends it. */
const START = notAfter('A-Za-z0-9_');
const END = notBefore('A-Za-z0-9_');

const secretKey: Rule = {
  id: 'stripe-secret-key',
  provider: 'stripe',
  title: 'Stripe live secret key',
  severity: 'critical',
  keywords: ['sk_live_'],
  prefixes: ['sk_live_'],
  window: { before: 0, after: 255 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>sk_live_[A-Za-z0-9]{20,247})${END}`),
  minEntropy: 3.5,
  remediation:
    'Roll the key in the Stripe Dashboard (https://dashboard.stripe.com/apikeys → ⋯ → Roll key, expiring the old one now), deploy the new key, and review recent API activity in the Dashboard logs.',
  samples: {
    positive: [
      'STRIPE_SECRET_KEY=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',
      "const stripe = require('stripe')('sk_live_8k5v1agNgYSpeqFsNa2LBkN1');",
    ],
    negative: [
      // Test mode keys cannot charge real cards.
      'STRIPE_SECRET_KEY=sk_test_51vZO9oNdD0yiSgR5gwnWJ7irgVzOdsQbuqgRjbar7IJXNckjiVix32fjuxpjNJVReLE2EgDDW1vGwc7NzxHir9sVBqb8LuHYNK',
      // Publishable keys are meant to be public.
      "const stripe = Stripe('pk_live_8k5v1agNgYSpeqFsNa2LBkN1');",
      'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      'STRIPE_SECRET_KEY=sk_live_<your secret key>',
      'const mask_live_8k5v1agNgYSpeqFsNa2LBkN1 = 1;',
      // Truncated below the shortest key length.
      'STRIPE_SECRET_KEY=sk_live_8k5v1agNgYSpe',
    ],
  },
};

const restrictedKey: Rule = {
  id: 'stripe-restricted-key',
  provider: 'stripe',
  title: 'Stripe live restricted key',
  severity: 'high',
  keywords: ['rk_live_'],
  prefixes: ['rk_live_'],
  window: { before: 0, after: 255 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>rk_live_[A-Za-z0-9]{20,247})${END}`),
  minEntropy: 3.5,
  remediation:
    'Roll or delete the restricted key in the Stripe Dashboard (https://dashboard.stripe.com/apikeys), deploy its replacement, and check what its permissions allowed in the Dashboard logs.',
  samples: {
    positive: [
      'STRIPE_RESTRICTED_KEY=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',
      '  stripe_api_key: "rk_live_qxqWhNGXbCSCJwIEnEi3e7EW"',
    ],
    negative: [
      'STRIPE_RESTRICTED_KEY=rk_test_51Jfzj29OCIQhqxYuEXiUDbQzmr02kFxO6TOaHxGsCsjj0CBR3WqWr600yLp0rVVHLn37s9r1EmPlZU4lecMujS7F0ZH5rU7ZST',
      'STRIPE_RESTRICTED_KEY=rk_live_XXXXXXXXXXXXXXXXXXXXXXXX',
      'STRIPE_RESTRICTED_KEY=rk_live_${STRIPE_KEY}',
      'const park_live_qxqWhNGXbCSCJwIEnEi3e7EW = 1;',
    ],
  },
};

const webhookSecret: Rule = {
  id: 'stripe-webhook-secret',
  provider: 'stripe',
  title: 'Stripe webhook signing secret',
  // Whoever holds it can forge events (a paid invoice, a succeeded payment) to the endpoint.
  severity: 'high',
  keywords: ['stripe'],
  keywordsIgnoreCase: true,
  prefixes: ['whsec_'],
  window: { before: 300, after: 300 },
  // Dashboard endpoints get 32 base62 characters; `stripe listen` prints 64 hex.
  pattern: new RegExp(String.raw`${START}(?<secret>whsec_(?:[A-Za-z0-9]{32}|[0-9a-f]{64}))${notBefore('A-Za-z0-9_+/=')}`),
  minEntropy: 3,
  remediation:
    'Roll the endpoint\'s signing secret in the Stripe Dashboard (Developers → Webhooks → the endpoint → Roll secret, https://dashboard.stripe.com/webhooks), deploy the new secret, and check recent events your endpoint accepted against the Dashboard\'s event log.',
  samples: {
    positive: [
      'STRIPE_WEBHOOK_SECRET=whsec_T9v4hnc5SLwrZr57IUwdYoZSrwxt6oRR',
      "# from `stripe listen --forward-to localhost:4242/webhook`\nendpoint_secret = 'whsec_c45fee35aa2339a49ad36cf3e670fe95bb9632f16f98317f1ec44718b42259c8'",
    ],
    negative: [
      "STRIPE_WEBHOOK_SECRET=whsec_...",
      'STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // No Stripe context: another sender's webhook secret with the same prefix.
      'SVIX_WEBHOOK_SECRET=whsec_T9v4hnc5SLwrZr57IUwdYoZSrwxt6oRR',
      // Base64 with `+`: not what Stripe issues.
      'STRIPE_WEBHOOK_SECRET=whsec_T9v4hnc5SLwrZr57IUwdYoZSrwxt6oRR+Kx2mQ==',
    ],
  },
};

export const stripe: ProviderDefinition = { id: 'stripe', name: 'Stripe', rules: [secretKey, restrictedKey, webhookSecret] };
