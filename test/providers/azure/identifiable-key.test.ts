// Identifiable keys: the seed that verifies the checksum names the kind of key; anything else fails.
import { describe, expect, it } from 'vitest';
import { generateIdentifiableKey, identifiableKeyKind } from '../../../src/providers/azure/identifiable-key.js';

const MESSAGING = { send: 'Send0000', listen: 'Listen00', manage: 'Manage00' };

describe('identifiableKeyKind', () => {
  it.each([
    [64, '+ASt', 88],
    [32, '+ASb', 44],
    [39, 'AzSe', 52],
  ] as const)('verifies a %i-byte key with signature %s, %i characters long', (bytes, signature, length) => {
    const key = generateIdentifiableKey(bytes, signature, 'Listen00');
    expect(key).toHaveLength(length);
    expect(key.replace(/=+$/, '').slice(-10, -6)).toBe(signature);
    expect(identifiableKeyKind(key, signature, MESSAGING)).toBe('listen');
  });

  it('verifies URL-safe keys (Azure Functions), with or without padding', () => {
    const key = generateIdentifiableKey(40, 'AzFu', 'Master00', true);
    expect(key).toMatch(/^[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==$/);
    expect(identifiableKeyKind(key, 'AzFu', { function: 'Functi00', master: 'Master00' })).toBe('master');
    expect(identifiableKeyKind(key.replace(/=+$/, ''), 'AzFu', { master: 'Master00' })).toBe('master');
  });

  it('names the first seed that verifies, and none when the key was made with another seed', () => {
    const key = generateIdentifiableKey(64, 'ACDb', 'MastRO00');
    expect(identifiableKeyKind(key, 'ACDb', { 'read-write': 'MastRW00', 'read-only': 'MastRO00' })).toBe('read-only');
    expect(identifiableKeyKind(key, 'ACDb', { 'read-write': 'MastRW00' })).toBeUndefined();
  });

  it('rejects a key with one random character changed, or the signature elsewhere', () => {
    const key = generateIdentifiableKey(64, '+ASt', 'Default0');
    const changed = (key[0] === 'Q' ? 'R' : 'Q') + key.slice(1);
    expect(identifiableKeyKind(changed, '+ASt', { account: 'Default0' })).toBeUndefined();
    expect(identifiableKeyKind(key, 'ACDb', { account: 'Default0' })).toBeUndefined();
  });

  it('rejects a non-canonical last character, which decodes to the same bytes', () => {
    const key = generateIdentifiableKey(32, '+AEh', 'Send0000');
    // 44 characters hold 32 bytes: the last character before `=` has 2 unused low bits.
    const last = key.at(-2)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const nonCanonical = key.slice(0, -2) + alphabet[alphabet.indexOf(last) + 1]! + '=';
    expect(Buffer.from(nonCanonical, 'base64')).toEqual(Buffer.from(key, 'base64'));
    expect(identifiableKeyKind(nonCanonical, '+AEh', MESSAGING)).toBeUndefined();
  });

  it('rejects text that is not base64', () => {
    expect(identifiableKeyKind('not base64 at all +ASt......', '+ASt', { account: 'Default0' })).toBeUndefined();
  });
});
