// Sinch SMS REST API tokens (https://developers.sinch.com/docs/sms/api-reference/authentication/):
// 32 hex characters, sent as a Bearer token with the service plan id (also 32 hex, in the URL).
// With no prefix, a token counts only where it is named as Sinch's API token.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

const apiToken: Rule = {
  id: 'sinch-api-token',
  provider: 'sinch',
  title: 'Sinch SMS API token',
  severity: 'high',
  keywords: ['sinch'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(String.raw`sinch[\w.:\s"'{},-]{0,80}?(?:api[_.-]?)?token[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}(?<secret>[0-9a-f]{32})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation:
    'Regenerate the API token for the service plan in the Sinch Customer Dashboard (SMS → APIs → the service plan, https://dashboard.sinch.com/sms/api/rest), deploy it, and check the delivery reports for messages you did not send.',
  samples: {
    positive: [
      'SINCH_SERVICE_PLAN_ID=5d650ffa90d9e535c36ab0c47c76be28\nSINCH_API_TOKEN=76103d2592a35cfe8e9f2248cb363cd7',
      'sinch:\n  servicePlanId: cc61ce96b455ded446da3dc97e9d2ff8\n  apiToken: "5d650ffa90d9e535c36ab0c47c76be28"',
    ],
    negative: [
      'SINCH_API_TOKEN=your_api_token',
      // The service plan id is in every request URL.
      'SINCH_SERVICE_PLAN_ID=cc61ce96b455ded446da3dc97e9d2ff8',
      'SINCH_API_TOKEN=00000000000000000000000000000000',
      // No Sinch context.
      'API_TOKEN=76103d2592a35cfe8e9f2248cb363cd7',
    ],
  },
};

export const sinch: ProviderDefinition = { id: 'sinch', name: 'Sinch', rules: [apiToken] };
