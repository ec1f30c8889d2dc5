// Resend API keys: `re_` + 8 base62 characters + `_` + 24 base62 characters, sent as a Bearer token
// (https://resend.com/docs/api-reference/introduction, whose examples shorten it to re_xxxxxxxxx).
// `re_` starts many identifiers (re_compile, re_match), so the two parts must have their exact
// lengths and the secret part must mix cases.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'resend-api-key',
  provider: 'resend',
  title: 'Resend API key',
  severity: 'high',
  keywords: ['re_'],
  prefixes: ['re_'],
  window: { before: 0, after: 36 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})${TOKEN_END}`),
  minEntropy: 3.5,
  validate: ({ secret }) => {
    const key = secret.slice('re_'.length + 9);
    return /[a-z]/.test(key) && /[A-Z]/.test(key) ? { valid: true } : { valid: false, reason: 'a single letter case: an identifier' };
  },
  remediation:
    'Delete the key in Resend (API Keys, https://resend.com/api-keys), create a new one limited to sending from the domains it needs, and check the Emails log for messages you did not send.',
  samples: {
    positive: [
      'RESEND_API_KEY=re_WjyxNzps_POEgUeLYr8jH6fuL9F0cFHOn',
      "const resend = new Resend('re_ObhLDbR1_sgFUxwKkbT5avFcFmp4fMt6Y');",
    ],
    negative: [
      "  -H 'Authorization: Bearer re_xxxxxxxxx'",
      'RESEND_API_KEY=re_test_not_a_real_key',
      // An identifier with the same shape, all lower case.
      'def re_matchers_findpatternsinsourcefile(): pass',
      // Truncated.
      'RESEND_API_KEY=re_WjyxNzps_POEgUeLYr8jH6fuL9F0cFHO',
    ],
  },
};

export const resend: ProviderDefinition = { id: 'resend', name: 'Resend', rules: [apiKey] };
