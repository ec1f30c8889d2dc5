// Pinecone API keys (https://docs.pinecone.io/guides/projects/manage-api-keys): one or more per
// project, sent in the Api-Key header. Pinecone does not publish their format; the keys it issues
// are `pcsk_`, a short base62 key id, `_`, and 63 random base62 characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const apiKey: Rule = {
  id: 'pinecone-api-key',
  provider: 'pinecone',
  title: 'Pinecone API key',
  severity: 'high',
  keywords: ['pcsk_'],
  prefixes: ['pcsk_'],
  window: { before: 0, after: 80 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{60,66})(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  remediation:
    "Delete the key in the Pinecone console (the project's API keys page, https://app.pinecone.io/), create a new one, and check the project's indexes for data you did not write.",
  samples: {
    positive: [
      'PINECONE_API_KEY=pcsk_Yf1WvO_xWW9cVj0Llw2U1sjNwZkq7q3ho4xRr1O925pclWd77SFeSzZ3FFDaNaX7rrH58u',
      "pc = Pinecone(api_key='pcsk_DVGdqi_p9RGfgtlMXaEMTYWDroMk8t82VLe6hhMgZiamduWRt9KYk0oCFbKTlUhsoM5hmF')",
    ],
    negative: [
      'PINECONE_API_KEY=pcsk_...',
      'PINECONE_API_KEY=pcsk_YOUR_PINECONE_API_KEY',
      'PINECONE_API_KEY=pcsk_xxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // The random part cut short.
      'PINECONE_API_KEY=pcsk_OrPKKy_LOtX3iniYV6rPGKMPySNdjvJ3kloOygnAIAYwL5QqYFb',
    ],
  },
};

export const pinecone: ProviderDefinition = { id: 'pinecone', name: 'Pinecone', rules: [apiKey] };
