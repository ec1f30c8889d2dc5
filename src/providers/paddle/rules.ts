// Paddle Billing API keys (https://developer.paddle.com/api-reference/about/api-keys,
// https://developer.paddle.com/api-reference/about/authentication): `pdl_live_apikey_` or
// `pdl_sdbx_apikey_`, a 26-character ULID (lower-case Crockford base32), `_`, 22 base62 characters,
// `_`, 3 more. Sandbox keys move no money and are not findings; client-side tokens (`live_…`) are
// public by design.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

/** The key in Paddle's authentication page. */
const DOCUMENTATION_EXAMPLE = 'pdl_live_apikey_01gtgztp8f4kek3yd4g1wrksa3_q6TGTJyvoIz7LDtXT65bX7_AQO';

function notTheDocsExample({ secret }: Candidate): Validation {
  return secret === DOCUMENTATION_EXAMPLE ? { valid: false, reason: 'example from the Paddle documentation' } : { valid: true, confidence: 'structure' };
}

const liveApiKey: Rule = {
  id: 'paddle-live-api-key',
  provider: 'paddle',
  title: 'Paddle Billing live API key',
  severity: 'critical',
  keywords: ['pdl_live_apikey_'],
  prefixes: ['pdl_live_apikey_'],
  window: { before: 0, after: 70 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pdl_live_apikey_[0-7][0-9a-hjkmnp-tv-z]{25}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3})${TOKEN_END}`),
  minEntropy: 3.5,
  validate: notTheDocsExample,
  remediation:
    'Revoke the key in Paddle (Developer tools → Authentication → API keys, https://vendors.paddle.com/authentication-v2), create a new one with only the permissions it needs, deploy it, and review recent transactions and subscription changes.',
  samples: {
    positive: [
      'PADDLE_API_KEY=pdl_live_apikey_015vvy84p49jjk86nwg6s3fy4t_qXtB83NeEGIDXZgGHx5tFM_EgR',
      "const paddle = new Paddle('pdl_live_apikey_01n1vrtems6588g49t36pgdbr0_Y9pWEzE7BIGMWL2C0ZRc4q_tCr');",
    ],
    negative: [
      // Sandbox.
      'PADDLE_API_KEY=pdl_sdbx_apikey_015vvy84p49jjk86nwg6s3fy4t_qXtB83NeEGIDXZgGHx5tFM_EgR',
      'Authorization: Bearer pdl_live_apikey_01gtgztp8f4kek3yd4g1wrksa3_q6TGTJyvoIz7LDtXT65bX7_AQO',
      'PADDLE_API_KEY=pdl_live_apikey_xxxxxxx...',
      // `u` is not Crockford base32: not a ULID.
      'PADDLE_API_KEY=pdl_live_apikey_01332s9ch9rf09dpvvdv2nk7uc_MIVEunC5B1OJhPRuMphEp6_rWO',
    ],
  },
};

export const paddle: ProviderDefinition = { id: 'paddle', name: 'Paddle', rules: [liveApiKey] };
