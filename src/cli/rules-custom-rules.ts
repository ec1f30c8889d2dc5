// The custom rules `leakstop rules` lists: the operator's (LEAKSTOP_CUSTOM_RULES or its file) and
// those of the config a scan of the same directory would read (--config FILE, or .leakstop.yml in
// PATH), validated as a scan validates them: a config a scan refuses is refused here too.
import { resolve } from 'node:path';
import { findConfigFile } from '../config/config-file.js';
import type { ListedCustomRules } from './rules-command.js';
import type { CliIO } from './cli-io.js';

export async function customRulesToList(path: string | undefined, configFile: string | undefined, io: CliIO): Promise<ListedCustomRules> {
  const root = resolve(io.cwd, path ?? '.');
  const file = configFile === undefined ? findConfigFile(root) : resolve(io.cwd, configFile);
  const hasOperatorRules = Boolean(io.env['LEAKSTOP_CUSTOM_RULES'] || io.env['LEAKSTOP_CUSTOM_RULES_FILE']);
  if (file === undefined && !hasOperatorRules) return { operator: [], repository: [] };
  const { operatorIdProblems, readOperatorCustomRules } = await import('../config/operator-custom-rules.js');
  const operator = readOperatorCustomRules(io.env);
  if (file === undefined) return { operator, repository: [] };
  const { ConfigError, loadConfig } = await import('../config/repo-config.js');
  const { config } = await loadConfig(root, file, new Set(operator.map((rule) => rule.id)));
  const taken = operatorIdProblems(config.rules.custom, operator);
  if (taken.length > 0) throw new ConfigError(file, taken);
  return { operator, repository: config.rules.custom };
}
