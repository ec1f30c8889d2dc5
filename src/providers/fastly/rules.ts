// Fastly API tokens (https://docs.fastly.com/en/guides/using-api-tokens, FASTLY_API_TOKEN, the
// `Fastly-Key` header): 32 base64url characters, no prefix, so a token is a finding only when
// named as Fastly's or sent as a Fastly-Key.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkToken({ secret }: Candidate): Validation {
  if (/^[0-9a-f]{32}$/i.test(secret)) return { valid: false, reason: 'hexadecimal: a hash or an id, not a token' };
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) ? { valid: true } : { valid: false, reason: 'a single letter case' };
}

const apiToken: Rule = {
  id: 'fastly-api-token',
  provider: 'fastly',
  title: 'Fastly API token',
  severity: 'high',
  keywords: ['fastly'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 90 },
  pattern: new RegExp(String.raw`fastly[A-Za-z0-9_.-]{0,24}(?:token|key)${ASSIGN}(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.8,
  validate: checkToken,
  remediation:
    'Revoke the token in Fastly (Account → API tokens, https://manage.fastly.com/account/personal/tokens, or DELETE /tokens/self with it), check the account\'s event log for configuration changes, and create a new token scoped to the services that need it.',
  samples: {
    positive: ['FASTLY_API_TOKEN=btddocvm16gQ-8mHbGDdA0tMCimGJdjG', 'curl -H "Fastly-Key: QkkvFeLAWG-U9W71Zid8owSA3Sj5-8Pl" https://api.fastly.com/service'],
    negative: [
      'FASTLY_API_TOKEN=${FASTLY_API_TOKEN}',
      'FASTLY_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // A service id is 22 characters; a hex digest is not a token.
      'fastly_service_key = "5f4dcc3b5aa765d61d8327deb882cf99"',
      'curl -H "Fastly-Key: YOUR_FASTLY_TOKEN" https://api.fastly.com/service',
    ],
  },
};

export const fastly: ProviderDefinition = { id: 'fastly', name: 'Fastly', rules: [apiToken] };
