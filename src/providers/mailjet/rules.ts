// Mailjet API keys (https://dev.mailjet.com/email/guides/#authentication): a public API key and a
// secret key, each 32 hex characters, used together as Basic auth. The secret has no prefix, so it
// counts only where it is named as Mailjet's (MAILJET_API_SECRET, MJ_APIKEY_PRIVATE) or passed
// after its API key to a Mailjet client (`Mailjet.apiConnect('…', '…')`).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

const NAMED = String.raw`[\w.:\s"'{},-]{0,80}?(?:secret|private)[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}`;
const AFTER_KEY = String.raw`[\w.:\s"'{}(),=-]{0,80}?[0-9a-f]{32}["'\x60]\s{0,4},\s{0,4}["'\x60]`;

const secretKey: Rule = {
  id: 'mailjet-secret-key',
  provider: 'mailjet',
  title: 'Mailjet API secret key',
  severity: 'high',
  keywords: ['mailjet', 'mj_apikey'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 220 },
  pattern: new RegExp(String.raw`(?:mailjet|mj_apikey)(?:${NAMED}|${AFTER_KEY})(?<secret>[0-9a-f]{32})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation:
    'Regenerate the secret key in Mailjet (Account settings → REST API → API key management, https://app.mailjet.com/account/apikeys), deploy it, and check the sending statistics for mail you did not send.',
  samples: {
    positive: [
      'MJ_APIKEY_PUBLIC=24d4355e0b6bd025f310ab80d9113b02\nMJ_APIKEY_PRIVATE=260c09fc740520e6296b0b9210b391ae',
      "const mailjet = Mailjet.apiConnect('3684e21f274e9ec2196a5932d27c43f1', '92b5dd97698df8e5b3c2948ab81f0838');",
      'MAILJET_API_SECRET="fcc04783a7a3d0e7b6458134d96b3db6"',
    ],
    negative: [
      'MAILJET_API_SECRET=your_mailjet_secret',
      'const mailjet = Mailjet.apiConnect(process.env.MJ_APIKEY_PUBLIC, process.env.MJ_APIKEY_PRIVATE);',
      // The public API key alone.
      'MAILJET_API_KEY=7fb0bf7adf41364ab3c62c0ebda7b6b9',
      // No Mailjet context.
      'API_SECRET=7fb0bf7adf41364ab3c62c0ebda7b6b9',
      'MAILJET_API_SECRET=00000000000000000000000000000000',
    ],
  },
};

export const mailjet: ProviderDefinition = { id: 'mailjet', name: 'Mailjet', rules: [secretKey] };
