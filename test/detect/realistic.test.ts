// The realistic fixtures: one file per kind of source or config (fixtures/realistic/), each with
// planted credentials and hard negatives beside them. fixtures/realistic/expected.json lists every
// finding the engine should make; anything else, or anything missing, fails the file's test.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/detect/engine.js';
import { allProviders } from '../../src/providers/index.js';

interface ExpectedFinding {
  path: string;
  line: number;
  ruleId: string;
}

const DIR = resolve(import.meta.dirname, '../../fixtures/realistic');
const MANIFEST = 'expected.json';

/** The kinds of file the fixtures must cover, by file name. */
const REQUIRED_KINDS = [
  '.env.production',
  'k8s-payments.yaml',
  'github-release.yml',
  'appsettings.json',
  'settings.py',
  'server.js',
  'clients.ts',
  'main.go',
  'S3Uploader.java',
  'deploy.sh',
  'Dockerfile',
  'main.tf',
  '.npmrc',
  'churn-analysis.ipynb',
  'docker-compose.yml',
  'application.properties',
];

const expected = JSON.parse(readFileSync(resolve(DIR, MANIFEST), 'utf8')) as ExpectedFinding[];
const files = readdirSync(DIR)
  .filter((name) => name !== MANIFEST)
  .sort();
const engine = createEngine({ providers: allProviders });

/** `line ruleId` per finding, sorted: a readable diff when a file's findings differ. */
function describeFindings(list: readonly { line: number; ruleId: string }[]): string[] {
  return list.map((f) => `${f.line} ${f.ruleId}`).sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
}

describe('realistic fixtures', () => {
  it('cover every kind of file', () => {
    expect(files).toEqual(expect.arrayContaining(REQUIRED_KINDS));
  });

  it('name only existing files and lines in the manifest', () => {
    for (const entry of expected) {
      expect(files, entry.path).toContain(entry.path);
      const lines = readFileSync(resolve(DIR, entry.path), 'utf8').split('\n');
      expect(entry.line, `${entry.path}:${entry.line}`).toBeLessThanOrEqual(lines.length);
    }
  });

  it('plant credentials in most files, so that each file tests both finding and ignoring', () => {
    const withFindings = new Set(expected.map((e) => e.path));
    expect(withFindings.size).toBeGreaterThanOrEqual(files.length - 1);
  });

  it.each(files)('%s: the engine finds exactly the planted credentials', (name) => {
    const { findings } = engine.scanText(readFileSync(resolve(DIR, name), 'utf8'));
    const want = expected.filter((e) => e.path === name);
    expect(describeFindings(findings)).toEqual(describeFindings(want));
  });
});
