// Jina AI API keys (https://jina.ai/api-dashboard/; JINA_API_KEY, sent as a Bearer token to the
// embeddings, reranker and reader APIs): `jina_` + 32 hex characters + 27 or 28 base64url
// characters, as every key observed has.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'jina-api-key',
  provider: 'jina',
  title: 'Jina AI API key',
  severity: 'high',
  keywords: ['jina_'],
  prefixes: ['jina_'],
  window: { before: 0, after: 66 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>jina_[0-9a-f]{32}[A-Za-z0-9_-]{27,28})${TOKEN_END}`),
  minEntropy: 3.8,
  remediation:
    'Revoke the key in the Jina AI dashboard (https://jina.ai/api-dashboard/), create a new one, and check its token balance for use you did not make.',
  samples: {
    positive: [
      'JINA_API_KEY=jina_891d54f8bbaf58efb9c9d2ddc86c0151JMGY_wTn9obouNZdgozmWfTXMqgA',
      'curl https://r.jina.ai/https://example.com -H "Authorization: Bearer jina_0f89620cfbded4a01dc2efa678b3d719W3Jl2OMfjIgta77FT2eKigTqruew"',
    ],
    negative: [
      'JINA_API_KEY=jina_...',
      'JINA_API_KEY=jina_your_api_key_here',
      // Truncated.
      'JINA_API_KEY=jina_891d54f8bbaf58efb9c9d2ddc86c0151JMGY_wTn9obou',
      // The random part must begin with 32 hex characters.
      'JINA_API_KEY=jina_891d54f8bbaf58efb9c9d2ddc86cZZZZJMGY_wTn9obouNZdgozmWfTXMqgA',
    ],
  },
};

export const jina: ProviderDefinition = { id: 'jina', name: 'Jina AI', rules: [apiKey] };
