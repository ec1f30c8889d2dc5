// Voyage AI API keys (https://docs.voyageai.com/docs/api-key-and-installation; VOYAGE_API_KEY, sent
// as a Bearer token): `pa-` + 43 base64url characters, as every key observed has.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'voyage-api-key',
  provider: 'voyage',
  title: 'Voyage AI API key',
  severity: 'high',
  keywords: ['pa-'],
  prefixes: ['pa-'],
  window: { before: 0, after: 46 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pa-[A-Za-z0-9_-]{43})${TOKEN_END}`),
  minEntropy: 3.8,
  // Random keys mix cases and digits; kebab-case words after a `pa-` do not.
  validate: ({ secret }) =>
    /[a-z]/.test(secret.slice(3)) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' },
  remediation:
    'Delete the key in the Voyage AI dashboard (API keys, https://dashboard.voyageai.com/; keys of MongoDB Atlas projects in Atlas), create a new one, and check usage for requests you did not make.',
  samples: {
    positive: [
      'VOYAGE_API_KEY=pa-6TeaoLfNHgGYgoUfUaeTqR_Tc03wduNo86LgUJtbkya',
      'vo = voyageai.Client(api_key="pa-_b4aDa4f21MXdqQYrvZNLJMgQnrLvdRkeBUVHVECFfn")',
    ],
    negative: [
      'export VOYAGE_API_KEY="pa-..."',
      'VOYAGE_API_KEY=pa-your-voyage-key-here',
      // Truncated.
      'VOYAGE_API_KEY=pa-6TeaoLfNHgGYgoUfUaeTqR_Tc03wduNo86LgUJtbky',
      // A CSS class of the same length.
      '<div class="pa-header-navigation-container-wrapper-outer-l">',
    ],
  },
};

export const voyage: ProviderDefinition = { id: 'voyage', name: 'Voyage AI', rules: [apiKey] };
