// The CLI as a process, writing to a stdout that fails: a reader that went away (EPIPE) and a full
// device (ENOSPC). Both used to end in an uncaught 'error' event: a stack trace and exit code 1.
import { spawn, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// A SendGrid-shaped key made of random characters for these tests (as in main.test.ts); not a real key.
const KEY = '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';

interface Exit {
  code: number | null;
  stderr: string;
}

/** Runs the CLI; `closeStdout` closes our end of its stdout pipe at once, as `| head -c0` would. */
function runProcess(args: string[], options: { cwd: string; stdout: 'close' | number }): Promise<Exit> {
  const stdio: StdioOptions = ['ignore', options.stdout === 'close' ? 'pipe' : options.stdout, 'pipe'];
  const child = spawn(process.execPath, ['--import', join(ROOT, 'test/queue/register-ts.mjs'), join(ROOT, 'test/cli/cli-process.ts'), ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, CI: '1' },
    stdio,
  });
  if (options.stdout === 'close') child.stdout?.destroy();
  const stderr: Buffer[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr: Buffer.concat(stderr).toString('utf8') })));
}

let leaky: string;
beforeAll(async () => {
  leaky = await mkdtemp(join(tmpdir(), 'leakstop-process-'));
  // Enough findings that the report is larger than a pipe's buffer (64 KiB on Linux).
  await Promise.all(Array.from({ length: 300 }, (_, i) => writeFile(join(leaky, `f${i}.env`), `SENDGRID_API_KEY=${KEY}\n`)));
});

describe('leakstop writing to a stdout that fails', () => {
  it('ends quietly with the scan\'s exit code when the reader has gone (EPIPE)', async () => {
    const run = await runProcess(['scan', '.'], { cwd: leaky, stdout: 'close' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  }, 60_000);

  it('ends quietly with exit code 0 when `leakstop rules` is cut short', async () => {
    const run = await runProcess(['rules'], { cwd: leaky, stdout: 'close' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 60_000);

  it.skipIf(!existsSync('/dev/full'))('gives one line and exit code 2 when the device is full (ENOSPC)', async () => {
    const full = await open('/dev/full', 'w');
    try {
      const run = await runProcess(['scan', '.', '--format', 'json'], { cwd: leaky, stdout: full.fd });
      expect(run.stderr).toBe('leakstop: cannot write the report to stdout: ENOSPC (no space left on device)\n');
      expect(run.code).toBe(2);
    } finally {
      await full.close();
    }
  }, 60_000);
});
