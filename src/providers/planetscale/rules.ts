// PlanetScale credentials, each with its own prefix: service tokens `pscale_tkn_`
// (https://planetscale.com/docs/api/service-tokens, used with the token id as
// `Authorization: <id>:<token>`), database branch passwords `pscale_pw_` (the password of a
// `mysql://user:pscale_pw_…@….connect.psdb.cloud` connection) and OAuth access tokens
// `pscale_oauth_`. The random part is 43 base62 characters as issued.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const REVOKE_TOKEN =
  'Delete the service token in PlanetScale (organization Settings → Service tokens, https://app.planetscale.com/~/settings/service-tokens, or `pscale service-token delete <id>`), check the audit log for what it did, and create a new token with only the accesses needed.';

const serviceToken: Rule = {
  id: 'planetscale-service-token',
  provider: 'planetscale',
  title: 'PlanetScale service token',
  severity: 'critical',
  keywords: ['pscale_tkn_'],
  prefixes: ['pscale_tkn_'],
  window: { before: 0, after: 60 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pscale_tkn_[A-Za-z0-9]{43})${TOKEN_END}`),
  minEntropy: 4,
  remediation: REVOKE_TOKEN,
  samples: {
    positive: [
      'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_fL2dkVXiejYRiVyvH5H47cjE9c6DexrJPSf8RhrLsuq',
      'curl -H "Authorization: 8k2xq1zr9tmw:pscale_tkn_YxEigl60xKmSS0vIeT2BzPPiWP6k94VwliLJW4krtOX" https://api.planetscale.com/v1/organizations',
    ],
    negative: [
      'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_...',
      'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Truncated.
      'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_fL2dkVXiejYRiVyvH5H47cjE9c6DexrJPSf8RhrLs',
      'const is_pscale_tkn_fL2dkVXiejYRiVyvH5H47cjE9c6DexrJPSf8RhrLsuq_valid = true;',
    ],
  },
};

const branchPassword: Rule = {
  id: 'planetscale-password',
  provider: 'planetscale',
  title: 'PlanetScale database password',
  severity: 'critical',
  keywords: ['pscale_pw_'],
  prefixes: ['pscale_pw_'],
  window: { before: 0, after: 55 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pscale_pw_[A-Za-z0-9]{43})${TOKEN_END}`),
  minEntropy: 4,
  remediation:
    'Delete the password on the database branch in PlanetScale (the branch → Settings → Passwords, https://planetscale.com/docs/concepts/connection-strings, or `pscale password delete`), create a new one, and update the applications that connect with it.',
  samples: {
    positive: [
      'DATABASE_URL="mysql://k3v9xq2m7w1p:pscale_pw_CCJiNymg4QDa3S6IZWZsX5s2z1pRW5fuNNZutI5R7sd@aws.connect.psdb.cloud/shop?sslaccept=strict"',
      "  password: 'pscale_pw_ICRQeYzK5Dsi7LMz7OijUtpPvdqwkZDL3TZyGYcYazW',",
    ],
    negative: [
      'DATABASE_PASSWORD=pscale_pw_<password>',
      'DATABASE_PASSWORD=pscale_pw_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Truncated.
      'DATABASE_PASSWORD=pscale_pw_CCJiNymg4QDa3S6IZWZsX5s2z1pRW5fuNNZutI5R7s',
      'const checks = { pscale_pw_CCJiNymg4QDa3S6IZWZsX5s2z1pRW5fuNNZutI5R7sd_x: 1 };',
    ],
  },
};

const oauthToken: Rule = {
  id: 'planetscale-oauth-token',
  provider: 'planetscale',
  title: 'PlanetScale OAuth access token',
  severity: 'high',
  keywords: ['pscale_oauth_'],
  prefixes: ['pscale_oauth_'],
  window: { before: 0, after: 60 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pscale_oauth_[A-Za-z0-9]{43})${TOKEN_END}`),
  minEntropy: 4,
  remediation:
    'Revoke the OAuth application\'s access for the user (the OAuth application → Tokens in PlanetScale, https://planetscale.com/docs/api/oauth-applications) and have it authorise again.',
  samples: {
    positive: [
      'access_token=pscale_oauth_7ATWBBNKQPXPwIbxcoY5GQw5KxrGW5a1BO13ZRgTxzr',
      '{"access_token": "pscale_oauth_f53by4MBAcqFVIThgsvjzO6DrFpEUhaaRRLNQvwA6nO", "token_type": "Bearer"}',
    ],
    negative: [
      'access_token=pscale_oauth_...',
      'access_token=pscale_oauth_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'access_token=pscale_oauth_7ATWBBNKQPXPwIbxcoY5GQw5KxrGW5a1',
    ],
  },
};

export const planetscale: ProviderDefinition = { id: 'planetscale', name: 'PlanetScale', rules: [serviceToken, branchPassword, oauthToken] };
