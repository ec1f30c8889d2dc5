// What the `leakstop` check run says, built from a ScanResult without any I/O: the conclusion, the
// summary with its counts, and the annotations, each cut to the Checks API's limits. Only a
// finding's redacted secret is ever read here.
import type { LocatedFinding } from '../detect/finding.js';
import type { ScanResult } from '../scan/result.js';
import { relativePosixPath, skipReasonLabel, printable } from './labels.js';
import { cellCode, fencedBlock, plural, truncateText, truncateUtf8 } from './markdown.js';
import { providerLabel } from './provider-label.js';
import { orderFindings, SEVERITIES, summarize, type ScanSummary } from './summary.js';
import { formatBytes, formatDuration } from './text.js';

export const CHECK_RUN_NAME = 'leakstop';

/** The Checks API's documented limits (REST docs, "Create a check run" / "Update a check run"). */
export const CHECK_RUN_LIMITS = {
  /** "The Checks API limits the number of annotations to a maximum of 50 per API request." */
  annotationsPerRequest: 50,
  /** output.summary and output.text: "Maximum length: 65535 characters". */
  outputText: 65_535,
  /** annotation title: "The maximum size is 255 characters." */
  annotationTitle: 255,
  /** annotation message and raw_details: "The maximum size is 64 KB." */
  annotationMessageBytes: 64 * 1024,
} as const;

/**
 * Annotations beyond this many are not sent: each 50 costs a request, and a backfill with thousands
 * of findings would trip GitHub's secondary rate limits. The summary says when this happens.
 */
export const MAX_ANNOTATIONS = 1_000;

/** Rows of the findings table in output.text before "… and N more". */
const MAX_TEXT_ROWS = 200;
const SHORT_COMMIT = 7;
const SHORT_FINGERPRINT = 12;
/** A config problem or failure reason is a message, not a document. */
const MAX_PROBLEM = 4_000;

export type CheckRunConclusion = 'success' | 'failure';

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure';
  title: string;
  message: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

/** Any finding blocks: a required `leakstop` check then stops the merge. */
export function checkRunConclusion(result: ScanResult): CheckRunConclusion {
  return result.findings.length > 0 ? 'failure' : 'success';
}

/** One annotation per finding, in file order, at most MAX_ANNOTATIONS. */
export function findingAnnotations(result: ScanResult): CheckRunAnnotation[] {
  return orderFindings(result.findings)
    .slice(0, MAX_ANNOTATIONS)
    .map((finding) => findingAnnotation(finding, result.root));
}

export function findingAnnotation(finding: LocatedFinding, root: string): CheckRunAnnotation {
  // "Annotations only support start_column and end_column on the same line."
  const columns =
    finding.line === finding.endLine
      ? { start_column: finding.column, end_column: Math.max(finding.column, finding.endColumn - 1) }
      : {};
  return {
    path: relativePosixPath(root, finding.path),
    start_line: finding.line,
    end_line: Math.max(finding.line, finding.endLine),
    ...columns,
    annotation_level: 'failure',
    title: truncateText(finding.title, CHECK_RUN_LIMITS.annotationTitle),
    message: truncateUtf8(annotationMessage(finding), CHECK_RUN_LIMITS.annotationMessageBytes),
  };
}

/** Plain text (annotations do not render Markdown): what, which secret, where from, what to do. */
function annotationMessage(finding: LocatedFinding): string {
  const lines = [
    `${finding.severity.toUpperCase()}: ${finding.title} (${providerLabel(finding)}, rule ${finding.ruleId})`,
    `Secret: ${printable(finding.secret.redacted)}`,
    `Fingerprint: ${finding.fingerprint}`,
  ];
  if (finding.commit !== undefined) lines.push(`Commit: ${commitLabel(finding)}`);
  lines.push(`What to do: ${finding.remediation} Deleting the line or the commit does not make the credential safe: revoke it first.`);
  return lines.join('\n');
}

function commitLabel(finding: LocatedFinding): string {
  const sha = printable((finding.commit ?? '').slice(0, SHORT_COMMIT));
  return finding.author === undefined ? sha : `${sha} by ${printable(finding.author)}`;
}

/** Annotations in groups the API accepts in one request. */
export function annotationBatches(annotations: readonly CheckRunAnnotation[]): CheckRunAnnotation[][] {
  const batches: CheckRunAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += CHECK_RUN_LIMITS.annotationsPerRequest) {
    batches.push(annotations.slice(i, i + CHECK_RUN_LIMITS.annotationsPerRequest));
  }
  return batches;
}

/** A finished scan's part of its check run: the conclusion, the output and the annotations. */
export function scanCheckRun(result: ScanResult, configProblem?: string): { conclusion: CheckRunConclusion; output: CheckRunOutput; annotations: CheckRunAnnotation[] } {
  return { conclusion: checkRunConclusion(result), output: completedOutput(result, configProblem), annotations: findingAnnotations(result) };
}

