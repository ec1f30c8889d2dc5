// Key material in binary files: PKCS#12 (.p12, .pfx), Java keystores (JKS, JCEKS) and DER private
// keys, told by magic bytes and ASN.1 structure, whatever the file is called. Reported with what
// can be read without a password. The finding's secret is the SHA-256 of the file's bytes, never
// the key: a report can name and fingerprint the file, it cannot leak what is in it.
import { createHash } from 'node:crypto';
import type { Finding } from './finding.js';
import { readDerPrivateKey } from './der-private-key.js';
import { readJavaKeystore, type JavaKeystore } from './java-keystore.js';
import { readPkcs12, type Pkcs12 } from './pkcs12.js';
import type { Severity } from './rule.js';
import { fingerprint, Secret } from './secret.js';

/** Larger files are not read for key material: a keystore of hundreds of certificates is ~1 MB. */
export const MAX_KEY_MATERIAL_BYTES = 4 * 1024 * 1024;

interface KeyMaterialRule {
  id: string;
  title: string;
  severity: Severity;
  remediation: string;
}

const REVOKE = 'Remove the file from the repository and its history, and replace the keys it holds (a new key pair, new certificates): anyone who cloned it has them, and a keystore password is guessed offline.';

export const KEY_MATERIAL_RULES = {
  pkcs12: { id: 'pkcs12-keystore', title: 'PKCS#12 keystore (.p12/.pfx)', severity: 'high', remediation: REVOKE },
  javaKeystore: { id: 'java-keystore', title: 'Java keystore (JKS/JCEKS)', severity: 'high', remediation: REVOKE },
  derKey: { id: 'der-private-key', title: 'Private key (DER)', severity: 'critical', remediation: REVOKE },
} as const satisfies Record<string, KeyMaterialRule>;

/**
 * Whether a binary file is worth reading for key material: a keystore's magic, or one DER SEQUENCE
 * whose length is the file's. A byte compare or two: callers ask it of every binary file.
 */
export function mayHoldKeyMaterial(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes.length > MAX_KEY_MATERIAL_BYTES) return false;
  const magic = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (magic === 0xfeedfeed || magic === 0xcececece) return true;
  return bytes[0] === 0x30 && derLength(bytes) === bytes.length;
}

/** The total length the outer DER element claims, or -1. */
function derLength(bytes: Uint8Array): number {
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4) return -1;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
  return 2 + count + length;
}

/** The key material a file's bytes are, as findings (at most one), unless its rule is disabled. */
export function keyMaterialFindings(bytes: Uint8Array, disabled: ReadonlySet<string> = new Set()): Finding[] {
  if (!mayHoldKeyMaterial(bytes)) return [];
  const found = identify(bytes);
  if (!found || disabled.has(found.rule.id)) return [];
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  return [
    {
      ruleId: found.rule.id,
      provider: 'private-key',
      title: found.rule.title,
      severity: found.rule.severity,
      confidence: 'structure',
      secret: new Secret(digest, ['sha256:']),
      fingerprint: fingerprint(found.rule.id, digest),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      details: { ...found.details, fileSha256: digest.slice('sha256:'.length) },
      remediation: found.rule.remediation,
    },
  ];
}

function identify(bytes: Uint8Array): { rule: KeyMaterialRule; details: Record<string, string> } | undefined {
  const keystore = readJavaKeystore(bytes);
  if (keystore) return keystore.privateKeys + keystore.secretKeys > 0 || keystore.partly ? { rule: KEY_MATERIAL_RULES.javaKeystore, details: keystoreDetails(keystore) } : undefined;
  const pkcs12 = readPkcs12(bytes);
  if (pkcs12) return holdsKeys(pkcs12) ? { rule: KEY_MATERIAL_RULES.pkcs12, details: pkcs12Details(pkcs12) } : undefined;
  const key = readDerPrivateKey(bytes);
  return key ? { rule: KEY_MATERIAL_RULES.derKey, details: key } : undefined;
}

/**
 * Certificates alone are public: a PKCS#12 file whose parts are all in clear and hold no key is no
 * leak. One with a part encrypted as a whole may hold keys there (older Windows exports do), so it is
 * reported, saying its key bags could not be counted; a certificates-only file encrypted so is too.
 */
function holdsKeys(p12: Pkcs12): boolean {
  return p12.plainKeyBags + p12.shroudedKeyBags + p12.secretBags > 0 || p12.encryptedParts.length > 0;
}

function keyBagsCounted(p12: Pkcs12): string {
  const counted = `${p12.shroudedKeyBags} encrypted, ${p12.plainKeyBags} unencrypted`;
  return p12.shroudedKeyBags + p12.plainKeyBags === 0 && p12.encryptedParts.length > 0 ? `${counted} in clear; encrypted parts unread` : counted;
}

function keystoreDetails(store: JavaKeystore): Record<string, string> {
  const details: Record<string, string> = {
    format: store.format,
    entries: String(store.entries),
    privateKeyEntries: String(store.privateKeys),
    trustedCertificateEntries: String(store.trustedCertificates),
    aliases: store.aliases.join(', '),
  };
  if (store.secretKeys > 0) details['secretKeyEntries'] = String(store.secretKeys);
  if (store.partly) details['readPartly'] = 'true';
  return details;
}

function pkcs12Details(p12: Pkcs12): Record<string, string> {
  const details: Record<string, string> = {
    format: 'PKCS#12',
    keyBags: keyBagsCounted(p12),
    certificateBags: String(p12.certificateBags),
    mac: p12.mac ?? 'none',
  };
  if (p12.plainKeyBags > 0) details['unencryptedKey'] = 'true';
  if (p12.encryptedParts.length > 0) details['encryptedParts'] = p12.encryptedParts.join('; ');
  return details;
}
