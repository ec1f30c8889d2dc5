// Opsgenie API keys (https://docs.opsgenie.com/docs/authentication): UUIDs sent as
// `Authorization: GenieKey <key>`, from an API integration or the account's API key management.
// A UUID counts only in that header or where named as Opsgenie's.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_CALL } from '../boundaries.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NAMED = String.raw`opsgenie[\w.:\s"'{}(),-]{0,60}?(?:api[_.-]?key|key|token)[\w.-]{0,12}?${ASSIGN_OR_CALL}(?:geniekey\s{1,2})?`;

const apiKey: Rule = {
  id: 'opsgenie-api-key',
  provider: 'opsgenie',
  title: 'Opsgenie API key',
  severity: 'high',
  keywords: ['opsgenie', 'geniekey'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`(?:geniekey\s{1,2}|${NAMED})(?<secret>${UUID})(?![0-9a-z-])`, 'i'),
  minEntropy: 3,
  remediation:
    'Delete or regenerate the key in Opsgenie (the API integration\'s settings, or Settings → API key management), update what uses it, and review alerts and schedules for changes made with it.',
  samples: {
    positive: [
      'OPSGENIE_API_KEY=d863455c-2a80-4d87-848f-91ceca7f751f',
      'curl -X POST https://api.opsgenie.com/v2/alerts -H "Authorization: GenieKey ae2a0e48-b11a-4fbf-9736-18cea0bd9241"',
      "receivers:\n  - name: ops\n    opsgenie_configs:\n      - api_key: '49208463-764c-44dd-b9a4-4c392d753e89'",
    ],
    negative: [
      'OPSGENIE_API_KEY=<your-api-key>',
      'OPSGENIE_API_KEY=00000000-0000-0000-0000-000000000000',
      // A UUID not named as an Opsgenie key.
      'OPSGENIE_TEAM_ID=d863455c-2a80-4d87-848f-91ceca7f751f',
      'request_id = "ae2a0e48-b11a-4fbf-9736-18cea0bd9241"',
    ],
  },
};

export const opsgenie: ProviderDefinition = { id: 'opsgenie', name: 'Opsgenie', rules: [apiKey] };
