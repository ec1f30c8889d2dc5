// Scanning in windows must find exactly what one scan of the whole text finds: each secret once,
// at the same line and column, whether it lies inside a window, across a boundary, or on a line
// longer than several windows; whatever sizes the chunks arrive in.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createEngine, type TextScan } from '../../src/detect/engine.js';
import { createWindowScan, overlapBytes } from '../../src/detect/window-scan.js';
import { allProviders } from '../../src/providers/index.js';

const engine = createEngine({ providers: allProviders });

/**
 * Lines after the text that matters, longer than the context read after a window (64 KiB): a
 * text's last window owns everything its scan reads, so only text before this is split.
 */
const TRAILER = 'trailing line of text\n'.repeat(10_000);

function comparable(scan: TextScan): unknown[] {
  return scan.findings.map((f) => ({
    ruleId: f.ruleId,
    secret: f.secret.reveal(),
    fingerprint: f.fingerprint,
    at: [f.line, f.column, f.endLine, f.endColumn],
    related: Object.fromEntries(Object.entries(f.related ?? {}).map(([name, secret]) => [name, secret.reveal()])),
  }));
}

/** Scans `bytes` in windows of `windowBytes`, pushed in chunks of the given sizes (cycled). */
function scanInWindows(bytes: Buffer, windowBytes: number, chunkSizes: readonly number[] = [bytes.length]): TextScan {
  const scan = createWindowScan(engine, windowBytes);
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = chunkSizes[i % chunkSizes.length]!;
    scan.push(bytes.subarray(at, at + size));
    at += size;
  }
  expect(scan.bytes).toBe(bytes.length);
  return scan.end();
}

describe('createWindowScan', () => {
  it('finds a token across a window boundary once, at its line and column, after non-ASCII on its line', () => {
    const token = generateGithubStyleToken('ghp_');
    const windowBytes = 4096;
    const lines = 'plain line of configuration\n'.repeat(100); // 2,800 bytes, 100 lines
    const linePrefix = 'clé = "€"; GITHUB_TOKEN=';
    const padding = 'x'.repeat(windowBytes - 10 - lines.length - Buffer.byteLength(linePrefix));
    const text = `${lines}${padding}${linePrefix}${token}\nafter\n${TRAILER}`;
    const bytes = Buffer.from(text, 'utf8');
    const tokenAt = bytes.indexOf(token);
    expect(tokenAt).toBe(windowBytes - 10); // starts in the first window and ends in the second

    const found = scanInWindows(bytes, windowBytes, [1000, 333]);

    expect(found.findings).toHaveLength(1);
    const column = padding.length + linePrefix.length + 1; // in characters: 'é' and '€' count one each
    expect(found.findings[0]).toMatchObject({ ruleId: 'github-pat-classic', line: 101, column, endLine: 101, endColumn: column + token.length });
    expect(found.findings[0]!.secret.reveal()).toBe(token);
    expect(comparable(found)).toEqual(comparable(engine.scanUtf8(bytes)));
  });

  it('honours a leakstop:allow marker on the line of a token across a boundary, counted once', () => {
    const token = generateGithubStyleToken('ghp_');
    const windowBytes = 4096;
    const prefix = 'x'.repeat(windowBytes - 10 - 'TOKEN='.length);
    const bytes = Buffer.from(`${prefix}TOKEN=${token} # leakstop:allow\n${TRAILER}`, 'utf8');

    const found = scanInWindows(bytes, windowBytes, [3000]);

    expect(found).toEqual({ findings: [], allowedInline: 1 });
  });

  it('places a token on a line longer than several windows, and on the lines after it', () => {
    const first = generateGithubStyleToken('ghp_');
    const second = generateGithubStyleToken('gho_');
    const text = `header\n${'ü'.repeat(20_000)}${'a'.repeat(30_001)} ${first}\nnext line ${second}\n${TRAILER}`;
    const bytes = Buffer.from(text, 'utf8');

    const found = scanInWindows(bytes, 1024, [4097]);

    expect(found.findings.map((f) => [f.line, f.column])).toEqual([
      [2, 50_003],
      [3, 11],
    ]);
    expect(comparable(found)).toEqual(comparable(engine.scanUtf8(bytes)));
  });

  it('finds what a whole scan finds in every rule sample and fixture, for windows of several sizes', () => {
    const fixtures = resolve(import.meta.dirname, '../../fixtures/realistic');
    const files = readdirSync(fixtures, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const samples = allProviders.flatMap((p) => p.rules.flatMap((rule) => [...rule.samples.positive, ...rule.samples.negative]));
    const text = [...samples, ...files.map((entry) => readFileSync(resolve(entry.parentPath, entry.name), 'utf8')), TRAILER].join('\n// ✓ next\n');
    const bytes = Buffer.from(text, 'utf8');
    const whole = engine.scanUtf8(bytes);
    expect(whole.findings.length).toBeGreaterThan(100);
    expect(bytes.length).toBeGreaterThan(3 * overlapBytes(engine.rules));

    for (const windowBytes of [977, 4096, 65_536]) {
      const windowed = scanInWindows(bytes, windowBytes, [8191, 17, 70_000]);
      expect(comparable(windowed), `windows of ${windowBytes}`).toEqual(comparable(whole));
      expect(windowed.allowedInline, `windows of ${windowBytes}`).toBe(whole.allowedInline);
    }
  });

  it('reads more context around a window than any rule reads around a keyword', () => {
    const widest = Math.max(...engine.rules.map((rule) => rule.window.before + rule.window.after));
    expect(overlapBytes(engine.rules)).toBeGreaterThan(2 * widest);
    expect(overlapBytes([])).toBe(64 * 1024);
  });

  it('finds nothing in nothing, and refuses a window of no bytes', () => {
    expect(createWindowScan(engine).end()).toEqual({ findings: [], allowedInline: 0 });
    expect(() => createWindowScan(engine, 0)).toThrow(/a scan window must be a positive number of bytes/);
  });
});
