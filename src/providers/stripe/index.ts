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
    },
    loadAdapter: async () => (await import('./adapter.js')).stripeAdapter,
  },
};
