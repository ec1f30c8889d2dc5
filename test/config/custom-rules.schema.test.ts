// rules.custom validated at load: bounded, RE2 syntax with what to write instead, samples through
// the real engine, errors that name the rule and say what to do.
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { customRulesSchema, MAX_CUSTOM_RULES, MAX_PATTERN_CHARS } from '../../src/config/custom-rules.schema.js';
import { ConfigError, parseConfig } from '../../src/config/repo-config.js';
import type { CustomRuleSpec } from '../../src/detect/custom-rule.js';
import { acmeRule, initechRule } from '../detect/custom-rule-specs.js';

function configWith(rules: readonly unknown[]): string {
  return stringify({ rules: { custom: rules } });
}

/** The problems a config with these custom rules is refused with, as the user sees them. */
function problemsOf(rules: readonly unknown[]): string {
  try {
    parseConfig(configWith(rules), '.leakstop.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('the config was accepted');
}

describe('rules.custom in the repository config', () => {
  it('accepts rules whose samples pass, and keeps them as written', () => {
    const config = parseConfig(configWith([acmeRule, initechRule]), '.leakstop.yml');
    expect(config.rules.custom.map((rule) => rule.id)).toEqual(['acme-api-key', 'initech-client-secret']);
    expect(config.rules.custom[0]).toEqual(acmeRule);
  });

  it("accepts the README's example as written", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = /### Custom rules[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(parseConfig(example!, 'README.md').rules.custom.map((rule) => rule.id)).toEqual(['acme-api-key', 'initech-client-secret']);
  });

  it('defaults to no custom rules', () => {
    expect(parseConfig('', '.leakstop.yml').rules.custom).toEqual([]);
  });

  it('refuses a positive sample the rule does not find, naming the rule and the sample, without quoting it', () => {
    const message = problemsOf([{ ...acmeRule, samples: { ...acmeRule.samples, positive: [...acmeRule.samples.positive, 'ACME_KEY=acme_live_Q7fk2LmZp9X'] } }]);
    expect(message).toContain("rules.custom.0.samples: rule 'acme-api-key': positive sample 3 produces no finding of this rule");
    expect(message).toContain('check that the sample contains a keyword');
    expect(message).not.toContain('acme_live_Q7fk2LmZp9X');
  });

  it('refuses a negative sample the rule reports', () => {
    const message = problemsOf([{ ...initechRule, samples: { ...initechRule.samples, negative: ['initech_key=3e8a1f5c7d2b9e04a6c1f83d5b7e29a0c4f6d18b'] } }]);
    expect(message).toContain("rule 'initech-client-secret': negative sample 1 produces a finding of this rule: make the pattern stricter");
  });

  it('says when a built-in rule already finds a positive sample', () => {
    const awsLike: CustomRuleSpec = { ...acmeRule, id: 'my-aws-key', keywords: ['AKIA'], pattern: 'AKIA[A-Z2-7]{16}', samples: { positive: ['key = AKIAQ7FK2LMZP9XCV4BN'], negative: ['AKIA'] } };
    expect(problemsOf([awsLike])).toContain("reported as 'aws-access-key-id' instead: a built-in rule already finds it");
  });

  it('refuses a backreference with what to write instead', () => {
    const message = problemsOf([{ ...acmeRule, pattern: String.raw`(["'])acme_live_[A-Za-z0-9]{32}\1` }]);
    expect(message).toContain("rules.custom.0.pattern: rule 'acme-api-key': the pattern is not RE2 syntax (error parsing regexp: invalid escape sequence");
    expect(message).toContain('RE2 has no backreferences. Spell out what the group matches again');
  });

  it('refuses a lookbehind and a lookahead with what to write instead', () => {
    const behind = problemsOf([{ ...initechRule, pattern: String.raw`(?<=initech_secret=)[0-9a-f]{40}` }]);
    expect(behind).toContain("rule 'initech-client-secret': the pattern is not RE2 syntax");
    expect(behind).toContain('RE2 has no lookbehind. Match the text before the credential as part of the pattern and mark the credential with a named group (?P<secret>...)');
    const ahead = problemsOf([{ ...acmeRule, pattern: '(?!acme_test_)acme_live_[A-Za-z0-9]{32}' }]);
    expect(ahead).toContain('RE2 has no lookahead');
  });

  it('refuses an id of a built-in rule, a duplicate id, and a keyword the prefilter cannot use', () => {
    expect(problemsOf([{ ...acmeRule, id: 'github-pat-classic' }])).toContain("rules.custom.0.id: 'github-pat-classic' is a built-in rule id");
    expect(problemsOf([acmeRule, { ...initechRule, id: 'acme-api-key' }])).toContain("rules.custom.1.id: rule 'acme-api-key' is defined twice (also at index 0)");
    expect(problemsOf([{ ...acmeRule, keywords: ['ac'] }])).toContain('rules.custom.0.keywords.0: a keyword is at least 3 characters');
    expect(problemsOf([{ ...acmeRule, keywords: ['acmé_live'] }])).toContain('a keyword is printable ASCII without spaces');
    expect(problemsOf([{ ...acmeRule, keywords: [] }])).toContain('list at least one keyword');
  });

  it('bounds the number of rules, the size of a pattern and of a sample', () => {
    const many = Array.from({ length: MAX_CUSTOM_RULES + 1 }, (_, i) => ({ ...acmeRule, id: `acme-key-${i}` }));
    expect(customRulesSchema.safeParse(many).error?.issues[0]?.message).toBe(`at most ${MAX_CUSTOM_RULES} custom rules`);
    expect(problemsOf([{ ...acmeRule, pattern: `acme_live_${'[a-z]'.repeat(MAX_PATTERN_CHARS / 5)}` }])).toContain(`a pattern is at most ${MAX_PATTERN_CHARS} characters`);
    expect(problemsOf([{ ...acmeRule, samples: { positive: ['x'.repeat(1001)], negative: ['y'] } }])).toContain('a sample is at most 1000 characters');
    expect(problemsOf([{ ...acmeRule, window: { before: 0, after: 5000 } }])).toContain('rules.custom.0.window.after');
  });

  it('refuses anchor: keyword on a pattern that does not start with a keyword, saying what to do', () => {
    // Its samples pass, but a match starting before the keyword (tacme_live_…) would be dropped:
    // an anchored rule keeps only the matches that start at a keyword.
    const loose: CustomRuleSpec = { ...acmeRule, pattern: String.raw`[a-z]*acme_live_[A-Za-z0-9]{32}\b` };
    const message = problemsOf([loose]);
    expect(message).toContain("rules.custom.0.pattern: rule 'acme-api-key': with `anchor: keyword` a match is reported only where it starts at a keyword");
    expect(message).toContain('or remove `anchor: keyword`');
    expect(parseConfig(configWith([{ ...loose, anchor: undefined, samples: { ...loose.samples, negative: ['ACME_KEY="acme_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'] } }]), '.leakstop.yml').rules.custom).toHaveLength(1);
  });

  it('names an unknown key of a rule', () => {
    expect(problemsOf([{ ...acmeRule, regex: 'x' }])).toContain("unknown key 'rules.custom.0.regex'");
  });
});
