#!/usr/bin/env node
// The `leakstop` command: runs the CLI bundled into one module and its lazily loaded chunks
// (`npm run build`, which `npm ci` runs through the prepare script): ~60 modules load ~35 ms slower.
import { main } from '../dist/leakstop.js';

const args = process.argv.slice(2);
process.exitCode = await main(args);
// `web`, `worker` and `start` have drained within their grace by now; a job cut off at the grace may
// still hold a socket (a hung GitHub call), which must not keep the process running after SIGTERM.
if (['web', 'worker', 'start'].includes(args[0] ?? '')) setTimeout(() => process.exit(), 1_000).unref();
