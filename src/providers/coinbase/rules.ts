// Coinbase Developer Platform secret API keys (https://docs.cdp.coinbase.com/get-started/authentication/):
// an id and a private key that signs the JWT of every request. Ed25519 keys, the default, are
// stored as base64 of 64 bytes: the 32-byte seed, then the public key it derives (as CDP_API_KEY_SECRET,
// or "privateKey" in the downloaded JSON). validate() derives the public key from the seed and
// compares: random base64 of that length never passes, so the check is as strong as a checksum.
// ECDSA keys are PEM blocks (`-----BEGIN EC PRIVATE KEY-----`) and are already found by the
// private-key rule; legacy Coinbase API keys (16 + 32 characters without structure) are not found.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';

/** The DER start of a PKCS#8 Ed25519 private key (RFC 8410), before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function publicKeyOfSeed(seed: Buffer): Buffer {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
}

function checkEd25519Pair({ secret }: Candidate): Validation {
  const bytes = Buffer.from(secret, 'base64');
  if (bytes.length !== 64) return { valid: false, reason: 'not 64 bytes' };
  const derived = publicKeyOfSeed(bytes.subarray(0, 32));
  return derived.equals(bytes.subarray(32)) ? { valid: true, confidence: 'checksum' } : { valid: false, reason: 'second half is not the public key of the first' };
}

const secretApiKey: Rule = {
  id: 'coinbase-cdp-secret-api-key',
  provider: 'coinbase',
  title: 'Coinbase Developer Platform secret API key (Ed25519)',
  severity: 'critical',
  keywords: ['cdp_api_key', 'cdpapikey', 'cdp-api-key', 'coinbase', '"privatekey"'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9+/')}(?<secret>[A-Za-z0-9+/]{86}==)${notBefore('A-Za-z0-9+/=')}`),
  minEntropy: 4,
  validate: checkEd25519Pair,
  remediation:
    'Delete the key in the CDP Portal (API Keys → the key → Delete, https://portal.cdp.coinbase.com/projects/api-keys), create a new one with only the permissions it needs, and review the project\'s wallets and transactions for activity you did not start.',
  samples: {
    positive: [
      'CDP_API_KEY_ID=4467e6d5-a1ca-4dab-8d7c-243d110c69ba\nCDP_API_KEY_SECRET=BzffI/G8cwFEGI8gMX8vdrKa7SMm3mzL52yM5AFYcc9MjUOKcIkVW0bfGgoCIyJTwOXlFSMXaszE0RQWwTBz0w==',
      '{\n  "id": "dba5d34b-53cc-40a0-84b5-f5dc698d5ed5",\n  "privateKey": "mz5zPCEGHQ1bJ3gaUJG364DWSZZHT4w+ilVwwU/wbSEcv6vmliLxcM071VCOSs5FzUmaIiaiOQzjMUFyCmrSFw=="\n}',
    ],
    negative: [
      'CDP_API_KEY_SECRET=your-api-key-secret',
      // Random bytes of the right length: the second half is not the first half's public key.
      'CDP_API_KEY_SECRET=f0/1jrwGw3WfAsHlEgDOI0sSnR7l+BCKHhAtF6Y4MqnYSZa5/rs2V2S7PVjWFsM4ufMC8RYY7rNwk92NwhfleQ==',
      // A real pair with its last byte changed.
      'CDP_API_KEY_SECRET=yvEW0sDHiESgUWQyS9l1YS106qqaQu9lxi449SmbFEzFfb564TF6jHi40U+ysmjuN8O2A7Zf9Bd4Kf4Fh0S2kQ==',
      // Truncated.
      'CDP_API_KEY_SECRET=yvEW0sDHiESgUWQyS9l1YS106qqaQu9lxi449SmbFEzFfb564TF6jHi40U+ysmjuN8O2A7Zf9Bd4Kf4Fh0S2',
    ],
  },
};

export const coinbase: ProviderDefinition = { id: 'coinbase', name: 'Coinbase', rules: [secretApiKey] };
