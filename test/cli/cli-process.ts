// `leakstop` from the TypeScript sources, as bin/leakstop.js runs the built bundle: for tests that
// need a real process, with a real stdout (a closed pipe, /dev/full). Run with
// `node --import ./test/queue/register-ts.mjs test/cli/cli-process.ts ARGS`.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
