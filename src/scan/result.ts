// What a scan produced, whatever its source: the findings placed in files/commits and the counts
// that prove nothing was skipped silently. Report formats (text, JSON, SARIF) read only this.
import type { LocatedFinding } from '../detect/finding.js';

export type SkipReason =
  | 'binary'
  | 'too-large'
  | 'unreadable'
  | 'ignored-by-config'
  | 'gitignored'
  | 'symlink'
  | 'submodule';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  bytes?: number;
  /** Commit the file was changed in, for git sources. */
  commit?: string;
  /** A short why, for people (an errno code, a missing object's id); never file content. */
  detail?: string;
}

export interface ScanStats {
  filesScanned: number;
  bytesScanned: number;
  /** Commits read, for git sources. */
  commitsScanned?: number;
  /** Findings dropped because their fingerprint is in the baseline. */
  baselined: number;
  /** Findings dropped by an inline `leakstop:allow` comment. */
  allowedInline: number;
  skipped: SkippedFile[];
  durationMs: number;
  /** Git history sources: the scan reached a shallow clone's boundary, so history before it was not read. */
  shallow?: boolean;
}

export interface ScanResult {
  /** What was scanned, for people: a directory, 'git A..B', 'staged changes', 'stdin'. */
  target: string;
  /** Directory that finding paths are relative to. */
  root: string;
  findings: LocatedFinding[];
  stats: ScanStats;
  /**
   * Which repository config the scan used, for people: `.leakstop.yml at main (the range's base)`,
   * `--config ci/leakstop.yml`, `defaults`.
   */
  config?: string;
}

/**
 * Something was left unread (a file, a name, a directory or a git object that could not be read):
 * a clean result would then be a claim the scan cannot make.
 */
export function isIncomplete(result: Pick<ScanResult, 'stats'>): boolean {
  return result.stats.skipped.some((skipped) => skipped.reason === 'unreadable');
}
