import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createEngine } from '../../src/detect/engine.js';
import type { LocatedFinding } from '../../src/detect/finding.js';
import { fingerprint, redact, Secret } from '../../src/detect/secret.js';
import { allProviders } from '../../src/providers/index.js';
import { completedOutput, findingAnnotations } from '../../src/report/check-run-payload.js';
import { incidentBody, incidentsFromFindings } from '../../src/report/incident-body.js';
import { formatJson } from '../../src/report/json.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import type { ScanResult } from '../../src/scan/result.js';
import { fromWire, toWire } from '../../src/scan/scan-pool.js';

const raw = 'ghp_R8wq2Lk9VbN3mZt6Yx1Hc4Jf7Pd0Ss5Ga2Ue';

describe('redact', () => {
  it('shows a declared type prefix, the last 4 characters and the length', () => {
    expect(redact(raw, ['ghp_'])).toBe('ghp_…a2Ue (40 chars)');
    expect(redact('xoxb-2847561930-5829371046-Kq8Wn2Lp5Rt9', ['xoxb-'])).toBe('xoxb-…5Rt9 (39 chars)');
    // The longest declared prefix the value starts with.
    expect(redact('sk-proj-tEvBYKlqWjJR6fljii_uG6ZSieZ_zI7yCg4PoJH30Rgp', ['sk-', 'sk-proj-'])).toBe('sk-proj-…0Rgp (52 chars)');
  });

  it('shows no start of a value without a declared prefix: a passphrase shows its last 4 characters only', () => {
    expect(redact('Zebra-Monkey-Pancake-Tulip-Harbor-y9Tb')).toBe('…y9Tb (38 chars)');
    expect(redact('wJalrXUtnFEMIK7MDENGbPxRfiCYzz8d9Q2Lm4Np')).toBe('…m4Np (40 chars)');
    // A prefix declared for another kind of value is not this value's.
    expect(redact('Zebra-Monkey-Pancake-Tulip-Harbor-y9Tb', ['ghp_'])).toBe('…y9Tb (38 chars)');
    // What looks like a type prefix shows nothing unless a rule declares it.
    expect(redact(raw)).toBe('…a2Ue (40 chars)');
  });

  it('never shows a declared prefix that would leave fewer than 8 characters hidden', () => {
    expect(redact('sk-proj-abcdefghi', ['sk-proj-'])).toBe('…fghi (17 chars)');
  });

  it('hides short values entirely', () => {
    expect(redact('hunter2pass')).toBe('******** (11 chars)');
  });
});

describe('Secret', () => {
  const secret = new Secret(raw);

  it('hides the value from JSON, strings, templates and inspect', () => {
    expect(JSON.stringify({ secret })).not.toContain(raw);
    expect(`${secret}`).not.toContain(raw);
    expect(inspect({ secret }, { depth: 5 })).not.toContain(raw);
    expect(Object.keys(secret)).not.toContain('value');
  });

  it('reveals the value only on request', () => {
    expect(secret.reveal()).toBe(raw);
    expect(secret.length).toBe(40);
  });
});

describe('fingerprint', () => {
  it('depends on rule and secret, and does not contain the secret', () => {
    const a = fingerprint('github-pat-classic', raw);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint('github-pat-classic', raw)).toBe(a);
    expect(fingerprint('generic-secret', raw)).not.toBe(a);
    expect(fingerprint('github-pat-classic', `${raw}x`)).not.toBe(a);
  });

  it('can be carried in redacted form only, which shows like the original and never reveals', () => {
    const original = new Secret('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    const carried = new Secret({ redacted: original.redacted, length: original.length });
    expect(carried.redacted).toBe(original.redacted);
    expect(carried.length).toBe(40);
    expect(JSON.stringify(carried)).toBe(JSON.stringify(original));
    expect(() => carried.reveal()).toThrow('cannot be revealed');
  });
});

describe('redacted forms in every report', () => {
  const engine = createEngine({ providers: allProviders });
  const passphrase = 'Zebra-Monke-Q7xK2pLm9Wv4Rt8Hn3y9Tb';
  const token = generateGithubStyleToken('ghp_');
  const text = `DB_PASSWORD="${passphrase}"\nGITHUB_TOKEN=${token}\n`;

  function outputsOf(findings: LocatedFinding[]): Record<string, string> {
    const result: ScanResult = { target: '/repo', root: '/repo', findings, stats: { filesScanned: 1, bytesScanned: text.length, baselined: 0, allowedInline: 0, skipped: [], durationMs: 1 } };
    const incidents = incidentsFromFindings(findings, { source: { owner: 'acme', repo: 'api' }, detectedAt: new Date('2026-01-01T00:00:00Z'), htmlBaseUrl: 'https://github.com' });
    return {
      json: formatJson(result),
      sarif: formatSarif(result, allProviders.flatMap((p) => p.rules)),
      text: formatText(result, { color: false, verbose: true }),
      annotations: JSON.stringify(findingAnnotations(result)),
      checkRun: JSON.stringify(completedOutput(result)),
      incidents: incidents.map((incident) => incidentBody(incident)).join('\n'),
    };
  }

  it("show a passphrase's last 4 characters and length only, and a token's declared prefix, from the engine and across scan threads", () => {
    const found = engine.scanText(text).findings.map((f): LocatedFinding => ({ ...f, path: 'config/.env' }));
    expect(found.map((f) => [f.ruleId, f.secret.redacted])).toEqual([
      ['generic-secret', `…y9Tb (${passphrase.length} chars)`],
      ['github-pat-classic', `ghp_…${token.slice(-4)} (40 chars)`],
    ]);
    const threaded = found.map((f) => ({ ...fromWire(structuredClone(toWire(f))), path: f.path }));
    for (const findings of [found, threaded]) {
      for (const [format, output] of Object.entries(outputsOf(findings))) {
        expect(output, format).toContain('…y9Tb');
        expect(output, format).toContain(`ghp_…${token.slice(-4)}`);
        for (const start of ['Zebra', 'Monke', passphrase.slice(0, 12), token.slice(0, 12)]) expect(output, format).not.toContain(start);
      }
    }
  });
});
