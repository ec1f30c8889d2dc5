// Netlify authentication tokens in the format Netlify announced
// (https://answers.netlify.com/t/change-to-the-netlify-authentication-token-format/106146): `nf` and
// one letter for the kind (`nfp_` personal access token, `nfc_` CLI, `nfo_` OAuth access token,
// `nfu_` app.netlify.com session, `nfb_` build token), 40 characters in all: the prefix and 36
// random base62 characters. Older tokens carry no prefix and are left to the generic rules.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** Random base62 mixes digits and both cases; an identifier such as nfc_AdapterStateChanged… does not. */
function checkRandom({ secret }: Candidate): Validation {
  const body = secret.slice(4);
  return /[0-9]/.test(body) && /[A-Z]/.test(body) && /[a-z]/.test(body) ? { valid: true } : { valid: false, reason: 'not random base62: an identifier' };
}

const REMEDIATION =
  'Revoke the token under User settings → Applications → Personal access tokens (https://app.netlify.com/user/applications), check the sites and environment variables it could reach, and create a new one with an expiry.';

function tokenPattern(prefixes: string): RegExp {
  return new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>nf[${prefixes}]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])`);
}

const personalAccessToken: Rule = {
  id: 'netlify-personal-access-token',
  provider: 'netlify',
  title: 'Netlify personal access token',
  severity: 'high',
  keywords: ['nfp_'],
  prefixes: ['nfp_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: tokenPattern('p'),
  minEntropy: 3.5,
  validate: checkRandom,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'NETLIFY_AUTH_TOKEN=nfp_Z0hpq3NWste1u1cF3S0tmQoKbmtleJomKG5n',
      'netlify deploy --prod --auth nfp_0sBCCw2FqokOVzD91pNfKTFonSghj1OdV7iS',
    ],
    negative: [
      'NETLIFY_AUTH_TOKEN=nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'NETLIFY_AUTH_TOKEN=nfp_<your token>',
      // 35 characters: truncated.
      'NETLIFY_AUTH_TOKEN=nfp_l8IcqQJnh3FUBzDykrPWtZqfJPlfIpaQUwW',
      // Part of a longer identifier.
      'const confp_l8IcqQJnh3FUBzDykrPWtZqfJPlfIpaQUwW2 = 1;',
    ],
  },
};

const otherToken: Rule = {
  id: 'netlify-auth-token',
  provider: 'netlify',
  title: 'Netlify authentication token (CLI, OAuth, session or build)',
  severity: 'high',
  keywords: ['nfc_', 'nfo_', 'nfu_', 'nfb_'],
  prefixes: ['nfc_', 'nfo_', 'nfu_', 'nfb_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: tokenPattern('coub'),
  minEntropy: 3.5,
  validate: checkRandom,
  remediation: REMEDIATION,
  samples: {
    positive: [
      '{"id": "c6b1f1f0", "auth": {"token": "nfc_l8IcqQJnh3FUBzDykrPWtZqfJPlfIpaQUwW2"}}',
      'Authorization: Bearer nfo_kGMns0jlLD4Rzk0zJ847XtIjFkbVCYEB8WFp',
    ],
    negative: [
      'token: nfc_0000000000000000000000000000000000000',
      'token: nfo_...',
      // 37 characters: too long.
      'token: nfb_kGMns0jlLD4Rzk0zJ847XtIjFkbVCYEB8WFpa',
      'const infu_kGMns0jlLD4Rzk0zJ847XtIjFkbVCYEB8WFp = 1;',
      // An NFC identifier of exactly 36 letters.
      'private val nfc_AdapterStateChangedBroadcastReceiver = Receiver()',
    ],
  },
};

export const netlify: ProviderDefinition = { id: 'netlify', name: 'Netlify', rules: [personalAccessToken, otherToken] };