export function completedOutput(result: ScanResult, configProblem?: string): CheckRunOutput {
  const summary = summarize(result);
  const title = summary.findings === 0 ? 'No leaked credentials found' : `${plural(summary.findings, 'leaked credential')} found`;
  const sections = [
    `## ${title}`,
    ...(configProblem === undefined ? [] : [configProblemSection(configProblem)]),
    ...(summary.findings === 0 ? [] : [countTables(summary), whatToDo(summary.findings)]),
    coverage(summary),
  ];
  const output: CheckRunOutput = { title, summary: truncateText(sections.join('\n\n'), CHECK_RUN_LIMITS.outputText) };
  if (summary.findings > 0) output.text = findingsTable(result);
  return output;
}

function configProblemSection(problem: string): string {
  return [
    '> [!WARNING]',
    '> `.github/leakstop.yml` is not valid, so this scan used the default settings. Fix the file (or delete it) and push again.',
    '',
    problemBlock(problem),
  ].join('\n');
}

/** An error message (a zod or GitHub message) as a code block: its lines kept, control characters not. */
function problemBlock(message: string): string {
  return fencedBlock(truncateText(message.split('\n').map(printable).join('\n'), MAX_PROBLEM));
}

function countTables(summary: ScanSummary): string {
  const severities = SEVERITIES.filter((s) => summary.bySeverity[s] > 0).map((s) => `| ${s} | ${summary.bySeverity[s]} |`);
  const providers = Object.entries(summary.byProvider).map(([provider, count]) => `| ${cellCode(provider)} | ${count} |`);
  return [
    '| Severity | Findings |',
    '| --- | ---: |',
    ...severities,
    '',
    '| Provider | Findings |',
    '| --- | ---: |',
    ...providers,
  ].join('\n');
}

function whatToDo(findings: number): string {
  const annotated =
    findings > MAX_ANNOTATIONS
      ? `The first ${MAX_ANNOTATIONS} findings are annotated on their lines; the table below lists them by file.`
      : 'Each finding is annotated on its line with what to do.';
  return [
    '### What to do',
    `${annotated} A pushed credential must be treated as compromised: revoke it with its provider first, then rotate it, then remove it from the history. Removing the line or the commit does not make it safe.`,
  ].join('\n');
}

/** What was and was not read, so a clean result cannot hide files that were never scanned. */
function coverage(summary: ScanSummary): string {
  const commits = summary.commitsScanned === undefined ? '' : `${plural(summary.commitsScanned, 'commit')}, `;
  const lines = [
    `Scanned ${commits}${plural(summary.filesScanned, 'file')} (${formatBytes(summary.bytesScanned)}) in ${formatDuration(summary.durationMs)}.`,
  ];
  if (summary.skipped > 0) {
    const reasons = Object.entries(summary.skippedByReason).map(([reason, count]) => `${count} ${skipReasonLabel(reason)}`);
    lines.push(`Skipped ${plural(summary.skipped, 'file')}: ${reasons.join(', ')}.`);
  }
  if (summary.baselined > 0 || summary.allowedInline > 0) {
    lines.push(`Not reported: ${summary.baselined} in the baseline, ${summary.allowedInline} allowed inline (\`leakstop:allow\`).`);
  }
  return lines.join(' ');
}

/** Every finding as a table row (output.text), cut to the API limit with a count of the rest. */
function findingsTable(result: ScanResult): string {
  const header = ['| Severity | Location | Rule | Secret | Commit | Fingerprint |', '| --- | --- | --- | --- | --- | --- |'];
  const findings = orderFindings(result.findings);
  const rows: string[] = [];
  let length = header.join('\n').length;
  // Room for the "… and N more" line, so that the cut never lands inside it.
  const budget = CHECK_RUN_LIMITS.outputText - 100;
  for (const finding of findings.slice(0, MAX_TEXT_ROWS)) {
    const row = findingRow(finding, result.root);
    if (length + row.length + 1 > budget) break;
    rows.push(row);
    length += row.length + 1;
  }
  const rest = findings.length - rows.length;
  return [...header, ...rows, ...(rest > 0 ? ['', `… and ${plural(rest, 'more finding')}.`] : [])].join('\n');
}

function findingRow(finding: LocatedFinding, root: string): string {
  const location = truncateText(`${relativePosixPath(root, finding.path)}:${finding.line}`, 500);
  const commit = finding.commit === undefined ? '' : cellCode(finding.commit.slice(0, SHORT_COMMIT));
  return `| ${finding.severity} | ${cellCode(location)} | ${finding.title.replaceAll('|', '\\|')} | ${cellCode(finding.secret.redacted)} | ${commit} | ${cellCode(finding.fingerprint.slice(0, SHORT_FINGERPRINT))} |`;
}

/** The check run of a scan that could not finish: says so, why, and what to do. */
export function failedOutput(reason: string): CheckRunOutput {
  const title = 'The scan could not complete';
  const summary = [
    `## ${title}`,
    'leakstop could not finish scanning this commit, so it cannot say whether it contains credentials. This check fails rather than pass unscanned code.',
    problemBlock(reason),
    [
      '### What to do',
      '- Re-run this check (**Re-run** on the Checks tab). Temporary GitHub or network errors usually clear on a retry.',
      "- If it fails again, the app's operator can find the job in the worker logs by this commit's SHA.",
    ].join('\n'),
  ].join('\n\n');
  return { title, summary: truncateText(summary, CHECK_RUN_LIMITS.outputText) };
}
