// age X25519 identities (secret keys): "the Bech32 encoding of the 32-byte scalar with HRP
// AGE-SECRET-KEY-", written upper case (https://age-encryption.org/v1, section "The X25519 recipient
// type"): `AGE-SECRET-KEY-1` + 52 data characters + a 6-character checksum. validate() decodes it and
// checks the Bech32 checksum and padding offline.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';
import { decodeBech32 } from './bech32.js';

const HRP = 'AGE-SECRET-KEY-';
const KEY_BYTES = 32;
/** Upper-case Bech32 alphabet. */
const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

/** Identities published in age's own test kit (testdata/testkit), copied into many repositories. */
const TEST_KIT_IDENTITIES = new Set([
  'AGE-SECRET-KEY-1XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4QX3S7F6',
  'AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0',
  'AGE-SECRET-KEY-143WN7DCXU4G8R5AXQSSYD9AEPYDNT3HXSLWSPK36CDU6E8M59SSSAGZ3KG',
]);

const secretKey: Rule = {
  id: 'age-secret-key',
  provider: 'age',
  title: 'age secret key (X25519 identity)',
  // It decrypts every file and secret (SOPS, chezmoi, agenix) encrypted to its recipient.
  severity: 'critical',
  keywords: ['AGE-SECRET-KEY-1'],
  prefixes: ['AGE-SECRET-KEY-1'],
  window: { before: 0, after: 74 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9_-')}(?<secret>AGE-SECRET-KEY-1[${BECH32}]{58})${notBefore('A-Za-z0-9_-')}`),
  validate: ({ secret }) => {
    if (TEST_KIT_IDENTITIES.has(secret)) return { valid: false, reason: "identity from age's public test kit" };
    const key = decodeBech32(secret, HRP);
    if (key === undefined) return { valid: false, reason: 'Bech32 checksum does not match' };
    return key.length === KEY_BYTES ? { valid: true, confidence: 'checksum' } : { valid: false, reason: `decodes to ${key.length} bytes, not ${KEY_BYTES}` };
  },
  remediation:
    'Generate a new identity (age-keygen), re-encrypt everything encrypted to the old recipient (for SOPS: add the new key, `sops updatekeys`, remove the old one), and rotate the secrets those files held: whoever has the key can read every past version.',
  samples: {
    positive: [
      '# created: 2026-11-02T10:14:51Z\n# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\nAGE-SECRET-KEY-1E0W8EHFF4C6M3JX7HMSFWNT7PU5UY5P62RVHDR59K0XVJ38VSE8SNZV5TJ',
      'SOPS_AGE_KEY=AGE-SECRET-KEY-18LKZA9CMU095U70DA9YJPA220P770UVJYWYNLN0TPDHG3W36U26S9F05HW',
    ],
    negative: [
      // One character changed: the Bech32 checksum no longer matches.
      'SOPS_AGE_KEY=AGE-SECRET-KEY-18LKZA9CMU095U70DA9YJPA220P770UVJYWYNLN0TPDHG3W36U26S9F05HX',
      'SOPS_AGE_KEY=AGE-SECRET-KEY-1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      // A 16-byte payload with a valid checksum: too short to be an X25519 key.
      'SOPS_AGE_KEY=AGE-SECRET-KEY-1KY3XYLS9WHRKNHYW33XEY3J3V5QEDD4L',
      // From age's test kit.
      'identity: AGE-SECRET-KEY-1XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4QX3S7F6',
      // A public key (recipient) is meant to be shared.
      'recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
    ],
  },
};

export const age: ProviderDefinition = { id: 'age', name: 'age', rules: [secretKey] };
