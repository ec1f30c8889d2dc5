// Private Packagist authentication tokens
// (https://packagist.com/docs/composer-authentication#token-format): a type prefix, 60 random hex
// digits and an 8-hex-digit checksum, the CRC32 of prefix and random part. Prefixes: `packagist_ort_`
// (organization, read-only), `packagist_out_` (organization, update), `packagist_uut_` (user,
// update). Vendor customer tokens and old tokens are bare 60 hex digits and are left to the generic
// rules.
import { crc32 } from 'node:zlib';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const PREFIXES = ['packagist_ort_', 'packagist_out_', 'packagist_uut_'] as const;
const KIND: Record<string, string> = { ort: 'organization token, read-only', out: 'organization token, update', uut: 'user token, update' };
const CHECKSUM_LENGTH = 8;

function checkChecksum({ secret }: Candidate): Validation {
  const body = secret.slice(0, -CHECKSUM_LENGTH);
  const expected = crc32(body).toString(16).padStart(CHECKSUM_LENGTH, '0');
  if (expected !== secret.slice(-CHECKSUM_LENGTH)) return { valid: false, reason: 'CRC32 checksum does not match' };
  return { valid: true, confidence: 'checksum', details: { tokenType: KIND[secret.slice(10, 13)] ?? 'token' } };
}

const authToken: Rule = {
  id: 'packagist-token',
  provider: 'packagist',
  title: 'Private Packagist authentication token',
  // An update token mirrors and installs every private package the organization or user can reach.
  severity: 'high',
  keywords: PREFIXES,
  prefixes: PREFIXES,
  window: { before: 0, after: 82 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>packagist_(?:ort|out|uut)_[0-9a-f]{68})(?![A-Za-z0-9_])/,
  validate: checkChecksum,
  remediation:
    'Regenerate the token in Private Packagist (organization Settings → Authentication tokens for organization tokens, your profile for your user token, https://packagist.com/docs/composer-authentication), update auth.json or the CI secret that used it, and check the organization log for downloads you do not recognise.',
  samples: {
    positive: [
      'composer config --global --auth http-basic.repo.packagist.com token packagist_ort_fdbb59a4cdcd93b0b053961fa32ccd4c48d1caa83c09be3ce290638ba779509b3cdb',
      '{"http-basic": {"repo.packagist.com": {"username": "token", "password": "packagist_uut_5a31e0e102b1d9eaab094e73efca892b796f988288ada5d6e0331a0809972f042dbd"}}}',
      'COMPOSER_AUTH=\'{"http-basic":{"repo.packagist.com":{"username":"token","password":"packagist_out_6d7185a29ed283176bfdbdbd6438b8a0f36fcac14387ba279d38958b1f6565e076cf"}}}\'',
    ],
    negative: [
      // Last digit changed: the CRC32 no longer matches.
      'packagist_ort_fdbb59a4cdcd93b0b053961fa32ccd4c48d1caa83c09be3ce290638ba779509b3cda',
      'password: packagist_uut_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'password: packagist_out_<your-token>',
      // Truncated: no checksum.
      'password: packagist_uut_5a31e0e102b1d9eaab094e73efca892b796f988288ada5d6e0331a0809972f04',
      'const my_packagist_ort_fdbb59a4cdcd93b0b053961fa32ccd4c48d1caa83c09be3ce290638ba779509b3cdb = 1;',
    ],
  },
};

export const packagist: ProviderDefinition = { id: 'packagist', name: 'Private Packagist', rules: [authToken] };
