// Firecrawl API keys (https://docs.firecrawl.dev/introduction; FIRECRAWL_API_KEY, sent as a Bearer
// token): `fc-` + 32 hex characters, as every key observed has.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'firecrawl-api-key',
  provider: 'firecrawl',
  title: 'Firecrawl API key',
  severity: 'high',
  keywords: ['fc-'],
  prefixes: ['fc-'],
  window: { before: 0, after: 35 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>fc-[0-9a-f]{32})${TOKEN_END}`),
  minEntropy: 3.3,
  remediation:
    'Delete the key in the Firecrawl dashboard (API Keys, https://www.firecrawl.dev/app/api-keys), create a new one, and check the credit usage for crawls you did not start.',
  samples: {
    positive: ['FIRECRAWL_API_KEY=fc-ec659dbad076223740d9b3bcabecda83', 'app = FirecrawlApp(api_key="fc-30a9d35ec5edb5a95be1908f30838046")'],
    negative: [
      'FIRECRAWL_API_KEY=fc-YOUR_API_KEY',
      'FIRECRAWL_API_KEY=fc-00000000000000000000000000000000',
      // Truncated.
      'FIRECRAWL_API_KEY=fc-ec659dbad076223740d9b3bcabecda8',
      // Part of a longer hex identifier.
      'id: abc-ec659dbad076223740d9b3bcabecda83',
    ],
  },
};

export const firecrawl: ProviderDefinition = { id: 'firecrawl', name: 'Firecrawl', rules: [apiKey] };
