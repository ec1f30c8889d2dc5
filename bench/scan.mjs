// `npm run bench`: throughput (MB/s) and peak memory of `leakstop scan` on (1) a generated tree and
// (2) a real tree of published code (installed npm packages copied outside node_modules), and in
// the same run secretlint 13 with its recommended preset on the real tree.
// Each tool runs once unmeasured (the first run after writing a tree was up to 40% slower), then
// BENCH_RUNS times (default 3): the table shows the median run and the range of MB/s (wall).
// Env: BENCH_GENERATED_MB (default 130), BENCH_RUNS, BENCH_SKIP_SECRETLINT=1.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, tmpdir } from 'node:os';
import { generateTree } from './generate-tree.mjs';
import { generateOneLine } from './generate-one-line.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
// Outside the repository: inside it, the trees would be gitignored (bench/out/) and skipped.
const out = process.env.BENCH_DIR ?? join(tmpdir(), 'leakstop-bench');
const generatedMb = Number(process.env.BENCH_GENERATED_MB ?? 130);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** A warm-up run, then `runs` measured ones: the median row (by wall time), with the MB/s range. */
function measured(run) {
  run();
  const rows = Array.from({ length: runs }, run).sort((a, b) => a.seconds - b.seconds);
  const median = rows[Math.floor((rows.length - 1) / 2)];
  const speeds = rows.map((r) => r.mbPerSecond);
  return { ...median, range: `${Math.min(...speeds).toFixed(0)}-${Math.max(...speeds).toFixed(0)}` };
}
// Published code nobody here wrote: the project's own installed dependencies (minus GitHub's 385 MB
// OpenAPI JSON, which would make this a JSON benchmark).
const REAL_PACKAGES = ['typescript', 'zod', 'yaml', 'pino', 'ajv', 'vitest', 'vite', 'rollup', 'eslint', '@typescript-eslint', 'secretlint', '@secretlint', 'probot', 'bullmq', 'ioredis', 'nock', '@octokit/rest', '@octokit/webhooks', '@octokit/webhooks-examples', '@octokit/core', '@octokit/plugin-rest-endpoint-methods', 'msgpackr', 'luxon', 'undici', 'pino-http', 'es-abstract', 'lodash'];

