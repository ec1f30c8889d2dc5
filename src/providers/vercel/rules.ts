// Vercel credentials in the prefixed formats Vercel introduced with its secret scanning
// (https://vercel.com/changelog/new-token-formats-and-secret-scanning): `vcp_` personal access
// tokens, `vci_` integration tokens, `vca_` app access tokens, `vcr_` app refresh tokens and `vck_`
// API keys, each followed by random base62 characters. Vercel does not publish the length or a
// checksum, so the rule takes 24 to 64 base62 characters between word boundaries. Tokens issued
// before the change have no prefix and are left to the generic rules.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** Random base62 mixes digits and both cases; an identifier after a `vcp_`-like name does not. */
function checkRandom({ secret }: Candidate): Validation {
  const body = secret.slice(4);
  return /[0-9]/.test(body) && /[A-Z]/.test(body) && /[a-z]/.test(body) ? { valid: true } : { valid: false, reason: 'not random base62: an identifier' };
}

const TOKEN_TYPES = [
  { prefix: 'vcp_', id: 'vercel-personal-access-token', title: 'Vercel personal access token' },
  { prefix: 'vci_', id: 'vercel-integration-token', title: 'Vercel integration token' },
  { prefix: 'vca_', id: 'vercel-app-access-token', title: 'Vercel app access token' },
  { prefix: 'vcr_', id: 'vercel-app-refresh-token', title: 'Vercel app refresh token' },
  { prefix: 'vck_', id: 'vercel-api-key', title: 'Vercel API key' },
] as const;

const REMEDIATION =
  'Delete the token on the Account Tokens page (https://vercel.com/account/tokens) or with `vercel tokens rm`, check the deployments and environment variables it could reach, and create a new, narrowly scoped one.';

/** Samples per type: made of random base62 characters after the prefix. */
const SAMPLES: Record<string, { positive: readonly string[]; negative: readonly string[] }> = {
  'vcp_': {
    positive: [
      'VERCEL_TOKEN=vcp_NXfHoj7EhhsSh8SXXCR9zr0eo0Y2akEVOIjaulT6EOTU6STiUSAm5teA',
      'run: vercel deploy --prod --token vcp_xkQaBF8l2uGGtYUJhg8YVFPYZYJM26zCjinc4VGiq95ijuHZ38HwcVN9',
    ],
    negative: [
      'VERCEL_TOKEN=vcp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'VERCEL_TOKEN=vcp_<your token>',
      // Too short to be a token.
      'VERCEL_TOKEN=vcp_NXfHoj7EhhsSh8SX',
      // Part of a longer identifier.
      'const svcp_NXfHoj7EhhsSh8SXXCR9zr0eo0Y2akEVOIjaulT6EOTU6STiUSAm5teA = 1;',
    ],
  },
  'vci_': {
    positive: ['VERCEL_INTEGRATION_TOKEN="vci_iaSRUxa8lC0f2CLK7I6rFx6MITzvqlwDNZaHIPEVFsVB45xhaYxI0nJC"', 'Authorization: Bearer vci_Z0hpq3NWste1u1cF3S0tmQoKbmtleJomKG5n0sBCCw2F'],
    negative: ['token: vci_...', 'token: vci_0000000000000000000000000000000000000000', 'const vci_handler_for_integration_events_here = 1', 'function vci_RegisterIntegrationWebhookHandlers() {}'],
  },
  'vca_': {
    positive: ['access_token: vca_qokOVzD91pNfKTFonSghj1OdV7iSl8IcqQJnh3FUBzDykrPWtZqfJPlf', "{ accessToken: 'vca_IpaQUwW2kGMns0jlLD4Rzk0zJ847XtIjFkbVCYEB8WFp' }"],
    negative: ['access_token: vca_${ACCESS}', 'access_token: vca_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'vca_short12345'],
  },
  'vcr_': {
    positive: ['refresh_token: vcr_m6R5FFN3lhBBuvCuAh0PNi8yEfsdAufSvApPpePZ5Bek3B9Qtw', 'VERCEL_REFRESH_TOKEN=vcr_hrjVGuFRfFdMOn4Wwlc146odWDlsw4F8dgy3QDXzhX7L'],
    negative: ['refresh_token: vcr_<refresh token>', 'refresh_token: vcr_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'def mvcr_hrjVGuFRfFdMOn4Wwlc146odWDlsw4F8dgy3QDXzhX7L(): pass'],
  },
  'vck_': {
    positive: ['V0_API_KEY=vck_YOnsf8diC2eA6dK3cDpl2WHfiYAv8MtNQAlT7RUvvOZYjPa2', "apiKey: 'vck_AeJh6pGkB6v0jZwZARxgkL7lyjX3uB3IlkcRU4yHwN86p1t0'"],
    negative: ['V0_API_KEY=vck_...', 'V0_API_KEY=vck_1111111111111111111111111111111111111111', 'V0_API_KEY=vck_YOnsf8diC2eA6dK3cDpl2WHfiYAv8MtNQAlT7RUvvOZYjPa2YOnsf8diC2eA6dK3cDpl2WHfiYAv8'],
  },
};

function tokenRule({ prefix, id, title }: (typeof TOKEN_TYPES)[number]): Rule {
  return {
    id,
    provider: 'vercel',
    title,
    severity: 'high',
    keywords: [prefix],
    prefixes: [prefix],
    window: { before: 0, after: 70 },
    anchor: 'keyword',
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>${prefix}[A-Za-z0-9]{24,64})(?![A-Za-z0-9_])`),
    minEntropy: 3.5,
    validate: checkRandom,
    remediation: REMEDIATION,
    samples: SAMPLES[prefix]!,
  };
}

export const vercel: ProviderDefinition = { id: 'vercel', name: 'Vercel', rules: TOKEN_TYPES.map(tokenRule) };
