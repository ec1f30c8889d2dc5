// Mistral AI API keys (https://docs.mistral.ai/getting-started/quickstart/; MISTRAL_API_KEY, sent as a
// Bearer token): 32 base62 characters with no prefix. A key counts only where named as Mistral's or
// passed to a Mistral client.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { assignOperator } from '../boundaries.js';

const ASSIGN = String.raw`["'\]]?\s{0,4}${assignOperator(':=,(')}\s{0,4}(?:api_key\s{0,2}=\s{0,2})?["'\x60]?`;
const NAMED = String.raw`mistral[\w.:\s"'{}(),-]{0,60}?(?:api[_.-]?key|key|token)[\w.-]{0,12}?${ASSIGN}`;

const apiKey: Rule = {
  id: 'mistral-api-key',
  provider: 'mistral',
  title: 'Mistral AI API key',
  severity: 'high',
  keywords: ['mistral'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`${NAMED}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.5,
  validate: ({ secret }) =>
    /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' },
  remediation:
    'Delete the key in Mistral\'s La Plateforme (API Keys, https://console.mistral.ai/api-keys), create a new one, and check the workspace\'s usage for calls you did not make.',
  samples: {
    positive: [
      'MISTRAL_API_KEY=FoAAy7GUHwPgmwCUuyQsooO7ffRsSDkT',
      'client = Mistral(api_key="4yTtQ8iQeaNYcJIwoFzvKoDGq03ItYA5")',
    ],
    negative: [
      'MISTRAL_API_KEY=your_mistral_api_key_here',
      'MISTRAL_API_KEY=${MISTRAL_API_KEY}',
      // A model name, not a key.
      'MISTRAL_MODEL=mistral-large-latest',
      // 32 hex (a checksum) has no upper case.
      'MISTRAL_API_KEY=31db9f79ce4e93617eb42d2010612664',
    ],
  },
};

export const mistral: ProviderDefinition = { id: 'mistral', name: 'Mistral AI', rules: [apiKey] };
