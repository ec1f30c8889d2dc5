import { readFileSync } from 'node:fs';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyMaterialFindings, mayHoldKeyMaterial } from '../../src/detect/key-material.js';

// Made with openssl and keytool (fixtures/key-material/README.md); the keys are test keys only.
const FIXTURES = join(import.meta.dirname, '../../fixtures/key-material');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

function only(bytes: Uint8Array): { ruleId: string; details: Record<string, string>; secret: string; line: number } {
  const findings = keyMaterialFindings(bytes);
  expect(findings).toHaveLength(1);
  const [f] = findings;
  return { ruleId: f!.ruleId, details: f!.details, secret: f!.secret.reveal(), line: f!.line };
}

describe('keyMaterialFindings', () => {
  it('reports a PKCS#12 file with what its password does not hide', () => {
    const found = only(fixture('ec-key.p12'));
    expect(found.ruleId).toBe('pkcs12-keystore');
    expect(found.details).toMatchObject({ format: 'PKCS#12', keyBags: '1 encrypted, 0 unencrypted', mac: 'SHA-256, 2048 iterations' });
    expect(found.details['encryptedParts']).toMatch(/^encryptedData \(PBES2\)/);
    expect(only(fixture('unencrypted.p12')).details).toMatchObject({ keyBags: '0 encrypted, 1 unencrypted', unencryptedKey: 'true', certificateBags: '1', mac: 'none' });
  });

  it('reports a PKCS#12 file whose parts are all encrypted as one whose key bags could not be counted', () => {
    // Certificates only, but encrypted as a whole: without the password, keys could be in there too.
    expect(only(fixture('certificate-only.p12')).details).toMatchObject({ keyBags: '0 encrypted, 0 unencrypted in clear; encrypted parts unread' });
  });

  it("reports Java keystores with their entries' kinds and aliases", () => {
    expect(only(fixture('keystore.jks'))).toMatchObject({
      ruleId: 'java-keystore',
      details: { format: 'JKS', entries: '2', privateKeyEntries: '1', trustedCertificateEntries: '1', aliases: 'upstream-ca, signing-key' },
    });
    expect(only(fixture('keystore.jceks')).details).toMatchObject({ format: 'JCEKS', privateKeyEntries: '1', aliases: 'signing-key' });
  });

  it('reports DER private keys with their type and size', () => {
    expect(only(fixture('rsa-pkcs8.der'))).toMatchObject({ ruleId: 'der-private-key', details: { format: 'PKCS#8', keyType: 'rsa', keySize: '2048 bits', encrypted: 'false' } });
    expect(only(fixture('rsa-pkcs1.der')).details).toMatchObject({ format: 'PKCS#1', keyType: 'rsa', keySize: '2048 bits' });
    expect(only(fixture('ec-sec1.der')).details).toMatchObject({ format: 'SEC1', keyType: 'ec', curve: 'prime256v1' });
    expect(only(fixture('ec-encrypted-pkcs8.der')).details).toMatchObject({ format: 'PKCS#8 (encrypted)', encrypted: 'true', encryption: 'PBES2' });
    const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(only(ed25519).details).toMatchObject({ format: 'PKCS#8', keyType: 'ed25519' });
  });

  it("gives the file's SHA-256 as the secret, never the key", () => {
    const bytes = fixture('ec-sec1.der');
    const digest = createHash('sha256').update(bytes).digest('hex');
    const [finding] = keyMaterialFindings(bytes);
    expect(finding!.secret.reveal()).toBe(`sha256:${digest}`);
    expect(finding!.secret.redacted).toBe(`sha256:…${digest.slice(-4)} (71 chars)`);
    expect(finding!.details['fileSha256']).toBe(digest);
    expect(finding).toMatchObject({ line: 1, column: 1, provider: 'private-key' });
  });

  it('reports nothing for public material: a certificate, a truststore, a public key', () => {
    for (const name of ['certificate.der', 'truststore.jks']) expect(keyMaterialFindings(fixture(name)), name).toEqual([]);
    const publicKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' });
    expect(keyMaterialFindings(publicKey)).toEqual([]);
  });

  it('survives hostile input: truncated files, lengths past the end, noise', () => {
    for (const name of ['ec-key.p12', 'keystore.jks', 'keystore.jceks', 'rsa-pkcs8.der', 'rsa-pkcs1.der']) {
      const bytes = fixture(name);
      for (const cut of [8, 13, 40, bytes.length >> 1, bytes.length - 1]) {
        const truncated = bytes.subarray(0, cut);
        // A truncated DER is not one whole structure: not read. A truncated keystore is still one, read in part.
        const findings = keyMaterialFindings(truncated);
        if (name.endsWith('.jks') || name.endsWith('.jceks')) expect(findings[0]?.details['readPartly'] ?? 'true', `${name} cut at ${cut}`).toBe('true');
        else expect(findings, `${name} cut at ${cut}`).toEqual([]);
      }
    }
    // A keystore claiming 4 billion entries, each alias claiming 64 KiB.
    const huge = Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 1, 0xff, 0xff]);
    expect(keyMaterialFindings(huge)[0]?.details).toMatchObject({ entries: '4294967295', readPartly: 'true' });
    // A SEQUENCE claiming 4 GiB inside a 6-byte file, and nested SEQUENCEs to the end.
    expect(keyMaterialFindings(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]))).toEqual([]);
    const nested = Buffer.alloc(100_000, 0x30);
    expect(keyMaterialFindings(nested)).toEqual([]);
    let seed = 7;
    for (let i = 0; i < 200; i++) {
      const noise = Buffer.alloc(64 + i, 0).map(() => (seed = (seed * 1103515245 + 12345) & 0xff));
      noise[0] = 0x30;
      noise[1] = noise.length - 2;
      expect(() => keyMaterialFindings(noise)).not.toThrow();
    }
  });

  it('is asked cheaply of every binary file: a magic or one whole DER structure', () => {
    expect(mayHoldKeyMaterial(fixture('keystore.jks'))).toBe(true);
    expect(mayHoldKeyMaterial(fixture('rsa-pkcs8.der'))).toBe(true);
    expect(mayHoldKeyMaterial(Buffer.concat([fixture('rsa-pkcs8.der'), Buffer.from('\n')]))).toBe(false);
    expect(mayHoldKeyMaterial(Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'))).toBe(false);
  });
});
