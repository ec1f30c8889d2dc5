// Heroku Platform API keys (https://devcenter.heroku.com/articles/platform-api-quickstart,
// https://help.heroku.com/PBGP6IDE/how-should-i-generate-an-api-key-that-allows-me-to-use-the-heroku-platform-api).
// Current keys start `HRKU-AA` and carry 58 base64url characters after it (as the keys Heroku
// issues show; Heroku publishes no checksum). Older keys and `heroku authorizations:create` tokens
// are bare UUIDs, as the quickstart shows: only a UUID assigned to a Heroku-named key or token
// is a finding, never a UUID alone.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const REMEDIATION =
  'Regenerate the API key on the Account settings page (https://dashboard.heroku.com/account) or revoke the authorization with `heroku authorizations:revoke <id>`, then check the apps it could reach for releases and config changes you did not make.';

const apiKey: Rule = {
  id: 'heroku-api-key',
  provider: 'heroku',
  title: 'Heroku API key',
  severity: 'critical',
  keywords: ['HRKU-AA'],
  prefixes: ['HRKU-'],
  window: { before: 0, after: 66 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>HRKU-AA[A-Za-z0-9_-]{58})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'HEROKU_API_KEY=HRKU-AAPGMEwTFry-rESKd4C0-u7Y5OGOvf51FZnq-AluhnMn_____wGXiGueTYp9',
      'machine api.heroku.com\n  login me@example.com\n  password HRKU-AA2tCNsx1rhjYrmwi-gmhTk4kAd_IS-LXY9zhsZ8IbWg_____wlb1JlmMOyN',
    ],
    negative: [
      'HEROKU_API_KEY=HRKU-AAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'HEROKU_API_KEY=HRKU-<your key>',
      // 57 characters after HRKU-AA: truncated.
      'HEROKU_API_KEY=HRKU-AAvvWvtfc5WM8LVN8ZllYg8fn-01UQ046kP1KNypcUwq_____w6ZGeiJsi2',
      'const XHRKU-AAvvWvtfc5WM8LVN8ZllYg8fn-01UQ046kP1KNypcUwq_____w6ZGeiJsi2I = 1;',
    ],
  },
};

const legacyApiKey: Rule = {
  id: 'heroku-api-key-legacy',
  provider: 'heroku',
  title: 'Heroku API key (legacy UUID)',
  severity: 'high',
  keywords: ['heroku'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 100 },
  pattern:
    /heroku[A-Za-z0-9_.-]{0,24}(?:key|token)["']?[\t ]{0,3}(?:=|:=|:|=>)[\t ]{0,3}["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9A-Za-z-])/i,
  minEntropy: 3,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'HEROKU_API_KEY=8b534482-4325-45aa-840a-0594d50d80e4',
      'herokuApiKey: "4a15b8d3-46d5-44f6-be33-9b15b0294414",',
      "config.heroku_token = '40a6cbf5-b48c-47e5-9077-f23508f835f9'",
    ],
    negative: [
      // A UUID with no Heroku key or token named.
      'request_id = "8b534482-4325-45aa-840a-0594d50d80e4"',
      // An app id, not a key.
      'HEROKU_APP_ID=4a15b8d3-46d5-44f6-be33-9b15b0294414',
      'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000',
      'HEROKU_API_KEY=${HEROKU_API_KEY}',
    ],
  },
};

export const heroku: ProviderDefinition = { id: 'heroku', name: 'Heroku', rules: [apiKey, legacyApiKey] };
