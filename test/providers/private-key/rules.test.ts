// Private key blocks: multi-line secrets up to 16 KB, found whole, with facts decoded from the body.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { privateKey } from '../../../src/providers/private-key/rules.js';

const engine = createEngine({ providers: [privateKey] });

/** A PEM block whose body is one DER SEQUENCE of `contentBytes` random bytes, in 64-char lines. */
function pemBlock(label: string, contentBytes: number): string {
  const header = Buffer.from([0x30, 0x82, contentBytes >> 8, contentBytes & 0xff]);
  const der = Buffer.concat([header, randomBytes(contentBytes)]);
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}

const [pemSample, , opensshSample] = privateKey.rules[0]!.samples.positive;

describe('private-key rule', () => {
  it('finds a key whose body is close to the 16 KB limit, from BEGIN to END', () => {
    const block = pemBlock('RSA PRIVATE KEY', 11_900);
    expect(block.length).toBeGreaterThan(16_000);
    const text = `# key below\n${block}\n# key above\n`;
    const [finding, ...rest] = engine.scanText(text).findings;
    expect(rest).toEqual([]);
    expect(finding?.secret.reveal()).toBe(block);
    expect(finding).toMatchObject({ ruleId: 'private-key', line: 2, column: 1, endLine: 2 + block.split('\n').length - 1 });
  });

  it('ignores a BEGIN whose END is more than 16 KB away', () => {
    const block = pemBlock('PRIVATE KEY', 13_000);
    expect(engine.scanText(block).findings).toEqual([]);
  });

  it('finds the real key after many stray BEGIN lines', () => {
    const stray = '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(2_000);
    const found = engine.scanText(stray + pemSample!).findings;
    expect(found.map((f) => f.secret.reveal())).toEqual([pemSample]);
  });

  it('finds every key of a file that holds several', () => {
    const text = [pemSample, 'ssh:', opensshSample, pemBlock('PRIVATE KEY', 1_200)].join('\n\n');
    expect(engine.scanText(text).findings.map((f) => f.details['privateKeyFormat'])).toEqual([
      'SEC1 EC',
      'OpenSSH',
      'PKCS#8',
    ]);
  });

  it('reports the format and whether the key is encrypted, checked from the body', () => {
    const facts = privateKey.rules[0]!.samples.positive.map((sample) => {
      const [finding] = engine.scanText(sample).findings;
      return { confidence: finding?.confidence, ...finding?.details };
    });
    expect(facts).toEqual([
      { confidence: 'structure', privateKeyFormat: 'SEC1 EC', encrypted: 'false' },
      { confidence: 'structure', privateKeyFormat: 'PKCS#8', encrypted: 'false' },
      { confidence: 'structure', privateKeyFormat: 'OpenSSH', encrypted: 'false' },
      { confidence: 'structure', privateKeyFormat: 'PKCS#8 (encrypted)', encrypted: 'true' },
      { confidence: 'structure', privateKeyFormat: 'PKCS#1 RSA', encrypted: 'false' },
      { confidence: 'structure', privateKeyFormat: 'SEC1 EC', encrypted: 'true' },
    ]);
  });

  it('never reports public keys or certificates, whatever their size', () => {
    const text = [pemBlock('PUBLIC KEY', 2_000), pemBlock('CERTIFICATE', 9_000), pemBlock('RSA PUBLIC KEY', 300)].join('\n');
    expect(engine.scanText(text).findings).toEqual([]);
  });
});

describe('pgp-private-key rule', () => {
  it('reports the OpenPGP format for armored secret keys', () => {
    for (const sample of privateKey.rules[1]!.samples.positive) {
      const [finding] = engine.scanText(sample).findings;
      expect(finding).toMatchObject({ ruleId: 'pgp-private-key', confidence: 'structure', details: { privateKeyFormat: 'OpenPGP' } });
    }
  });
});
