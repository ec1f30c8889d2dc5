// Together AI API keys (https://docs.together.ai/reference/authentication-1; TOGETHER_API_KEY, sent
// as a Bearer token). Current keys are `tgp_v1_` + 43 base64url characters, as every key observed
// has; older keys were 64 hex characters with no prefix, too plain to find without guessing.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'together-api-key',
  provider: 'together',
  title: 'Together AI API key',
  severity: 'high',
  keywords: ['tgp_v1_'],
  prefixes: ['tgp_v1_'],
  window: { before: 0, after: 50 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>tgp_v1_[A-Za-z0-9_-]{43})${TOKEN_END}`),
  minEntropy: 3.8,
  remediation:
    'Revoke the key in Together AI (Settings → API Keys, https://api.together.ai/settings/api-keys), create a new one, and check billing and usage for inference or fine-tuning you did not start.',
  samples: {
    positive: [
      'TOGETHER_API_KEY=tgp_v1_Bgw45A0Z9vMdNeF2UZSNqyL5p0v9o51PImCU2m00Pko',
      'client = Together(api_key="tgp_v1_oyZFib6HiG65OLdDKA7nHV_JUPKc4csyfo1OS_gU5od")',
    ],
    negative: [
      'TOGETHER_API_KEY=tgp_v1_...',
      'TOGETHER_API_KEY=tgp_v1_your_api_key_here',
      // Truncated.
      'TOGETHER_API_KEY=tgp_v1_Bgw45A0Z9vMdNeF2UZSNqyL5p0v9o51PImCU2m00Pk',
      'TOGETHER_API_KEY=tgp_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

export const together: ProviderDefinition = { id: 'together', name: 'Together AI', rules: [apiKey] };
