// DeepSeek API keys (https://api-docs.deepseek.com/; sent as a Bearer token to the OpenAI-compatible
// API at https://api.deepseek.com): `sk-` + 32 hex characters. Other OpenAI-compatible providers issue
// keys of the same shape, so a key counts only where it is named as DeepSeek's (DEEPSEEK_API_KEY, a
// deepseek setting) or passed to a client together with DeepSeek's base URL.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { assignOperator } from '../boundaries.js';

const KEY = String.raw`(?<secret>sk-[0-9a-f]{32})(?![0-9A-Za-z_-])`;
const ASSIGN = String.raw`["'\]]?\s{0,4}${assignOperator(':=,(')}\s{0,4}(?:api_key\s{0,2}=\s{0,2})?["'\x60]?`;
const NAMED = String.raw`deepseek[\w.:\s"'{},-]{0,60}?(?:api[_.-]?key|key|token|secret)[\w.-]{0,12}?${ASSIGN}`;
// OpenAI(api_key="sk-…", base_url="https://api.deepseek.com"): the key comes first, the name after.
const CLIENT = String.raw`api[_-]?key\s{0,2}[=:]\s{0,2}["'](?=sk-[0-9a-f]{32}["']\s{0,4},\s{0,8}base[_-]?url\s{0,2}[=:]\s{0,2}["']https://api\.deepseek\.com)`;

const apiKey: Rule = {
  id: 'deepseek-api-key',
  provider: 'deepseek',
  title: 'DeepSeek API key',
  severity: 'high',
  keywords: ['deepseek'],
  keywordsIgnoreCase: true,
  window: { before: 120, after: 160 },
  pattern: new RegExp(String.raw`(?:${NAMED}|${CLIENT})${KEY}`, 'i'),
  minEntropy: 3,
  remediation:
    'Delete the key on the DeepSeek platform (API keys, https://platform.deepseek.com/api_keys), create a new one, and check usage and balance for calls you did not make.',
  samples: {
    positive: [
      'DEEPSEEK_API_KEY=sk-7f61df00851e5b8e6c9043c1f3e78bdc',
      'client = OpenAI(api_key="sk-1234722df45cbff2e19ff3e911165762", base_url="https://api.deepseek.com")',
      'providers:\n  deepseek:\n    api_key: "sk-7f61df00851e5b8e6c9043c1f3e78bdc"',
    ],
    negative: [
      'DEEPSEEK_API_KEY=sk-...',
      'DEEPSEEK_API_KEY=sk-00000000000000000000000000000000',
      // The same shape, named as another provider's key beside a DeepSeek model name.
      'DASHSCOPE_API_KEY=sk-7f61df00851e5b8e6c9043c1f3e78bdc\nMODEL=deepseek-r1',
      // Truncated.
      'DEEPSEEK_API_KEY=sk-7f61df00851e5b8e6c9043c1f3e78bd',
    ],
  },
};

export const deepseek: ProviderDefinition = { id: 'deepseek', name: 'DeepSeek', rules: [apiKey] };
