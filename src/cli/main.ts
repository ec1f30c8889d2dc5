// The `leakstop` command line: parses arguments and dispatches to a command. Exit codes: 0 clean,
// 1 findings, 2 usage or runtime error (with a message on stderr that says what to do), 3 incomplete
// (no findings, but something could not be read: see exit-code.ts).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseByteSize } from './byte-size.js';
import { EXIT_CLEAN, EXIT_ERROR } from './exit-code.js';
import { guardStream, writeStdout } from './output.js';
import { runScanCommand, type ScanCommandOptions } from './scan-command.js';
import { listRules, type RulesFormat } from './rules-command.js';
import { toolVersion } from '../version.js';
import { processIO, type CliIO } from './cli-io.js';

export { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_INCOMPLETE } from './exit-code.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

const USAGE = `Usage:
  leakstop scan [PATH]             scan a directory tree or file (honours .gitignore)
  leakstop scan --git A..B [PATH]  scan the lines added by every commit in a git range
  leakstop scan --since REF [PATH] scan the commits after REF up to HEAD
  leakstop scan --all-history      scan every commit reachable from any ref
  leakstop scan --stdin            scan piped text
  leakstop protect --staged        scan the staged changes (pre-commit hook)
  leakstop rules [PATH]            list the detection rules, with the custom rules of PATH's config
                                   (or --config FILE) and LEAKSTOP_CUSTOM_RULES (--format json: with
                                   what the response can do for each; --format markdown: that as a
                                   table; --format reference: every built-in rule, as docs/rules.md)
  leakstop web                     GitHub App: receive webhooks and queue scans (env: see README)
  leakstop worker                  GitHub App: run queued scans (WORKER_CONCURRENCY at a time)
  leakstop start                   GitHub App: web and worker in one process

Options:
  --format text|json|sarif   output format (default text)
  --output FILE              write the report to FILE instead of stdout
  --config FILE              config file (default: .leakstop.yml in PATH)
  --baseline FILE            ignore findings accepted in FILE (same secret, same file)
  --write-baseline FILE      accept every current finding: write them to FILE (and exit 0)
  --max-file-size SIZE       skip larger files (default 10MiB, at most 64GiB; skipped files are reported):
                             bytes, or kB/MB/GB (powers of 1000) or KiB/MiB/GiB (powers of 1024), e.g. 1.5MiB;
                             files over 16MiB and --stdin are scanned in windows, in bounded memory;
                             history and --staged scans hold at most 32MiB of one file
  --allow-incomplete         exit 0, not 3, when nothing was found but something could not be read
  --fail-on-shallow          exit 3 when a history scan reads a shallow clone (default: a warning)
  --threads N                threads scanning a directory, this one included (default: one per core)
  --verbose                  list skipped paths
  --no-color                 no ANSI colours (also NO_COLOR=1)
  --version, --help

Exit codes: 0 no findings, 1 findings, 2 usage or runtime error, 3 incomplete: no findings, but
something could not be read (listed in the report), or a shallow history under --fail-on-shallow.`;

const OPTIONS = {
  git: { type: 'string' },
  since: { type: 'string' },
  'all-history': { type: 'boolean' },
  stdin: { type: 'boolean' },
  staged: { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string' },
  config: { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'max-file-size': { type: 'string' },
  'allow-incomplete': { type: 'boolean' },
  'fail-on-shallow': { type: 'boolean' },
  verbose: { type: 'boolean' },
  threads: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

type Format = ScanCommandOptions['format'];

function rulesFormat(value: string | undefined): RulesFormat {
  if (value === undefined || value === 'text' || value === 'json' || value === 'markdown' || value === 'reference') return value ?? 'text';
  throw new UsageError(`leakstop rules --format must be text, json, markdown or reference, not '${value}'`);
}


export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  // A closed stderr must not turn a message into an uncaught 'error' event either.
  guardStream(io.stderr);
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`leakstop: ${message}\n`);
    if (error instanceof UsageError) io.stderr.write('Run `leakstop --help` for usage.\n');
    return EXIT_ERROR;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parse(argv);
  const { values, positionals } = parsed;
  if (values.version) {
    await writeStdout(io.stdout, `leakstop ${toolVersion()}\n`, 'the version');
    return EXIT_CLEAN;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    await writeStdout(io.stdout, `${USAGE}\n`, 'the usage');
    return command === undefined && !values.help ? EXIT_ERROR : EXIT_CLEAN;
  }
  switch (command) {
    case 'scan':
      return runScanCommand(scanOptions(values, rest, 'scan'), io);
    case 'protect':
      if (!values.staged) throw new UsageError('protect needs --staged (it scans what `git commit` would record)');
      return runScanCommand(scanOptions(values, rest, 'protect'), io);
    case 'rules': {
      if (rest.length > 1) throw new UsageError(`rules takes at most one PATH (whose config's custom rules it lists), got ${rest.length}`);
      const format = rulesFormat(values.format);
      // The generated lists (README table, docs/rules.md) are built-in rules only, whatever the environment.
      const builtInOnly = format === 'markdown' || format === 'reference';
      const custom = builtInOnly ? undefined : await (await import('./rules-custom-rules.js')).customRulesToList(rest[0], values.config, io);
      await writeStdout(io.stdout, listRules(format, custom), 'the rule list');
      return EXIT_CLEAN;
    }
    case 'web':
    case 'worker':
    case 'start':
      // Loaded on demand: Probot and BullMQ would slow down every `leakstop scan` start-up.
      return (await import('./app-commands.js')).runAppCommand(command, io);
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

type Values = ReturnType<typeof parse>['values'];

function scanOptions(values: Values, positionals: string[], command: 'scan' | 'protect'): ScanCommandOptions {
  if (positionals.length > 1) throw new UsageError(`${command} takes at most one PATH, got ${positionals.length}`);
  const modes = [values.git !== undefined, values.since !== undefined, values['all-history'] === true, values.stdin === true, values.staged === true].filter(Boolean).length;
  if (modes > 1) throw new UsageError('choose one of --git, --since, --all-history, --stdin, --staged');
  if (command === 'scan' && values.staged) throw new UsageError('use `leakstop protect --staged` to scan staged changes');
  const history = values.git !== undefined || values.since !== undefined || values['all-history'] === true;
  if (values['fail-on-shallow'] && !history) throw new UsageError('--fail-on-shallow applies to history scans (--git, --since, --all-history): only they read commits a shallow clone lacks');
  const source: ScanCommandOptions['source'] = values.git
    ? { kind: 'git', range: values.git }
    : values.since
      ? { kind: 'git', since: values.since }
      : values['all-history']
        ? { kind: 'git', all: true }
        : values.stdin
          ? { kind: 'stdin' }
          : values.staged
            ? { kind: 'staged' }
            : { kind: 'directory' };
  return {
    source,
    path: positionals[0] ?? '.',
    format: parseFormat(values.format),
    output: values.output,
    configFile: values.config,
    baselineFile: values.baseline,
    writeBaselineFile: values['write-baseline'],
    maxFileBytes: parseSize(values['max-file-size']),
    allowIncomplete: values['allow-incomplete'] ?? false,
    failOnShallow: values['fail-on-shallow'] ?? false,
    verbose: values.verbose ?? false,
    noColor: values['no-color'] ?? false,
    threads: parseThreads(values.threads),
  };
}

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if (value === 'text' || value === 'json' || value === 'sarif') return value;
  throw new UsageError(`--format must be text, json or sarif, not '${value}'`);
}

function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError(`--threads takes a whole number from 1 to 64, not '${value}'`);
  return threads;
}

function parseSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseByteSize(value);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
