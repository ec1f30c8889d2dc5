// `leakstop start` as a child process for the test: the CLI's own command, with the scan workers on
// their worker thread as in production (the thread loads the TypeScript sources through the same
// module hooks as this process, which it inherits).
import { runAppCommand } from '../../src/cli/app-commands.js';

const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
process.exit(await runAppCommand('start', io, process, { workerThread: true, host: '127.0.0.1', shutdownGraceMs: 5_000 }));
