// A PKCS#12 file (.p12, .pfx, a PKCS#12 Java keystore), read without its password (RFC 7292): the
// PFX's AuthenticatedSafe lists its parts, each in clear (data: its bags' kinds can be read) or
// encrypted (only the scheme can); the MAC's digest and iteration count are in clear. So a key bag
// in clear (keyBag, an unencrypted PKCS#8 key) is told from a shrouded one, and the MAC said.
import { childrenOf, oidName, oidText, readTlv, readWhole, smallInteger, TAG, type Tlv } from './asn1.js';

export interface Pkcs12 {
  /** Key bags in clear (keyBag) and encrypted (pkcs8ShroudedKeyBag). */
  plainKeyBags: number;
  shroudedKeyBags: number;
  certificateBags: number;
  secretBags: number;
  /** Parts encrypted as a whole (their bags unreadable), with their schemes. */
  encryptedParts: string[];
  /** 'SHA-256, 2048 iterations', or undefined when there is no MAC. */
  mac: string | undefined;
}

const ID_DATA = '1.2.840.113549.1.7.1';

export function readPkcs12(bytes: Uint8Array): Pkcs12 | undefined {
  const pfx = readWhole(bytes, TAG.sequence);
  const parts = pfx && childrenOf(bytes, pfx);
  if (!parts || parts.length < 2 || smallInteger(bytes, parts[0]!) !== 3 || parts[1]!.tag !== TAG.sequence) return undefined;
  const safes = dataContent(bytes, parts[1]!);
  const safeList = safes && readTlv(bytes, safes.contentStart, safes.end);
  const contentInfos = safeList?.tag === TAG.sequence ? childrenOf(bytes, safeList) : undefined;
  if (!contentInfos) return undefined;
  const result: Pkcs12 = { plainKeyBags: 0, shroudedKeyBags: 0, certificateBags: 0, secretBags: 0, encryptedParts: [], mac: parts[2] ? macOf(bytes, parts[2]) : undefined };
  for (const info of contentInfos) readContentInfo(bytes, info, result);
  return result;
}

/** A ContentInfo of type data: its OCTET STRING. */
function dataContent(bytes: Uint8Array, contentInfo: Tlv): Tlv | undefined {
  const [type, explicit] = childrenOf(bytes, contentInfo) ?? [];
  if (!type || !explicit || oidText(bytes, type) !== ID_DATA || explicit.tag !== TAG.context0) return undefined;
  const octets = readTlv(bytes, explicit.contentStart, explicit.end);
  return octets?.tag === TAG.octetString ? octets : undefined;
}

function readContentInfo(bytes: Uint8Array, info: Tlv, result: Pkcs12): void {
  const [type, explicit] = childrenOf(bytes, info) ?? [];
  const oid = type && oidText(bytes, type);
  if (oid === ID_DATA) {
    const octets = dataContent(bytes, info);
    const bags = octets && readTlv(bytes, octets.contentStart, octets.end);
    for (const bag of (bags?.tag === TAG.sequence && childrenOf(bytes, bags)) || []) countBag(bytes, bag, result);
    return;
  }
  if (oid === undefined) return;
  result.encryptedParts.push(explicit ? `${oidName(oid)} (${encryptionScheme(bytes, explicit) ?? 'scheme unread'})` : oidName(oid));
}

function countBag(bytes: Uint8Array, bag: Tlv, result: Pkcs12): void {
  const type = childrenOf(bytes, bag)?.[0];
  const name = type && oidName(oidText(bytes, type) ?? '');
  if (name === 'keyBag') result.plainKeyBags++;
  else if (name === 'pkcs8ShroudedKeyBag') result.shroudedKeyBags++;
  else if (name === 'certBag') result.certificateBags++;
  else if (name === 'secretBag') result.secretBags++;
}

/** [0] EncryptedData { version, EncryptedContentInfo { type, algorithm { oid, … }, … } }: the algorithm. */
function encryptionScheme(bytes: Uint8Array, explicit: Tlv): string | undefined {
  const encryptedData = readTlv(bytes, explicit.contentStart, explicit.end);
  const contentInfo = encryptedData?.tag === TAG.sequence ? childrenOf(bytes, encryptedData)?.[1] : undefined;
  const algorithm = contentInfo?.tag === TAG.sequence ? childrenOf(bytes, contentInfo)?.[1] : undefined;
  const oid = algorithm?.tag === TAG.sequence ? childrenOf(bytes, algorithm)?.[0] : undefined;
  const text = oid && oidText(bytes, oid);
  return text === undefined ? undefined : oidName(text);
}

/** MacData { DigestInfo { algorithm { oid }, digest }, salt, iterations DEFAULT 1 }. */
function macOf(bytes: Uint8Array, macData: Tlv): string | undefined {
  const [digestInfo, , iterations] = childrenOf(bytes, macData) ?? [];
  const algorithm = digestInfo && childrenOf(bytes, digestInfo)?.[0];
  const oid = algorithm && childrenOf(bytes, algorithm)?.[0];
  const name = oid && oidText(bytes, oid);
  if (name === undefined) return undefined;
  const count = iterations ? smallInteger(bytes, iterations) : 1;
  return `${oidName(name)}, ${count ?? 'unread'} iteration${count === 1 ? '' : 's'}`;
}
