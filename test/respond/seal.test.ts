import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/detect/secret.js';
import {
  MAX_SEALED_LENGTH,
  SealError,
  SealKey,
  SealKeyError,
  sealKeyFromBytes,
  sealKeyFromEnv,
  sealSecret,
  sealedSecretSchema,
  unsealSecret,
} from '../../src/respond/seal.js';
import { thrown } from './thrown.js';

const RAW = 'ghp_' + 'Zq8XvN3kLw2Rt6Yb9Hc4Jd7Mf1Gp5Sx0Ua3E';
const FINGERPRINT = '0123456789abcdef0123456789abcdef';
const KEY_BYTES = Buffer.from('6n1yJq0mXv7Lw3sKp9Rt2Ub5Hc8Df4Ga', 'utf8');
const KEY_BASE64 = KEY_BYTES.toString('base64');
const key = sealKeyFromBytes(KEY_BYTES);

/** One RSA key in the PKCS#1 PEM a GitHub App settings page hands out. */
const APP_PEM = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

const noFiles = (path: string): string => {
  throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
};
const files =
  (contents: Record<string, string>) =>
  (path: string): string =>
    contents[path] ?? noFiles(path);

/** A SealError whose message shows neither the secret nor the sealed text nor any of its parts. */
function expectSafeSealError(run: () => unknown, sealed: string): SealError {
  const error = thrown(run, SealError);
  const shown = `${error.message}\n${String(error)}\n${inspect(error)}`;
  expect(shown).not.toContain(RAW);
  expect(shown).not.toContain(sealed);
  for (const part of sealed.split('.').slice(2)) expect(shown).not.toContain(part);
  return error;
}

/** `sealed` with the character at `index` changed. */
function flip(sealed: string, index: number): string {
  const at = index < 0 ? sealed.length + index : index;
  return sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
}

describe('sealSecret / unsealSecret', () => {
  it('round-trips a secret under its context', () => {
    const sealed = sealSecret(key, new Secret(RAW), FINGERPRINT);
    expect(unsealSecret(key, sealed, FINGERPRINT).reveal()).toBe(RAW);
  });

  it('round-trips non-ASCII and multi-line secrets', () => {
    const raw = `-----BEGIN PRIVATE KEY-----\npässwörd ✓\n${'x'.repeat(4_000)}\n-----END PRIVATE KEY-----`;
    expect(unsealSecret(key, sealSecret(key, new Secret(raw), FINGERPRINT), FINGERPRINT).reveal()).toBe(raw);
  });

  it('writes v1.<key id>.<iv>.<ciphertext> with a fresh iv each time, and no trace of the secret', () => {
    const first = sealSecret(key, new Secret(RAW), FINGERPRINT);
    const second = sealSecret(key, new Secret(RAW), FINGERPRINT);
    const [version, keyId, iv, body] = first.split('.');
    expect(version).toBe('v1');
    expect(keyId).toBe(key.id);
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(body ?? '', 'base64url')).toHaveLength(Buffer.byteLength(RAW) + 16);
    expect(second.split('.')[2]).not.toBe(iv);
    expect(second).not.toBe(first);
    expect(first).not.toContain(RAW.slice(4, 12));
    expect(sealedSecretSchema.parse(first)).toBe(first);
  });

  it('refuses another context: a sealed value copied into another finding’s job does not open', () => {
    const sealed = sealSecret(key, new Secret(RAW), FINGERPRINT);
    const error = expectSafeSealError(() => unsealSecret(key, sealed, 'f'.repeat(32)), sealed);
    expect(error.reason).toBe('not-authentic');
    expect(error.message).not.toContain(FINGERPRINT);
  });

  it('refuses a tampered ciphertext, tag or iv', () => {
    const sealed = sealSecret(key, new Secret(RAW), FINGERPRINT);
    const ivStart = sealed.indexOf('.', 3) + 1;
    const bodyStart = sealed.lastIndexOf('.') + 1;
    for (const tampered of [flip(sealed, bodyStart + 1), flip(sealed, -2), flip(sealed, ivStart + 1)]) {
      expect(tampered).not.toBe(sealed);
      expect(expectSafeSealError(() => unsealSecret(key, tampered, FINGERPRINT), tampered).reason).toBe('not-authentic');
    }
  });

  it('refuses a wrong key even when the key id in the text is changed to match it', () => {
    const sealed = sealSecret(key, new Secret(RAW), FINGERPRINT);
    const other = sealKeyFromBytes(randomBytes(32));
    const relabelled = sealed.replace(`.${key.id}.`, `.${other.id}.`);
    expect(expectSafeSealError(() => unsealSecret(other, relabelled, FINGERPRINT), relabelled).reason).toBe('not-authentic');
  });

  it('says the seal key changed, naming both ids, when another key sealed it', () => {
    const sealed = sealSecret(key, new Secret(RAW), FINGERPRINT);
    const other = sealKeyFromBytes(randomBytes(32));
    const error = expectSafeSealError(() => unsealSecret(other, sealed, FINGERPRINT), sealed);
    expect(error.reason).toBe('key-changed');
    expect(error.message).toContain(key.id);
    expect(error.message).toContain(other.id);
    expect(error.message).toMatch(/changed since the job was queued/);
  });

  it('refuses malformed text without echoing it', () => {
    for (const bad of ['', RAW, `v2.${key.id}.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA`, `v1.${key.id}.short.AAAAAAAAAAAAAAAAAAAAAA`, `v1.${key.id}.${'A'.repeat(16)}.${'A'.repeat(MAX_SEALED_LENGTH)}`]) {
      const error = thrown(() => unsealSecret(key, bad, FINGERPRINT), SealError);
      expect(error.reason).toBe('malformed');
      if (bad !== '') expect(error.message).not.toContain(bad);
    }
  });

  it('refuses to seal a secret too long for job data', () => {
    const error = thrown(() => sealSecret(key, new Secret('x'.repeat(MAX_SEALED_LENGTH)), FINGERPRINT), SealError);
    expect(error.reason).toBe('too-long');
    expect(error.message).not.toContain('xxxxxxxx');
  });

  it('has a schema that accepts sealed text only', () => {
    expect(sealedSecretSchema.safeParse(RAW).success).toBe(false);
    expect(sealedSecretSchema.safeParse(`v1.${key.id}.${'A'.repeat(16)}.${'A'.repeat(MAX_SEALED_LENGTH)}`).success).toBe(false);
    expect(sealedSecretSchema.safeParse(sealSecret(key, new Secret(RAW), FINGERPRINT)).success).toBe(true);
  });
});

