// The workers' engine cache: one engine per selection of rules, custom rules included, so that a job
// never scans with another repository's custom rules.
import { describe, expect, it } from 'vitest';
import { cachedEngine } from '../../src/queue/engine-cache.js';
import { ACME_TOKEN, acmeRule, initechRule } from '../detect/custom-rule-specs.js';

describe('cachedEngine', () => {
  it('compiles one engine per selection and reuses it', () => {
    const plain = cachedEngine({ disabledRules: [], customRules: [] });
    expect(cachedEngine({ disabledRules: [], customRules: [] })).toBe(plain);
    const withAcme = cachedEngine({ disabledRules: [], customRules: [acmeRule] });
    expect(withAcme).not.toBe(plain);
    expect(cachedEngine({ disabledRules: [], customRules: [{ ...acmeRule }] })).toBe(withAcme);
    expect(cachedEngine({ disabledRules: ['generic-secret'], customRules: [acmeRule] })).not.toBe(withAcme);
  });

  it("keys on the custom rules' content, not only their ids", () => {
    const strict = cachedEngine({ disabledRules: [], customRules: [acmeRule] });
    const changed = cachedEngine({ disabledRules: [], customRules: [{ ...acmeRule, pattern: 'acme_live_[A-Za-z0-9]{40}' }] });
    expect(changed).not.toBe(strict);
    expect(strict.scanText(`k=${ACME_TOKEN}`).findings.map((f) => f.ruleId)).toEqual(['acme-api-key']);
    expect(changed.scanText(`k=${ACME_TOKEN}`).findings.map((f) => f.ruleId)).toEqual([]);
    expect(cachedEngine({ disabledRules: [], customRules: [acmeRule, initechRule] }).rules.map((r) => r.id)).toContain('initech-client-secret');
    expect(cachedEngine({ disabledRules: [], customRules: [] }).scanText(`k=${ACME_TOKEN}`).findings.map((f) => f.ruleId)).not.toContain('acme-api-key');
  });
});
