// Stability AI API keys (https://platform.stability.ai/docs/getting-started/authentication;
// STABILITY_API_KEY, sent as a Bearer token): `sk-` + 48 base62 characters. OpenAI's legacy keys have
// the same length and start, so a key counts only where it is named as Stability's, and never when it
// carries OpenAI's marker.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { assignOperator } from '../boundaries.js';

const ASSIGN = String.raw`["'\]]?\s{0,4}${assignOperator(':=,(')}\s{0,4}(?:api_key\s{0,2}=\s{0,2}|key\s{0,2}=\s{0,2})?["'\x60]?`;
const NAMED = String.raw`stability[\w.:\s"'{}(),-]{0,60}?(?:api[_.-]?key|key|token|secret)[\w.-]{0,12}?${ASSIGN}`;

/** An OpenAI legacy key holds T3BlbkFJ; a Stability key is random base62 with both cases and digits. */
function checkApiKey({ secret }: Candidate): Validation {
  if (secret.includes('T3BlbkFJ')) return { valid: false, reason: "OpenAI's marker: an OpenAI key" };
  return /[a-z]/.test(secret.slice(3)) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiKey: Rule = {
  id: 'stability-api-key',
  provider: 'stability',
  title: 'Stability AI API key',
  severity: 'high',
  keywords: ['stability'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`${NAMED}(?<secret>sk-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.8,
  validate: checkApiKey,
  remediation:
    'Delete the key in your Stability AI account (API keys, https://platform.stability.ai/account/keys), create a new one, and check the credit balance for generations you did not make.',
  samples: {
    positive: [
      'STABILITY_API_KEY=sk-QZEttXLnIjn3n4oqArSMXtByfVpKzzyJM6ZiLjJ5VFnNMuFp',
      'stability_api = client.StabilityInference(key="sk-eSlywp92GtIhm0c2ZdLLrqFj3mhJkbyI1qci1erskB5VhaxC", verbose=True)',
    ],
    negative: [
      'STABILITY_API_KEY=sk-...',
      'STABILITY_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // An OpenAI legacy key named beside the word.
      'STABILITY_OPENAI_KEY=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',
      // Truncated.
      'STABILITY_API_KEY=sk-QZEttXLnIjn3n4oqArSMXtByfVpKzzyJM6ZiLjJ5VFnNMuF',
    ],
  },
};

export const stability: ProviderDefinition = { id: 'stability', name: 'Stability AI', rules: [apiKey] };
