// Runs the built `leakstop` CLI in this process and prints its peak memory (maxRSS) on stderr as a
// last JSON line, so the benchmark can read throughput and memory from one run.
import { main } from '../dist/leakstop.js';

const code = await main(process.argv.slice(2));
const { maxRSS } = process.resourceUsage();
process.stderr.write(`\n${JSON.stringify({ bench: { maxRssMiB: Math.round(maxRSS / 1024) } })}\n`);
process.exitCode = code;
