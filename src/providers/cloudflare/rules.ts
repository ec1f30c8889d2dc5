// Cloudflare API credentials.
// - Scannable formats (https://developers.cloudflare.com/fundamentals/api/get-started/token-formats):
//   `cfut_` user API tokens, `cfat_` account API tokens and `cfk_` Global API Keys, each the prefix,
//   40 characters and a checksum. Cloudflare does not publish the checksum; issued tokens show it
//   is CRC-32 of the 40 characters as 8 lower-case hex digits, and validate() checks it.
// - Origin CA keys (https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys): "always
//   starts with v1.0-"; the keys the dashboard shows are `v1.0-`, 24 hex digits, `-` and a longer
//   hex run whose length varies.
// - Legacy credentials, issued before the scannable formats: a Global API Key is 37 lower-case hex
//   digits and an API token 40 base64url characters. Neither has a prefix, so only a value assigned
//   to a Cloudflare-named key or token (or sent as X-Auth-Key) is a finding.
import { crc32 } from 'node:zlib';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const BODY_LENGTH = 40;

const TOKEN_REMEDIATION =
  'Roll or delete the token under My Profile → API Tokens (https://dash.cloudflare.com/profile/api-tokens) or, for an account token, Manage Account → API Tokens, and review the audit log for changes it made.';
const GLOBAL_KEY_REMEDIATION =
  'Change the Global API Key under My Profile → API Tokens → API Keys (https://dash.cloudflare.com/profile/api-tokens), which invalidates the old one, review the audit log, and move the integration to a scoped API token.';

function checkScannableChecksum({ secret }: Candidate): Validation {
  const body = secret.slice(secret.indexOf('_') + 1, secret.indexOf('_') + 1 + BODY_LENGTH);
  const checksum = secret.slice(-8);
  const expected = crc32(body).toString(16).padStart(8, '0');
  return checksum === expected ? { valid: true, confidence: 'checksum' } : { valid: false, reason: 'CRC-32 checksum does not match' };
}

const apiToken: Rule = {
  id: 'cloudflare-api-token',
  provider: 'cloudflare',
  title: 'Cloudflare API token',
  severity: 'critical',
  keywords: ['cfut_', 'cfat_'],
  prefixes: ['cfut_', 'cfat_'],
  window: { before: 0, after: 53 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>cf[ua]t_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9_])/,
  validate: checkScannableChecksum,
  remediation: TOKEN_REMEDIATION,
  samples: {
    positive: [
      'CLOUDFLARE_API_TOKEN=cfut_P65yV2nM7so510GXFtb6V2nFt4NjAuv6wpq8Ss2q86b05ec4',
      'curl -H "Authorization: Bearer cfat_Y4QXmFrdC97iiq2QpvC4uXi2Q9Aa1FI60GAieVnj1bb7690d" https://api.cloudflare.com/client/v4/accounts',
      "  apiToken: 'cfut_96IRKoHiePDhXaZDGSlB3AlsBgFSz8KxVVTQ9Shyf01cffcc',",
    ],
    negative: [
      // One character changed: the checksum no longer matches.
      'CLOUDFLARE_API_TOKEN=cfut_P65yV2nM7so510GXFtb6V2nFt4NjAuv6wpq8Ss2r86b05ec4',
      'CLOUDFLARE_API_TOKEN=cfut_...',
      'CLOUDFLARE_API_TOKEN=cfat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // The checksum cut short.
      'CLOUDFLARE_API_TOKEN=cfat_LLMVzi0dq67Cqk8t8SSzfVerGWVXSJocdnsYff5ycd6ad49',
    ],
  },
};

const globalApiKey: Rule = {
  id: 'cloudflare-global-api-key',
  provider: 'cloudflare',
  title: 'Cloudflare Global API Key',
  severity: 'critical',
  keywords: ['cfk_'],
  prefixes: ['cfk_'],
  window: { before: 0, after: 52 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>cfk_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9_])/,
  validate: checkScannableChecksum,
  remediation: GLOBAL_KEY_REMEDIATION,
  samples: {
    positive: [
      'CLOUDFLARE_API_KEY=cfk_r3SCPZPwlfqTOxiLJC76GkFTsiTxLyYUI7pkVMzm83dbc58f',
      'curl -H "X-Auth-Email: ops@example.com" -H "X-Auth-Key: cfk_d0yrcOHN9U0afw8Nvib0kBxaDiUT0bP4dW5aZojgcddad50c" https://api.cloudflare.com/client/v4/zones',
    ],
    negative: [
      'CLOUDFLARE_API_KEY=cfk_d0yrcOHN9U0afw8Nvib0kBxaDiUT0bP4dW5aZojgcddad50d',
      'CLOUDFLARE_API_KEY=cfk_<your key>',
      'CLOUDFLARE_API_KEY=cfk_0000000000000000000000000000000000000000000000000',
      'const mcfk_r3SCPZPwlfqTOxiLJC76GkFTsiTxLyYUI7pkVMzm83dbc58f = 1;',
    ],
  },
};

