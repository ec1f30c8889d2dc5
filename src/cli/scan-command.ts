// `leakstop scan` and `leakstop protect --staged`: load config and baseline, pick the source, run
// the engine over it, print the report, and turn the result into an exit code.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import type { AcceptedFindings } from '../config/baseline.js';
import type { CustomRuleSpec } from '../detect/custom-rule.js';
import { createEngine } from '../detect/engine.js';
import { findConfigFile } from '../config/config-file.js';
import { defaultRepoConfig } from '../config/default-config.js';
import type { RepoConfig } from '../config/repo-config.schema.js';
import { readDirectory } from '../scan/directory.js';
import { runScan, type ScanProgress } from '../scan/run-scan.js';
import type { SourceItem } from '../scan/scan-unit.js';
import { reportChunks } from '../report/index.js';
import { isIncomplete, type ScanResult } from '../scan/result.js';
import { exitCodeFor, EXIT_CLEAN, EXIT_INCOMPLETE } from './exit-code.js';
import type { CliIO } from './cli-io.js';
import { checkWritableFile, writeOutputFile, writeStdout } from './output.js';
import { findWorkTreeRoot, repositoryPathPrefix } from './repository-path.js';
import { allProviders } from '../providers/index.js';

export interface ScanCommandOptions {
  source:
    | { kind: 'directory' }
    | { kind: 'git'; range?: string; since?: string; all?: boolean }
    | { kind: 'staged' }
    | { kind: 'stdin' };
  path: string;
  format: 'text' | 'json' | 'sarif';
  output: string | undefined;
  configFile: string | undefined;
  baselineFile: string | undefined;
  writeBaselineFile: string | undefined;
  maxFileBytes: number | undefined;
  /** --allow-incomplete: exit 0 rather than 3 when nothing was found but something was left unread. */
  allowIncomplete: boolean;
  /** --fail-on-shallow: exit 3 when a history scan read a shallow clone. */
  failOnShallow: boolean;
  verbose: boolean;
  noColor: boolean;
  /** Threads scanning a directory, the main thread included; default: one per core. */
  threads: number | undefined;
}

export async function runScanCommand(options: ScanCommandOptions, io: CliIO): Promise<number> {
  const root = resolve(io.cwd, options.path);
  // Before the scan, not after it: a typo in a directory name must not cost a whole history scan.
  if (options.output) await checkWritableFile(resolve(io.cwd, options.output), options.output, '--output');
  if (options.writeBaselineFile) await checkWritableFile(resolve(io.cwd, options.writeBaselineFile), options.writeBaselineFile, '--write-baseline');
  const operatorRules = await operatorCustomRules(io.env);
  const { config, description: configUsed } = await repositoryConfig(options, root, io, new Set(operatorRules.map((rule) => rule.id)));
  const customRules = await customRulesFor(config, configUsed, operatorRules);
  // RE2 (260 kB of JavaScript) is loaded only for a scan with custom rules: a pre-commit hook pays for it only then.
  const providers = customRules.length === 0 ? allProviders : (await import('../detect/custom-rule.js')).withCustomRules(allProviders, customRules);
  const engine = createEngine({ providers, disabledRules: new Set(config.rules.disable) });
  const pathPrefix = await repositoryPathPrefixFor(options, root);
  const baseline = options.baselineFile ? await acceptedBaseline(resolve(io.cwd, options.baselineFile), pathPrefix) : undefined;
  const ignorePath = config.paths.ignore.length === 0 ? () => false : (await import('../config/repo-config.js')).pathIgnorer(config);
  const maxFileBytes = options.maxFileBytes ?? config.scan.maxFileBytes;
  const { source, target } = await openSource(options, root, io, { ignorePath, maxFileBytes });

  const progress = progressLine(io, options.format);
  const workers = { count: options.threads ?? availableParallelism(), disabledRules: config.rules.disable, customRules };
  const result = await runScan(source, { engine, baseline, root, target, onProgress: progress?.update, workers });
  progress?.done();
  result.config = configUsed;
  warnIfShallow(result, options, io);

  if (options.writeBaselineFile) {
    const { baselineText } = await import('../config/baseline.js');
    await writeOutputFile(resolve(io.cwd, options.writeBaselineFile), options.writeBaselineFile, baselineText(result.findings, pathPrefix), 'the baseline');
    io.stderr.write(`leakstop: wrote ${result.findings.length} finding(s) to ${options.writeBaselineFile}: scans with --baseline ${options.writeBaselineFile} no longer report them in the same files.\n`);
    return EXIT_CLEAN;
  }

  const color = options.format === 'text' && !options.noColor && !options.output && io.stdout.isTTY === true && !io.env['NO_COLOR'];
  const report = reportChunks(result, options.format, {
    color,
    verbose: options.verbose,
    rules: engine.rules,
    pathPrefix,
    blockedCommit: options.source.kind === 'staged',
  });
  const code = exitCodeFor(result, options);
  // A JSON or SARIF report, or one written to a file, is not what a person reads: exit code 3
  // gets a line on stderr (a shallow history has had its own above).
  if (code === EXIT_INCOMPLETE && isIncomplete(result) && (options.format !== 'text' || options.output)) warnIncomplete(result, io);
  if (options.output) await writeOutputFile(resolve(io.cwd, options.output), options.output, report);
  else await writeStdout(io.stdout, report);
  return code;
}

