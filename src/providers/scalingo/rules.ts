// Scalingo API tokens (https://doc.scalingo.com/platform/cli/start#login, SCALINGO_API_TOKEN):
// `tk-us-` (a user token) followed by 48 base64url characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiToken: Rule = {
  id: 'scalingo-api-token',
  provider: 'scalingo',
  title: 'Scalingo API token',
  severity: 'critical',
  keywords: ['tk-us-'],
  prefixes: ['tk-us-'],
  window: { before: 0, after: 54 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>tk-us-[A-Za-z0-9_-]{48})${TOKEN_END}`),
  minEntropy: 4,
  remediation:
    'Delete the token in the Scalingo dashboard (User settings → API tokens, https://dashboard.scalingo.com/account/tokens), check your apps\' events for changes it made, and create a new one.',
  samples: {
    positive: [
      'SCALINGO_API_TOKEN=tk-us-Zrc7ZLUBspNsIZC_FIgwtAxsB08GzVXDZ_A4-XskKoyDVuNr',
      'scalingo login --api-token tk-us-fLJd2Y3WLFwNlWyPuwfZl5YiHCJ2pKSdFkwSK99NKEzN83U1',
    ],
    negative: [
      'SCALINGO_API_TOKEN=tk-us-xxxxxxxx',
      'SCALINGO_API_TOKEN=tk-us-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'https://cf-templates-1e0b4nzsaectk-us-east-1.s3.amazonaws.com/Jenkins_Single_Instance.yml',
      // Truncated.
      'SCALINGO_API_TOKEN=tk-us-Zrc7ZLUBspNsIZC_FIgwtAxsB08GzVXDZ_A4-XskKoyD',
    ],
  },
};

export const scalingo: ProviderDefinition = { id: 'scalingo', name: 'Scalingo', rules: [apiToken] };
