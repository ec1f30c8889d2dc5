// The worker-thread path of a directory scan. Workers run compiled JavaScript, which vitest does not
// produce: the sources are transpiled to a temporary directory and scanned by a plain node process.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createEngine } from '../../src/detect/engine.js';
import { allProviders } from '../../src/providers/index.js';
import { readDirectory } from '../../src/scan/directory.js';
import type { ScanResult } from '../../src/scan/result.js';
import { runScan } from '../../src/scan/run-scan.js';
import { scanPoolAvailable } from '../../src/scan/scan-pool.js';
import { makeTempDir } from './helpers.js';
import { ACME_TOKEN, acmeRule } from '../detect/custom-rule-specs.js';

const REPO = resolve(import.meta.dirname, '../..');
const temp = makeTempDir();
const dist = join(temp.path, 'dist');
const tree = join(temp.path, 'tree');

/** Runs the scan with the compiled sources in a fresh node process; the result as JSON (secrets redacted). */
const SCAN_SCRIPT = `
import { createEngine } from './detect/engine.js';
import { readDirectory } from './scan/directory.js';
import { runScan } from './scan/run-scan.js';
import { scanPoolAvailable } from './scan/scan-pool.js';
import { allProviders } from './providers/index.js';
import { withCustomRules } from './detect/custom-rule.js';
const [root, workersJson, readJson, engineCustomJson] = process.argv.slice(2);
const workers = JSON.parse(workersJson);
const providers = withCustomRules(allProviders, engineCustomJson ? JSON.parse(engineCustomJson) : (workers.customRules ?? []));
const result = await runScan(readDirectory(root, JSON.parse(readJson)), { engine: createEngine({ providers }), root, target: root, workers });
process.stdout.write(JSON.stringify({ poolAvailable: scanPoolAvailable(), result }));
`;

function transpileSources(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) {
      transpileSources(source, join(to, entry.name));
    } else if (entry.name.endsWith('.ts')) {
      const output = ts.transpileModule(readFileSync(source, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
        fileName: source,
      });
      const target = join(to, entry.name.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output.outputText);
    }
  }
}

interface CompiledScan {
  poolAvailable: boolean;
  result: ScanResult;
}