async function acceptedBaseline(file: string, pathPrefix: string): Promise<AcceptedFindings> {
  const { acceptedFindings, readBaseline } = await import('../config/baseline.js');
  return acceptedFindings(await readBaseline(file), pathPrefix);
}

/**
 * What makes a finding's path relative to the repository root (for SARIF and baselines). Git
 * sources already give repository paths; a directory or a file scanned by name is placed in the
 * work tree found above it.
 */
async function repositoryPathPrefixFor(options: ScanCommandOptions, root: string): Promise<string> {
  if (options.source.kind !== 'directory') return '';
  const scanned = (await isFile(root)) ? dirname(root) : root;
  return repositoryPathPrefix(scanned, findWorkTreeRoot(scanned));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    // The source reports a missing root with what to do about it.
    return false;
  }
}

/** A shallow clone hides every commit before its boundary: say so, since the report cannot show what was not there. */
function warnIfShallow(result: ScanResult, options: ScanCommandOptions, io: CliIO): void {
  const warning = shallowWarning(result, options.failOnShallow);
  if (warning) io.stderr.write(`leakstop: ${warning}\n`);
}

export function shallowWarning(result: Pick<ScanResult, 'stats'>, failOnShallow: boolean): string | undefined {
  if (result.stats.shallow !== true) return undefined;
  const commits = result.stats.commitsScanned ?? 0;
  const advice = failOnShallow
    ? 'fetch full history (actions/checkout fetch-depth: 0); --fail-on-shallow makes this exit 3'
    : 'fetch full history (actions/checkout fetch-depth: 0) or pass --fail-on-shallow to fail';
  return `history is shallow (${commits} commit${commits === 1 ? '' : 's'} read): commits before the clone's boundary were not scanned; ${advice}`;
}

function warnIncomplete(result: ScanResult, io: CliIO): void {
  const unread = result.stats.skipped.filter((s) => s.reason === 'unreadable').length;
  io.stderr.write(`leakstop: incomplete: ${unread} item${unread === 1 ? '' : 's'} could not be read (listed in the report); exit code 3, or 0 with --allow-incomplete\n`);
}

interface SourceSettings {
  ignorePath: (relativePath: string) => boolean;
  maxFileBytes: number;
}

/**
 * The config file named by --config; for a range scan, the one at the range's base commit, for a
 * history scan the one on the remote's default branch (a branch cannot switch off its own scan);
 * otherwise the one found in the tree; or the defaults. The
 * description says which, for the report. The parser (zod, yaml) is loaded only when there is a
 * file to parse.
 */
