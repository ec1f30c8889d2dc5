// Runs the CLI in-process with captured stdout/stderr, as a user would from a shell.
import { PassThrough, Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function capture(): PassThrough & { text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

export async function runCli(args: string[], options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  const stdout = capture();
  const stderr = capture();
  const io: CliIO = {
    stdout,
    stderr,
    stdin: Readable.from([options.stdin ?? '']),
    cwd: options.cwd,
    env: options.env ?? {},
  };
  const code = await main(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
