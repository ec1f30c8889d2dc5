// Zendesk API tokens (https://developer.zendesk.com/api-reference/introduction/security-and-auth/):
// 40 alphanumerics, used as the password of `{email}/token` in basic auth. Nothing in the token says
// Zendesk, so it counts only after a name that does (ZENDESK_API_TOKEN, zendesk_token, apiToken in
// a Zendesk client's options) or after the `/token:` of the basic-auth user name.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** Random alphanumerics mix cases and digits; a 40-character identifier does not. */
function looksRandom({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiToken: Rule = {
  id: 'zendesk-api-token',
  provider: 'zendesk',
  title: 'Zendesk API token',
  severity: 'high',
  keywords: ['zendesk'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: /(?:zendesk[\w.-]{0,30}?(?:api[_-]?)?token|\/token:|\btoken)["']?\s{0,5}(?:[:=]|=>|,)\s{0,5}["']?(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 4,
  validate: looksRandom,
  remediation:
    'Delete the token in Zendesk Admin Center (Apps and integrations → APIs → API tokens, https://support.zendesk.com/hc/en-us/articles/4408889192858) and create a new one; then check the audit log for what it did.',
  samples: {
    positive: [
      'ZENDESK_API_TOKEN=a1PCeBofAcyK7bA4ISladOTM7AUhp5t2eRZgHwqD',
      "const client = zendesk.createClient({ username: 'ops@example.com', token: 'FUJNcJCI9CRMK5N9vMecOu6xUIpo8xBJEfvsHTYg', subdomain: 'acme' });",
    ],
    negative: [
      // No Zendesk context.
      'API_TOKEN=a1PCeBofAcyK7bA4ISladOTM7AUhp5t2eRZgHwqD',
      'ZENDESK_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ZENDESK_API_TOKEN=<your zendesk api token>',
      // A 40-hex commit next to the word: not mixed case.
      'zendesk_token_commit: 9c2f0a4b1d7e8f3a6b5c4d2e1f0a9b8c7d6e5f4a',
    ],
  },
};

export const zendesk: ProviderDefinition = { id: 'zendesk', name: 'Zendesk', rules: [apiToken] };
