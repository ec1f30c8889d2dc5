// Bech32 (BIP 173) decoding with its checksum, for keys written in it (age identities).
// The BIP's 90-character limit is not enforced: age lifts it.

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const CHECKSUM_LENGTH = 6;

function polymod(values: readonly number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) checksum ^= GENERATOR[i]!;
  }
  return checksum;
}

function expandHrp(hrp: string): number[] {
  const codes = [...hrp].map((c) => c.charCodeAt(0));
  return [...codes.map((c) => c >>> 5), 0, ...codes.map((c) => c & 31)];
}

/** 5-bit groups to bytes; undefined when the leftover padding bits are not zero. */
function toBytes(groups: readonly number[]): Buffer | undefined {
  let accumulator = 0;
  let bits = 0;
  const bytes: number[] = [];
  for (const group of groups) {
    accumulator = (accumulator << 5) | group;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((accumulator >>> bits) & 0xff);
    }
  }
  if (bits >= 5 || (accumulator & ((1 << bits) - 1)) !== 0) return undefined;
  return Buffer.from(bytes);
}

/**
 * The bytes of a single-case Bech32 string with human-readable part `hrp` (compared
 * case-insensitively), or undefined when the case is mixed, a character is outside the alphabet,
 * the checksum does not match or the padding is not zero.
 */
export function decodeBech32(text: string, hrp: string): Buffer | undefined {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return undefined;
  const lower = text.toLowerCase();
  const expectedHrp = hrp.toLowerCase();
  if (!lower.startsWith(`${expectedHrp}1`)) return undefined;
  const groups = [...lower.slice(expectedHrp.length + 1)].map((c) => CHARSET.indexOf(c));
  if (groups.length <= CHECKSUM_LENGTH || groups.includes(-1)) return undefined;
  if (polymod([...expandHrp(expectedHrp), ...groups]) !== 1) return undefined;
  return toBytes(groups.slice(0, -CHECKSUM_LENGTH));
}
