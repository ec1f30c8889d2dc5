// Loads and validates the repository config; a bad file is an error that names the key and says how to fix it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { repoConfigSchema, type RepoConfig } from './repo-config.schema.js';

import { CONFIG_FILE_NAMES } from './config-file.js';

export { CONFIG_FILE_NAMES };

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid leakstop config:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix the file, or delete it to use the defaults.`);
    this.name = 'ConfigError';
  }
}

export function defaultConfig(): RepoConfig {
  return repoConfigSchema.parse({});
}

/** Parses config text (YAML) from `file`; throws ConfigError naming each bad key. */
export function parseConfig(text: string, file: string): RepoConfig {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    // yaml throws YAMLParseError for syntax and ReferenceError for alias bombs: both are the file's fault.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(file, [`${error instanceof YAMLParseError ? 'YAML syntax' : 'YAML'}: ${message}`]);
  }
  const result = repoConfigSchema.safeParse(data ?? {});
  if (!result.success) throw new ConfigError(file, describeIssues(result.error));
  return result.data;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => (where === '(top level)' ? k : `${where}.${k}`));
      return `unknown key ${keys.map((k) => `'${k}'`).join(', ')}: allowed keys are listed in the README ("Configuration")`;
    }
    return `${where}: ${issue.message}`;
  });
}

/** Reads `file`, or the first config file found in `root`, or returns the defaults. */
export async function loadConfig(root: string, file?: string): Promise<{ config: RepoConfig; file?: string }> {
  if (file) return { config: parseConfig(await readFile(file, 'utf8'), file), file };
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(root, name);
    const text = await readFile(candidate, 'utf8').catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (text !== undefined) return { config: parseConfig(text, candidate), file: candidate };
  }
  return { config: defaultConfig() };
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

/** A predicate for paths (relative, forward slashes) that the config says never to scan. */
export function pathIgnorer(config: RepoConfig): (relativePath: string) => boolean {
  if (config.paths.ignore.length === 0) return () => false;
  return picomatch(config.paths.ignore, { dot: true });
}
