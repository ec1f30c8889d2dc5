// Custom rules through the real engine: RE2 patterns in the engine's keyword windows and anchors,
// ranked before the generic rule, redacted with no declared prefix, linear on adversarial input.
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { CUSTOM_PROVIDER_ID, customRule, withCustomRules, type CustomRuleSpec } from '../../src/detect/custom-rule.js';
import { createEngine } from '../../src/detect/engine.js';
import { fingerprint } from '../../src/detect/secret.js';
import { allProviders } from '../../src/providers/index.js';
import { ACME_TOKEN, acmeRule, INITECH_SECRET, initechRule, OTHER_ACME_TOKEN } from './custom-rule-specs.js';

const engine = createEngine({ providers: withCustomRules(allProviders, [acmeRule, initechRule]) });
const allProviderEngine = createEngine({ providers: allProviders });
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('custom rules in the engine', () => {
  it('runs every sample as the rule says, on text and on UTF-8 bytes alike', () => {
    for (const spec of [acmeRule, initechRule]) {
      for (const text of spec.samples.positive) {
        expect(engine.scanText(text).findings.filter((f) => f.ruleId === spec.id)).toHaveLength(1);
        expect(engine.scanUtf8(utf8(text)).findings.filter((f) => f.ruleId === spec.id)).toHaveLength(1);
      }
      for (const text of spec.samples.negative) expect(engine.scanText(text).findings.filter((f) => f.ruleId === spec.id)).toEqual([]);
    }
  });

  it('reports a finding of provider custom with the rule id, a fingerprint, and a redacted form that shows no start', () => {
    const [finding] = engine.scanText(`# deploy\nACME_KEY="${ACME_TOKEN}"\n`).findings;
    expect(finding).toMatchObject({ ruleId: 'acme-api-key', provider: CUSTOM_PROVIDER_ID, title: 'Acme API key', severity: 'high', line: 2, column: 11 });
    expect(finding!.fingerprint).toBe(fingerprint('acme-api-key', ACME_TOKEN));
    expect(finding!.secret.reveal()).toBe(ACME_TOKEN);
    expect(finding!.secret.redacted).toBe(`…${ACME_TOKEN.slice(-4)} (${ACME_TOKEN.length} chars)`);
    expect(finding!.remediation).toContain('revoke it by hand');
  });

  it('anchors at the keyword, yet reads the character before it for \\b, and at the start of a text', () => {
    expect(engine.scanText(ACME_TOKEN).findings.map((f) => f.secret.reveal())).toEqual([ACME_TOKEN]);
    expect(engine.scanText(`x${ACME_TOKEN}`).findings).toEqual([]);
    expect(engine.scanText(`=${ACME_TOKEN} ${OTHER_ACME_TOKEN}`).findings.map((f) => f.secret.reveal())).toEqual([ACME_TOKEN, OTHER_ACME_TOKEN]);
    // The pattern's \b at the end sees the text after the token: a longer run of characters is no token.
    expect(engine.scanText(`${ACME_TOKEN}Z`).findings).toEqual([]);
  });

  it('reports the named group secret, found only within the window after its keyword', () => {
    const near = engine.scanText(`Initech_Secret = '${INITECH_SECRET}'`).findings;
    expect(near.map((f) => [f.ruleId, f.secret.reveal(), f.column])).toEqual([['initech-client-secret', INITECH_SECRET, 19]]);
    const far = `initech_secret = ${' '.repeat(200)}${INITECH_SECRET}`;
    expect(engine.scanText(far).findings.filter((f) => f.ruleId === 'initech-client-secret')).toEqual([]);
  });

  it('leaves a non-ASCII character before a match as the text has it (byte offsets mapped back to columns)', () => {
    const text = `é ü ACME_KEY=${ACME_TOKEN}`;
    const fromText = engine.scanText(text).findings.map((f) => [f.secret.reveal(), f.column]);
    expect(fromText).toEqual([[ACME_TOKEN, 14]]);
    expect(engine.scanUtf8(utf8(text)).findings.map((f) => [f.secret.reveal(), f.column])).toEqual(fromText);
  });

  it('wins over the generic rule on the same value, and yields to a built-in rule on the same characters', () => {
    const password: CustomRuleSpec = { ...initechRule, id: 'initech-password', keywords: ['password'], pattern: String.raw`(?i)password\s*=\s*"(?P<secret>[A-Za-z0-9]{16,64})"` };
    const github: CustomRuleSpec = { ...acmeRule, id: 'my-github-token', keywords: ['ghp_'], pattern: 'ghp_[A-Za-z0-9]{36}' };
    const both = createEngine({ providers: withCustomRules(allProviders, [password, github]) });
    expect(both.scanText('db_password = "Q7fk2LmZp9XcV4bN8rTy"').findings.map((f) => f.ruleId)).toEqual(['initech-password']);
    expect(allProviderEngine.scanText('db_password = "Q7fk2LmZp9XcV4bN8rTy"').findings.map((f) => f.ruleId)).toEqual(['generic-secret']);
    expect(both.scanText(`token: ${generateGithubStyleToken('ghp_')}`).findings.map((f) => f.ruleId)).toEqual(['github-pat-classic']);
    const order = withCustomRules(allProviders, [acmeRule]).map((p) => p.id);
    expect(order.indexOf(CUSTOM_PROVIDER_ID)).toBe(order.indexOf('generic') - 1);
  });

  it('leaves the providers as they are without custom rules', () => {
    expect(withCustomRules(allProviders, [])).toBe(allProviders);
  });
});

describe('custom rules on adversarial input (RE2: linear whatever the pattern)', () => {
  const nested: CustomRuleSpec = {
    id: 'nested-quantifiers',
    title: 'Catastrophic on a backtracking engine',
    severity: 'low',
    keywords: ['aaa'],
    window: { before: 1000, after: 1000 },
    // (a+)+$ behind a literal prefix: on a line of a's and a final '!' a backtracking engine tries
    // every way to split the a's; RE2 reads each character once.
    pattern: 'aaa(?P<secret>([a-z0-9]+)+)$',
    samples: { positive: ['aaa7kq2mzp9xv4bn8rty'], negative: ['b'] },
  };
  const line = `${'a'.repeat(100 * 1024)}!`;

  for (const anchor of [undefined, 'keyword'] as const) {
    it(`scans a 100 KB line that makes (a+)+$ backtrack for ever in well under a second${anchor ? ', anchored at the keyword' : ''}`, () => {
      const adversarial = createEngine({ providers: withCustomRules([], [{ ...nested, anchor }]) });
      const started = performance.now();
      const { findings } = adversarial.scanText(line);
      const ms = performance.now() - started;
      expect(findings).toEqual([]);
      expect(ms).toBeLessThan(1000);
      // The same pattern does match where it should: the engine runs it, it is not skipped.
      expect(adversarial.scanText('aaa7kq2mzp9xv4bn8rty').findings.map((f) => f.secret.reveal())).toEqual(['7kq2mzp9xv4bn8rty']);
    });
  }

  it('rejects what RE2 cannot run in linear time when the rule is built', () => {
    expect(() => customRule({ ...nested, pattern: String.raw`(a)\1` })).toThrow(/invalid escape sequence/);
    expect(() => customRule({ ...nested, pattern: '(?<=a)b' })).toThrow(/invalid named capture/);
  });
});
