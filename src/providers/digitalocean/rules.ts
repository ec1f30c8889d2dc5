// DigitalOcean API tokens: personal access tokens (dop_v1_) and OAuth access/refresh tokens
// (doo_v1_/dor_v1_), each followed by 64 hex characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const REVOKE_PAGE = 'https://cloud.digitalocean.com/account/api/tokens';

const personalAccessToken: Rule = {
  id: 'digitalocean-pat',
  provider: 'digitalocean',
  title: 'DigitalOcean personal access token',
  severity: 'critical',
  keywords: ['dop_v1_'],
  prefixes: ['dop_v1_'],
  window: { before: 0, after: 72 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>dop_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  remediation: `Delete the token in the DigitalOcean control panel (API → Tokens, ${REVOKE_PAGE}) and generate a new one with the narrowest scopes that work.`,
  samples: {
    positive: [
      'DIGITALOCEAN_TOKEN=dop_v1_167eaf1aa20eca265bac79af6f126a9ae1345e2c5debb18466f0b4924256848d',
      'provider "digitalocean" {\n  token = "dop_v1_14f2235c8ca17912d2f6f92e933fe0284d6bfcd661c1e4ab9ee48971a3bdf65c"\n}',
    ],
    negative: [
      'DIGITALOCEAN_TOKEN=dop_v1_0000000000000000000000000000000000000000000000000000000000000000',
      'DIGITALOCEAN_TOKEN=dop_v1_<your token>',
      // 63 hex characters: truncated.
      'DIGITALOCEAN_TOKEN=dop_v1_167eaf1aa20eca265bac79af6f126a9ae1345e2c5debb18466f0b492425684',
      'if token.startswith("dop_v1_"):',
    ],
  },
};

const oauthToken: Rule = {
  id: 'digitalocean-oauth-token',
  provider: 'digitalocean',
  title: 'DigitalOcean OAuth token',
  severity: 'high',
  keywords: ['doo_v1_', 'dor_v1_'],
  prefixes: ['doo_v1_', 'dor_v1_'],
  window: { before: 0, after: 72 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>do[or]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  remediation: `Revoke the OAuth application's access in the DigitalOcean control panel (API → OAuth Applications / Authorized Applications, ${REVOKE_PAGE}); revoking the authorization invalidates both access and refresh tokens.`,
  samples: {
    positive: [
      'access_token: doo_v1_7bf585c9ef451b436c369ad327f7723493134e4f57f82f43c65dc0d6bbf11b56',
      '{"refresh_token": "dor_v1_4733b647f8bbd3309106f0d95f42f44a98c998b8f3c7d5929c5222308ed26d84"}',
    ],
    negative: [
      'access_token: doo_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Upper-case hex is not what DigitalOcean issues.
      'access_token: doo_v1_7BF585C9EF451B436C369AD327F7723493134E4F57F82F43C65DC0D6BBF11B56',
      'refresh_token: dor_v1_4733b647f8bbd3309106f0d95f42f44a98c998b8f3c7d5929c5222308ed26d84ff',
    ],
  },
};

export const digitalocean: ProviderDefinition = {
  id: 'digitalocean',
  name: 'DigitalOcean',
  rules: [personalAccessToken, oauthToken],
};
