// Marvin32 against the published test vectors (the Marvin paper's, as .NET's and Microsoft's
// security-utilities tests carry them) and the seed names Microsoft gives its identifiable keys.
import { describe, expect, it } from 'vitest';
import { marvin32, marvin64, marvinSeed } from '../../../src/providers/azure/marvin32.js';

const SEED_0 = 0x004fb61a001bdbccn;
const SEED_1 = 0x804fb61a001bdbccn;
const SEED_2 = 0x804fb61a801bdbccn;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

const VECTORS: ReadonlyArray<readonly [bigint, Uint8Array, bigint]> = [
  [0xd53cd9cecd0893b7n, text('abc'), 0x22c74339492769bfn],
  [0xddddeeeeffff000n, text('abcdefghijklmnopqrstuvwxyz'), 0xa128eb7e7260aca2n],
  [SEED_0, new Uint8Array([]), 0x30ed35c100cd3c7dn],
  [SEED_0, new Uint8Array([0xaf]), 0x48e73fc77d75ddc1n],
  [SEED_0, new Uint8Array([0xe7, 0x0f]), 0xb5f6e1fc485dbff8n],
  [SEED_0, new Uint8Array([0x37, 0xf4, 0x95]), 0xf0b07c789b8cf7e8n],
  [SEED_0, new Uint8Array([0x86, 0x42, 0xdc, 0x59]), 0x7008f2e87e9cf556n],
  [SEED_0, new Uint8Array([0x15, 0x3f, 0xb7, 0x98, 0x26]), 0xe6c08c6da2afa997n],
  [SEED_0, new Uint8Array([0x09, 0x32, 0xe6, 0x24, 0x6c, 0x47]), 0x6f04bf1a5ea24060n],
  [SEED_0, new Uint8Array([0xab, 0x42, 0x7e, 0xa8, 0xd1, 0x0f, 0xc7]), 0xe11847e4f0678c41n],
  [SEED_1, new Uint8Array([0xab, 0x42, 0x7e, 0xa8, 0xd1, 0x0f, 0xc7]), 0xe203987dba252fb3n],
  [SEED_2, new Uint8Array([0, 255, 0, 255, 0, 255, 0]), 0x71876f2efb1b0ee8n],
  [SEED_2, new Uint8Array([255, 0, 255, 0, 255, 0]), 0x6911a53ca8c12254n],
];

describe('marvin64', () => {
  it.each(VECTORS.map(([seed, bytes, hash], i) => [i, seed, bytes, hash] as const))('matches published vector %i', (_i, seed, bytes, hash) => {
    expect(marvin64(bytes, seed).toString(16)).toBe(hash.toString(16));
  });
});

describe('marvin32', () => {
  it('folds the 64-bit hash into its two halves XORed, unsigned', () => {
    for (const [seed, bytes, hash] of VECTORS) expect(marvin32(bytes, seed)).toBe(Number((hash >> 32n) ^ (hash & 0xffffffffn)));
    // 0x22c74339 ^ 0x492769bf: the 'abc' vector's checksum has its top bit set, and stays positive.
    expect(marvin32(text('abc'), 0xd53cd9cecd0893b7n)).toBe(0x6be02a86);
  });

  it('reads every byte of blocks longer than the tail', () => {
    const bytes = text('the quick brown fox jumps over it');
    const changed = text('the quick brown fox jumps over iT');
    expect(marvin32(bytes, SEED_0)).not.toBe(marvin32(changed, SEED_0));
  });
});

describe('marvinSeed', () => {
  it('reads a seed name big-endian, as Microsoft publishes the seeds', () => {
    expect(marvinSeed('Default0')).toBe(0x44656661756c7430n);
    expect(marvinSeed('MastRW00')).toBe(0x4d61737452573030n);
    expect(marvinSeed('Query000')).toBe(0x5175657279303030n);
    expect(marvinSeed('ACRDflt0')).toBe(0x41435244666c7430n);
  });

  it('refuses a name that is not 8 ASCII characters, saying what it got', () => {
    expect(() => marvinSeed('Default')).toThrow(/8 printable ASCII characters, got "Default"/);
  });
});
