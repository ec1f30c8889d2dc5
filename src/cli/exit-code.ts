// What `leakstop scan` and `protect --staged` exit with, from their result. One pure function so the
// mapping is tested without producing unreadable files, which a test running as root cannot.
import { isIncomplete, type ScanResult } from '../scan/result.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
/** No findings, but a clean result would be a claim the scan cannot make (see exitCodeFor). */
export const EXIT_INCOMPLETE = 3;

export interface ExitPolicy {
  /** --allow-incomplete: something left unread does not fail the scan. */
  allowIncomplete: boolean;
  /** --fail-on-shallow: a history scan of a shallow clone fails, whatever --allow-incomplete says. */
  failOnShallow: boolean;
}

/**
 * Findings win: a scan that found a leak exits 1 even if it also left something unread. Otherwise a
 * scan that left an item unread, or read a shallow history under --fail-on-shallow, exits 3.
 * --allow-incomplete covers only unread items: --fail-on-shallow is the more specific request.
 */
export function exitCodeFor(result: Pick<ScanResult, 'findings' | 'stats'>, policy: ExitPolicy): number {
  if (result.findings.length > 0) return EXIT_FINDINGS;
  if (policy.failOnShallow && result.stats.shallow === true) return EXIT_INCOMPLETE;
  if (isIncomplete(result) && !policy.allowIncomplete) return EXIT_INCOMPLETE;
  return EXIT_CLEAN;
}
