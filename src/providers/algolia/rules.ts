// Algolia Admin API keys (https://www.algolia.com/doc/guides/security/api-keys/#admin-api-key): 32
// hex characters, like the public search-only key and every MD5 hash. The admin key can read,
// change and delete every index and every other key, so it counts only where a name says both
// "algolia" and "admin" (ALGOLIA_ADMIN_KEY, algoliaAdminApiKey, algolia-admin-key...).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const adminKey: Rule = {
  id: 'algolia-admin-key',
  provider: 'algolia',
  title: 'Algolia Admin API key',
  severity: 'critical',
  keywords: ['algolia_admin', 'algoliaadmin', 'algolia-admin', 'algolia.admin'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 120 },
  pattern: /algolia[_.-]?admin[A-Za-z0-9_-]{0,20}["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3,
  remediation:
    'Regenerate the Admin API key in the Algolia dashboard (Settings → API Keys → Regenerate, https://dashboard.algolia.com/account/api-keys): every client using the old one stops working; then check the indices and other API keys for changes.',
  samples: {
    positive: ['ALGOLIA_ADMIN_KEY=5cd1876567ebbd9bc141685b25409f1a', "module.exports = {\n  algoliaAppId: 'QX0F7M3L2K',\n  algoliaAdminApiKey: '12dae7619231e1591daaabd5c4791d2d',\n};"],
    negative: [
      // The search-only key is public by design.
      'ALGOLIA_SEARCH_KEY=b1e7b12815934afa8352b60dc149c4be',
      'ALGOLIA_ADMIN_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ALGOLIA_ADMIN_KEY=<your admin api key>',
      // Cut short.
      'ALGOLIA_ADMIN_KEY=5cd1876567ebbd9bc141685b25409f',
    ],
  },
};

export const algolia: ProviderDefinition = { id: 'algolia', name: 'Algolia', rules: [adminKey] };
