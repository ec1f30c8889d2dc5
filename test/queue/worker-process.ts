// `leakstop worker` as a child process for the kill test: the operator environment comes from the
// parent, with short lock and stall timings so a killed worker's job is recovered within seconds.
// Runs through the CLI's own command, so SIGTERM drains exactly as in production.
import { runAppCommand } from '../../src/cli/app-commands.js';

const code = await runAppCommand('worker', { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env }, process, {
  worker: { lockDuration: 1_000, stalledInterval: 500, maxStalledCount: 3 },
  shutdownGraceMs: 5_000,
});
process.exit(code);
