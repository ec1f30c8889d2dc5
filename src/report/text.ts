// `leakstop scan` output for people: each finding with where it is, what it is and what to do
// about it, then a summary that accounts for every file, including the ones that were not scanned.
import type { LocatedFinding } from '../detect/finding.js';
import type { ScanResult, SkippedFile } from '../scan/result.js';
import { painter, type Painter } from './ansi.js';
import { detailLabel, printable, skipReasonLabel } from './labels.js';
import { orderFindings, orderSkipped, SEVERITIES, summarize, unreadItems, type ScanSummary } from './summary.js';

export interface TextOptions {
  /** ANSI colour: the CLI passes true only when stdout is a TTY and NO_COLOR is unset. */
  color: boolean;
  /** List every skipped file, not only the counts. */
  verbose?: boolean;
  /** A pre-commit check (`protect --staged`): findings block the commit, and the report says what to do. */
  blockedCommit?: boolean;
}

/** Enough of a fingerprint to tell findings apart and grep a baseline; JSON and SARIF carry it whole. */
const SHORT_FINGERPRINT = 12;
const SHORT_COMMIT = 7;

export function formatText(result: ScanResult, options: TextOptions): string {
  return [...textChunks(result, options)].join('');
}

/** Findings per chunk of textChunks. */
const FINDINGS_PER_CHUNK = 500;

/**
 * formatText's text in pieces, the findings a few hundred at a time, as jsonChunks for JSON (see
 * there why): each line ends with its newline, so the pieces join to formatText's text.
 */
export function* textChunks(result: ScanResult, options: TextOptions): Generator<string> {
  const paint = painter(options.color);
  const summary = summarize(result);
  const unread = unreadItems(result.stats.skipped);
  const findings = summary.findings === 0 ? [] : orderFindings(result.findings);
  for (let i = 0; i < findings.length; i += FINDINGS_PER_CHUNK) {
    yield withNewlines(findings.slice(i, i + FINDINGS_PER_CHUNK).flatMap((f) => [...findingLines(f, paint), '']));
  }
  const lines =
    summary.findings === 0
      ? [unread.length > 0 ? incompleteLine(result.target, summary, unread.length, paint) : cleanLine(result.target, summary, paint)]
      : summaryLines(summary, paint);
  if (summary.findings > 0 && unread.length > 0) lines.push(`${paint.yellow(incompleteWords(unread.length))}.`);
  lines.push(...unread.map((s) => `  ${paint.dim(s.reason)}  ${skippedFileLabel(s)}`));
  if (summary.shallow === true) lines.push(paint.yellow("History is shallow: commits before the clone's boundary were not scanned."));
  if (summary.config !== undefined) lines.push(`Config: ${printable(summary.config)}.`);
  lines.push(...skippedLines(result.stats.skipped, summary, options.verbose === true, paint));
  if (options.blockedCommit === true && summary.findings > 0) lines.push('', ...blockedCommitLines(result.findings, paint));
  yield withNewlines(lines);
}

