// Brevo (formerly Sendinblue) keys (https://developers.brevo.com/docs/getting-started): API keys
// are `xkeysib-` and SMTP keys `xsmtpsib-`, each followed by 64 hex characters, `-`, and 16 base62
// characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const KEYS_PAGE = 'https://app.brevo.com/settings/keys/api';

const apiKey: Rule = {
  id: 'brevo-api-key',
  provider: 'brevo',
  title: 'Brevo API key',
  severity: 'high',
  keywords: ['xkeysib-'],
  prefixes: ['xkeysib-'],
  window: { before: 0, after: 90 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>xkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16})${TOKEN_END}`),
  minEntropy: 3,
  remediation: `Delete the key in Brevo (Settings → SMTP & API → API keys, ${KEYS_PAGE}), create a new one, deploy it, and check sent campaigns and contact exports for activity you did not start.`,
  samples: {
    positive: [
      'BREVO_API_KEY=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',
      "$config = Configuration::getDefaultConfiguration()->setApiKey('api-key', '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');",
    ],
    negative: [
      'BREVO_API_KEY=xkeysib-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'BREVO_API_KEY=xkeysib-your-key-here',
      // The last part is cut short.
      'BREVO_API_KEY=xkeysib-e32a0bfc4986f5374ddf57e6980a3a891cfdbdb61dfbcfe6ff86a8f503b9d58c-cnPotrL9mfBoQ7k',
      "  /xkeysib-[a-zA-Z0-9]{60,}/, // a Brevo key",
    ],
  },
};

const smtpKey: Rule = {
  id: 'brevo-smtp-key',
  provider: 'brevo',
  title: 'Brevo SMTP key',
  severity: 'high',
  keywords: ['xsmtpsib-'],
  prefixes: ['xsmtpsib-'],
  window: { before: 0, after: 91 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>xsmtpsib-[0-9a-f]{64}-[A-Za-z0-9]{16})${TOKEN_END}`),
  minEntropy: 3,
  remediation: `Delete the SMTP key in Brevo (Settings → SMTP & API → SMTP, ${KEYS_PAGE.replace('/api', '/smtp')}), create a new one, move the mail server settings to it, and check the transactional logs for mail you did not send.`,
  samples: {
    positive: [
      'SMTP_PASSWORD=xsmtpsib-a25e6e266d6db2250e6ea131200cf186f6c5254c75e7bfb5d4b72375fac47f9e-7tbnAf6yvNjrCqgy',
      "  auth: { user: 'alerts@acme.example', pass: 'xsmtpsib-724f1e70e3f9bc13501d98724eb88ec7b708667c96fc64b4fe04e4ec1a3c46dd-DJ0Yk0jjjvzFAVXr' },",
    ],
    negative: [
      'SMTP_PASSWORD=xsmtpsib-xxxxxxxxxxxxxxxx',
      'SMTP_PASSWORD=xsmtpsib-669362c97dcc1609c044150168d991ab1cabc65104b34f825573cfbbf492a40-7Ai4Fj0DZUPcRKjr',
      'SMTP_PASSWORD=xsmtpsib-669362c97dcc1609c044150168d991ab1cabc65104b34f825573cfbbf492a40c-7Ai4Fj0DZUPcRKjrQ',
    ],
  },
};

export const brevo: ProviderDefinition = { id: 'brevo', name: 'Brevo', rules: [apiKey, smtpKey] };