const originCaKey: Rule = {
  id: 'cloudflare-origin-ca-key',
  provider: 'cloudflare',
  title: 'Cloudflare Origin CA key',
  severity: 'high',
  keywords: ['v1.0-'],
  prefixes: ['v1.0-'],
  window: { before: 0, after: 240 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>v1\.0-[0-9a-f]{24}-[0-9a-f]{100,200})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  remediation:
    'Change the Origin CA key under My Profile → API Tokens → API Keys → Origin CA Key (https://dash.cloudflare.com/profile/api-tokens), which invalidates every value shown before, and move the integration to an API token: Service Key authentication stops working on 30 September 2026.',
  samples: {
    positive: [
      'CF_API_USER_SERVICE_KEY=v1.0-9b746550481243c71cb68f85-c1bf4baab0200b2e18f5736a363a19abcb52710d22e1d265367ad2db9e1b44f90b2aa04fd1938f70e789f2911ec02fcd927aef18d52ac53df6efecc7bc7bcdb4ca1b88385413b467ac',
      'curl -H "X-Auth-User-Service-Key: v1.0-b0386c1ba1299f6eaaeacef2-523b4e65f615fbc50f0020181b930bc249fb9e25a9079d3a541d52c853b0df1eef6a6447572b26a1c99437f50e0a7b4efe2dd1a7dad139eb8533e3dca03702c264eae919ec729b9ef4" https://api.cloudflare.com/client/v4/certificates',
    ],
    negative: [
      'CF_API_USER_SERVICE_KEY=v1.0-<your origin CA key>',
      'version: v1.0-beta-3',
      'CF_API_USER_SERVICE_KEY=v1.0-000000000000000000000000-0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000',
      // Cut short: the second part is only 40 hex digits.
      'CF_API_USER_SERVICE_KEY=v1.0-9b746550481243c71cb68f85-c1bf4baab0200b2e18f5736a363a19abcb52710d',
    ],
  },
};

const ASSIGN = String.raw`["']?[\t ]{0,3}(?:=|:=|:|=>|,)[\t ]{0,3}["']?`;

/** Legacy keys are hex: a run of hex digits that is all digits or all letters is not random. */
function checkLegacyKey({ secret }: Candidate): Validation {
  return /^[0-9]+$|^[a-f]+$/.test(secret) ? { valid: false, reason: 'not a random hex key' } : { valid: true };
}

const legacyGlobalApiKey: Rule = {
  id: 'cloudflare-global-api-key-legacy',
  provider: 'cloudflare',
  title: 'Cloudflare Global API Key (legacy)',
  severity: 'critical',
  keywords: ['cloudflare', 'cf_api_key', 'cf_key', 'x-auth-key'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 120 },
  pattern: new RegExp(String.raw`(?:cloudflare[A-Za-z0-9_.-]{0,24}key|cf_(?:api_)?key|x-auth-key)${ASSIGN}(?<secret>[0-9a-f]{37})(?![0-9A-Za-z])`, 'i'),
  minEntropy: 3,
  validate: checkLegacyKey,
  remediation: GLOBAL_KEY_REMEDIATION,
  samples: {
    positive: [
      'CLOUDFLARE_API_KEY=2d9081214fc32a55e4e94f41cc1eab6748eb6',
      'curl -H "X-Auth-Email: ops@example.com" -H "X-Auth-Key: e0598da01881fd42ef5ad2754a8f9f2d6bdd5" https://api.cloudflare.com/client/v4/zones',
      'cloudflare:\n  email: ops@example.com\n  cloudflare_global_key: "629f335f103d237eb6064900bfbf26fcc95de"',
    ],
    negative: [
      // 37 hex digits with no Cloudflare key named.
      'build_id = "2d9081214fc32a55e4e94f41cc1eab6748eb6"',
      // A 40-digit commit SHA is not a 37-digit key.
      'CLOUDFLARE_API_KEY=cd681ff95fecaaea5b430229d5f5bacfd66f1a42',
      'CLOUDFLARE_API_KEY=0000000000000000000000000000000000000',
      'CLOUDFLARE_API_KEY=${CLOUDFLARE_API_KEY}',
    ],
  },
};

/** A legacy token is random base64url: all hex (a SHA) or all letters (a word) is not one. */
function checkLegacyToken({ secret }: Candidate): Validation {
  if (/^[0-9a-f]+$/i.test(secret)) return { valid: false, reason: 'hex: a hash, not a token' };
  if (!/[0-9]/.test(secret) || !/[A-Z]/.test(secret) || !/[a-z]/.test(secret)) return { valid: false, reason: 'not mixed case and digits' };
  return { valid: true };
}

const legacyApiToken: Rule = {
  id: 'cloudflare-api-token-legacy',
  provider: 'cloudflare',
  title: 'Cloudflare API token (legacy)',
  severity: 'critical',
  keywords: ['cloudflare', 'cf_api_token', 'cf_token'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 120 },
  pattern: new RegExp(String.raw`(?:cloudflare[A-Za-z0-9_.-]{0,24}token|cf_(?:api_)?token)${ASSIGN}(?<secret>[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.8,
  validate: checkLegacyToken,
  remediation: TOKEN_REMEDIATION,
  samples: {
    positive: [
      'CLOUDFLARE_API_TOKEN=CuUkBzzNqu2e-9j651FgyN-fbOA9gKF5VNa4mqlP',
      'export CF_API_TOKEN="314YaJXzDIWAOTYcJ25Y4yF_Z3b87NEJPVpbU3jE"',
      'dns:\n  cloudflare_api_token: "KDmNJZ8bAn-GqqjF8g5BNRk7Ej3nnW6i25u3ViOE"',
    ],
    negative: [
      // A 40-digit hex commit SHA named like a token.
      'CLOUDFLARE_API_TOKEN=cd681ff95fecaaea5b430229d5f5bacfd66f1a42',
      // 40 characters with no Cloudflare token named.
      'SESSION_TOKEN=CuUkBzzNqu2e-9j651FgyN-fbOA9gKF5VNa4mqlP',
      'CLOUDFLARE_API_TOKEN=your-cloudflare-api-token-goes-right-here',
      'CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}',
    ],
  },
};

export const cloudflare: ProviderDefinition = {
  id: 'cloudflare',
  name: 'Cloudflare',
  rules: [apiToken, globalApiKey, originCaKey, legacyGlobalApiKey, legacyApiToken],
};
