// The native prefilter's C loop under AddressSanitizer and UndefinedBehaviorSanitizer, on random
// texts built from every rule keyword: a read past a text's end or undefined behaviour fails the
// run. Needs a C compiler, which CI has (it builds the addon); skipped elsewhere without one.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchoredKeywords } from '../../src/detect/keyword-index.js';
import { allProviders } from '../../src/providers/index.js';
import { makeTempDir } from '../scan/helpers.js';

const HARNESS = resolve(import.meta.dirname, 'native/prefilter-fuzz.c');
const hasCompiler = spawnSync('cc', ['--version']).status === 0;
const temp = makeTempDir('leakstop-native-');
afterAll(() => temp.remove());

describe('native prefilter under sanitizers', () => {
  it.runIf(hasCompiler || process.env['CI'])('scans 20,000 random texts without reading outside them', () => {
    const keywords = allProviders.flatMap((p) => p.rules.flatMap((r) => r.keywords.map((text) => ({ text, ignoreCase: r.keywordsIgnoreCase ?? false }))));
    const anchored = anchoredKeywords(keywords);
    const lines = keywords.map((k, i) => `${anchored[i]!.anchor} ${anchored[i]!.ignoreCase ? 1 : 0} ${k.text}`);
    const keywordFile = join(temp.path, 'keywords.txt');
    writeFileSync(keywordFile, `${lines.join('\n')}\n`);
    const binary = join(temp.path, 'prefilter-fuzz');
    execFileSync('cc', ['-std=gnu11', '-O1', '-g', '-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-o', binary, HARNESS]);
    const run = spawnSync(binary, [keywordFile, '20000'], { encoding: 'utf8', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const hits = Number(/^ok (\d+)/.exec(run.stdout)?.[1]);
    expect(hits).toBeGreaterThan(10_000);
  }, 60_000);
});
