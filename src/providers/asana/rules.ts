// Asana personal access tokens (https://developers.asana.com/docs/personal-access-token), sent as
// Bearer tokens to https://app.asana.com/api/1.0. Asana calls the format opaque, but the tokens it
// issues read `<version>/<user gid>[/<app gid>]:<32 hex>`: version 2 carries two numeric global
// ids (the user's and the token's), version 1 one. Numbers, a slash and hex are too common to stand
// alone, so a token counts only near the word "asana".
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const personalAccessToken: Rule = {
  id: 'asana-personal-access-token',
  provider: 'asana',
  title: 'Asana personal access token',
  severity: 'high',
  keywords: ['asana'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: /(?<![A-Za-z0-9_/])(?<secret>(?:2\/\d{10,20}\/\d{10,20}|1\/\d{10,20}):[a-f0-9]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  remediation:
    'Deauthorize the token in the Asana developer console (https://app.asana.com/0/my-apps → Personal access tokens → ⋯ → Deauthorize), create a new one, and review what it changed in the workspaces its user can reach.',
  samples: {
    positive: [
      'ASANA_ACCESS_TOKEN=2/3481795264961504/8741115405938907:ab3d9219a36ab815db3185894dd2aa8d',
      "const client = asana.Client.create().useAccessToken('1/5398274373327970:674f4ae6d5df4d0662c084d32e180d8a');",
      'curl https://app.asana.com/api/1.0/users/me -H "Authorization: Bearer 2/2437802346218207/2422461429623426:6bb3fcc29ef129321a016cb2df27a97d"',
    ],
    negative: [
      // No Asana context: a ratio and a hash.
      'ratio=2/3481795264961504/8741115405938907:ab3d9219a36ab815db3185894dd2aa8d',
      'ASANA_ACCESS_TOKEN=2/xxxxxxxxxxxxxxxx/xxxxxxxxxxxxxxxx:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ASANA_ACCESS_TOKEN=<your personal access token>',
      // The hex part cut short.
      'ASANA_ACCESS_TOKEN=2/3481795264961504/8741115405938907:ab3d9219a36ab815db3185894dd2aa',
    ],
  },
};

export const asana: ProviderDefinition = { id: 'asana', name: 'Asana', rules: [personalAccessToken] };
