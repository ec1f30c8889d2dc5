// Sentry auth tokens (https://docs.sentry.io/account/auth-tokens/). Organization tokens are
// `sntrys_` + the standard base64 (padding kept) of a JSON payload {"iat", "url", "region_url",
// "org"} + `_` + 32 random bytes in standard base64 without padding (43 characters), as Sentry's
// own generator writes them (getsentry/sentry, src/sentry/utils/security/orgauthtoken_token.py).
// validate() decodes the payload offline and requires that JSON, so `sntrys_` followed by other
// base64 is not a finding; the organization slug and URL it names are shown. User auth tokens are
// `sntryu_` + 64 lowercase hex (src/sentry/models/apitoken.py: the type prefix + token_hex(32)).
import { decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { notBefore, TOKEN_START } from '../boundaries.js';

const MAX_SHOWN = 100;

function parsePayload(encoded: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64(encoded);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The payload Sentry embeds: an issue time, the Sentry URL and the organization's slug. */
function checkOrgTokenPayload({ groups }: Candidate): Validation {
  const payload = parsePayload(groups['payload'] ?? '');
  if (!payload) return { valid: false, reason: 'payload is not base64 JSON' };
  const { iat, url, org } = payload;
  if (typeof iat !== 'number' || typeof url !== 'string' || typeof org !== 'string' || org === '') {
    return { valid: false, reason: 'payload lacks the iat, url and org Sentry puts in an organization token' };
  }
  if (!/^https?:\/\//.test(url)) return { valid: false, reason: 'payload url is not an http(s) URL' };
  return { valid: true, confidence: 'structure', details: { sentryOrg: org.slice(0, MAX_SHOWN), sentryUrl: url.slice(0, MAX_SHOWN) } };
}

const orgAuthToken: Rule = {
  id: 'sentry-org-auth-token',
  provider: 'sentry',
  title: 'Sentry organization auth token',
  severity: 'high',
  keywords: ['sntrys_'],
  prefixes: ['sntrys_'],
  window: { before: 0, after: 680 },
  anchor: 'keyword',
  pattern: new RegExp(
    String.raw`${TOKEN_START}(?<secret>sntrys_(?<payload>eyJ[A-Za-z0-9+/]{16,600}={0,2})_[A-Za-z0-9+/]{43})${notBefore('A-Za-z0-9+/=_-')}`,
  ),
  validate: checkOrgTokenPayload,
  remediation:
    'Revoke the token in Sentry (Settings → Organization Tokens, https://sentry.io/orgredirect/settings/:orgslug/auth-tokens/), create a new one for the CI job that needs it, and check recent releases and source-map uploads.',
  samples: {
    positive: [
      'SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOiAxNzI0NTkyNzMyLjM3OTA0MiwgInVybCI6ICJodHRwczovL3NlbnRyeS5pbyIsICJyZWdpb25fdXJsIjogImh0dHBzOi8vdXMuc2VudHJ5LmlvIiwgIm9yZyI6ICJhY21lLWNvcnAifQ==_qsZ1JQCV4vBW1aMW5KCOJv1gBULLl0xGQQbk3zhzo14',
      '  authToken: "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",',
    ],
    negative: [
      // The right shape around base64 that is not JSON.
      'SENTRY_AUTH_TOKEN=sntrys_aGVsbG8gd29ybGQgdGhpcyBpcyBub3QganNvbiBhdCBhbGwgb2s=_25EomI/GLlXUiCwK5lXMrIHl0ro21cD3QKdTDpnWstE',
      'SENTRY_AUTH_TOKEN=sntrys_YOUR_TOKEN_HERE',
      // The secret part is cut short.
      'SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOiAxNzI0NTkyNzMyLjM3OTA0MiwgInVybCI6ICJodHRwczovL3NlbnRyeS5pbyIsICJyZWdpb25fdXJsIjogImh0dHBzOi8vdXMuc2VudHJ5LmlvIiwgIm9yZyI6ICJhY21lLWNvcnAifQ==_qsZ1JQCV4vBW1aMW5KCOJv1gBULLl0xGQQ',
      // Base64 JSON, but not the payload Sentry writes.
      'SENTRY_AUTH_TOKEN=sntrys_eyJmb28iOiAiYmFyIiwgImJheiI6IFsxLCAyLCAzXX0=_qsZ1JQCV4vBW1aMW5KCOJv1gBULLl0xGQQbk3zhzo14',
    ],
  },
};

const userAuthToken: Rule = {
  id: 'sentry-user-auth-token',
  provider: 'sentry',
  title: 'Sentry user auth token',
  severity: 'high',
  keywords: ['sntryu_'],
  prefixes: ['sntryu_'],
  window: { before: 0, after: 71 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sntryu_[0-9a-f]{64})${notBefore('A-Za-z0-9_-')}`),
  minEntropy: 3,
  remediation:
    'Revoke the token in Sentry (User settings → Personal Tokens, https://sentry.io/settings/account/api/auth-tokens/), create a new one with only the scopes it needs, and review the organization audit log.',
  samples: {
    positive: [
      'SENTRY_AUTH_TOKEN=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',
      'curl -H "Authorization: Bearer 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" https://sentry.io/api/0/organizations/',
    ],
    negative: [
      '  -H "Authorization: Bearer sntryu_YOUR_TOKEN_HERE"',
      'SENTRY_AUTH_TOKEN=sntryu_0000000000000000000000000000000000000000000000000000000000000000',
      // Truncated.
      'SENTRY_AUTH_TOKEN=sntryu_79564942a289b9e77aa42489a09399a553bf6a0b5a004ff928036a0fb4da15a',
    ],
  },
};

export const sentry: ProviderDefinition = { id: 'sentry', name: 'Sentry', rules: [orgAuthToken, userAuthToken] };