async function repositoryConfig(options: ScanCommandOptions, root: string, io: CliIO, operatorRuleIds: ReadonlySet<string>): Promise<{ config: RepoConfig; description: string }> {
  if (options.configFile !== undefined) {
    const { loadConfig } = await import('../config/repo-config.js');
    return { config: (await loadConfig(root, resolve(io.cwd, options.configFile), operatorRuleIds)).config, description: `--config ${options.configFile}` };
  }
  if (options.source.kind === 'git') {
    const { readBaseConfig, readDefaultBranchConfig } = await import('../scan/range-config.js');
    const atBase = (await readBaseConfig(root, options.source)) ?? (await readDefaultBranchConfig(root));
    if (atBase) {
      if (atBase.text === undefined || atBase.name === undefined) return { config: defaultRepoConfig(), description: `defaults (no config at ${atBase.base}, ${atBase.role})` };
      const { parseConfig } = await import('../config/repo-config.js');
      return { config: parseConfig(atBase.text, `${atBase.name} at ${atBase.base}`, operatorRuleIds), description: `${atBase.name} at ${atBase.base} (${atBase.role})` };
    }
  }
  const file = findConfigFile(options.source.kind === 'stdin' ? io.cwd : root);
  if (file === undefined) return { config: defaultRepoConfig(), description: 'defaults' };
  const { loadConfig } = await import('../config/repo-config.js');
  return { config: (await loadConfig(root, file, operatorRuleIds)).config, description: `${relative(io.cwd, file) || file}${options.source.kind === 'git' ? ' in the working tree (no origin/HEAD, origin/main or origin/master to trust)' : ''}` };
}

/**
 * The operator's custom rules (LEAKSTOP_CUSTOM_RULES or LEAKSTOP_CUSTOM_RULES_FILE, as for the app's
 * workers: an organisation sets them once in CI). The reader (zod, yaml) is loaded only when one of
 * the variables is set.
 */
async function operatorCustomRules(env: NodeJS.ProcessEnv): Promise<CustomRuleSpec[]> {
  if (!env['LEAKSTOP_CUSTOM_RULES'] && !env['LEAKSTOP_CUSTOM_RULES_FILE']) return [];
  const { readOperatorCustomRules } = await import('../config/operator-custom-rules.js');
  return readOperatorCustomRules(env);
}

/** The operator's custom rules, then the config's own, whose ids cannot be the operator's. */
async function customRulesFor(config: RepoConfig, configUsed: string, operatorRules: readonly CustomRuleSpec[]): Promise<CustomRuleSpec[]> {
  if (operatorRules.length === 0) return config.rules.custom;
  const { operatorIdProblems } = await import('../config/operator-custom-rules.js');
  const taken = operatorIdProblems(config.rules.custom, operatorRules);
  if (taken.length > 0) {
    const { ConfigError } = await import('../config/repo-config.js');
    throw new ConfigError(configUsed, taken);
  }
  return [...operatorRules, ...config.rules.custom];
}

/** The source to scan; readers other than the directory walk are loaded only when asked for. */
async function openSource(
  options: ScanCommandOptions,
  root: string,
  io: CliIO,
  settings: SourceSettings,
): Promise<{ source: AsyncIterable<SourceItem>; target: string }> {
  const { source } = options;
  switch (source.kind) {
    case 'directory':
      return { source: readDirectory(root, settings), target: root };
    case 'git': {
      const { readGitRange } = await import('../scan/git.js');
      const target = source.range ? `git ${source.range}` : source.since ? `git ${source.since}..HEAD` : source.all ? 'git history (all refs)' : 'git history of HEAD';
      return { source: readGitRange(root, { ...source, ...settings }), target: `${target} in ${root}` };
    }
    case 'staged': {
      const { readStaged } = await import('../scan/staged.js');
      return { source: readStaged(root, settings), target: `staged changes in ${root}` };
    }
    case 'stdin': {
      const { readStream } = await import('../scan/stdin.js');
      return { source: readStream(io.stdin, 'stdin'), target: 'stdin' };
    }
  }
}

/** A one-line progress counter on stderr, only for people watching a terminal. */
function progressLine(io: CliIO, format: ScanCommandOptions['format']): { update: (p: ScanProgress) => void; done: () => void } | undefined {
  if (format !== 'text' || io.stderr.isTTY !== true || io.env['CI']) return undefined;
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const mb = (p.bytesScanned / 1e6).toFixed(1);
      io.stderr.write(`\r\x1b[2Kscanning… ${p.filesScanned} files, ${mb} MB${p.commitsScanned ? `, ${p.commitsScanned} commits` : ''}, ${p.findings} findings`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  };
}
