import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, INLINE_ALLOW_MARKER } from '../../src/detect/engine.js';
import type { ProviderDefinition, Rule } from '../../src/detect/rule.js';
import { generateGithubStyleToken, githubStyleChecksum, hasValidGithubStyleChecksum } from '../../src/detect/checksum.js';
import { allProviders } from '../../src/providers/index.js';

const demoRule: Rule = {
  id: 'demo-token',
  provider: 'demo',
  title: 'Demo token',
  severity: 'high',
  keywords: ['dmo_'],
  prefixes: ['dmo_'],
  window: { before: 0, after: 40 },
  pattern: /(?<![A-Za-z0-9])(?<secret>dmo_[A-Za-z0-9]{20})(?![A-Za-z0-9])/,
  remediation: 'Revoke it in the demo console at https://demo.example/tokens.',
  samples: { positive: [], negative: [] },
};
const demo: ProviderDefinition = { id: 'demo', name: 'Demo', rules: [demoRule] };
const token = 'dmo_Q7fK2mZp9XbR4tLw8NcY';

describe('createEngine({ providers: allProviders }).scanText', () => {
  const engine = createEngine({ providers: [demo] });

  it('finds a token and places it by line and column', () => {
    const { findings } = engine.scanText(`first line\n  const t = "${token}";\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'demo-token', line: 2, column: 14, endLine: 2, endColumn: 14 + token.length });
    expect(findings[0]!.secret.reveal()).toBe(token);
  });

  it('never serialises the secret', () => {
    const { findings } = engine.scanText(token);
    const json = JSON.stringify(findings);
    expect(json).not.toContain(token);
    expect(json).toContain('dmo_');
    expect(String(findings[0]!.secret)).not.toContain(token);
    expect(findings[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives the same secret the same fingerprint and another secret another', () => {
    const a = engine.scanText(token).findings[0]!.fingerprint;
    const b = engine.scanText(`x ${token}`).findings[0]!.fingerprint;
    const c = engine.scanText('dmo_Z7fK2mZp9XbR4tLw8NcY').findings[0]!.fingerprint;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('drops placeholders and counts inline allows', () => {
    expect(engine.scanText('dmo_xxxxxxxxxxxxxxxxxxxx').findings).toEqual([]);
    const result = engine.scanText(`t = "${token}" # ${INLINE_ALLOW_MARKER}\nu = "${token}"`);
    expect(result.allowedInline).toBe(1);
    expect(result.findings.map((f) => f.line)).toEqual([2]);
  });

  it('skips disabled rules', () => {
    const off = createEngine({ providers: [demo], disabledRules: new Set(['demo-token']) });
    expect(off.scanText(token).findings).toEqual([]);
    expect(off.rules).toEqual([]);
  });

  it('finds tokens packed side by side on one long line', () => {
    const line = Array.from({ length: 1000 }, () => token).join(' ');
    expect(engine.scanText(line).findings).toHaveLength(1000);
  });
});

describe('a disabled rule', () => {
  const github = generateGithubStyleToken('ghp_');
  const awsKeyId = 'AKIAWSBFTYUSTCVLRBTU';
  const awsSecret = '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';

  it('keeps the generic rule off what it matches: the same token does not come back as generic-secret', () => {
    const line = `GITHUB_TOKEN=${github}\n`;
    expect(createEngine({ providers: allProviders }).scanText(line).findings.map((f) => f.ruleId)).toEqual(['github-pat-classic']);
    const off = createEngine({ providers: allProviders, disabledRules: new Set(['github-pat-classic']) });
    expect(off.scanText(line).findings).toEqual([]);
    expect(off.scanUtf8(Buffer.from(line)).findings).toEqual([]);
    expect(off.rules.map((rule) => rule.id)).not.toContain('github-pat-classic');
  });

  it('silences only its own matches: other secrets on the line are still found, generic ones included', () => {
    const off = createEngine({ providers: allProviders, disabledRules: new Set(['github-pat-classic']) });
    const text = `GITHUB_TOKEN=${github}\nAPI_KEY=Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS\nGH_OAUTH=${generateGithubStyleToken('gho_')}\n`;
    expect(off.scanText(text).findings.map((f) => f.ruleId)).toEqual(['generic-secret', 'github-oauth-token']);
  });

  it('takes no part in pairing: a secret access key without its enabled key id stands alone', () => {
    const off = createEngine({ providers: allProviders, disabledRules: new Set(['aws-access-key-id']) });
    const found = off.scanText(`AWS_ACCESS_KEY_ID=${awsKeyId}\nAWS_SECRET_ACCESS_KEY=${awsSecret}\n`).findings;
    expect(found.map((f) => f.ruleId)).toEqual(['aws-secret-access-key']);
    expect(found[0]!.related).toBeUndefined();
  });
});

describe('the placeholder check and checksums', () => {
  const engine = createEngine({ providers: allProviders });
  // Checksum-valid PATs of a bench/generate-one-line.mjs run that the placeholder words dropped.
  const spelled = [
    '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',
    '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',
    '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',
    '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',
    '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',
    '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',
  ];

  it('does not drop a token whose checksum verifies, whatever its random part happens to spell', () => {
    for (const token of spelled) {
      expect(hasValidGithubStyleChecksum(token), token).toBe(true);
      expect(engine.scanText(`GITHUB_TOKEN=${token}\n`).findings.map((f) => [f.ruleId, f.confidence]), token).toEqual([['github-pat-classic', 'checksum']]);
    }
    // The same for npm's tokens (GitHub's format) and a 6-character run.
    const body = 'Qz8xxxxK2mWp9dLr4TbN7vYc3HsJ5g';
    const npm = `npm_${body}${githubStyleChecksum(body)}`;
    const run = `ghp_aaaaaa${body.slice(6)}${githubStyleChecksum(`aaaaaa${body.slice(6)}`)}`;
    expect(engine.scanText(`//registry.npmjs.org/:_authToken=${npm}\nGH=${run}\n`).findings.map((f) => f.ruleId)).toEqual(['npm-access-token', 'github-pat-classic']);
  });

  it('still drops a placeholder without a valid checksum, and placeholders of rules without one', () => {
    const fake = `${spelled[0]!.slice(0, -1)}${spelled[0]!.endsWith('d') ? 'e' : 'd'}`;
    expect(engine.scanText(`GITHUB_TOKEN=${fake}\nGITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n`).findings).toEqual([]);
    // Slack bot tokens carry no checksum: the placeholder word keeps ruling.
    expect(engine.scanText('SLACK_BOT_TOKEN=xoxb-996748406151-3968490419247-EPPAYxxxxSLZwvPwnvpHS7H9E\n').findings).toEqual([]);
    expect(engine.scanText('api_key = "Gxtd7zFL7HAX27K5uxIFexampleXBPJ"\n').findings).toEqual([]);
  });
});

describe('createEngine decoding base64 values (encoded-values.ts)', () => {
  const engine = createEngine({ providers: allProviders });
  const b64 = (text: string): string => Buffer.from(text).toString('base64');
  const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const githubToken = generateGithubStyleToken('ghp_');
  const dockerConfig = JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`octo-ci:${githubToken}`) } } });
  const manifest = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app', 'data:', `  tls.key: ${b64(pem)}`, `  .dockerconfigjson: ${b64(dockerConfig)}`, ''].join('\n');

  it("scans what a Secret's values decode to and reports each finding at its base64 value, two layers deep", () => {
    const { findings } = engine.scanText(manifest);
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.details['encoding'], f.details['decodedFrom']])).toEqual([
      ['private-key', 6, 12, 'base64', 'Kubernetes Secret data tls.key'],
      ['github-pat-classic', 7, 22, 'base64', 'Kubernetes Secret data .dockerconfigjson > Docker config auths auth'],
    ]);
    expect(findings[1]!.secret.reveal()).toBe(githubToken);
    // The redacted form and fingerprint are the token's own, as if it had been written in clear.
    expect(findings[1]!.fingerprint).toBe(engine.scanText(`TOKEN=${githubToken}`).findings[0]!.fingerprint);
    expect(JSON.stringify(findings)).not.toContain(githubToken);
  });

  it('finds the same in a file scanned as bytes', () => {
    const strip = (f: { ruleId: string; line: number; column: number; endColumn: number; fingerprint: string }) => [f.ruleId, f.line, f.column, f.endColumn, f.fingerprint];
    expect(engine.scanUtf8(Buffer.from(`# café\n${manifest}`)).findings.map(strip)).toEqual(engine.scanText(`# café\n${manifest}`).findings.map(strip));
  });

  it('names a value as its key does, so that a password in `data` is what it would be in `stringData`', () => {
    const password = 'Zr7#pQ9!vL2@xW4$kT';
    const plain = engine.scanText(`kind: Secret\nstringData:\n  db-password: ${password}\n`).findings;
    const encoded = engine.scanText(`kind: Secret\ndata:\n  db-password: ${b64(password)}\n`).findings;
    expect(plain.map((f) => f.ruleId)).toEqual(['generic-secret']);
    // One finding, the decoded one: not a second one for the base64 text.
    expect(encoded.map((f) => [f.ruleId, f.line, f.column, f.details['decodedFrom']])).toEqual([['generic-secret', 3, 16, 'Kubernetes Secret data db-password']]);
    expect(encoded[0]!.fingerprint).toBe(plain[0]!.fingerprint);
  });

  it('reports a token used as the password of a Docker auth as that token', () => {
    const token = engine.scanText(dockerConfig).findings;
    expect(token.map((f) => [f.ruleId, f.line, f.column, f.details['decodedFrom']])).toEqual([['github-pat-classic', 1, 30, 'Docker config auths auth']]);
  });

  it('decodes base64 PEM keys wherever they are (a kubeconfig, an env file) and keeps certificates out', () => {
    const cert = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n';
    const text = `users:\n- user:\n    client-certificate-data: ${b64(cert)}\n    client-key-data: ${b64(pem)}\nTLS_KEY=${b64(pem)}\n`;
    expect(engine.scanText(text).findings.map((f) => [f.ruleId, f.line, f.details['decodedFrom']])).toEqual([
      ['private-key', 4, 'kubeconfig client-key-data'],
      ['private-key', 5, 'base64 PEM'],
    ]);
  });

  it('reads a base64 value that decodes to bytes as key material (a keystore in a Secret)', () => {
    const keystore = readFileSync(join(import.meta.dirname, '../../fixtures/key-material/keystore.jks'));
    const { findings } = engine.scanText(`{"apiVersion": "v1", "data": {"keystore.jks": "${keystore.toString('base64')}"}, "kind": "Secret"}`);
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.details['aliases'], f.details['decodedFrom']])).toEqual([
      ['java-keystore', 1, 48, 'upstream-ca, signing-key', 'Kubernetes Secret data keystore.jks'],
    ]);
  });

  it('stays linear on hostile input: 100,000 entries, nested megabytes, a keyword repeated', () => {
    // Each case takes well under a second; a reader re-reading its structure per hit would take minutes.
    const cases = [
      'kind: Secret\ndata:\n' + Array.from({ length: 100_000 }, (_, i) => `  k${i}: ${b64(`Zr7#pQ9!vL2@xW4$${i}`)}\n`).join(''),
      [1, 2, 3].reduce((inner) => `kind: Secret\ndata:\n  v: ${b64(inner)}\n`, `x: ${'QUJD'.repeat(200_000)}`),
      'kind: Secret '.repeat(400_000),
      ('kind: Secret\n' + '  x: 1\n'.repeat(10)).repeat(50_000),
      '"auth":"QUJDRA==",'.repeat(200_000),
      'LS0tLS1CRUdJTi'.repeat(300_000),
    ];
    for (const text of cases) expect(engine.scanUtf8(Buffer.from(text)).findings).toEqual([]);
  });

  it('decodes no deeper than MAX_DECODE_DEPTH', () => {
    const secretOf = (value: string): string => `kind: Secret\ndata:\n  inner: ${b64(value)}\n`;
    expect(engine.scanText(secretOf(secretOf(pem))).findings.map((f) => f.ruleId)).toEqual(['private-key']);
    expect(engine.scanText(secretOf(secretOf(secretOf(pem)))).findings).toEqual([]);
  });

  it("honours an allow comment on the value's line and reports only a window's own values", () => {
    const allowed = manifest.replace('  tls.key: ', `  # ${INLINE_ALLOW_MARKER}\n  tls.key: `).replace(/(tls\.key: \S+)/, `$1 # ${INLINE_ALLOW_MARKER}`);
    const scan = engine.scanText(allowed);
    expect(scan.findings.map((f) => f.ruleId)).toEqual(['github-pat-classic']);
    expect(scan.allowedInline).toBe(1);
    const bytes = Buffer.from(manifest);
    const tlsLine = manifest.indexOf('  tls.key');
    expect(engine.scanUtf8(bytes, { from: 0, to: tlsLine }).findings).toEqual([]);
    expect(engine.scanUtf8(bytes, { from: tlsLine, to: bytes.length }).findings).toHaveLength(2);
  });
});
