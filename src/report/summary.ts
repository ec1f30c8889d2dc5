// What every report format counts and how it orders things, computed once from a ScanResult so
// that text, JSON and SARIF can never disagree about the numbers.
import type { LocatedFinding } from '../detect/finding.js';
import type { Severity } from '../detect/rule.js';
import { isIncomplete, type ScanResult, type SkippedFile, type SkipReason } from '../scan/result.js';

/** Strongest first: the order in which severities are listed everywhere. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export interface ScanSummary {
  findings: number;
  bySeverity: Record<Severity, number>;
  /** Provider id → findings; most findings first, then by id. */
  byProvider: Record<string, number>;
  filesScanned: number;
  bytesScanned: number;
  commitsScanned?: number;
  baselined: number;
  allowedInline: number;
  skipped: number;
  /** Only the reasons that occurred; most files first, then by reason. */
  skippedByReason: Partial<Record<SkipReason, number>>;
  durationMs: number;
  /** Something was left unread (see isIncomplete): no findings does not mean clean. */
  incomplete: boolean;
  /** Git sources only: the clone is shallow, so history before its boundary was not read. */
  shallow?: boolean;
  /** Which repository config the scan used, for people (ScanResult.config), when known. */
  config?: string;
}

export function summarize(result: ScanResult): ScanSummary {
  const { stats } = result;
  // Built in display order; commitsScanned exists only for git sources.
  const commits = stats.commitsScanned === undefined ? {} : { commitsScanned: stats.commitsScanned };
  return {
    findings: result.findings.length,
    bySeverity: countBySeverity(result.findings),
    byProvider: countsByKey(result.findings.map((f) => f.provider)),
    filesScanned: stats.filesScanned,
    bytesScanned: stats.bytesScanned,
    ...commits,
    baselined: stats.baselined,
    allowedInline: stats.allowedInline,
    skipped: stats.skipped.length,
    skippedByReason: countsByKey(stats.skipped.map((s) => s.reason)),
    durationMs: stats.durationMs,
    incomplete: isIncomplete(result),
    // Only when the source says: a directory scan has no history to be shallow.
    ...(stats.shallow === undefined ? {} : { shallow: stats.shallow }),
    ...(result.config === undefined ? {} : { config: result.config }),
  };
}

/** The items left unread, in report order: they are listed whatever the verbosity, since they matter. */
export function unreadItems(skipped: readonly SkippedFile[]): SkippedFile[] {
  return orderSkipped(skipped.filter((s) => s.reason === 'unreadable'));
}

function countBySeverity(findings: readonly LocatedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function countsByKey(keys: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const ordered = [...counts].sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b));
  return Object.fromEntries(ordered);
}

/**
 * Findings in file order (path, line, column, then commit and rule), so that a report does not
 * change when the scanner reads files in a different order.
 */
export function orderFindings(findings: readonly LocatedFinding[]): LocatedFinding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.path, b.path) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.commit ?? '', b.commit ?? '') ||
      compareText(a.ruleId, b.ruleId),
  );
}

/** Skipped files grouped by reason, then by path. */
export function orderSkipped(skipped: readonly SkippedFile[]): SkippedFile[] {
  return [...skipped].sort((a, b) => compareText(a.reason, b.reason) || compareText(a.path, b.path) || compareText(a.commit ?? '', b.commit ?? ''));
}

/** Code-unit order, not localeCompare: the same on every machine whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
