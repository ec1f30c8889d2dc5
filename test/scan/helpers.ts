// Test helpers for the scan sources: throwaway git repositories built with the git CLI, isolated
// from any system or user git config, and a tiny engine that finds a marker string.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Engine } from '../../src/detect/engine.js';
import type { Finding } from '../../src/detect/finding.js';
import { LineIndex } from '../../src/detect/line-index.js';
import { fingerprint, Secret } from '../../src/detect/secret.js';
import type { SourceItem } from '../../src/scan/scan-unit.js';

/** Every git process of a test (ours and the code's) sees only the repository's own config. */
export const ISOLATED_GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
} as const;

export function isolateGit(): void {
  for (const [name, value] of Object.entries(ISOLATED_GIT_ENV)) process.env[name] = value;
}

export function makeTempDir(prefix = 'leakstop-scan-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export class TestRepo {
  #clock = Date.UTC(2024, 0, 1, 12, 0, 0) / 1000;

  constructor(readonly dir: string) {}

  static init(dir: string): TestRepo {
    const repo = new TestRepo(dir);
    repo.git('init', '-q', '-b', 'main', '.');
    repo.git('config', 'user.name', 'Test Author');
    repo.git('config', 'user.email', 'author@example.test');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...ISOLATED_GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  }

  write(path: string, content: string | Buffer): void {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  /** Stages everything and commits with a fixed, increasing date; returns the sha. */
  commit(message: string, author?: { name: string; email: string }): string {
    this.git('add', '-A');
    return this.commitStaged(message, author);
  }

  commitStaged(message: string, author?: { name: string; email: string }): string {
    this.#clock += 3600;
    const date = `${this.#clock} +0000`;
    const env = { ...process.env, ...ISOLATED_GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const who = author ? ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`] : [];
    execFileSync('git', [...who, 'commit', '-q', '--allow-empty', '--no-verify', '-m', message], { cwd: this.dir, env, stdio: 'pipe' });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** The ISO author date of a commit, as git prints it. */
  dateOf(sha: string): string {
    return this.git('show', '-s', '--format=%aI', sha).trim();
  }
}

/** Finds every `SECRET_` followed by 4-40 capitals/digits, like a rule whose keyword is `SECRET_`. */
const MARKER = /SECRET_[A-Z0-9]{4,40}/g;

export const markerEngine: Engine = {
  rules: [],
  // Markers are text: a binary file holds none.
  scanBinary() {
    return { findings: [], allowedInline: 0 };
  },
  scanUtf8(bytes) {
    return markerEngine.scanText(Buffer.from(bytes).toString('utf8'));
  },
  scanText(text) {
    const lines = new LineIndex(text);
    const findings: Finding[] = [];
    let allowedInline = 0;
    for (const match of text.matchAll(MARKER)) {
      const start = lines.position(match.index);
      if (lines.lineText(start.line).includes('leakstop:allow')) {
        allowedInline++;
        continue;
      }
      const end = lines.position(match.index + match[0].length);
      findings.push({
        ruleId: 'test-marker',
        provider: 'test',
        title: 'Test marker',
        severity: 'high',
        confidence: 'pattern',
        secret: new Secret(match[0]),
        fingerprint: fingerprint('test-marker', match[0]),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        details: {},
        remediation: 'Remove it.',
      });
    }
    return { findings, allowedInline };
  },
};

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** Units only, as `path: text` lines, for compact assertions. */
export function unitTexts(items: readonly SourceItem[]): string[] {
  return items.flatMap((item) => ('text' in item ? [`${item.path}: ${item.text}`] : []));
}
