import { describe, expect, it } from 'vitest';
import { shallowWarning } from '../../src/cli/scan-command.js';
import type { ScanStats } from '../../src/scan/result.js';

function stats(extra: Partial<ScanStats>): { stats: ScanStats } {
  return { stats: { filesScanned: 1, bytesScanned: 1, baselined: 0, allowedInline: 0, skipped: [], durationMs: 1, ...extra } };
}

describe('shallowWarning', () => {
  it('says how many commits were read, what was missed and what to do', () => {
    expect(shallowWarning(stats({ shallow: true, commitsScanned: 1 }), false)).toBe(
      "history is shallow (1 commit read): commits before the clone's boundary were not scanned; fetch full history (actions/checkout fetch-depth: 0) or pass --fail-on-shallow to fail",
    );
    expect(shallowWarning(stats({ shallow: true, commitsScanned: 3 }), true)).toMatch(/^history is shallow \(3 commits read\): .*--fail-on-shallow makes this exit 3$/);
  });

  it('says nothing of a full history or a directory scan', () => {
    expect(shallowWarning(stats({ shallow: false, commitsScanned: 3 }), false)).toBeUndefined();
    expect(shallowWarning(stats({}), true)).toBeUndefined();
  });
});
