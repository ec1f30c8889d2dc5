// Loads and validates the repository config; a bad file is an error that names the key and says how to fix it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { redactSecretsIn } from './redact-text.js';
import { repoConfigSchema, repoConfigSchemaWith, type RepoConfig } from './repo-config.schema.js';
import { nearestName } from './nearest-name.js';

import { CONFIG_FILE_NAMES } from './config-file.js';

export { CONFIG_FILE_NAMES };

/** Keys longer than this are quoted redacted even when no rule knows them: every real key is shorter. */
const MAX_QUOTED_KEY = 24;

/**
 * A config that cannot be used. Its problems quote the file (keys, values, a YAML excerpt), and a
 * config file can hold a credential: they are redacted here, once, against the file's whole text
 * (`source`), before any message is built from them.
 */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(
    readonly file: string,
    problems: readonly string[],
    source = '',
  ) {
    const redacted = redactSecretsIn(problems.join('\n\0'), source).split('\n\0');
    super(`${file} is not a valid leakstop config:\n${redacted.map((p) => `  - ${p}`).join('\n')}\nFix the file, or delete it to use the defaults.`);
    this.problems = redacted;
    this.name = 'ConfigError';
  }
}

export function defaultConfig(): RepoConfig {
  return repoConfigSchema.parse({});
}

/**
 * Parses config text (YAML) from `file`; throws ConfigError naming each bad key. `operatorRuleIds`:
 * the operator's custom rules, which `rules.disable` cannot name.
 */
export function parseConfig(text: string, file: string, operatorRuleIds: ReadonlySet<string> = NO_OPERATOR_RULES): RepoConfig {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(file, [describeYamlError(error, text)], text);
  }
  const schema = operatorRuleIds.size === 0 ? repoConfigSchema : repoConfigSchemaWith(operatorRuleIds);
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw new ConfigError(file, describeIssues(result.error), text);
  return result.data;
}

const NO_OPERATOR_RULES: ReadonlySet<string> = new Set();

/** Longest source line quoted under a YAML syntax error. */
const MAX_EXCERPT = 120;

/**
 * yaml throws YAMLParseError for syntax and ReferenceError for alias bombs: both are the file's fault.
 * The parser's own excerpt cuts long lines (and a token with them, where no rule can recognise the
 * rest), so the excerpt is the offending line, redacted whole and only then cut.
 */
function describeYamlError(error: unknown, text: string): string {
  if (!(error instanceof YAMLParseError)) return `YAML: ${shortenAliasName(error instanceof Error ? error.message.split('\n')[0]! : String(error))}`;
  const reason = error.message.split('\n')[0]!.replace(/:$/, '');
  const line = error.linePos?.[0]?.line;
  const quoted = line === undefined ? undefined : text.split(/\r?\n/)[line - 1];
  if (quoted === undefined || quoted.trim() === '') return `YAML syntax: ${reason}`;
  const excerpt = redactSecretsIn(quoted, text);
  return `YAML syntax: ${reason}:\n      ${excerpt.length > MAX_EXCERPT ? `${excerpt.slice(0, MAX_EXCERPT)}…` : excerpt}`;
}

/** 'Unresolved alias (…): NAME' names an alias the file made up, quoted like an unknown key. */
function shortenAliasName(message: string): string {
  const alias = /^(Unresolved alias[^:]*: )(\S+)$/.exec(message);
  return alias ? `${alias[1]}${quotableKey(alias[2]!)}` : message;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') return describeUnknownKeys(issue.path, issue.keys);
    return `${where}: ${issue.message}`;
  });
}

function describeUnknownKeys(path: readonly PropertyKey[], keys: readonly string[]): string {
  const known = knownKeysAt(repoConfigSchema, path);
  const named = keys.map((key) => {
    const quoted = `'${[...path.map(String), quotableKey(key)].join('.')}'`;
    const near = nearestName(key, known);
    return near === undefined ? quoted : `${quoted} (did you mean '${[...path.map(String), near].join('.')}'?)`;
  });
  const allowed = known.length > 0 ? `allowed here: ${known.join(', ')}` : 'allowed keys are listed in the README ("Configuration")';
  return `unknown key ${named.join(', ')}: ${allowed}`;
}

/** A key as quoted: a long one (a pasted token no rule knows) only by its end and length. */
function quotableKey(key: string): string {
  return key.length > MAX_QUOTED_KEY ? `…${key.slice(-4)} (${key.length} chars)` : key;
}

/** The keys an object in the config schema allows at `path` (record keys are not names, so none there). */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.ZodType = schema;
  for (const segment of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(segment)] ?? z.never();
    else if (node instanceof z.ZodRecord) node = node.valueType as z.ZodType;
    else return [];
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape as Record<string, z.ZodType>) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  while (node instanceof z.ZodDefault || node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
  return node;
}

/** Reads `file`, or the first config file found in `root`, or returns the defaults. */
export async function loadConfig(root: string, file?: string, operatorRuleIds?: ReadonlySet<string>): Promise<{ config: RepoConfig; file?: string }> {
  if (file) return { config: parseConfig(await readFile(file, 'utf8'), file, operatorRuleIds), file };
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(root, name);
    const text = await readFile(candidate, 'utf8').catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (text !== undefined) return { config: parseConfig(text, candidate, operatorRuleIds), file: candidate };
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
