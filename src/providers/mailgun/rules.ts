// Mailgun private API keys: the legacy `key-` + 32 hex, and the current `<32 hex>-<8 hex>-<8 hex>`.
// The current form has no prefix, so both count only near the word "mailgun".
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const apiKey: Rule = {
  id: 'mailgun-api-key',
  provider: 'mailgun',
  title: 'Mailgun API key',
  severity: 'high',
  keywords: ['mailgun'],
  prefixes: ['key-'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: /(?<![A-Za-z0-9_-])(?<secret>key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  remediation:
    'Delete the key in Mailgun (Settings → API Security, https://app.mailgun.com/settings/api_security) and create a new one; for a domain sending key, rotate it under the domain\'s settings.',
  samples: {
    positive: [
      'MAILGUN_API_KEY=key-c9e81d10271886b09b710a502368069c',
      "const mg = mailgun.client({ username: 'api', key: '89534dfe56cd04013b9c329f2a9bc060-ed2dd8b8-766792b6' });",
    ],
    negative: [
      "const mg = mailgun.client({ username: 'api', key: process.env.MAILGUN_API_KEY || 'key-yourkeyhere' });",
      // The public validation key is meant to be shared.
      'MAILGUN_PUBLIC_KEY=pubkey-5ogiflzbnjrljiky49qxsiozqef5jxp7',
      'MAILGUN_API_KEY=key-00000000000000000000000000000000',
      // No Mailgun context: a `key-` + hex cache key elsewhere.
      'const cacheKey = `key-${hash}`; // e.g. key-c9e81d10271886b09b710a502368069c',
    ],
  },
};

export const mailgun: ProviderDefinition = { id: 'mailgun', name: 'Mailgun', rules: [apiKey] };
