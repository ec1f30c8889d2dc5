// A minimal DER reader for key material in binary files (key-material.ts): tag, length and bounds
// of one element at a time, never trusting a length beyond the bytes there are. No indefinite
// lengths (BER), no high tag numbers: what is not plain DER reads as nothing.

export interface Tlv {
  tag: number;
  /** Offset of the content's first byte, and one past its last. */
  contentStart: number;
  end: number;
}

/** Lengths above this many bytes are not key material (and would not fit in the file anyway). */
const MAX_LENGTH_BYTES = 4;
/** Children read of one element at most: a keystore has a few, an adversarial file millions. */
const MAX_CHILDREN = 4096;

export const TAG = { integer: 0x02, bitString: 0x03, octetString: 0x04, null: 0x05, oid: 0x06, sequence: 0x30, set: 0x31, context0: 0xa0, context1: 0xa1 } as const;

/** The element at `offset`, ending at or before `limit`, or undefined. */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) return undefined;
  const first = bytes[offset + 1]!;
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > MAX_LENGTH_BYTES || contentStart + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  return end > limit ? undefined : { tag, contentStart, end };
}

/** The elements inside a constructed one, or undefined when they do not fill it exactly. */
export function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const children: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    if (children.length === MAX_CHILDREN) return undefined;
    const child = readTlv(bytes, at, parent.end);
    if (!child) return undefined;
    children.push(child);
    at = child.end;
  }
  return children;
}

/** The element that is the whole of `bytes`, or undefined (trailing bytes, truncated, not DER). */
export function readWhole(bytes: Uint8Array, tag: number): Tlv | undefined {
  const tlv = readTlv(bytes, 0);
  return tlv && tlv.tag === tag && tlv.end === bytes.length ? tlv : undefined;
}

/** An OBJECT IDENTIFIER's dotted form. */
export function oidText(bytes: Uint8Array, tlv: Tlv): string | undefined {
  if (tlv.tag !== TAG.oid || tlv.end === tlv.contentStart || tlv.end - tlv.contentStart > 64) return undefined;
  const parts: number[] = [];
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) {
    value = value * 128 + (bytes[i]! & 0x7f);
    if (bytes[i]! & 0x80) continue;
    if (parts.length === 0) parts.push(Math.min(2, Math.floor(value / 40)), value - Math.min(2, Math.floor(value / 40)) * 40);
    else parts.push(value);
    value = 0;
  }
  return parts.join('.');
}

/** A small non-negative INTEGER's value (iteration counts, versions), or undefined. */
export function smallInteger(bytes: Uint8Array, tlv: Tlv): number | undefined {
  const length = tlv.end - tlv.contentStart;
  if (tlv.tag !== TAG.integer || length === 0 || length > 4 || bytes[tlv.contentStart]! & 0x80) return undefined;
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) value = value * 256 + bytes[i]!;
  return value;
}

const OID_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.7.1': 'data',
  '1.2.840.113549.1.7.3': 'envelopedData',
  '1.2.840.113549.1.7.6': 'encryptedData',
  '1.2.840.113549.1.12.10.1.1': 'keyBag',
  '1.2.840.113549.1.12.10.1.2': 'pkcs8ShroudedKeyBag',
  '1.2.840.113549.1.12.10.1.3': 'certBag',
  '1.2.840.113549.1.12.10.1.5': 'secretBag',
  '1.2.840.113549.1.5.13': 'PBES2',
  '1.2.840.113549.1.12.1.3': 'pbeWithSHAAnd3-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.6': 'pbeWithSHAAnd40BitRC2-CBC',
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** A name for people: the known ones by name, others as the dotted OID. */
export function oidName(oid: string): string {
  return OID_NAMES[oid] ?? oid;
}
