// 1Password credentials.
// - Service account tokens (https://developer.1password.com/docs/service-accounts/get-started,
//   https://developer.1password.com/docs/service-accounts/security): `ops_` + the base64url of a JSON
//   object holding everything the CLI needs to sign in: the sign-in address, the service account's
//   generated email, its SRP verifier input (srpX), its master unlock key (muk, a JWK) and its Secret
//   Key. validate() decodes it and checks that structure offline, so `ops_eyJ` followed by anything
//   else is not a finding.
// - Secret Keys (https://support.1password.com/secret-key-security/, "34 letters and numbers,
//   separated by dashes"): the version `A3`, a 6-character account id and 26 random characters,
//   grouped A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX. Alone it does not open an account (the account
//   password is the other half of 2SKD), hence high, not critical.
import { decodeBase64Url } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const SECRET_KEY = /^A3-[A-Z0-9]{6}-[A-Z0-9]{6}(?:-[A-Z0-9]{5}){4}$/;

/**
 * The sign-in address of a decoded service account token, or undefined when the JSON lacks the
 * structure 1Password writes. Checked by hand rather than with zod: this runs inside the engine, and
 * importing zod into the rules cost every `leakstop scan` ~25 ms of start-up (compiling its 750 KB).
 */
function serviceAccountSignIn(decoded: unknown): string | undefined {
  if (!isObject(decoded) || !isObject(decoded.muk)) return undefined;
  const { signInAddress, email, srpX, secretKey } = decoded;
  const { kty, k } = decoded.muk;
  const ok =
    typeof signInAddress === 'string' && signInAddress.length >= 1 && signInAddress.length <= 200 &&
    typeof email === 'string' && email.includes('@') &&
    typeof srpX === 'string' && srpX.length >= 16 &&
    typeof kty === 'string' && typeof k === 'string' && k.length >= 16 &&
    typeof secretKey === 'string' && SECRET_KEY.test(secretKey);
  return ok ? signInAddress : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The service account token's JSON, or undefined when the body is not base64 of a JSON object. */
function decodeServiceAccountToken(token: string): unknown {
  const body = token.slice('ops_'.length).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
  const bytes = decodeBase64Url(body);
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function checkServiceAccountToken({ secret }: Candidate): Validation {
  const signInAddress = serviceAccountSignIn(decodeServiceAccountToken(secret));
  if (signInAddress === undefined) return { valid: false, reason: 'does not decode to a service account sign-in (signInAddress, email, srpX, muk, secretKey)' };
  return { valid: true, confidence: 'structure', details: { signInAddress } };
}

const serviceAccountToken: Rule = {
  id: 'onepassword-service-account-token',
  provider: 'onepassword',
  title: '1Password service account token',
  // Every secret in the vaults the service account can read.
  severity: 'critical',
  // `ops_` + base64 of '{"'.
  keywords: ['ops_eyJ'],
  prefixes: ['ops_'],
  window: { before: 0, after: 2100 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>ops_eyJ[A-Za-z0-9_+/-]{300,2000}={0,2})(?![A-Za-z0-9_+/=-])/,
  validate: checkServiceAccountToken,
  remediation:
    'Revoke the token in 1Password (Developer → Directory → the service account → Revoke token, https://developer.1password.com/docs/service-accounts/manage-service-accounts), check the vaults it could read for secrets to rotate, and issue a new token.',
  samples: {
    positive: [
      'export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6IkZ3U0RvU0ZuWEVLd1dlT183RndsYUEifSwiZW1haWwiOiI5MWFtbzJ2c2dtMnZzQDFwYXNzd29yZHNlcnZpY2VhY2NvdW50cy5jb20iLCJzcnBYIjoiY2RkNjMwNGE5M2U3Mjg2MjA2MWI0Mjc2ZTkzMmJiMDUzYjI2NjA3NjZiOWZkMTYzMDdlZmUzZjhmMTIzYzEzMSIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiNUNjdU4wTWdiaTVrbDVseUFaek80WXBaYzNRbk9BY3Z2TUdYWHV2S3FNQSIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtM0NOTUJGLTI1TUJSNC1QSzNUSi1WODNYUS1NQThNUi1ZTlNTViIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiIzNzVhNTMwZjYyZGZkNjM3NTM2Y2Q1NDUzMmI4ZDExMzlhZjJmY2NmNDU1YTg3N2I5ODk0YWU2ZTEwNmRiMzljIiwidXVpZCI6Ik9STlJLVE9BVU1LUFdBWFZWVENRWlZDR0VPIn0sImRldmljZVV1aWQiOiJkczcyM25jcGl4bmY3cm1lb3I2MmZ5cmF1aiJ9',
      '  OP_SERVICE_ACCOUNT_TOKEN: "ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmV1IiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoiUjB4Q0FWZmJsVTVRNUpzN3JkUjdWZyJ9LCJlbWFpbCI6IjZ3Mzd2ZTVnM280dXZAMXBhc3N3b3Jkc2VydmljZWFjY291bnRzLmNvbSIsInNycFgiOiJmODA1ZTFjMzk0Njc0YzE3NjNkMTc2MTZhNWFkMGEyNGQ3MzE2ZWI3OWIzZWExZmFjOTRjZGIyMGUwNjdlZTk1IiwibXVrIjp7ImFsZyI6IkEyNTZHQ00iLCJleHQiOnRydWUsImsiOiJheGttSHdZamplR2VFUzV0aFhpMkhQTkFMOURQT3lrc0dVclBJQnFmeHdnIiwia2V5X29wcyI6WyJlbmNyeXB0IiwiZGVjcnlwdCJdLCJrdHkiOiJvY3QiLCJraWQiOiJtcCJ9LCJzZWNyZXRLZXkiOiJBMy1XMkhZVzItSzRUUUdXLTNOUzU1LVhWVzNMLTZTUjZQLUM4NzNDIiwidGhyb3R0bGVTZWNyZXQiOnsic2VlZCI6ImU1ZTNjMzFkZDdlZmYxZjQzNTgzZmQyNjdjNGQwNzc4MTRiNWM3YmZiOGU4MDkwNDk2YzdiZWIyNGFiNjVjN2IiLCJ1dWlkIjoiSFdQQ0xRT0xDU1pQQ1ZZUktPVlVET0ZYQlYifSwiZGV2aWNlVXVpZCI6Im9lcjR3c2JmZXBsaWdwb2tiZHQyY21lZmNqIn0"',
    ],
    negative: [
      // Only a sign-in address: not a token.
      'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSJ9',
      'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ<your-service-account-token>',
      // The right start, then random base64.
      'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6ImVSc051cnRPX28wWHRSZlJhM3RsUGcifSwiZW1haWwiOiJnbWcxY2xnN2NzbHB6QDFwYXNzd29yZHNlcnZpY2VhY2NvdW50cy5jb20iLCJzcnBYIjoiZmRlZWJjZjc0NmVhYTVmOWQyMzk5MjRiZGFiOTRkYWQwYWI5N2UwMzMxOTkyNDFkZmUzODAwOTcwMTdjMTMwOCIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiWml4UEZCMkROOFlrZnBXOVZHbl9fbzQyR0J3N2p4TjdtcXcyaE5aSWVkWSIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtSkFDUUo5LTdDRFZXNi04TDdNSi1CTTg2TS1OWkhYTC1ETEhERCIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiI3OTdmNTU1NDZiNzk1YTNiMjlhZTRkMzZhZGQ0MGU4NjBiMzljOTUzNzc2NmRkODIyYjgxNmZiMTVhNWFkNGI3IiwidXVpZCI6IktSTlREQVVBWFFKVFFRSVVBWlpVRUtCWlNXIn0sImRldmljZVV1aWQiOiJzc2VkZHA2bHNta2g3M21zY2dyZ3dubjdyeCJ',
      'OP_SERVICE_ACCOUNT_TOKEN=ops_xxx_xxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

/**
 * The Secret Key of an example service account token from 1Password's own test environment
 * (signInAddress gotham.b5local.com), copied into secret scanners' bundles that npm trees carry.
 */
const EXAMPLE_SECRET_KEYS = new Set(['A3-C4ZJMN-PQTZTL-HGL84-G64M7-KVZRN-4ZVP6']);

function notAnExampleKey({ secret }: Candidate): Validation {
  return EXAMPLE_SECRET_KEYS.has(secret) ? { valid: false, reason: "example from 1Password's test environment" } : { valid: true };
}

const secretKey: Rule = {
  id: 'onepassword-secret-key',
  provider: 'onepassword',
  title: '1Password Secret Key',
  severity: 'high',
  keywords: ['A3-'],
  prefixes: ['A3-'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9-])(?<secret>A3-[A-Z0-9]{6}-[A-Z0-9]{6}(?:-[A-Z0-9]{5}){4})(?![A-Za-z0-9-])/,
  minEntropy: 3.5,
  validate: notAnExampleKey,
  remediation:
    'Regenerate the Secret Key in 1Password (your account on 1Password.com → Profile → Regenerate Secret Key, https://support.1password.com/secret-key/), change the account password too, and save the new Emergency Kit.',
  samples: {
    positive: [
      'OP_SECRET_KEY=A3-RE8FQG-5X948D-QMNXQ-SXVGF-4K8RW-7R995',
      'op account add --address my.1password.com --email ci@acme.dev --secret-key A3-X9YNS9-R7FGKA-6FDBV-CFZFT-8BH4V-9Z6YV',
    ],
    negative: [
      'OP_SECRET_KEY=A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX',
      '"secretKey":"A3-C4ZJMN-PQTZTL-HGL84-G64M7-KVZRN-4ZVP6","srpX":"…","signInAddress":"gotham.b5local.com:4000"',
      // A group too short: not a Secret Key.
      'OP_SECRET_KEY=A3-TEW5QY-RVMWEF-9Y2LR-X9DXG-AA4S6-C24L',
      // Lowercase: Secret Keys are uppercase.
      'OP_SECRET_KEY=A3-tew5qy-rvmwef-9y2lr-x9dxg-aa4s6-c24lp',
      'paper: A3-size, 297 x 420 mm',
      // One more group: a longer identifier.
      'SKU=A3-TEW5QY-RVMWEF-9Y2LR-X9DXG-AA4S6-C24LP-ABCDE',
    ],
  },
};

export const onepassword: ProviderDefinition = { id: 'onepassword', name: '1Password', rules: [serviceAccountToken, secretKey] };
