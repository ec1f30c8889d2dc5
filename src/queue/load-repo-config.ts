// A repository's `.github/leakstop.yml` as the app reads it: through Probot's config plugin, so an
// organisation's defaults in its `.github` repository and `_extends` work as Probot documents. Read
// from the default branch, never the pushed commit: a push must not be able to switch off its own scan.
// A broken config never stops a scan: it runs with the defaults and the check run says what is wrong.
import { ConfigError, defaultConfig, parseConfig } from '../config/repo-config.js';
import { operatorIdProblems } from '../config/operator-custom-rules.js';
import { redactSecretsIn } from '../config/redact-text.js';
import type { CustomRuleSpec } from '../detect/custom-rule.js';
import { httpStatus } from '../github/errors.js';
import { repoConfigSchemaForOwner, type RepoConfig } from '../config/repo-config.schema.js';

export const APP_CONFIG_PATH = '.github/leakstop.yml';

/** The part of Probot's octokit used here (@probot/octokit-plugin-config). */
export interface ConfigReader {
  config: {
    get(options: { owner: string; repo: string; path: string }): Promise<{ config: unknown; files: readonly { url: string; config: unknown }[] }>;
  };
}

export interface LoadedRepoConfig {
  config: RepoConfig;
  /** Why the repository's config was not used, for the check run; absent when it was fine. */
  configProblem?: string;
}

const PLUGIN_PREFIX = '[@probot/octokit-plugin-config] ';

/** `operatorRules`: the operator's custom rules, whose ids the repository's own rules cannot take. */
export async function loadRepoConfig(octokit: ConfigReader, owner: string, repo: string, operatorRules: readonly CustomRuleSpec[] = []): Promise<LoadedRepoConfig> {
  let merged: unknown;
  try {
    ({ config: merged } = await octokit.config.get({ owner, repo, path: APP_CONFIG_PATH }));
  } catch (error) {
    // GitHub being down or rate limiting is the job's to retry; anything else is the file's fault.
    if (httpStatus(error) !== undefined) throw error;
    return { config: defaultConfig(), configProblem: describePluginError(error) };
  }
  try {
    // JSON is YAML: parseConfig gives the same messages for the merged object as the CLI gives for a file.
    const text = JSON.stringify(merged ?? {});
    const config = parseConfig(text, APP_CONFIG_PATH, new Set(operatorRules.map((rule) => rule.id)));
    const owned = repoConfigSchemaForOwner(owner).safeParse(config);
    if (!owned.success) throw new ConfigError(APP_CONFIG_PATH, owned.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`), text);
    const taken = operatorIdProblems(config.rules.custom, operatorRules);
    if (taken.length > 0) throw new ConfigError(APP_CONFIG_PATH, taken, text);
    return { config };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { config: defaultConfig(), configProblem: error.message };
  }
}

/**
 * The plugin's own message (which file, and why), with the YAML parser's first line when it has one,
 * redacted: the parser quotes the file (an unresolved alias named after a pasted token).
 */
function describePluginError(error: unknown): string {
  const message = error instanceof Error ? error.message.replace(PLUGIN_PREFIX, '') : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message.split('\n')[0]}` : '';
  return redactSecretsIn(`${APP_CONFIG_PATH} could not be read: ${message}${cause}. The scan ran with the default settings.`);
}
