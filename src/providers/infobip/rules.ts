// Infobip API keys (https://www.infobip.com/docs/essentials/api-essentials/api-authentication):
// 32 hex characters, `-`, and a UUID, sent as `Authorization: App <key>`. The shape is distinctive
// but has no fixed text, so a key counts near the word "infobip" (the account's base URL,
// `<id>.api.infobip.com`, is almost always beside it).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const HEX = '[0-9a-f]';

const apiKey: Rule = {
  id: 'infobip-api-key',
  provider: 'infobip',
  title: 'Infobip API key',
  severity: 'high',
  keywords: ['infobip'],
  keywordsIgnoreCase: true,
  window: { before: 300, after: 300 },
  pattern: new RegExp(String.raw`(?<![0-9a-zA-Z_-])(?<secret>${HEX}{32}-${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12})(?![0-9a-zA-Z_-])`),
  minEntropy: 3,
  remediation:
    'Revoke the key in the Infobip web interface (Developer tools → API keys, https://portal.infobip.com/dev/api-keys), create a new one with only the scopes it needs, deploy it, and check the logs for messages you did not send.',
  samples: {
    positive: [
      'INFOBIP_BASE_URL=https://k4r2vq.api.infobip.com\nINFOBIP_API_KEY=692af24fdfd5d826c230201bbbd6641d-9624942a-8cfe-455e-aaf4-030b03e72f3c',
      '// POST https://k4r2vq.api.infobip.com/sms/3/messages\n$headers = ["Authorization: App 6bf8f7aa3b888934730361db86829735-d40fcbcf-082e-4c0a-b9d5-d7222baa854e"];',
    ],
    negative: [
      'INFOBIP_API_KEY=<your api key>',
      'INFOBIP_API_KEY=00000000000000000000000000000000-00000000-0000-0000-0000-000000000000',
      // No Infobip context.
      'KEY=06f1a43640f5764ee66803243856fb18-8cd24838-e9b6-438c-b5b4-326bd8b57239',
      // Truncated.
      'INFOBIP_API_KEY=06f1a43640f5764ee66803243856fb1-8cd24838-e9b6-438c-b5b4-326bd8b57239',
    ],
  },
};

export const infobip: ProviderDefinition = { id: 'infobip', name: 'Infobip', rules: [apiKey] };
