// EasyPost API keys (https://docs.easypost.com/docs/authentication), the Basic-auth username of
// every request: production keys are `EZAK` and test keys `EZTK`, then 32 hex characters and 22
// base62 characters. Production keys buy real postage; test keys are not findings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const productionKey: Rule = {
  id: 'easypost-production-key',
  provider: 'easypost',
  title: 'EasyPost production API key',
  severity: 'high',
  keywords: ['EZAK'],
  prefixes: ['EZAK'],
  window: { before: 0, after: 58 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>EZAK[0-9a-f]{32}[A-Za-z0-9]{22})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Disable and delete the key in the EasyPost Dashboard (Account settings → API keys, https://app.easypost.com/account/settings?tab=api-keys), create a new production key, deploy it, and check for shipments you did not create.',
  samples: {
    positive: [
      'easypost.api_key = "EZAKa9af89517e168b515ea2c9852b8d6129EAeaOTgGsoZweHClq5Cf7R"',
      'EASYPOST_API_KEY=EZAK7ad32878a7067add2dcfa13b2bbbeff7P7sS4kee6pmRudFD9fHVus',
    ],
    negative: [
      // Test mode.
      'EASYPOST_API_KEY=EZTKa9af89517e168b515ea2c9852b8d6129EAeaOTgGsoZweHClq5Cf7R',
      'EASYPOST_API_KEY=EZAK_your_production_key',
      'EASYPOST_API_KEY=EZAKd498563fe562baf1e56453c98028c7dbiUCY5Wx0sDjKtY8S87BTQ',
      'const EZAKd498563fe562baf1e56453c98028c7dbiUCY5Wx0sDjKtY8S87BTQ2x = 1;',
    ],
  },
};

export const easypost: ProviderDefinition = { id: 'easypost', name: 'EasyPost', rules: [productionKey] };
