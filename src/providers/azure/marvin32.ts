// Marvin32, the seeded 64-bit hash Microsoft uses for string hashing in .NET and as the checksum of
// Azure's identifiable keys (https://github.com/microsoft/security-utilities, "identifiable keys").
// The state is two 32-bit words (p0, p1) set from the seed's low and high halves; each 4-byte
// little-endian block is added to p0 and mixed by one round of the block function; the tail (0 to
// 3 bytes) is closed by a 0x80 byte, added to p0 and mixed by two rounds. The 64-bit hash is
// p1:p0; the 32-bit checksum Azure keys carry is p0 XOR p1. Pure functions over bytes.

interface State {
  p0: number;
  p1: number;
}

function rotl(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

function mix(s: State): void {
  s.p1 = (s.p1 ^ s.p0) >>> 0;
  s.p0 = rotl(s.p0, 20);
  s.p0 = (s.p0 + s.p1) >>> 0;
  s.p1 = rotl(s.p1, 9);
  s.p1 = (s.p1 ^ s.p0) >>> 0;
  s.p0 = rotl(s.p0, 27);
  s.p0 = (s.p0 + s.p1) >>> 0;
  s.p1 = rotl(s.p1, 19);
}

function marvinState(bytes: Uint8Array, seed: bigint): State {
  const s: State = { p0: Number(seed & 0xffffffffn), p1: Number((seed >> 32n) & 0xffffffffn) };
  const blocks = bytes.length - (bytes.length % 4);
  for (let i = 0; i < blocks; i += 4) {
    const block = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
    s.p0 = (s.p0 + block) >>> 0;
    mix(s);
  }
  // The tail's bytes, little-endian, then 0x80 just above them.
  let tail = 0x80;
  for (let i = bytes.length - 1; i >= blocks; i--) tail = ((tail << 8) | bytes[i]!) >>> 0;
  s.p0 = (s.p0 + tail) >>> 0;
  mix(s);
  mix(s);
  return s;
}

/** The 64-bit Marvin hash of `bytes` under `seed`, as p1:p0 (the form published test vectors use). */
export function marvin64(bytes: Uint8Array, seed: bigint): bigint {
  const { p0, p1 } = marvinState(bytes, seed);
  return (BigInt(p1) << 32n) | BigInt(p0);
}

/** The 32-bit Marvin checksum (p0 XOR p1), unsigned: what Azure appends to an identifiable key. */
export function marvin32(bytes: Uint8Array, seed: bigint): number {
  const { p0, p1 } = marvinState(bytes, seed);
  return (p0 ^ p1) >>> 0;
}

/**
 * A checksum seed from its 8-character ASCII name, read big-endian: Microsoft names each kind of key's
 * seed this way ('Default0' is 0x44656661756c7430).
 */
export function marvinSeed(name: string): bigint {
  if (!/^[\x20-\x7e]{8}$/.test(name)) throw new Error(`A Marvin seed name is 8 printable ASCII characters, got ${JSON.stringify(name)}`);
  let seed = 0n;
  for (const ch of name) seed = (seed << 8n) | BigInt(ch.charCodeAt(0));
  return seed;
}
