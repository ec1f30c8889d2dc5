// `npm run bench:huge`: huge inputs through the built CLI, each with planted checksum-valid GitHub
// tokens (some across a 16 MiB scan-window boundary): (1) 600 MB piped to `scan --stdin`, (2) a
// 600 MB file under a raised --max-file-size, (3) a sparse file over 2 GiB followed by a small
// file. Reports wall time, throughput, peak RSS (must stay under 300 MiB) and whether every planted
// token was found exactly once at its line and column. Files go to a temp dir, removed at the end.
// Env: HUGE_MB (default 600).
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateGithubStyleToken } from '../dist/detect/checksum.js';
import { fingerprint } from '../dist/detect/secret.js';

const here = dirname(fileURLToPath(import.meta.url));
const measure = resolve(here, 'measure.mjs');
const hugeBytes = Number(process.env.HUGE_MB ?? 600) * 1e6;
const WINDOW = 16 * 1024 * 1024;
const MAX_RSS_MIB = 300;
const RULE = 'github-pat-classic';

/**
 * Ordinary lines with tokens planted at the given byte offsets (a token starts exactly there, mid
 * line), yielded in chunks of about 1 MiB; `expected` gets each token's line and column.
 */
function* plantedText(totalBytes, offsets, expected) {
  const line = 'const value = compute(alpha, beta, gamma); // an ordinary line of generated code\n';
  const block = line.repeat(Math.ceil((1 << 20) / line.length));
  let position = 0;
  let lines = 0;
  let lineStart = 0;
  const emit = (text) => {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      lines++;
      lineStart = position + i + 1;
    }
    position += text.length;
    return Buffer.from(text, 'latin1');
  };
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    // A token must not touch a letter or digit: '=' before it, ';' after it.
    while (position < offset - 1) yield emit(block.slice(0, Math.min(block.length, offset - 1 - position)));
    yield emit('=');
    const token = generateGithubStyleToken('ghp_');
    expected.push({ fingerprint: fingerprint(RULE, token), line: lines + 1, column: position - lineStart + 1 });
    yield emit(`${token};`);
  }
  while (position < totalBytes) yield emit(block.slice(0, Math.min(block.length, totalBytes - position)));
}

/** Token offsets: some across window boundaries (20 bytes before one), some anywhere. */
function plantOffsets(totalBytes) {
  const offsets = [1000, totalBytes - 200];
  for (let k = 1; k * WINDOW < totalBytes - 100; k += 7) offsets.push(k * WINDOW - 20);
  for (let i = 1; i <= 4; i++) offsets.push(Math.floor((totalBytes * i) / 5) + 13);
  return offsets;
}

/** Runs the CLI under measure.mjs, feeding it `input` chunks on stdin if given. */
function runCli(args, input) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [measure, ...args], { cwd: temp, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (c) => stdout.push(c));
    child.stderr.on('data', (c) => stderr.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const errors = Buffer.concat(stderr).toString('utf8');
      if (![0, 1, 3].includes(code)) return reject(new Error(`leakstop exited ${code}: ${errors.slice(0, 2000)}`));
      const memory = JSON.parse(errors.trim().split('\n').pop()).bench;
      resolvePromise({ code, seconds, report: JSON.parse(Buffer.concat(stdout).toString('utf8')), maxRssMiB: memory.maxRssMiB });
    });
    if (input) pump(input, child.stdin).catch(reject);
  });
}

async function pump(chunks, stream) {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise((ok) => stream.once('drain', ok));
  }
  stream.end();
}

/** Every planted token found once, at its line and column, and nothing else. */
function check(report, expected, path) {
  const found = report.findings.filter((f) => f.path === path).map((f) => `${f.fingerprint}@${f.line}:${f.column}`).sort();
  const wanted = expected.map((e) => `${e.fingerprint}@${e.line}:${e.column}`).sort();
  const missing = wanted.filter((w) => !found.includes(w));
  const extra = found.filter((f) => !wanted.includes(f));
  return { ok: missing.length === 0 && extra.length === 0, planted: wanted.length, missing: missing.length, extra: extra.length };
}