function treeBytes(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = treeBytes(path);
      bytes += sub.bytes;
      files += sub.files;
    } else if (entry.isFile()) {
      bytes += statSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

function prepareGenerated() {
  const dir = join(out, `generated-${generatedMb}mb`);
  if (!existsSync(join(dir, '.done'))) {
    rmSync(dir, { recursive: true, force: true });
    generateTree(dir, generatedMb * 1e6);
    writeFileSync(join(dir, '.done'), '');
  }
  return dir;
}

function prepareReal() {
  const dir = join(out, 'real-npm-packages');
  if (!existsSync(join(dir, '.done'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const name of REAL_PACKAGES) {
      const source = join(repo, 'node_modules', name);
      if (existsSync(source)) cpSync(source, join(dir, name.replaceAll("/", "__")), { recursive: true, dereference: false, verbatimSymlinks: true });
    }
    writeFileSync(join(dir, '.done'), '');
  }
  return dir;
}

function runLeakstop(dir, threads) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(here, 'measure.mjs'), 'scan', dir, '--format', 'json', '--threads', String(threads), '--max-file-size', '50MiB'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  // 0 clean, 1 findings, 3 incomplete (something unreadable, counted in the report): all scanned.
  if (![0, 1, 3].includes(run.status)) throw new Error(`leakstop failed (${run.status}): ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  const memory = JSON.parse(run.stderr.trim().split('\n').pop()).bench;
  const mb = report.summary.bytesScanned / 1e6;
  return {
    tool: `leakstop (${threads} thread${threads > 1 ? 's' : ''})`,
    files: report.summary.filesScanned,
    mb,
    seconds: wallMs / 1000,
    mbPerSecond: mb / (wallMs / 1000),
    scanMbPerSecond: mb / (report.summary.durationMs / 1000),
    findings: report.summary.findings,
    maxRssMiB: memory.maxRssMiB,
  };
}

function runSecretlint(dir, mb) {
  const bin = join(repo, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const rc = join(out, 'secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, '**/*', '--secretlintrc', rc, '--format', 'json', '--no-color'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`secretlint failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  const findings = countSecretlintFindings(run.stdout);
  return { tool: 'secretlint 13 (recommended preset)', files: Number.NaN, mb, seconds, mbPerSecond: mb / seconds, scanMbPerSecond: Number.NaN, findings, maxRssMiB: Number.NaN };
}

function countSecretlintFindings(stdout) {
  try {
    return JSON.parse(stdout).reduce((n, file) => n + file.messages.length, 0);
  } catch {
    return Number.NaN;
  }
}

function table(title, rows) {
  console.log(`\n${title}`);
  console.log(`tool                                  files     MB   wall s   MB/s (wall)  MB/s (scan)  findings  peak RSS MiB  wall MB/s over ${runs} runs`);
  for (const r of rows) {
    const f = (n, d = 1) => (Number.isNaN(n) ? '-' : n.toFixed(d));
    console.log(`${r.tool.padEnd(36)} ${String(Number.isNaN(r.files) ? '-' : r.files).padStart(6)} ${f(r.mb).padStart(6)} ${f(r.seconds, 2).padStart(8)} ${f(r.mbPerSecond).padStart(12)} ${f(r.scanMbPerSecond).padStart(12)} ${String(r.findings).padStart(9)} ${String(Number.isNaN(r.maxRssMiB) ? '-' : r.maxRssMiB).padStart(13)}  ${r.range ?? ''}`);
  }
}

mkdirSync(out, { recursive: true });
const threads = Math.max(2, cpus().length);
const { nativePrefilter } = await import('../dist/detect/keyword-index.js');
console.log(`leakstop benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}, ${nativePrefilter() ? 'native' : 'JavaScript'} prefilter; median of ${runs} runs after a warm-up`);

const generated = prepareGenerated();
const generatedRows = [measured(() => runLeakstop(generated, 1)), measured(() => runLeakstop(generated, threads))];
table(`(1) generated tree: ${generated}`, generatedRows);

const real = prepareReal();
const realSize = treeBytes(real);
const realRows = [measured(() => runLeakstop(real, 1)), measured(() => runLeakstop(real, threads))];
const secretlint = process.env.BENCH_SKIP_SECRETLINT || !existsSync(join(repo, 'node_modules', 'secretlint')) ? undefined : measured(() => runSecretlint(real, realSize.bytes / 1e6));
if (secretlint) realRows.push(secretlint);
table(`(2) real tree (installed npm packages, ${realSize.files} files, ${(realSize.bytes / 1e6).toFixed(1)} MB): ${real}`, realRows);
if (secretlint) {
  const ratio = (row) => (row.mbPerSecond / secretlint.mbPerSecond).toFixed(1);
  console.log(`\nleakstop vs secretlint on the real tree (medians): ${ratio(realRows[0])}x the throughput on 1 thread, ${ratio(realRows[1])}x on ${threads}`);
}

// (3) Per-finding costs: 50,000 checksum-valid GitHub PATs on one ~2 MB line must scan in < 3 s
// (placement, dedupe, redaction and fingerprints were once O(line) per finding: 141 s).
const ONE_LINE_TOKENS = 50_000;
const ONE_LINE_LIMIT_SECONDS = 3;
// Memory bound of issue 9 (< 300 MB whatever the input): every finding is held until the report, and
// the JSON report of 50,000 was once one 62 MB UTF-16 string, copied twice to be written (326 MiB).
const ONE_LINE_LIMIT_MIB = 300;
const oneLineDir = join(out, 'one-line');
if (!existsSync(join(oneLineDir, '.done'))) {
  rmSync(oneLineDir, { recursive: true, force: true });
  mkdirSync(oneLineDir, { recursive: true });
  generateOneLine(join(oneLineDir, 'tokens.txt'), ONE_LINE_TOKENS);
  writeFileSync(join(oneLineDir, '.done'), '');
}
const oneLineRows = [runLeakstop(oneLineDir, 1)];
table(`(3) ${ONE_LINE_TOKENS} GitHub PATs on one line (limits ${ONE_LINE_LIMIT_SECONDS} s, ${ONE_LINE_LIMIT_MIB} MiB): ${oneLineDir}`, oneLineRows);
const oneLineOk = oneLineRows[0].seconds < ONE_LINE_LIMIT_SECONDS && oneLineRows[0].maxRssMiB < ONE_LINE_LIMIT_MIB;
const oneLineFigures = `${oneLineRows[0].seconds.toFixed(2)} s and ${oneLineRows[0].maxRssMiB} MiB peak RSS`;
console.log(oneLineOk ? `one-line case: ${oneLineFigures}, within ${ONE_LINE_LIMIT_SECONDS} s and ${ONE_LINE_LIMIT_MIB} MiB` : `one-line case FAILED: ${oneLineFigures}, limits ${ONE_LINE_LIMIT_SECONDS} s and ${ONE_LINE_LIMIT_MIB} MiB`);
if (!oneLineOk) process.exitCode = 1;

writeFileSync(join(out, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), generated: generatedRows, real: realRows, oneLine: oneLineRows }, null, 2)}\n`);
