// Telnyx API v2 keys (https://developers.telnyx.com/development/api-fundamentals/authentication):
// `KEY`, 32 upper-case hex characters, `_`, 22 base62 characters, sent as Bearer tokens. The hex
// part of every key observed starts with `01` (it begins with a creation timestamp), so `KEY01` is
// the keyword: `KEY` alone is in every other line of code.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'telnyx-api-key',
  provider: 'telnyx',
  title: 'Telnyx API key',
  severity: 'high',
  keywords: ['KEY01'],
  prefixes: ['KEY'],
  window: { before: 0, after: 60 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>KEY01[0-9A-F]{30}_[A-Za-z0-9]{22})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Delete the key in the Telnyx Mission Control Portal (Account settings → API Keys, https://portal.telnyx.com/#/app/api-keys), create a new one, deploy it, and check the messaging and call detail records for traffic you did not send.',
  samples: {
    positive: [
      'telnyx.api_key = "KEY0185F4ED905A851D9F27D2EE4B2BD2E6_OqBQAHEp5N6CwjzJiB3rKP"',
      'TELNYX_API_KEY=KEY0193CDAE5C299263B49CA959CDA495B5_edyILDJ0ykFH6DjKEBh9Xq',
    ],
    negative: [
      'telnyx.api_key = "KEY01234_yoursecretkey"',
      'TELNYX_API_KEY=KEY0193CDAE5C299263B49CA959CDA495B5_edyILDJ0ykFH6DjKEBh9X',
      // Lower-case hex: not a Telnyx key.
      'TELNYX_API_KEY=KEY0193cdae5c299263b49ca959cda495b5_edyILDJ0ykFH6DjKEBh9Xq',
      'const MY_KEY0193CDAE5C299263B49CA959CDA495B5_edyILDJ0ykFH6DjKEBh9Xq = 1;',
    ],
  },
};

export const telnyx: ProviderDefinition = { id: 'telnyx', name: 'Telnyx', rules: [apiKey] };
