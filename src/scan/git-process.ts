// Runs git for the scan sources: a short command whose output we need whole (rev-parse, ls-files),
// or a long one (log -p) whose stdout is read as a stream of lines while git is still writing.
import { execFile, spawn } from 'node:child_process';
import { safeGitEnvironment, safetyConfigArgs } from './git-safety.js';
import { readLines, type Line } from './line-reader.js';

/**
 * Settings that would change the shape of git's output if a user's config set them: we parse the
 * output, so they are pinned for every command we run. core.quotepath=on: every name byte above
 * 0x7f comes C-quoted in diff headers, so a name that is not UTF-8 reaches us as its exact bytes
 * (see git-path.ts) instead of being lost in the decoding of git's output.
 */
const PINNED_CONFIG = [
  'core.quotepath=on',
  'color.ui=false',
  'log.showSignature=false',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.relative=false',
  'diff.suppressBlankEmpty=false',
  'i18n.logOutputEncoding=UTF-8',
];

const STDERR_LIMIT = 16 * 1024;

export class GitCommandError extends Error {
  override name = 'GitCommandError';

  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args[0] ?? ''} failed (exit ${exitCode ?? 'signal'}): ${firstLine(stderr) || 'no message'}`);
  }
}

function gitArgs(cwd: string, args: readonly string[]): string[] {
  return ['--no-pager', ...PINNED_CONFIG.flatMap((setting) => ['-c', setting]), ...safetyConfigArgs(cwd), ...args];
}

function missingGit(error: unknown): Error | undefined {
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
    return new Error('git is not installed or not on PATH: install git to scan history or staged changes.', { cause: error });
  }
  return undefined;
}

export function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
}

/**
 * Extra environment for one git command, on top of ours: e.g. the GIT_CONFIG_* variables that carry
 * a clone's credentials, which must not appear in the command line (other users can read it).
 */
export type GitEnvironment = Readonly<Record<string, string>>;

function gitEnv(env: GitEnvironment | undefined): NodeJS.ProcessEnv {
  return safeGitEnvironment(process.env, env);
}

/** Runs a git command and returns its stdout; for commands with small output. */
export function runGit(cwd: string, args: readonly string[], env?: GitEnvironment): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', gitArgs(cwd, args), { cwd, env: gitEnv(env), maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = typeof error.code === 'number' ? error.code : null;
      reject(missingGit(error) ?? new GitCommandError(args, code, stderr));
    });
  });
}

/**
 * Streams a git command's stdout as batches of lines. Reading is pulled by the consumer, so a slow
 * scan slows git down instead of buffering history. Stopping early kills git.
 */
export async function* streamGitLines(
  cwd: string,
  args: readonly string[],
  maxLineBytes: number,
  env?: GitEnvironment,
): AsyncGenerator<Line[]> {
  const child = spawn('git', gitArgs(cwd, args), { cwd, env: gitEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += text;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  // The rejection is awaited below; this keeps it from counting as unhandled in the meantime.
  exited.catch(() => undefined);

  try {
    yield* readLines(child.stdout, maxLineBytes);
    let code: number | null;
    try {
      code = await exited;
    } catch (error) {
      throw missingGit(error) ?? error;
    }
    if (code !== 0) throw new GitCommandError(args, code, stderr);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

/**
 * Runs a git command and returns its stdout as bytes (a blob from `git cat-file blob`), for output
 * that may not be UTF-8 and that we know to be at most maxBytes long.
 */
export function runGitBytes(cwd: string, args: readonly string[], maxBytes: number, env?: GitEnvironment): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', gitArgs(cwd, args), { cwd, env: gitEnv(env), maxBuffer: maxBytes + 1024, encoding: 'buffer' }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = typeof error.code === 'number' ? error.code : null;
      reject(missingGit(error) ?? new GitCommandError(args, code, stderr.toString('utf8')));
    });
  });
}

/** Runs a git command that reads its stdin (`git cat-file --batch-check`) and returns its stdout. */
export function runGitWithInput(cwd: string, args: readonly string[], input: string, env?: GitEnvironment): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', gitArgs(cwd, args), { cwd, env: gitEnv(env), maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = typeof error.code === 'number' ? error.code : null;
      reject(missingGit(error) ?? new GitCommandError(args, code, stderr));
    });
    // git may exit before reading everything (a bad option): its exit code says why, not EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}
