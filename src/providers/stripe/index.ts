// Stripe keys: verified with GET /v1/account; rolled only on the dashboard; the account's events read with the operator's key.
import type { ProviderModule } from '../provider.js';
import { stripe } from './rules.js';
import { stripeSettings } from './settings.js';

export const stripeProvider: ProviderModule = {
  detection: stripe,
  settings: stripeSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://dashboard.stripe.com/apikeys', how: 'Stripe has no public API to expire a secret or restricted key: roll it on the dashboard (⋯ → Roll key, expire now)' },
        rotate: { manual: 'https://dashboard.stripe.com/apikeys', how: 'Stripe has no public API to roll a key: rolling on the dashboard shows the new key once' },
        describe: 'none',
        activity: 'api',
      },
      rules: {
        // A webhook signing secret is no API key: nothing to call with it, rolled on the endpoint's page.
        'stripe-webhook-secret': {
          verify: 'none',
          revoke: { manual: 'https://dashboard.stripe.com/webhooks', how: 'Roll the signing secret on the webhook endpoint\'s page (Roll secret, expire now)' },
          rotate: { manual: 'https://dashboard.stripe.com/webhooks', how: 'Rolling the secret on the endpoint\'s page shows the new one' },
          activity: 'none',
        },
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).stripeAdapter,
  },
};
