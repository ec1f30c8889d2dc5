// Mandrill (Mailchimp Transactional) API keys (https://mailchimp.com/developer/transactional/docs/authentication-delivery/):
// current keys are `md-` + 22 base64url characters. `md-` is everywhere in CSS and Angular
// Material (`col-md-6`, `md-button`), so a key counts only near the word "mandrill". Older keys
// had no prefix and are not found.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'mandrill-api-key',
  provider: 'mandrill',
  title: 'Mandrill (Mailchimp Transactional) API key',
  severity: 'high',
  keywords: ['mandrill'],
  keywordsIgnoreCase: true,
  prefixes: ['md-'],
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>md-[A-Za-z0-9_-]{22})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Delete the key in Mandrill (Settings → SMTP & API Info, https://mandrillapp.com/settings), create a new one, deploy it, and check the outbound activity for mail you did not send.',
  samples: {
    positive: [
      'MANDRILL_API_KEY=md-28SPdVgDg0at4uekdBDTHC',
      "const mailchimp = require('@mailchimp/mailchimp_transactional')('md-ECsSACDHLdHRxCDQSQ5t_3'); // Mandrill",
    ],
    negative: [
      'MANDRILL_API_KEY=md-xxxxxxxxxxxxxxxxxxxxxx',
      // CSS classes, not keys.
      '<div class="col-md-hCpMk7lBvOmpqEzTHJ4gTh mandrill-form">',
      // No Mandrill context.
      'const id = "md-hCpMk7lBvOmpqEzTHJ4gTh";',
      'MANDRILL_API_KEY=md-hCpMk7lBvOmpqEzTHJ4gT',
    ],
  },
};

export const mandrill: ProviderDefinition = { id: 'mandrill', name: 'Mandrill', rules: [apiKey] };
