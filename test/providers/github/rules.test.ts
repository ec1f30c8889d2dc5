// GitHub rules beyond the samples: the checksum catches any one-character change, and the stateless
// installation token's details come from its JWT without exposing the signature.
import { describe, expect, it } from 'vitest';
import { BASE62_ALPHABET, generateGithubStyleToken } from '../../../src/detect/checksum.js';
import { createEngine } from '../../../src/detect/engine.js';
import { github } from '../../../src/providers/github/rules.js';

const engine = createEngine({ providers: [github] });

function ruleIds(text: string): string[] {
  return engine.scanText(text).findings.map((f) => f.ruleId);
}

describe('github provider', () => {
  it.each([
    ['ghp_', 'github-pat-classic'],
    ['gho_', 'github-oauth-token'],
    ['ghu_', 'github-user-to-server-token'],
    ['ghs_', 'github-installation-token'],
    ['ghr_', 'github-refresh-token'],
  ])('finds a checksum-valid %s token and no one-character variant of it', (prefix, ruleId) => {
    const token = generateGithubStyleToken(prefix);
    const [finding] = engine.scanText(`token: ${token}`).findings;
    expect(finding).toMatchObject({ ruleId, confidence: 'checksum' });
    for (let i = prefix.length; i < token.length; i++) {
      const next = BASE62_ALPHABET[(BASE62_ALPHABET.indexOf(token[i]!) + 1) % 62]!;
      expect(ruleIds(`token: ${token.slice(0, i)}${next}${token.slice(i + 1)}`), `index ${i}`).toEqual([]);
    }
  });

  it('describes a stateless installation token from its JWT, never with the signature', () => {
    const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signature = 'Vek2dfv9kAQr-u4x0Z2yrT6_C46AioyuF7v6C5y8j3qsEKUw8DAl_tERdlDebvecclS2PovfZvryax1jWPBgOW';
    const token = `ghs_310345_${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: 'https://github.com', exp: 1767961451 })}.${signature}`;
    const [finding] = engine.scanText(`GH_TOKEN=${token}\n`).findings;
    expect(finding).toMatchObject({
      ruleId: 'github-installation-token-stateless',
      confidence: 'structure',
      details: { appId: '310345', alg: 'RS256', iss: 'https://github.com', expiresAt: '2026-01-09T12:24:11.000Z' },
    });
    expect(finding?.secret.reveal()).toBe(token);
    expect(JSON.stringify(finding)).not.toContain(signature);
  });
});