function row(name, bytes, run, verdict) {
  const rssOk = run.maxRssMiB < MAX_RSS_MIB;
  console.log(
    `${name.padEnd(44)} ${(bytes / 1e6).toFixed(0).padStart(6)} MB ${run.seconds.toFixed(2).padStart(7)} s ${(bytes / 1e6 / run.seconds).toFixed(0).padStart(6)} MB/s ` +
      `${String(run.maxRssMiB).padStart(6)} MiB ${rssOk ? 'ok' : 'OVER'}  tokens ${verdict.planted - verdict.missing}/${verdict.planted}${verdict.extra ? ` +${verdict.extra} extra` : ''} ${verdict.ok ? 'ok' : 'FAILED'}`,
  );
  return rssOk && verdict.ok;
}

const temp = mkdtempSync(join(tmpdir(), 'leakstop-huge-'));
let allOk = true;
try {
  console.log(`case                                             size       wall     rate  peak RSS (< ${MAX_RSS_MIB})  planted tokens found`);

  const stdinExpected = [];
  const stdinRun = await runCli(['scan', '--stdin', '--format', 'json'], plantedText(hugeBytes, plantOffsets(hugeBytes), stdinExpected));
  allOk = row('(1) scan --stdin', hugeBytes, stdinRun, check(stdinRun.report, stdinExpected, 'stdin')) && allOk;

  const fileExpected = [];
  const dir = join(temp, 'file');
  const big = join(dir, 'dump.sql');
  writeChunks(big, plantedText(hugeBytes, plantOffsets(hugeBytes), fileExpected));
  const fileRun = await runCli(['scan', dir, '--format', 'json', '--threads', '1', '--max-file-size', '1GB']);
  rmSync(big);
  allOk = row('(2) scan DIR, one file, --max-file-size 1GB', hugeBytes, fileRun, check(fileRun.report, fileExpected, 'dump.sql')) && allOk;

  const sparseDir = join(temp, 'sparse');
  const size = 2 * 1024 ** 3 + 4096;
  const sparseExpected = sparseWithToken(join(sparseDir, 'a-huge.log'), size);
  const laterToken = generateGithubStyleToken('ghp_');
  writeFileSync(join(sparseDir, 'b-later.env'), `GITHUB_TOKEN=${laterToken}\n`);
  const sparseRun = await runCli(['scan', sparseDir, '--format', 'json', '--threads', '1', '--max-file-size', '3GiB']);
  const later = check(sparseRun.report, [{ fingerprint: fingerprint(RULE, laterToken), line: 1, column: 14 }], 'b-later.env');
  const huge = check(sparseRun.report, sparseExpected, 'a-huge.log');
  const skipped = sparseRun.report.summary.skipped;
  allOk = row('(3) sparse 2 GiB + 4 KiB file, then a small one', size, sparseRun, { ok: huge.ok && later.ok && skipped === 0, planted: 2, missing: huge.missing + later.missing, extra: huge.extra + later.extra }) && allOk;
} finally {
  rmSync(temp, { recursive: true, force: true });
}
if (!allOk) {
  console.error('bench:huge: a case went over the memory bound or missed a planted token');
  process.exitCode = 1;
}

function writeChunks(path, chunks) {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** 9,000 bytes of text (git's binary test reads 8,000), a hole, and a token on the last line. */
function sparseWithToken(path, size) {
  mkdirSync(dirname(path), { recursive: true });
  const token = generateGithubStyleToken('ghp_');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, 'log line\n'.repeat(1000), 0);
    writeSync(fd, `\nTOKEN=${token}\n`, size - 100);
  } finally {
    closeSync(fd);
  }
  truncateSync(path, size);
  return [{ fingerprint: fingerprint(RULE, token), line: 1002, column: 7 }];
}
