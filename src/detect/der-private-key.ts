// A private key in DER: PKCS#8 (plain or encrypted), PKCS#1 RSA or SEC1 EC, told by its ASN.1
// structure and then loaded by node:crypto, which decides whether it really is a key and reads its
// type and size. Only what can be read without a password is said: of an encrypted PKCS#8 key, its
// encryption scheme.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { childrenOf, oidName, oidText, readWhole, smallInteger, TAG } from './asn1.js';

export function readDerPrivateKey(bytes: Uint8Array): Record<string, string> | undefined {
  const top = readWhole(bytes, TAG.sequence);
  const parts = top && childrenOf(bytes, top);
  if (!parts || parts.length < 2) return undefined;
  const [first, second] = [parts[0]!, parts[1]!];
  if (parts.length === 2 && first.tag === TAG.sequence && second.tag === TAG.octetString) {
    const algorithm = childrenOf(bytes, first)?.[0];
    const oid = algorithm && oidText(bytes, algorithm);
    if (oid === undefined || !oid.startsWith('1.2.840.113549.1.')) return undefined;
    return { format: 'PKCS#8 (encrypted)', encrypted: 'true', encryption: oidName(oid) };
  }
  if (first.tag !== TAG.integer) return undefined;
  const version = smallInteger(bytes, first);
  const type =
    (version === 0 || version === 1) && second.tag === TAG.sequence && parts[2]?.tag === TAG.octetString ? 'pkcs8'
    : version === 0 && parts.length === 9 && parts.every((p) => p.tag === TAG.integer) ? 'pkcs1'
    : version === 1 && second.tag === TAG.octetString ? 'sec1'
    : undefined;
  if (type === undefined) return undefined;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), format: 'der', type });
  } catch {
    return undefined;
  }
  return { format: FORMAT_NAMES[type], encrypted: 'false', ...keyFacts(key) };
}

const FORMAT_NAMES = { pkcs8: 'PKCS#8', pkcs1: 'PKCS#1', sec1: 'SEC1' } as const;

/** Key type and size (or curve), as node:crypto reads them. */
export function keyFacts(key: KeyObject): Record<string, string> {
  const facts: Record<string, string> = { keyType: key.asymmetricKeyType ?? 'unknown' };
  const details = key.asymmetricKeyDetails;
  if (details?.modulusLength !== undefined) facts['keySize'] = `${details.modulusLength} bits`;
  if (details?.namedCurve !== undefined) facts['curve'] = details.namedCurve;
  return facts;
}
