// `npm run bench:quality`: precision and recall of leakstop and of secretlint 13 (recommended preset)
// on the labelled set in fixtures/labelled (made by bench/labelled-set.mjs). A finding counts by
// (file, line): on a labelled credential's lines it detects that credential, anywhere else it is a
// false positive, sorted by the kind of hard negative it fell on (placeholder, checksum-invalid
// look-alike, ...). Secrets are never printed: only paths, lines, rule ids and label descriptions.
//
// leakstop runs as its CLI (`bin/leakstop.js scan --format json`, so build first); set
// LEAKSTOP_DIST=<dir> to run another compiled tree's dist/cli/main.js instead.
// BENCH_SKIP_SECRETLINT=1 skips secretlint.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FILES_DIR, LABELS_FILE } from './labelled-set.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const MAX_OUTPUT = 512 * 1024 * 1024;

/** The kinds of hard negative, in the order the report shows them; 'unlabelled' is any other line. */
export const NEGATIVE_CATEGORIES = ['placeholder', 'checksum-invalid', 'truncated', 'docs-example', 'test-mode', 'hash', 'public-key', 'identifier', 'template', 'unlabelled'];

export function readLabels() {
  return JSON.parse(readFileSync(LABELS_FILE, 'utf8')).items;
}

/**
 * Scores findings ({ file, line, rule }) against the labels. A credential is detected when any
 * finding lies on one of its lines; each other flagged (file, line) is one false positive.
 */
export function score(labels, findings) {
  const byFile = new Map();
  for (const label of labels) {
    const list = byFile.get(label.file) ?? [];
    list.push(label);
    byFile.set(label.file, list);
  }
  const labelAt = (file, line) => (byFile.get(file) ?? []).find((l) => line >= l.startLine && line <= l.endLine);

  const detected = new Map();
  const falsePositives = new Map();
  for (const finding of findings) {
    const label = labelAt(finding.file, finding.line);
    if (label?.credential) {
      const rules = detected.get(label) ?? new Set();
      rules.add(finding.rule);
      detected.set(label, rules);
      continue;
    }
    const key = `${finding.file}:${finding.line}`;
    const entry = falsePositives.get(key) ?? { file: finding.file, line: finding.line, rules: new Set(), label };
    entry.rules.add(finding.rule);
    falsePositives.set(key, entry);
  }

  const positives = labels.filter((l) => l.credential);
  const truePositives = detected.size;
  const fps = [...falsePositives.values()].map((fp) => ({ ...fp, rules: [...fp.rules], category: fp.label?.category ?? 'unlabelled' }));
  return {
    positives: positives.length,
    truePositives,
    missed: positives.filter((l) => !detected.has(l)),
    detected,
    falsePositives: fps,
    precision: truePositives + fps.length === 0 ? 1 : truePositives / (truePositives + fps.length),
    recall: positives.length === 0 ? 1 : truePositives / positives.length,
  };
}

function runLeakstop() {
  const args = ['scan', FILES_DIR, '--format', 'json', '--no-color'];
  const dist = process.env.LEAKSTOP_DIST;
  const command = dist
    ? ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(pathToFileURL(join(resolve(dist), 'cli', 'main.js')).href)}); process.exitCode = await main(process.argv.slice(1));`, ...args]
    : [join(repo, 'bin', 'leakstop.js'), ...args];
  const run = spawnSync(process.execPath, command, { cwd: repo, encoding: 'utf8', maxBuffer: MAX_OUTPUT });
  // Exit 1 means findings, 3 an incomplete scan (its report lists what was unread); a crash could
  // exit 1 too: only a report on stdout tells them apart.
  if (![0, 1, 3].includes(run.status) || !run.stdout.startsWith('{')) throw new Error(`leakstop failed (exit ${run.status}): ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  const root = report.root;
  return report.findings.map((f) => ({ file: relative(FILES_DIR, resolve(root, f.path)).split('\\').join('/'), line: f.line, rule: f.ruleId }));
}

