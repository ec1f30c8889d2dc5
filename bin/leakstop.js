#!/usr/bin/env node
// The `leakstop` command: runs the CLI bundled into one module and its lazily loaded chunks
// (`npm run build`, which `npm ci` runs through the prepare script): ~60 modules load ~35 ms slower.
import { main } from '../dist/leakstop.js';

process.exitCode = await main(process.argv.slice(2));
