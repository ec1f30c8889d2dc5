// Postman API keys: `PMAK-` + 24 hex + `-` + 34 hex.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const apiKey: Rule = {
  id: 'postman-api-key',
  provider: 'postman',
  title: 'Postman API key',
  severity: 'high',
  keywords: ['PMAK-'],
  prefixes: ['PMAK-'],
  window: { before: 0, after: 68 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  remediation:
    'Delete the key in Postman (Settings → API keys, https://go.postman.co/settings/me/api-keys) and generate a new one; team admins can also revoke keys from the team settings.',
  samples: {
    positive: [
      'POSTMAN_API_KEY=PMAK-58007e5c4fa2fbb19141b50a-394ab97dbfe76f9bb0a221edad6eb1ef0e',
      'curl -H "X-Api-Key: PMAK-668df42d61fc7ede362011c9-18b958c23235ab8ffd558c3b0c95751583" https://api.getpostman.com/me',
    ],
    negative: [
      'POSTMAN_API_KEY=PMAK-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'POSTMAN_API_KEY=PMAK-<your-key>',
      // The second part is 33 characters: truncated.
      'POSTMAN_API_KEY=PMAK-8f1cd78874285e304bdfc251-c3e55e9fb5b8f6040438fc9bf68ba272a',
      'POSTMAN_API_KEY=XPMAK-8f1cd78874285e304bdfc251-c3e55e9fb5b8f6040438fc9bf68ba272a3',
    ],
  },
};

export const postman: ProviderDefinition = { id: 'postman', name: 'Postman', rules: [apiKey] };
