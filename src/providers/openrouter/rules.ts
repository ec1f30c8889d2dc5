// OpenRouter API keys: "a bearer that starts with sk-or-v1- [is treated] as an API key"
// (https://openrouter.ai/docs/guides/overview/auth/api-keys); the rest is 64 hex characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'openrouter-api-key',
  provider: 'openrouter',
  title: 'OpenRouter API key',
  severity: 'high',
  keywords: ['sk-or-v1-'],
  prefixes: ['sk-or-v1-'],
  window: { before: 0, after: 73 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sk-or-v1-[0-9a-f]{64})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Delete the key at https://openrouter.ai/settings/keys, create a new one (with a credit limit), and check the activity page for spend you did not make.',
  samples: {
    positive: [
      'OPENROUTER_API_KEY=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',
      '  -H "Authorization: Bearer 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"',
    ],
    negative: [
      'OPENROUTER_API_KEY=sk-or-v1-your-key-here',
      'OPENROUTER_API_KEY=sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000',
      // Truncated.
      'OPENROUTER_API_KEY=sk-or-v1-e8b5a3247dc17a1bb38b10b07b0aee9f153bf0bee68b55722beabe878771db6',
      // Upper-case hex is not what OpenRouter issues.
      'OPENROUTER_API_KEY=sk-or-v1-E8B5A3247DC17A1BB38B10B07B0AEE9F153BF0BEE68B55722BEABE878771DB6B',
    ],
  },
};

export const openrouter: ProviderDefinition = { id: 'openrouter', name: 'OpenRouter', rules: [apiKey] };
