// Tavily API keys (https://docs.tavily.com/documentation/quickstart; TAVILY_API_KEY, sent as a Bearer
// token) start `tvly-`, then for keys of a development or production environment `dev-`/`prod-`.
// Two bodies are observed: 32 base62 characters, and in newer keys a short segment of 4 to 8, `-`,
// and 42 more.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'tavily-api-key',
  provider: 'tavily',
  title: 'Tavily API key',
  severity: 'high',
  keywords: ['tvly-'],
  prefixes: ['tvly-dev-', 'tvly-prod-', 'tvly-'],
  window: { before: 0, after: 62 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>tvly-(?:dev-|prod-)?(?:[A-Za-z0-9]{4,8}-[A-Za-z0-9]{42}|[A-Za-z0-9]{32}))${TOKEN_END}`),
  minEntropy: 3.5,
  // Random keys mix cases and digits; words after a `tvly-` do not.
  validate: ({ secret }) =>
    /[a-z]/.test(secret.slice(5)) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' },
  remediation:
    'Delete the key in the Tavily dashboard (https://app.tavily.com/home), create a new one, and check the credit usage for searches you did not make.',
  samples: {
    positive: [
      'TAVILY_API_KEY=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',
      'tavily_client = TavilyClient(api_key="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")',
      'TAVILY_API_KEY=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',
    ],
    negative: [
      'TAVILY_API_KEY=tvly-...',
      'TAVILY_API_KEY=tvly-YOUR_API_KEY',
      // Truncated.
      'TAVILY_API_KEY=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',
      'TAVILY_API_KEY=tvly-dev-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

export const tavily: ProviderDefinition = { id: 'tavily', name: 'Tavily', rules: [apiKey] };
