// Groq API keys: `gsk_` + 52 base62 characters, created at https://console.groq.com/keys
// (https://console.groq.com/docs/quickstart). Every key observed carries the fixed run `WGdyb3FY`
// after its first 20 random characters; validate() requires it, so `gsk_` followed by any 52
// letters (an identifier, a hash) is not a finding.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const MARKER = 'WGdyb3FY';
const MARKER_AT = 'gsk_'.length + 20;

const apiKey: Rule = {
  id: 'groq-api-key',
  provider: 'groq',
  title: 'Groq API key',
  severity: 'high',
  keywords: ['gsk_'],
  prefixes: ['gsk_'],
  window: { before: 0, after: 56 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>gsk_[A-Za-z0-9]{52})${TOKEN_END}`),
  minEntropy: 3.5,
  validate: ({ secret }) =>
    secret.startsWith(MARKER, MARKER_AT) ? { valid: true, confidence: 'structure' } : { valid: false, reason: `no ${MARKER} where Groq keys carry it` },
  remediation:
    'Delete the key at https://console.groq.com/keys (every Groq key has full API access), create a new one, and check usage and spend for the organization in the console.',
  samples: {
    positive: [
      'GROQ_API_KEY=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',
      'client = Groq(api_key="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")',
    ],
    negative: [
      'GROQ_API_KEY=gsk_your_key_here',
      // The right length without the fixed run Groq keys carry.
      'GROQ_API_KEY=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',
      // Truncated.
      'GROQ_API_KEY=gsk_DBj5UkLF9BUh210M5VZ4WGdyb3FYAbSe1h8xSuqx89q33QvCI8k',
      'const task_DBj5UkLF9BUh210M5VZ4WGdyb3FYAbSe1h8xSuqx89q33QvCI8k2 = 1;',
      'GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxWGdyb3FYxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

export const groq: ProviderDefinition = { id: 'groq', name: 'Groq', rules: [apiKey] };
