// Organisation-wide custom rules from the operator's environment: inline JSON or a file, every
// problem named by variable and rule, and repository rules that cannot redefine them.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { operatorIdProblems, OperatorCustomRulesError, readOperatorCustomRules } from '../../src/config/operator-custom-rules.js';
import { acmeRule, initechRule } from '../detect/custom-rule-specs.js';

function problemOf(env: NodeJS.ProcessEnv): string {
  try {
    readOperatorCustomRules(env);
  } catch (error) {
    expect(error).toBeInstanceOf(OperatorCustomRulesError);
    return (error as OperatorCustomRulesError).message;
  }
  throw new Error('the rules were accepted');
}

describe('readOperatorCustomRules', () => {
  it('reads none when neither variable is set, or when they are empty', () => {
    expect(readOperatorCustomRules({})).toEqual([]);
    expect(readOperatorCustomRules({ LEAKSTOP_CUSTOM_RULES: '', LEAKSTOP_CUSTOM_RULES_FILE: '' })).toEqual([]);
  });

  it('reads a JSON list from LEAKSTOP_CUSTOM_RULES', () => {
    expect(readOperatorCustomRules({ LEAKSTOP_CUSTOM_RULES: JSON.stringify([acmeRule]) })).toEqual([acmeRule]);
  });

  it('reads a YAML or JSON file named by LEAKSTOP_CUSTOM_RULES_FILE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leakstop-rules-'));
    const file = join(dir, 'rules.yml');
    await writeFile(file, stringify([acmeRule, initechRule]));
    expect(readOperatorCustomRules({ LEAKSTOP_CUSTOM_RULES_FILE: file }).map((rule) => rule.id)).toEqual(['acme-api-key', 'initech-client-secret']);
  });

  it('names the variable, the rule and the problem, with what to do', () => {
    const message = problemOf({ LEAKSTOP_CUSTOM_RULES: JSON.stringify([acmeRule, { ...initechRule, pattern: String.raw`(?<=initech=)[0-9a-f]{40}` }]) });
    expect(message).toContain("LEAKSTOP_CUSTOM_RULES[1].pattern: rule 'initech-client-secret': the pattern is not RE2 syntax");
    expect(message).toContain('RE2 has no lookbehind');
    expect(message).toContain('Fix LEAKSTOP_CUSTOM_RULES');
    expect(problemOf({ LEAKSTOP_CUSTOM_RULES: '[{"id": ' })).toContain('LEAKSTOP_CUSTOM_RULES is not JSON');
    expect(problemOf({ LEAKSTOP_CUSTOM_RULES: '{"id": "x"}' })).toContain('LEAKSTOP_CUSTOM_RULES: ');
  });

  it('refuses both variables at once, and a file it cannot read', () => {
    expect(problemOf({ LEAKSTOP_CUSTOM_RULES: '[]', LEAKSTOP_CUSTOM_RULES_FILE: '/x' })).toContain('are both set: keep only one');
    expect(problemOf({ LEAKSTOP_CUSTOM_RULES_FILE: join(tmpdir(), 'no-such-leakstop-rules.yml') })).toContain('LEAKSTOP_CUSTOM_RULES_FILE cannot be read (ENOENT)');
  });
});

describe('operatorIdProblems', () => {
  it("names each repository rule that takes an operator rule's id", () => {
    expect(operatorIdProblems([initechRule, acmeRule], [acmeRule])).toEqual([
      "rules.custom.1.id: 'acme-api-key' is an organisation-wide rule set by the operator, which a repository cannot redefine: choose another id",
    ]);
    expect(operatorIdProblems([initechRule], [acmeRule])).toEqual([]);
  });
});
