// Postmark API tokens (https://postmarkapp.com/developer/api/overview#authentication): server tokens
// (X-Postmark-Server-Token) and account tokens (X-Postmark-Account-Token) are UUIDs with no prefix, so
// a UUID counts only where it is named as a Postmark token: a Postmark-named variable or setting,
// one of those headers, or the first argument of a Postmark client.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { assignOperator } from '../boundaries.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ASSIGN = String.raw`["'\]]?\s{0,4}${assignOperator(':=,')}\s{0,4}`;
const NAMED = String.raw`postmark[\w.:\s"'{}=,-]{0,60}?(?:token|api[_.-]?key|secret)[\w.-]{0,12}?${ASSIGN}`;
const HEADER = String.raw`x-postmark-(?:server|account)-token${ASSIGN}`;
const CLIENT = String.raw`postmark(?:\.(?:server|account)?client|client)\(\s{0,4}(?:(?:server|account)_token\s{0,2}=\s{0,2})?`;

const apiToken: Rule = {
  id: 'postmark-api-token',
  provider: 'postmark',
  title: 'Postmark server or account token',
  severity: 'high',
  keywords: ['postmark'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(String.raw`(?:${NAMED}|${HEADER}|${CLIENT})["'\x60]?(?<secret>${UUID})(?![0-9a-z-])`, 'i'),
  minEntropy: 3,
  remediation:
    'Reset the token in Postmark (the server\'s API Tokens tab, or the account\'s for an account token: https://account.postmarkapp.com/api_tokens), deploy the new one, and check the server\'s Activity for messages you did not send.',
  samples: {
    positive: [
      'POSTMARK_SERVER_TOKEN=4b89a2f3-af90-4664-9912-aa0af2838a9a',
      "const client = new postmark.ServerClient('da474907-6fd0-4a3c-ac9c-429dacf78fdd');",
      'curl https://api.postmarkapp.com/email -H "X-Postmark-Server-Token: 51dff39a-197c-41f7-b9f9-8dc761bfca74"',
      // postmark-rails.
      "config.action_mailer.postmark_settings = { api_token: '3d203262-3fdd-4d74-a1a9-a230cfbaaed9' }",
    ],
    negative: [
      // Postmark's documented test token.
      'POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST',
      'POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000',
      // A UUID that is not named as a Postmark token.
      'POSTMARK_MESSAGE_ID=4b89a2f3-af90-4664-9912-aa0af2838a9a',
      'request_id = "da474907-6fd0-4a3c-ac9c-429dacf78fdd"',
      'POSTMARK_SERVER_TOKEN=${POSTMARK_SERVER_TOKEN}',
    ],
  },
};

export const postmark: ProviderDefinition = { id: 'postmark', name: 'Postmark', rules: [apiToken] };
