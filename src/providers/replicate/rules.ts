// Replicate API tokens: "40-character strings that always start with r8_"
// (https://replicate.com/docs/topics/security/api-tokens), i.e. `r8_` + 37 base62 characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiToken: Rule = {
  id: 'replicate-api-token',
  provider: 'replicate',
  title: 'Replicate API token',
  severity: 'high',
  keywords: ['r8_'],
  prefixes: ['r8_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>r8_[A-Za-z0-9]{37})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Disable the token at https://replicate.com/account/api-tokens, create a new one, and check the predictions and trainings it ran (and billed) in the dashboard.',
  samples: {
    positive: [
      'REPLICATE_API_TOKEN=r8_CiU8iMoBuW3aQn8MGiysMCjJz4btFUNfF7ImD',
      "replicate = Client(api_token='r8_0JwIDxh5d6U9YQMSjSmFLpG0IPfN1EAMUN8Jh')",
    ],
    negative: [
      'export REPLICATE_API_TOKEN="r8_xxxxxxxxxxxx"',
      'REPLICATE_API_TOKEN=r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // One character short.
      'REPLICATE_API_TOKEN=r8_CiU8iMoBuW3aQn8MGiysMCjJz4btFUNfF7Im',
      'const vector_r8_CiU8iMoBuW3aQn8MGiysMCjJz4btFUNfF7ImD = 1;',
    ],
  },
};

export const replicate: ProviderDefinition = { id: 'replicate', name: 'Replicate', rules: [apiToken] };
