// Rollbar project access tokens (https://docs.rollbar.com/docs/access-tokens): 32 hex characters,
// scoped post_server_item, read or write. post_client_item tokens ship in browser and mobile code
// by design, so a token named as a client or browser one, or set in the browser snippet's
// _rollbarConfig, is not a finding. A token counts only where named as Rollbar's.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN_OR_CALL } from '../boundaries.js';

const NAMED = String.raw`rollbar[\w.:\s"'{}()|,-]{0,60}?(?:access[_.-]?token|server[_.-]?token|token)[\w.-]{0,12}?${ASSIGN_OR_CALL}`;

/** A client-side (post_client_item) token is public by design. */
function rejectClientToken({ match }: Candidate): Validation {
  return /client|browser|rollbarconfig/i.test(match) ? { valid: false, reason: 'a client-side token, public by design' } : { valid: true };
}

const accessToken: Rule = {
  id: 'rollbar-access-token',
  provider: 'rollbar',
  title: 'Rollbar server, read or write access token',
  severity: 'high',
  keywords: ['rollbar'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`${NAMED}(?<secret>[0-9a-f]{32})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  validate: rejectClientToken,
  remediation:
    'Disable or delete the token in Rollbar (the project\'s Settings → Project Access Tokens; an account token under Account Settings), create a new one with only the scope it needs, and check the project for items or changes you did not make.',
  samples: {
    positive: [
      'ROLLBAR_ACCESS_TOKEN=e591b71d84f2f6dbb38ddce876f84c25',
      "Rollbar.configure do |config|\n  config.access_token = '31db9f79ce4e93617eb42d2010612664'\nend",
      'ROLLBAR_READ_TOKEN=6f8bb542245945f35492a0cb12b36402',
    ],
    negative: [
      'ROLLBAR_ACCESS_TOKEN=POST_SERVER_ITEM_ACCESS_TOKEN',
      // Client-side tokens ship in every page.
      'ROLLBAR_CLIENT_TOKEN=e591b71d84f2f6dbb38ddce876f84c25',
      "var _rollbarConfig = {\n  accessToken: '31db9f79ce4e93617eb42d2010612664',\n  captureUncaught: true,\n};",
      // 32 hex not named as a Rollbar token.
      'etag = "e591b71d84f2f6dbb38ddce876f84c25"',
    ],
  },
};

export const rollbar: ProviderDefinition = { id: 'rollbar', name: 'Rollbar', rules: [accessToken] };
