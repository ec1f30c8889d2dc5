// Mollie API keys (https://docs.mollie.com/reference/authentication): `live_` or `test_` + 30
// base62 characters, sent as Bearer tokens. `live_` is too common a start to find keys by, so a
// live key counts only near the word "mollie". Test keys create no real payments and are not
// findings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const liveApiKey: Rule = {
  id: 'mollie-live-api-key',
  provider: 'mollie',
  title: 'Mollie live API key',
  severity: 'critical',
  keywords: ['mollie'],
  keywordsIgnoreCase: true,
  prefixes: ['live_'],
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>live_[A-Za-z0-9]{30})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Reset the live API key in the Mollie Dashboard (Developers → API keys → Reset, https://my.mollie.com/dashboard/developers/api-keys), deploy the new key, and review recent payments and refunds.',
  samples: {
    positive: [
      'MOLLIE_API_KEY=live_CFXWv1xHN9vGv8p7oykzeEHO1Hy272',
      "$mollie = new \\Mollie\\Api\\MollieApiClient();\n$mollie->setApiKey('live_KYjaKgOaHmrtniy73uyEQUdBb8pYFp');",
    ],
    negative: [
      // Test mode.
      'MOLLIE_API_KEY=test_CFXWv1xHN9vGv8p7oykzeEHO1Hy272',
      'MOLLIE_API_KEY=live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // No Mollie context.
      'STREAM_KEY=live_5SkljEojmsqXVxH4Y9AdQHShQkmK4P',
      'MOLLIE_API_KEY=live_5SkljEojmsqXVxH4Y9AdQHShQkmK4',
    ],
  },
};

export const mollie: ProviderDefinition = { id: 'mollie', name: 'Mollie', rules: [liveApiKey] };