/** `engineCustomRules`: the main thread's custom rules when they should differ from the workers' (workers.customRules). */
async function scanCompiled(workers: object, root = tree, read: object = { maxFileBytes: 2000 }, engineCustomRules?: readonly object[]): Promise<CompiledScan> {
  const args = [join(dist, 'scan.mjs'), root, JSON.stringify(workers), JSON.stringify(read), ...(engineCustomRules ? [JSON.stringify(engineCustomRules)] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as CompiledScan;
}

/** What must not depend on the thread that scanned a file. */
function outcome(result: ScanResult): unknown {
  const { filesScanned, bytesScanned, allowedInline, skipped } = result.stats;
  const findings = result.findings.map((f) => ({ rule: f.ruleId, fingerprint: f.fingerprint, path: f.path, line: f.line, column: f.column, redacted: String(f.secret) }));
  return { findings, filesScanned, bytesScanned, allowedInline, skipped };
}

const tokens = [generateGithubStyleToken('ghp_'), generateGithubStyleToken('ghp_')];

beforeAll(() => {
  transpileSources(join(REPO, 'src'), dist);
  writeFileSync(join(dist, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(REPO, 'node_modules'), join(dist, 'node_modules'));
  writeFileSync(join(dist, 'scan.mjs'), SCAN_SCRIPT);

  const write = (path: string, content: string | Buffer): void => {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), content);
  };
  for (let i = 0; i < 120; i++) write(`src/module-${String(i).padStart(3, '0')}.js`, `export const value${i} = ${i};\n`);
  write('src/module-050.js', `const token = '${tokens[0]}';\n`);
  write('config/deep/settings.env', `A=1\nGITHUB_TOKEN=${tokens[1]}\nB=2 # ${tokens[1]} leakstop:allow\n`);
  write('assets/logo.bin', Buffer.from([1, 2, 0, 3]));
  write('big.log', 'x'.repeat(3000));
  write('.gitignore', 'dist/\n');
  write('dist/bundle.js', `const t = '${tokens[0]}';\n`);
}, 60_000);

afterAll(() => temp.remove());

describe('directory scan on worker threads', () => {
  it('finds the same as the main thread, with the compiled workers', async () => {
    const onMainThread = await scanCompiled({ count: 1 });
    const onWorkers = await scanCompiled({ count: 2, waitForWorkers: true });
    const inVitest = await runScan(readDirectory(tree, { maxFileBytes: 2000 }), { engine: createEngine({ providers: allProviders }), root: tree, target: tree });

    expect(onWorkers.poolAvailable).toBe(true);
    expect(outcome(onWorkers.result)).toEqual(outcome(onMainThread.result));
    expect(outcome(onWorkers.result)).toEqual(outcome(inVitest));
    expect(onWorkers.result.findings.map((f) => [f.path, f.line])).toEqual([
      ['config/deep/settings.env', 2],
      ['src/module-050.js', 1],
    ]);
    expect(onWorkers.result.stats).toMatchObject({ filesScanned: 122, allowedInline: 1 });
    expect(onWorkers.result.stats.skipped).toEqual([
      { path: 'assets/logo.bin', reason: 'binary', bytes: 4 },
      { path: 'big.log', reason: 'too-large', bytes: 3000 },
      { path: 'dist/', reason: 'gitignored' },
    ]);
    expect(JSON.stringify(onWorkers)).not.toContain(tokens[0]);
  });

  it('scans files larger than a window on the workers as on the main thread, and the files after them', async () => {
    const large = join(temp.path, 'large');
    const windowBytes = 4096;
    const planted = [generateGithubStyleToken('ghp_'), generateGithubStyleToken('ghp_')];
    for (let i = 0; i < 40; i++) {
      const lead = `${'log line\n'.repeat(400)}${'x'.repeat(windowBytes - 3600 - 14 - 'TOKEN='.length)}`;
      const body = i === 7 ? `${lead}TOKEN=${planted[0]}\n${'tail\n'.repeat(30_000)}` : `${'log line\n'.repeat(20_000)}`;
      mkdirSync(large, { recursive: true });
      writeFileSync(join(large, `file-${String(i).padStart(2, '0')}.log`), body);
    }
    writeFileSync(join(large, 'last.env'), `GITHUB_TOKEN=${planted[1]}\n`);
    const read = { maxFileBytes: 1_000_000, windowBytes };

    const onWorkers = await scanCompiled({ count: 2, waitForWorkers: true }, large, read);
    const onMainThread = await scanCompiled({ count: 1 }, large, read);

    expect(onWorkers.poolAvailable).toBe(true);
    expect(outcome(onWorkers.result)).toEqual(outcome(onMainThread.result));
    expect(onWorkers.result.findings.map((f) => [f.path, f.line, f.column])).toEqual([
      ['file-07.log', 401, windowBytes - 3600 - 14 - 'TOKEN='.length + 'TOKEN='.length + 1],
      ['last.env', 1, 14],
    ]);
    expect(onWorkers.result.stats).toMatchObject({ filesScanned: 41, skipped: [] });
  });

  it('refuses workers whose rules differ from the engine (which proves the workers ran)', async () => {
    await expect(scanCompiled({ count: 2, waitForWorkers: true, disabledRules: ['github-pat-classic'] })).rejects.toThrow(/rules differ from the engine's/);
  });

  it('compiles the custom rules again on each worker: their findings are the same as on the main thread', async () => {
    const custom = join(temp.path, 'custom');
    mkdirSync(custom, { recursive: true });
    for (let i = 0; i < 40; i++) writeFileSync(join(custom, `f${String(i).padStart(2, '0')}.env`), i % 10 === 3 ? `ACME_KEY=${ACME_TOKEN}\n` : `A=${i}\n`);
    const onWorkers = await scanCompiled({ count: 2, waitForWorkers: true, customRules: [acmeRule] }, custom);
    const onMainThread = await scanCompiled({ count: 1, customRules: [acmeRule] }, custom);
    expect(outcome(onWorkers.result)).toEqual(outcome(onMainThread.result));
    expect(onWorkers.result.findings.map((f) => [f.ruleId, f.path])).toEqual(['f03.env', 'f13.env', 'f23.env', 'f33.env'].map((path) => ['acme-api-key', path]));
    await expect(scanCompiled({ count: 2, waitForWorkers: true }, custom, undefined, [acmeRule])).rejects.toThrow(/rules differ from the engine's/);
  });

  it('falls back to the main thread when running from TypeScript sources', async () => {
    expect(scanPoolAvailable()).toBe(false);
    const result = await runScan(readDirectory(tree), { engine: createEngine({ providers: allProviders }), root: tree, target: tree, workers: { count: 2, waitForWorkers: true } });
    expect(result.findings.map((f) => f.path)).toEqual(['config/deep/settings.env', 'src/module-050.js']);
  });
});