function withNewlines(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Said instead of "No leaks found" when something was left unread: that claim cannot be made. */
function incompleteWords(unread: number): string {
  return `Scan incomplete: ${plural(unread, 'item')} could not be read`;
}

function incompleteLine(target: string, summary: ScanSummary, unread: number, paint: Painter): string {
  return `${paint.yellow(incompleteWords(unread))} in ${printable(target)}, no leaks in the rest: scanned ${scannedCounts(summary)}${suppressedNote(summary)}.`;
}

/** At most this many paths in the unstage command: the findings above list every one. */
const UNSTAGE_EXAMPLES = 3;

/**
 * What a pre-commit hook says when it stops a commit: that it did, how to unstage, how to mark a
 * false positive, and that a real credential must be revoked although it never reached a commit.
 */
function blockedCommitLines(findings: readonly LocatedFinding[], paint: Painter): string[] {
  const paths = [...new Set(orderFindings(findings).map((f) => f.path))];
  const shown = paths.slice(0, UNSTAGE_EXAMPLES).map((p) => shellWord(printable(p))).join(' ');
  const more = paths.length > UNSTAGE_EXAMPLES ? ' …' : '';
  return [
    paint.severity('critical', `leakstop: commit blocked: ${plural(findings.length, 'leaked credential')} in the staged changes.`),
    `  To unstage:       git restore --staged ${shown}${more}   (git before 2.23: git reset HEAD ${shown}${more})`,
    '  Not a secret?     add a `leakstop:allow` comment on its line, or accept it in a baseline file',
    '                    (--write-baseline FILE accepts every finding shown above; then pass --baseline FILE in the hook).',
    '  A real secret must be revoked now, although the commit did not happen: it was on disk, and may',
    "  be in an editor's history or backups, a shell history, a clipboard or a screen share.",
  ];
}

/** A path as one shell word: quoted unless made only of characters no shell treats specially, never an option. */
function shellWord(path: string): string {
  const word = path.startsWith('-') ? `./${path}` : path;
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

function findingLines(finding: LocatedFinding, paint: Painter): string[] {
  const where = `${printable(finding.path)}:${finding.line}:${finding.column}`;
  const header = [paint.bold(where), finding.commit ? commitLabel(finding) : undefined].filter(Boolean).join('  ');
  const severity = paint.severity(finding.severity, finding.severity.toUpperCase());
  const rows: [string, string][] = [
    ['secret', printable(finding.secret.redacted)],
    ['fingerprint', finding.fingerprint.slice(0, SHORT_FINGERPRINT)],
    ['confidence', finding.confidence],
    ...Object.entries(finding.details).map(([key, value]): [string, string] => [detailLabel(key), printable(value)]),
    ['fix', finding.remediation],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    header,
    `  ${severity}  ${finding.title} ${paint.dim(`(${finding.ruleId})`)}`,
    ...rows.map(([label, value]) => `  ${paint.dim(label.padEnd(width))}  ${value}`),
  ];
}

/** `commit abc1234 (Jane Doe, 2024-05-01)`: who introduced the secret and when. */
function commitLabel(finding: LocatedFinding): string {
  const date = finding.date === undefined ? undefined : shortDate(finding.date);
  const who = [finding.author, date].filter((part): part is string => Boolean(part)).map(printable);
  const sha = printable((finding.commit ?? '').slice(0, SHORT_COMMIT));
  return who.length > 0 ? `commit ${sha} (${who.join(', ')})` : `commit ${sha}`;
}

/** The day of an ISO 8601 timestamp; any other format is shown as given. */
function shortDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : date;
}

function summaryLines(summary: ScanSummary, paint: Painter): string[] {
  const severities = SEVERITIES.filter((s) => summary.bySeverity[s] > 0).map((s) => paint.severity(s, `${summary.bySeverity[s]} ${s}`));
  const providers = Object.entries(summary.byProvider).map(([provider, count]) => `${provider} ${count}`);
  return [
    `${paint.bold(`${plural(summary.findings, 'leak')} found`)}: ${severities.join(', ')} (by provider: ${providers.join(', ')})`,
    `Scanned ${scannedCounts(summary)}.`,
    `Not reported: ${summary.baselined} baselined, ${summary.allowedInline} allowed inline (leakstop:allow).`,
  ];
}

/** The whole report of a clean scan: one line, with the counts that show what was covered. */
function cleanLine(target: string, summary: ScanSummary, paint: Painter): string {
  return `${paint.green('No leaks found')} in ${printable(target)}: scanned ${scannedCounts(summary)}${suppressedNote(summary)}.`;
}

function suppressedNote(summary: ScanSummary): string {
  const suppressed = [
    summary.baselined > 0 ? `${summary.baselined} baselined` : undefined,
    summary.allowedInline > 0 ? `${summary.allowedInline} allowed inline` : undefined,
  ].filter(Boolean);
  return suppressed.length > 0 ? ` (not reported: ${suppressed.join(', ')})` : '';
}

/** `120 files (1.2 MB), 14 commits in 0.8 s (1.5 MB/s)` */
function scannedCounts(summary: ScanSummary): string {
  const commits = summary.commitsScanned === undefined ? '' : `, ${plural(summary.commitsScanned, 'commit')}`;
  const throughput = summary.durationMs > 0 ? ` (${formatBytes((summary.bytesScanned * 1000) / summary.durationMs)}/s)` : '';
  return `${plural(summary.filesScanned, 'file')} (${formatBytes(summary.bytesScanned)})${commits} in ${formatDuration(summary.durationMs)}${throughput}`;
}

/**
 * Files that were not scanned are never dropped silently: their counts are always printed, and
 * with --verbose every path is listed with its reason.
 */
function skippedLines(skipped: readonly SkippedFile[], summary: ScanSummary, verbose: boolean, paint: Painter): string[] {
  if (skipped.length === 0) return [];
  const reasons = Object.entries(summary.skippedByReason).map(([reason, count]) => `${count} ${skipReasonLabel(reason)}`);
  const head = `${paint.yellow(`Skipped ${plural(skipped.length, 'file')}`)}: ${reasons.join(', ')}.`;
  // Unreadable items are listed above in any case.
  const ordered = orderSkipped(skipped).filter((s) => s.reason !== 'unreadable');
  if (ordered.length === 0) return [head];
  if (!verbose) return [`${head} Run with --verbose to list them.`];
  const width = Math.max(...ordered.map((s) => s.reason.length));
  return [head, ...ordered.map((s) => `  ${paint.dim(s.reason.padEnd(width))}  ${skippedFileLabel(s)}`)];
}

function skippedFileLabel(file: SkippedFile): string {
  const size = file.bytes === undefined ? '' : ` (${formatBytes(file.bytes)})`;
  const commit = file.commit ? ` in commit ${printable(file.commit.slice(0, SHORT_COMMIT))}` : '';
  const detail = file.detail ? `: ${printable(file.detail)}` : '';
  return `${printable(file.path)}${size}${commit}${detail}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Decimal units, like the CLI's progress line. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.floor(seconds - minutes * 60)} s`;
}