describe('SealKey', () => {
  it('is named by 8 hex characters and never printed', () => {
    expect(key.id).toMatch(/^[0-9a-f]{8}$/);
    const hex = KEY_BYTES.toString('hex');
    const base64url = KEY_BYTES.toString('base64url');
    for (const shown of [JSON.stringify(key), JSON.stringify({ key }), String(key), `${key}`, inspect(key), inspect({ key }, { depth: 5, showHidden: true })]) {
      expect(shown).toContain(key.id);
      for (const form of [KEY_BASE64, base64url, hex, KEY_BYTES.toString('utf8')]) expect(shown).not.toContain(form);
    }
    expect(Object.keys(key)).toEqual(['id']);
  });

  it('must be 32 bytes', () => {
    expect(thrown(() => sealKeyFromBytes(randomBytes(16)), SealKeyError).message).toContain('32 bytes');
    expect(() => new SealKey(Buffer.alloc(33))).toThrow(SealKeyError);
  });
});

describe('sealKeyFromEnv', () => {
  it('reads LEAKSTOP_SEAL_KEY as base64 of 32 bytes', () => {
    expect(sealKeyFromEnv({ LEAKSTOP_SEAL_KEY: KEY_BASE64 }, noFiles).id).toBe(key.id);
    expect(sealKeyFromEnv({ LEAKSTOP_SEAL_KEY: KEY_BYTES.toString('base64url') }, noFiles).id).toBe(key.id);
  });

  it('reads the file LEAKSTOP_SEAL_KEY_FILE names, ignoring its trailing newline', () => {
    const fromFile = sealKeyFromEnv({ LEAKSTOP_SEAL_KEY_FILE: '/run/secrets/seal' }, files({ '/run/secrets/seal': `${KEY_BASE64}\n` }));
    expect(fromFile.id).toBe(key.id);
    // The two are one key: what one seals, the other opens.
    expect(unsealSecret(fromFile, sealSecret(key, new Secret(RAW), FINGERPRINT), FINGERPRINT).reveal()).toBe(RAW);
  });

  it('prefers a configured key to one derived from the private key', () => {
    expect(sealKeyFromEnv({ LEAKSTOP_SEAL_KEY: KEY_BASE64, PRIVATE_KEY: APP_PEM }, noFiles).id).toBe(key.id);
  });

  it('refuses both variables at once', () => {
    const error = thrown(() => sealKeyFromEnv({ LEAKSTOP_SEAL_KEY: KEY_BASE64, LEAKSTOP_SEAL_KEY_FILE: '/run/secrets/seal' }, files({ '/run/secrets/seal': KEY_BASE64 })), SealKeyError);
    expect(error.message).toMatch(/LEAKSTOP_SEAL_KEY and LEAKSTOP_SEAL_KEY_FILE are both set/);
  });

  it('refuses text that is not base64, without echoing it', () => {
    const bad = 'not a key, just a passphrase!';
    const error = thrown(() => sealKeyFromEnv({ LEAKSTOP_SEAL_KEY: bad }, noFiles), SealKeyError);
    expect(error.message).toMatch(/LEAKSTOP_SEAL_KEY is not base64/);
    expect(error.message).toContain('openssl rand -base64 32');
    expect(error.message).not.toContain(bad);
  });

  it('refuses a key of the wrong length, without echoing it', () => {
    const short = randomBytes(16).toString('base64');
    const error = thrown(() => sealKeyFromEnv({ LEAKSTOP_SEAL_KEY_FILE: '/k' }, files({ '/k': short })), SealKeyError);
    expect(error.message).toMatch(/LEAKSTOP_SEAL_KEY_FILE holds 16 bytes, not 32/);
    expect(error.message).not.toContain(short);
  });

  it('says when the key file cannot be read', () => {
    expect(thrown(() => sealKeyFromEnv({ LEAKSTOP_SEAL_KEY_FILE: '/missing' }, noFiles), SealKeyError).message).toMatch(/LEAKSTOP_SEAL_KEY_FILE cannot be read \(ENOENT\)/);
  });

  it('derives one key from the GitHub App private key however it is given', () => {
    const inline = sealKeyFromEnv({ PRIVATE_KEY: APP_PEM }, noFiles);
    const fromPath = sealKeyFromEnv({ PRIVATE_KEY_PATH: '/app.pem' }, files({ '/app.pem': APP_PEM }));
    const escaped = sealKeyFromEnv({ PRIVATE_KEY: APP_PEM.trim().replaceAll('\n', '\\n') }, noFiles);
    const base64 = sealKeyFromEnv({ PRIVATE_KEY: Buffer.from(APP_PEM).toString('base64') }, noFiles);
    expect(new Set([inline.id, fromPath.id, escaped.id, base64.id]).size).toBe(1);
    expect(unsealSecret(fromPath, sealSecret(inline, new Secret(RAW), FINGERPRINT), FINGERPRINT).reveal()).toBe(RAW);
  });

  it('derives different keys from different apps’ private keys, and none equal to the private key itself', () => {
    const otherPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(sealKeyFromEnv({ PRIVATE_KEY: otherPem }, noFiles).id).not.toBe(sealKeyFromEnv({ PRIVATE_KEY: APP_PEM }, noFiles).id);
    const derived = sealKeyFromEnv({ PRIVATE_KEY: APP_PEM }, noFiles);
    expect(inspect(derived)).not.toContain('PRIVATE KEY');
  });

  it('says which variable holds an unreadable private key', () => {
    const error = thrown(() => sealKeyFromEnv({ PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----' }, noFiles), SealKeyError);
    expect(error.message).toMatch(/PRIVATE_KEY is not a readable PEM private key/);
    expect(error.message).toContain('LEAKSTOP_SEAL_KEY');
    expect(thrown(() => sealKeyFromEnv({ PRIVATE_KEY_PATH: '/missing.pem' }, noFiles), SealKeyError).message).toMatch(/PRIVATE_KEY_PATH cannot be read/);
  });

  it('names LEAKSTOP_SEAL_KEY when there is no key at all; empty variables count as unset', () => {
    for (const env of [{}, { LEAKSTOP_SEAL_KEY: '', LEAKSTOP_SEAL_KEY_FILE: '', PRIVATE_KEY: '', PRIVATE_KEY_PATH: '' }]) {
      const error = thrown(() => sealKeyFromEnv(env, noFiles), SealKeyError);
      expect(error.message).toContain('LEAKSTOP_SEAL_KEY');
      expect(error.message).toContain('openssl rand -base64 32');
    }
  });
});
