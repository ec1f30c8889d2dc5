import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fingerprint, redact, Secret } from '../../src/detect/secret.js';

const raw = 'ghp_R8wq2Lk9VbN3mZt6Yx1Hc4Jf7Pd0Ss5Ga2Ue';

describe('redact', () => {
  it('shows the type prefix, the last 4 characters and the length', () => {
    expect(redact(raw)).toBe('ghp_…a2Ue (40 chars)');
    expect(redact('xoxb-2847561930-5829371046-Kq8Wn2Lp5Rt9')).toBe('xoxb-…5Rt9 (39 chars)');
  });

  it('shows 4 characters when the value has no type prefix', () => {
    expect(redact('wJalrXUtnFEMIK7MDENGbPxRfiCYzz8d9Q2Lm4Np')).toBe('wJal…m4Np (40 chars)');
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
