// PagerDuty keys (https://support.pagerduty.com/main/docs/api-access-keys). REST API keys, general
// access or a user's, are 20-character strings sent as `Authorization: Token token=<key>`; Events API
// integration (routing) keys are 32 characters. Neither has a prefix, so a key counts only in that
// header or where named as PagerDuty's.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN_OR_CALL } from '../boundaries.js';

const API_KEY_NAME = String.raw`pagerduty[\w.:\s"'{}(),-]{0,60}?(?:api[_.-]?(?:key|token)|auth[_.-]?token|token)[\w.-]{0,12}?${ASSIGN_OR_CALL}(?:token\s{1,2}token=)?`;
const TOKEN_HEADER = String.raw`token\s{1,2}token=`;

/** Random keys mix cases and carry a digit or a symbol; words and identifiers do not. */
function checkMixed({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z0-9]/.test(secret) && /[0-9_+-]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiKey: Rule = {
  id: 'pagerduty-api-key',
  provider: 'pagerduty',
  title: 'PagerDuty REST API key',
  severity: 'high',
  keywords: ['pagerduty', 'token token='],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`(?:${TOKEN_HEADER}|${API_KEY_NAME})(?<secret>[A-Za-z0-9_+-]{20})(?![A-Za-z0-9_+-])`, 'i'),
  minEntropy: 3.3,
  validate: checkMixed,
  remediation:
    'Delete the key in PagerDuty (Integrations → Developer Tools → API Access Keys, https://app.pagerduty.com/api_keys; a user token under the user\'s profile → User Settings), create a new one (read-only if it only reads), and review the audit trail for changes made with it.',
  samples: {
    positive: [
      'PAGERDUTY_API_KEY=krm9ngtpKIAQWave4CnC',
      'curl https://api.pagerduty.com/incidents -H "Authorization: Token token=u+kdf_cy+meS0qfCoOzf"',
      'provider "pagerduty" {\n  token = "krm9ngtpKIAQWave4CnC"\n}',
    ],
    negative: [
      'PAGERDUTY_API_KEY=your_pagerduty_token',
      'PAGERDUTY_API_KEY=${PAGERDUTY_API_KEY}',
      'curl https://api.pagerduty.com/incidents -H "Authorization: Token token=xxxxxxxxxxxxxxxxxxxx"',
      // Not named as PagerDuty's.
      'session_token = "krm9ngtpKIAQWave4CnC"',
      // Too long for a REST key.
      'PAGERDUTY_API_KEY=krm9ngtpKIAQWave4CnCz',
    ],
  },
};

const ROUTING_KEY = String.raw`(?:routing|integration|service)[_.-]?key["'\]]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

const integrationKey: Rule = {
  id: 'pagerduty-integration-key',
  provider: 'pagerduty',
  title: 'PagerDuty Events API integration key',
  // It opens incidents and pages people; it cannot read anything.
  severity: 'medium',
  keywords: ['pagerduty'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${ROUTING_KEY}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.3,
  validate: ({ secret }) => (/[0-9]/.test(secret) && /[a-z]/i.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of letters and digits' }),
  remediation:
    'Regenerate the integration key in PagerDuty (the service\'s Integrations tab, or the event orchestration\'s routing key; https://app.pagerduty.com/service-directory), update the senders, and resolve any incidents it opened that you did not expect.',
  samples: {
    positive: [
      'PAGERDUTY_INTEGRATION_KEY=d892057b6f8db7afb4568127dd9708c6',
      'curl -X POST https://events.pagerduty.com/v2/enqueue -d \'{"routing_key": "9a6811194ba1a0456559303f6a2308fc", "event_action": "trigger"}\'',
      "receivers:\n  - name: pagerduty\n    pagerduty_configs:\n      - service_key: 'd892057b6f8db7afb4568127dd9708c6'",
    ],
    negative: [
      'PAGERDUTY_INTEGRATION_KEY=<your integration key>',
      'PAGERDUTY_INTEGRATION_KEY=00000000000000000000000000000000',
      // A message queue's routing key, far from any PagerDuty name.
      'channel.basic_publish(exchange="events", routing_key="d892057b6f8db7afb4568127dd9708c6", body=msg)',
      // Truncated.
      'PAGERDUTY_ROUTING_KEY=d892057b6f8db7afb4568127dd9708c',
    ],
  },
};

export const pagerduty: ProviderDefinition = { id: 'pagerduty', name: 'PagerDuty', rules: [apiKey, integrationKey] };
