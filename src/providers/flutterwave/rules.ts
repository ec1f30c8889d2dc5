// Flutterwave secret keys (https://developer.flutterwave.com/docs/authentication): live keys are
// `FLWSECK-` + 32 hex characters (newer keys add `-` and a dozen lower-case alphanumerics) + `-X`;
// test keys start `FLWSECK_TEST-` and are not findings. Public keys (`FLWPUBK-`) are public.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const secretKey: Rule = {
  id: 'flutterwave-secret-key',
  provider: 'flutterwave',
  title: 'Flutterwave live secret key',
  severity: 'critical',
  keywords: ['FLWSECK-'],
  prefixes: ['FLWSECK-'],
  window: { before: 0, after: 62 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>FLWSECK-[0-9a-f]{32}(?:-[0-9a-z]{10,16})?-X)${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Generate new API keys in the Flutterwave Dashboard (Settings → API keys, https://app.flutterwave.com/dashboard/settings/apis/live), deploy the new secret key, and review recent transactions, transfers and refunds.',
  samples: {
    positive: [
      'FLW_SECRET_KEY=FLWSECK-e7ea1d0bd584adaff360851c13f243e9-X',
      "const flw = new Flutterwave('FLWPUBK-6a221121eb54954ea2cf34ae6f5baa4f-X', 'FLWSECK-864dca2a681dd874b657474fbcef31de-19c8e2kq0f4wd-X');",
    ],
    negative: [
      // Test mode.
      'FLW_SECRET_KEY=FLWSECK_TEST-e7ea1d0bd584adaff360851c13f243e9-X',
      'FLW_SECRET_KEY=FLWSECK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X',
      // Public key.
      'FLW_PUBLIC_KEY=FLWPUBK-6a221121eb54954ea2cf34ae6f5baa4f-X',
      'FLW_SECRET_KEY=FLWSECK-e7ea1d0bd584adaff360851c13f243e-X',
    ],
  },
};

export const flutterwave: ProviderDefinition = { id: 'flutterwave', name: 'Flutterwave', rules: [secretKey] };
