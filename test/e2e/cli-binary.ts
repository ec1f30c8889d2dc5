// Runs the built `leakstop` command (bin/leakstop.js over dist/, from `npm run build`) as CI runs
// it: a separate process with its own exit code, stdout and stderr.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISOLATED_GIT_ENV } from '../scan/helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'leakstop.js');

export interface BinaryRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Throws, saying what to do, when there is no build to run. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'leakstop.js'))) throw new Error('dist/leakstop.js is missing: run `npm run build` before these tests.');
}

/** `uid`/`gid`: run as that user (only root can), e.g. to meet permissions that root ignores. */
export function leakstop(args: string[], cwd: string, user?: { uid: number; gid: number }): Promise<BinaryRun> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH, CI: '1', ...ISOLATED_GIT_ENV };
    execFile(process.execPath, [BIN, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024, ...user }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
