// Organisation-wide custom rules, set by the operator in the environment: LEAKSTOP_CUSTOM_RULES (a
// JSON list of rules, as under `rules.custom` in a repository's config) or LEAKSTOP_CUSTOM_RULES_FILE
// (a file holding that list, JSON or YAML). They apply to every repository scanned, which can
// neither disable nor redefine them; a bad rule stops the process at start-up, every problem listed.
import { parse as parseYaml } from 'yaml';
import type { CustomRuleSpec } from '../detect/custom-rule.js';
import { ProblemsError } from '../problems-error.js';
import { readUtf8, type ReadSecretFile } from '../providers/settings.js';
import { customRulesSchema } from './custom-rules.schema.js';

export const CUSTOM_RULES_VARIABLE = 'LEAKSTOP_CUSTOM_RULES';
export const CUSTOM_RULES_FILE_VARIABLE = 'LEAKSTOP_CUSTOM_RULES_FILE';

/** Largest rules file read: 100 rules of 1,000-character patterns and 40 samples fit well within. */
const MAX_RULES_TEXT = 8 * 1024 * 1024;

export class OperatorCustomRulesError extends ProblemsError {
  override name = 'OperatorCustomRulesError';

  constructor(problems: string[]) {
    super(problems, 'the custom rules in the environment are not valid', `Fix ${CUSTOM_RULES_VARIABLE} (or the file ${CUSTOM_RULES_FILE_VARIABLE} names), or unset it.`);
  }
}

/** The operator's custom rules (none when neither variable is set); throws OperatorCustomRulesError. */
export function readOperatorCustomRules(env: NodeJS.ProcessEnv, readFile: ReadSecretFile = readUtf8): CustomRuleSpec[] {
  const source = rulesText(env, readFile);
  if (source === undefined) return [];
  let data: unknown;
  try {
    data = parseYaml(source.text, { maxAliasCount: 100 });
  } catch (error) {
    throw new OperatorCustomRulesError([`${source.variable} is not JSON: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`]);
  }
  const parsed = customRulesSchema.safeParse(data);
  if (!parsed.success) {
    throw new OperatorCustomRulesError(parsed.error.issues.map((issue) => `${source.variable}${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}: ${issue.message}`));
  }
  return parsed.data;
}

function rulesText(env: NodeJS.ProcessEnv, readFile: ReadSecretFile): { variable: string; text: string } | undefined {
  const inline = env[CUSTOM_RULES_VARIABLE] || undefined;
  const path = env[CUSTOM_RULES_FILE_VARIABLE] || undefined;
  if (inline !== undefined && path !== undefined) throw new OperatorCustomRulesError([`${CUSTOM_RULES_VARIABLE} and ${CUSTOM_RULES_FILE_VARIABLE} are both set: keep only one`]);
  if (inline !== undefined) return { variable: CUSTOM_RULES_VARIABLE, text: inline };
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new OperatorCustomRulesError([`${CUSTOM_RULES_FILE_VARIABLE} cannot be read (${reason}): set it to a file holding the list of custom rules`]);
  }
  if (text.length > MAX_RULES_TEXT) throw new OperatorCustomRulesError([`${CUSTOM_RULES_FILE_VARIABLE} is larger than ${MAX_RULES_TEXT} bytes: it should hold at most 100 rules`]);
  return { variable: CUSTOM_RULES_FILE_VARIABLE, text };
}

/**
 * A repository's custom rules cannot redefine the operator's: each id taken by an operator rule is a
 * problem in the repository's config, worded as config problems are (`key: message`).
 */
export function operatorIdProblems(repositoryRules: readonly CustomRuleSpec[], operatorRules: readonly CustomRuleSpec[]): string[] {
  const taken = new Set(operatorRules.map((rule) => rule.id));
  return repositoryRules.flatMap((rule, index) =>
    taken.has(rule.id) ? [`rules.custom.${index}.id: '${rule.id}' is an organisation-wide rule set by the operator, which a repository cannot redefine: choose another id`] : [],
  );
}
