// Runs every rule's own true- and false-positive samples through the full engine (gitleaks style),
// and checks the rule catalogue itself is sound.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/detect/engine.js';
import { allProviders } from '../../src/providers/index.js';

const engine = createEngine({ providers: allProviders });
const rules = allProviders.flatMap((p) => p.rules.map((rule) => ({ provider: p, rule })));

describe('rule catalogue', () => {
  it('has unique kebab-case rule ids', () => {
    const ids = rules.map(({ rule }) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('files each rule under its own provider', () => {
    for (const { provider, rule } of rules) expect(rule.provider).toBe(provider.id);
  });

  it('gives every rule keywords, remediation and enough samples', () => {
    for (const { rule } of rules) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      expect(rule.remediation.length, rule.id).toBeGreaterThan(20);
      expect(rule.samples.positive.length, rule.id).toBeGreaterThanOrEqual(2);
      expect(rule.samples.negative.length, rule.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('declares type prefixes that are fixed text at the start of its secrets, never a keyword found inside one', () => {
    // OpenAI keys are found by 'T3BlbkFJ' in their middle: a keyword is not a prefix.
    expect(rules.find(({ rule }) => rule.id === 'openai-api-key')?.rule.prefixes).toEqual(expect.arrayContaining(['sk-proj-']));
    for (const { rule } of rules) {
      const prefixes = rule.prefixes ?? [];
      if (prefixes.length === 0) continue;
      for (const prefix of prefixes) expect(prefix.length, rule.id).toBeGreaterThanOrEqual(2);
      const shown = rule.samples.positive.flatMap((sample) => engine.scanText(sample).findings.filter((f) => f.ruleId === rule.id).map((f) => f.secret.redacted));
      expect(shown.some((redacted) => prefixes.some((prefix) => redacted.startsWith(`${prefix}…`))), `${rule.id}: no positive sample shows a declared prefix`).toBe(true);
    }
  });
});

describe.each(rules.map(({ rule }) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it.each(rule.samples.positive.map((s, i) => [i, s] as const))('finds positive sample %i', (_i, sample) => {
    // One finding from this provider: this rule's, or a combined one built from it (an AWS key pair).
    const found = engine.scanText(sample).findings.filter((f) => f.provider === rule.provider);
    expect(found.map((f) => f.ruleId)).toHaveLength(1);
    // A redacted form shows the start of a secret only where the rule declares it a type prefix.
    const shown = found[0]!.secret.redacted.split('…')[0]!;
    if (found[0]!.ruleId === rule.id) expect(['', ...(rule.prefixes ?? [])], found[0]!.secret.redacted).toContain(shown);
  });

  it.each(rule.samples.negative.map((s, i) => [i, s] as const))('ignores negative sample %i', (_i, sample) => {
    const found = engine.scanText(sample).findings.filter((f) => f.ruleId === rule.id);
    expect(found.map((f) => `${f.ruleId} ${f.secret.redacted}`)).toEqual([]);
  });
});