function runSecretlint() {
  const config = mkdtempSync(join(tmpdir(), 'leakstop-quality-'));
  const rc = join(config, 'secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  try {
    const bin = join(repo, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
    const run = spawnSync(process.execPath, [bin, '**/*', '--format', 'json', '--secretlintrc', rc], { cwd: FILES_DIR, encoding: 'utf8', maxBuffer: MAX_OUTPUT });
    if ((run.status !== 0 && run.status !== 1) || !run.stdout.startsWith('[')) throw new Error(`secretlint failed (exit ${run.status}): ${run.stderr}`);
    // Each result carries the file's whole content (sourceContent): read only paths, lines and rule ids.
    return JSON.parse(run.stdout).flatMap((result) =>
      result.messages.map((m) => ({ file: relative(FILES_DIR, result.filePath).split('\\').join('/'), line: m.loc.start.line, rule: (m.ruleId ?? '').replace('@secretlint/secretlint-rule-', '') })),
    );
  } finally {
    rmSync(config, { recursive: true, force: true });
  }
}

const percent = (x) => `${(x * 100).toFixed(1)}%`;

function pad(cells, widths) {
  return cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  return [pad(header, widths), ...rows.map((r) => pad(r, widths))].join('\n');
}

function countBy(list, key) {
  const counts = new Map();
  for (const item of list) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function report(labels, results) {
  const negatives = labels.filter((l) => !l.credential).length;
  console.log(`Labelled set: ${labels.length} items in ${new Set(labels.map((l) => l.file)).size} files, ${labels.length - negatives} credentials, ${negatives} hard negatives\n`);
  console.log(table(['tool', 'found', 'missed', 'false pos.', 'precision', 'recall'], results.map(({ tool, result: r }) => [tool, r.truePositives, r.missed.length, r.falsePositives.length, percent(r.precision), percent(r.recall)])));

  console.log('\nFalse positives by what they fell on:');
  const fpCounts = results.map(({ result }) => countBy(result.falsePositives, (fp) => fp.category));
  console.log(table(['tool', ...NEGATIVE_CATEGORIES], results.map(({ tool }, i) => [tool, ...NEGATIVE_CATEGORIES.map((c) => fpCounts[i].get(c) ?? 0)])));

  console.log('\nRecall by provider:');
  const providers = [...new Set(labels.filter((l) => l.credential).map((l) => l.provider))].sort();
  const rows = providers.map((provider) => {
    const total = labels.filter((l) => l.credential && l.provider === provider).length;
    return [provider, total, ...results.map(({ result }) => total - result.missed.filter((l) => l.provider === provider).length)];
  });
  console.log(table(['provider', 'credentials', ...results.map((r) => r.tool)], rows));

  const leakstop = results.find((r) => r.tool === 'leakstop')?.result;
  const otherRule = leakstop ? [...leakstop.detected].filter(([label, rules]) => !rules.has(label.rule)) : [];
  if (otherRule.length > 0) {
    console.log('\nleakstop: found, but under another rule than labelled');
    for (const [label, rules] of otherRule) console.log(`  ${label.file}:${label.line}  labelled ${label.rule}, found ${[...rules].join(',')}  (${label.what})`);
  }

  for (const { tool, result } of results) {
    console.log(`\n${tool}: missed credentials`);
    for (const l of result.missed) console.log(`  ${l.file}:${l.line}  ${l.rule}  (${l.what})`);
    console.log(`${tool}: false positives`);
    for (const fp of result.falsePositives) console.log(`  ${fp.file}:${fp.line}  ${fp.rules.join(',')}  [${fp.category}${fp.label ? `: ${fp.label.what}` : ''}]`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const labels = readLabels();
  const results = [{ tool: 'leakstop', result: score(labels, runLeakstop()) }];
  if (!process.env.BENCH_SKIP_SECRETLINT) results.push({ tool: 'secretlint', result: score(labels, runSecretlint()) });
  report(labels, results);
}
