// Bech32 decoding as age identities use it, checked against an identity from age's own test kit.
import { describe, expect, it } from 'vitest';
import { decodeBech32 } from '../../../src/providers/age/bech32.js';

const HRP = 'AGE-SECRET-KEY-';
const TEST_KIT_IDENTITY = 'AGE-SECRET-KEY-1XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4QX3S7F6';

describe('decodeBech32', () => {
  it('decodes an identity from age\'s test kit to its 32-byte key', () => {
    expect(decodeBech32(TEST_KIT_IDENTITY, HRP)?.length).toBe(32);
  });

  it('reads either case, but not both at once', () => {
    expect(decodeBech32(TEST_KIT_IDENTITY.toLowerCase(), HRP)).toEqual(decodeBech32(TEST_KIT_IDENTITY, HRP));
    expect(decodeBech32(`${TEST_KIT_IDENTITY.slice(0, -4)}${TEST_KIT_IDENTITY.slice(-4).toLowerCase()}`, HRP)).toBeUndefined();
  });

  it('rejects a changed character, another human-readable part and characters outside the alphabet', () => {
    expect(decodeBech32(`${TEST_KIT_IDENTITY.slice(0, -1)}7`, HRP)).toBeUndefined();
    expect(decodeBech32(TEST_KIT_IDENTITY.replace('AGE-SECRET-KEY-1', 'AGE-PLUGIN-KEY-1'), HRP)).toBeUndefined();
    expect(decodeBech32(TEST_KIT_IDENTITY.replace('XMWW', 'XMWB'), HRP)).toBeUndefined();
  });
});
