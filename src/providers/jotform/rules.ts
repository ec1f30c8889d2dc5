// Jotform API keys (https://api.jotform.com/docs/#authentication): 32 hex characters, like any MD5,
// so a key counts only under a Jotform name (JOTFORM_API_KEY, jotformApiKey, the `apiKey` of a
// Jotform client).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END } from '../boundaries.js';

const apiKey: Rule = {
  id: 'jotform-api-key',
  provider: 'jotform',
  title: 'Jotform API key',
  severity: 'high',
  keywords: ['jotform'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(String.raw`(?:jotform[A-Za-z0-9_.-]{0,20}?(?:api[_-]?)?key|apiKey|api_key)["']?\s{0,5}(?:[:=,]|=>)\s{0,5}["']?(?<secret>[a-f0-9]{32})${TOKEN_END}`, 'i'),
  minEntropy: 3,
  remediation: 'Delete the key in Jotform (My Account → API → the key → Delete, https://www.jotform.com/myaccount/api) and create a new one.',
  samples: {
    positive: ['JOTFORM_API_KEY=5cd1876567ebbd9bc141685b25409f1a', "const jotform = require('jotform');\njotform.options({ apiKey: '12dae7619231e1591daaabd5c4791d2d' });"],
    negative: ['API_KEY=5cd1876567ebbd9bc141685b25409f1a', 'JOTFORM_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'JOTFORM_API_KEY=<your api key>', 'JOTFORM_API_KEY=b1e7b12815934afa8352b60dc149c4'],
  },
};

export const jotform: ProviderDefinition = { id: 'jotform', name: 'Jotform', rules: [apiKey] };
