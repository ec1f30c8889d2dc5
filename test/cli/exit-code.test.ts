import { describe, expect, it } from 'vitest';
import { exitCodeFor, EXIT_CLEAN, EXIT_FINDINGS, EXIT_INCOMPLETE, type ExitPolicy } from '../../src/cli/exit-code.js';
import { EXIT_INCOMPLETE as EXPORTED_BY_MAIN } from '../../src/cli/main.js';
import type { ScanResult, ScanStats } from '../../src/scan/result.js';
import { githubFinding } from '../report/sample-result.js';

const strict: ExitPolicy = { allowIncomplete: false, failOnShallow: false };

function result(stats: Partial<ScanStats>, findings = 0): Pick<ScanResult, 'findings' | 'stats'> {
  return {
    findings: Array.from({ length: findings }, () => githubFinding),
    stats: { filesScanned: 1, bytesScanned: 1, baselined: 0, allowedInline: 0, skipped: [], durationMs: 1, ...stats },
  };
}

const unread: Partial<ScanStats> = { skipped: [{ path: 'secrets/', reason: 'unreadable', detail: 'EACCES' }] };

describe('exitCodeFor', () => {
  it('is 3, exported by main as EXIT_INCOMPLETE', () => {
    expect(EXIT_INCOMPLETE).toBe(3);
    expect(EXPORTED_BY_MAIN).toBe(3);
  });

  it('is 0 for a clean scan, even with binary or ignored files skipped', () => {
    expect(exitCodeFor(result({ skipped: [{ path: 'a.png', reason: 'binary' }, { path: 'b', reason: 'gitignored' }] }), strict)).toBe(EXIT_CLEAN);
  });

  it('is 3 when something could not be read and nothing was found', () => {
    expect(exitCodeFor(result(unread), strict)).toBe(EXIT_INCOMPLETE);
  });

  it('lets findings win over incomplete', () => {
    expect(exitCodeFor(result(unread, 1), strict)).toBe(EXIT_FINDINGS);
    expect(exitCodeFor(result({ ...unread, shallow: true }, 2), { allowIncomplete: false, failOnShallow: true })).toBe(EXIT_FINDINGS);
  });

  it('is 0 for an incomplete clean scan under --allow-incomplete', () => {
    expect(exitCodeFor(result(unread), { allowIncomplete: true, failOnShallow: false })).toBe(EXIT_CLEAN);
  });

  it('is 3 for a shallow history only under --fail-on-shallow, even with --allow-incomplete', () => {
    expect(exitCodeFor(result({ shallow: true }), strict)).toBe(EXIT_CLEAN);
    expect(exitCodeFor(result({ shallow: true }), { allowIncomplete: false, failOnShallow: true })).toBe(EXIT_INCOMPLETE);
    expect(exitCodeFor(result({ shallow: true }), { allowIncomplete: true, failOnShallow: true })).toBe(EXIT_INCOMPLETE);
    expect(exitCodeFor(result({ shallow: false }), { allowIncomplete: false, failOnShallow: true })).toBe(EXIT_CLEAN);
  });
});
