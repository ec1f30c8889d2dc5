// `npm run bench:rules [-- <dir>] [--top N] [--only id,id] [--custom rules.yml]`: what each rule costs on a tree of real
// code, in one process on one thread: keyword hits that reached the rule and milliseconds its
// pattern and checks took, beside the whole scan's time (the rest is the one-pass keyword prefilter,
// placement and reading). Rules are added by the hundred; this says which keyword made a rule
// expensive (a common word reaching the rule thousands of times) before the benchmark regresses.
// The default tree is the real-code tree of `npm run bench` (run it once first). `--custom` adds the
// custom rules of a file (a list, as LEAKSTOP_CUSTOM_RULES_FILE holds), run on RE2 as in a scan.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args.splice(i, 2)[1];
};
const top = Number(option('--top', 25));
const only = option('--only', undefined)?.split(',');
const customFile = option('--custom', undefined);
const dir = args[0] ?? join(process.env.BENCH_DIR ?? join(tmpdir(), 'leakstop-bench'), 'real-npm-packages');

const { createEngine } = await import('../dist/detect/engine.js');
const { prefilterCost } = await import('../dist/detect/keyword-index.js');
const { allProviders: builtIn } = await import('../dist/providers/index.js');
const { withCustomRules } = await import('../dist/detect/custom-rule.js');
const { readOperatorCustomRules } = await import('../dist/config/operator-custom-rules.js');
const allProviders = withCustomRules(builtIn, customFile ? readOperatorCustomRules({ LEAKSTOP_CUSTOM_RULES_FILE: customFile }) : []);

function* files(root) {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

const contents = [...files(dir)].map((path) => readFileSync(path)).filter((b) => b.length <= 10 * 1024 * 1024 && !b.subarray(0, 8000).includes(0));
const megabytes = contents.reduce((n, b) => n + b.length, 0) / 1e6;

function scanAll(profile) {
  const providers = allProviders.filter((p) => !only || p.rules.some((r) => only.includes(r.id)) || only.includes(p.id));
  const engine = createEngine({ providers, profile });
  const started = performance.now();
  let findings = 0;
  for (const bytes of contents) findings += engine.scanUtf8(bytes).findings.length;
  return { ms: performance.now() - started, findings, rules: engine.rules.length };
}

scanAll(undefined); // warm-up: the first pass compiles the patterns and fills the caches
const plain = scanAll(undefined);
const profile = new Map();
const profiledRun = scanAll(profile);
const ruleMs = [...profile.values()].reduce((n, c) => n + c.ms, 0);
console.log(`${contents.length} files, ${megabytes.toFixed(1)} MB, ${plain.rules} rules: ${plain.ms.toFixed(0)} ms (${(megabytes / (plain.ms / 1000)).toFixed(0)} MB/s in-process), ${plain.findings} findings`);
console.log(`profiled run: ${profiledRun.ms.toFixed(0)} ms, of which rules ${ruleMs.toFixed(0)} ms; the rest (prefilter, placement) ${(profiledRun.ms - ruleMs).toFixed(0)} ms\n`);
const keywords = new Map(allProviders.flatMap((p) => p.rules.flatMap((r) => r.keywords.map((text) => [`${r.keywordsIgnoreCase ? 'i' : 's'}:${text.toLowerCase()}`, { text, ignoreCase: r.keywordsIgnoreCase ?? false }]))));
const cost = prefilterCost([...keywords.values()]);
console.log(`prefilter estimate for all ${keywords.size} keywords: ${(cost.wordsPassing / 1e4).toFixed(1)}% of words pass the first lookup, ${cost.comparisons} comparisons per million characters (budget in test/detect/keyword-index.test.ts)\n`);
console.log('rule                                         keyword hits       ms');
for (const [id, cost] of [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
  console.log(`${id.padEnd(44)} ${String(cost.hits).padStart(12)} ${cost.ms.toFixed(1).padStart(8)}`);
}
