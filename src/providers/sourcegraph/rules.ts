// Sourcegraph access tokens, "tokens starting with sgp_"
// (https://sourcegraph.com/docs/cli/how-tos/revoking_an_access_token,
// https://sourcegraph.com/docs/cli/how-tos/creating-an-access-token): `sgp_`, then a 16-hex instance
// identifier and `_` (tokens of instances that have one), `ws` + a 32-hex workspace id and `_`
// (Sourcegraph workspaces, observed), `local_`, or nothing (the first prefixed tokens), then 40 hex.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const accessToken: Rule = {
  id: 'sourcegraph-access-token',
  provider: 'sourcegraph',
  title: 'Sourcegraph access token',
  // Reads all the code the user can see on the instance (and sudo, with that scope).
  severity: 'high',
  keywords: ['sgp_'],
  prefixes: ['sgp_'],
  window: { before: 0, after: 84 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sgp_(?:[a-f0-9]{16}_|ws[a-f0-9]{32}_|local_)?[a-f0-9]{40})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Delete the token on the Sourcegraph instance (Settings → Access tokens, as described at https://sourcegraph.com/docs/cli/how-tos/revoking_an_access_token) and create a new one; site admins can also revoke it for the user.',
  samples: {
    positive: [
      'export SRC_ACCESS_TOKEN=sgp_da361bf81b95c568_14766f9f204dabd9f85feee6a2bc26d182e3a7fe',
      'curl -H "Authorization: token sgp_local_ce852ea3bc335ade76049ac3d96628ab1cf0db02" https://sourcegraph.acme.dev/.api/graphql',
      'SRC_ACCESS_TOKEN=sgp_4d62be366d79e8bbfd767564664fe1f7da7765c0',
      'export SRC_ACCESS_TOKEN=sgp_ws7ed74de0601089201570a8b0af49c26c_f8a5e3eda0bd186fc2f02c0c9c3c091baceceb28',
    ],
    negative: [
      'SRC_ACCESS_TOKEN=sgp_xxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SRC_ACCESS_TOKEN=sgp_<YOUR_TOKEN>',
      // 39 hex: truncated.
      'SRC_ACCESS_TOKEN=sgp_e3d0306b46f95273_32097bb50e491bfdda1c09664a32b5d13e7e792',
      'const msgp_e3d0306b46f95273_32097bb50e491bfdda1c09664a32b5d13e7e7924 = 1;',
    ],
  },
};

export const sourcegraph: ProviderDefinition = { id: 'sourcegraph', name: 'Sourcegraph', rules: [accessToken] };
