// Cloudflare's scannable tokens: the CRC-32 checksum the sample harness only sees pass or fail.
import { randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { cloudflare } from '../../../src/providers/cloudflare/rules.js';

const engine = createEngine({ providers: [cloudflare] });
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A token in Cloudflare's scannable format: prefix, 40 random base62 characters, CRC-32 in hex. */
function scannableToken(prefix: string): string {
  let body = '';
  for (let i = 0; i < 40; i++) body += BASE62[randomInt(BASE62.length)]!;
  return prefix + body + crc32(body).toString(16).padStart(8, '0');
}

function scan(text: string) {
  return engine.scanText(text).findings.map((f) => ({ ruleId: f.ruleId, confidence: f.confidence, secret: f.secret.reveal() }));
}

describe('cloudflare provider', () => {
  it.each([
    ['cfut_', 'cloudflare-api-token'],
    ['cfat_', 'cloudflare-api-token'],
    ['cfk_', 'cloudflare-global-api-key'],
  ])('finds %s tokens with a valid checksum, at checksum confidence', (prefix, ruleId) => {
    for (let i = 0; i < 20; i++) {
      const token = scannableToken(prefix);
      expect(scan(`CLOUDFLARE_API_TOKEN=${token}`)).toEqual([{ ruleId, confidence: 'checksum', secret: token }]);
    }
  });

  it('rejects a token whose checksum is off by one digit', () => {
    const token = scannableToken('cfut_');
    const last = token.at(-1) === '0' ? '1' : '0';
    expect(scan(`CLOUDFLARE_API_TOKEN=${token.slice(0, -1)}${last}`)).toEqual([]);
  });

  it('does not report a scannable token a second time as a legacy token', () => {
    const token = scannableToken('cfut_');
    expect(scan(`cloudflare_api_token: "${token}"`).map((f) => f.ruleId)).toEqual(['cloudflare-api-token']);
  });
});
