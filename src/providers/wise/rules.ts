// Wise (formerly TransferWise) personal API tokens (https://docs.wise.com/api-docs/features/authentication-access/personal-tokens):
// a random UUID, sent as a Bearer token; a full-access token can send money. A UUID is not a
// secret by its shape, so a token counts only where it is named as Wise's (WISE_API_TOKEN,
// transferwise.api_key…). "wise" alone is inside "otherwise" and "likewise": the keywords are the
// names.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

const HEX = '[0-9a-f]';

const apiToken: Rule = {
  id: 'wise-api-token',
  provider: 'wise',
  title: 'Wise personal API token',
  severity: 'critical',
  keywords: ['transferwise', 'wise_api', 'wise-api', 'wiseapi', 'wise_token', 'wisetoken', 'wise_access'],
  keywordsIgnoreCase: true,
  window: { before: 20, after: 140 },
  pattern: new RegExp(
    String.raw`(?<![a-z0-9])(?:transfer)?wise[\w.:\s"'{},-]{0,40}?(?:token|key)[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}(?<secret>${HEX}{8}-${HEX}{4}-4${HEX}{3}-[89ab]${HEX}{3}-${HEX}{12})(?![0-9a-z-])`,
    'i',
  ),
  minEntropy: 3,
  remediation:
    'Delete the token in Wise (Settings → Integrations and tools → API tokens, https://wise.com/settings/api-tokens), create a new one with read-only access if that is enough, deploy it, and check the account for transfers you did not make.',
  samples: {
    positive: [
      'WISE_API_TOKEN=3ac66289-c3fd-48d8-81a9-96fece20ef58',
      "transferwise:\n  api_key: '78891a27-52b6-433c-ad3d-2d9e10f9cff1'",
    ],
    negative: [
      'WISE_API_TOKEN=your-api-token',
      'WISE_API_TOKEN=00000000-0000-4000-8000-000000000000',
      // A profile id, not a token.
      'WISE_PROFILE_ID=33911d79-7a4a-4827-bfb7-3cb951a6a474',
      // "otherwise", not Wise.
      'const otherwise_token = "33911d79-7a4a-4827-bfb7-3cb951a6a474";',
    ],
  },
};

export const wise: ProviderDefinition = { id: 'wise', name: 'Wise', rules: [apiToken] };
