import { describe, expect, it } from 'vitest';
import { createEngine, INLINE_ALLOW_MARKER } from '../../src/detect/engine.js';
import type { ProviderDefinition, Rule } from '../../src/detect/rule.js';

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

describe('createEngine().scanText', () => {
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
  });

  it('finds tokens packed side by side on one long line', () => {
    const line = Array.from({ length: 1000 }, () => token).join(' ');
    expect(engine.scanText(line).findings).toHaveLength(1000);
  });
});
