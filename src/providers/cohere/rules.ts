// Cohere API keys (https://docs.cohere.com/docs/rate-limits; CO_API_KEY or COHERE_API_KEY, sent as a
// Bearer token): 40 base62 characters with no prefix. A key counts only where named as Cohere's or
// passed to a Cohere client. The keyword `cohere` also starts "coherent" and "coherence"; the
// pattern then needs a key's name right after it.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { assignOperator } from '../boundaries.js';

const ASSIGN = String.raw`["'\]]?\s{0,4}${assignOperator(':=,(')}\s{0,4}(?:api_key\s{0,2}=\s{0,2})?["'\x60]?`;
const NAMED = String.raw`(?:cohere[\w.:\s"'{}(),-]{0,60}?(?:api[_.-]?key|key|token)|(?<![a-z0-9])co[_-]api[_-]key)[\w.-]{0,12}?${ASSIGN}`;

const apiKey: Rule = {
  id: 'cohere-api-key',
  provider: 'cohere',
  title: 'Cohere API key',
  severity: 'high',
  keywords: ['cohere', 'co_api_key'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`${NAMED}(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.5,
  validate: ({ secret }) =>
    /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' },
  remediation:
    'Delete the key in the Cohere dashboard (API keys, https://dashboard.cohere.com/api-keys), create a new one, and check usage and billing for calls you did not make.',
  samples: {
    positive: [
      'COHERE_API_KEY=ni58aHCWebWr9S7Xyp7KJrv5eXFm7slzdAhQnvuD',
      'co = cohere.ClientV2(api_key="r5ghOTdq9QVvFPxsIjVxZGfqBVYnh2oSrPk2TWVK")',
      'CO_API_KEY=r5ghOTdq9QVvFPxsIjVxZGfqBVYnh2oSrPk2TWVK',
    ],
    negative: [
      'COHERE_API_KEY=<your-cohere-api-key>',
      'COHERE_API_KEY=${COHERE_API_KEY}',
      // A SHA-1 is hex, with no upper case.
      'COHERE_API_KEY=beca9ed8342e1bcf975b0854eb751968865ad696',
      // "coherent", then no key's name.
      'a coherent cache: ni58aHCWebWr9S7Xyp7KJrv5eXFm7slzdAhQnvuD',
    ],
  },
};

export const cohere: ProviderDefinition = { id: 'cohere', name: 'Cohere', rules: [apiKey] };
