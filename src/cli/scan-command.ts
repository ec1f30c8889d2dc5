// `leakstop scan` and `leakstop protect --staged`: load config and baseline, pick the source, run
// the engine over it, print the report, and turn the result into an exit code.
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { createEngine } from '../detect/engine.js';
import { defaultRepoConfig, findConfigFile } from '../config/config-file.js';
import type { RepoConfig } from '../config/repo-config.schema.js';
import { readDirectory } from '../scan/directory.js';
import { runScan, type ScanProgress } from '../scan/run-scan.js';
import type { SourceItem } from '../scan/scan-unit.js';
import { formatResult } from '../report/index.js';
import type { CliIO } from './main.js';

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
  verbose: boolean;
  noColor: boolean;
  /** Threads scanning a directory, the main thread included; default: one per core. */
  threads: number | undefined;
}

export async function runScanCommand(options: ScanCommandOptions, io: CliIO): Promise<number> {
  const root = resolve(io.cwd, options.path);
  const config = await repositoryConfig(options, root, io);
  const engine = createEngine({ disabledRules: new Set(config.rules.disable) });
  const baseline = options.baselineFile ? await (await import('../config/baseline.js')).readBaseline(resolve(io.cwd, options.baselineFile)) : undefined;
  const ignorePath = config.paths.ignore.length === 0 ? () => false : (await import('../config/repo-config.js')).pathIgnorer(config);
  const maxFileBytes = options.maxFileBytes ?? config.scan.maxFileBytes;
  const { source, target } = await openSource(options, root, io, { ignorePath, maxFileBytes });

  const progress = progressLine(io, options.format);
  const workers = { count: options.threads ?? availableParallelism(), disabledRules: config.rules.disable };
  const result = await runScan(source, { engine, baseline, root, target, onProgress: progress?.update, workers });
  progress?.done();

  if (options.writeBaselineFile) {
    const { writeBaseline } = await import('../config/baseline.js');
    const count = await writeBaseline(resolve(io.cwd, options.writeBaselineFile), result.findings);
    io.stderr.write(`leakstop: wrote ${count} fingerprint(s) to ${options.writeBaselineFile}\n`);
    return 0;
  }

  const color = options.format === 'text' && !options.noColor && !options.output && io.stdout.isTTY === true && !io.env['NO_COLOR'];
  const report = formatResult(result, options.format, { color, verbose: options.verbose, rules: engine.rules });
  if (options.output) await writeFile(resolve(io.cwd, options.output), report);
  else io.stdout.write(report);
  return result.findings.length > 0 ? 1 : 0;
}

interface SourceSettings {
  ignorePath: (relativePath: string) => boolean;
  maxFileBytes: number;
}

/**
 * The config file named by --config or found in the tree, or the defaults. The parser (zod, yaml)
 * is loaded only when there is a file to parse.
 */
async function repositoryConfig(options: ScanCommandOptions, root: string, io: CliIO): Promise<RepoConfig> {
  const file = options.configFile === undefined ? findConfigFile(options.source.kind === 'stdin' ? io.cwd : root) : resolve(io.cwd, options.configFile);
  if (file === undefined) return defaultRepoConfig();
  const { loadConfig } = await import('../config/repo-config.js');
  return (await loadConfig(root, file)).config;
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
