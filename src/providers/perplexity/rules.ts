// Perplexity API keys: `pplx-` + 48 base62 characters (older keys: 48 hex), generated in the API
// portal (https://docs.perplexity.ai/guides/perplexity-sdk) and sent as a Bearer token.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'perplexity-api-key',
  provider: 'perplexity',
  title: 'Perplexity API key',
  severity: 'high',
  keywords: ['pplx-'],
  prefixes: ['pplx-'],
  window: { before: 0, after: 53 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pplx-[A-Za-z0-9]{48})${TOKEN_END}`),
  minEntropy: 3.3,
  remediation:
    'Delete the key in the Perplexity API portal (https://www.perplexity.ai/account/api/keys), generate a new one, and check API credit usage for calls you did not make.',
  samples: {
    positive: [
      'PERPLEXITY_API_KEY=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',
      "client = OpenAI(api_key='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', base_url='https://api.perplexity.ai')",
    ],
    negative: [
      "export PERPLEXITY_API_KEY='pplx-...'",
      'PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Truncated.
      'PERPLEXITY_API_KEY=pplx-769kUWeRf4cjSqkqUTokPzOjUFvyKqIYoLNzp3p5f4jmrmh',
      'import-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',
    ],
  },
};

export const perplexity: ProviderDefinition = { id: 'perplexity', name: 'Perplexity', rules: [apiKey] };
