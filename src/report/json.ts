// `leakstop scan --format json`: one versioned document for scripts (schema in json.schema.ts, prose
// in docs/json-format.md). Every object is built field by field from an allow-list, never by
// spreading a finding, so a field added to Finding later (or the Secret) cannot reach the output
// unreviewed.
import type { LocatedFinding } from '../detect/finding.js';
import type { ScanResult, SkippedFile } from '../scan/result.js';
import { toolInfo } from '../version.js';
import { jsonInChunks } from './json-chunks.js';
import { JSON_REPORT_VERSION } from './json-version.js';
import type { JsonFinding, JsonReport, JsonSkippedFile } from './json.schema.js';
import { relativePosixPath } from './labels.js';
import { orderFindings, orderSkipped, summarize } from './summary.js';

export function formatJson(result: ScanResult): string {
  return [...jsonChunks(result)].join('');
}

/** Stands for the findings in the report's skeleton; no path or message holds a NUL. */
const FINDINGS_MARKER = '\u0000findings\u0000';

/**
 * formatJson's text in pieces, made as they are written: a report is never one string. 50,000
 * findings make 31 MB of JSON, held as UTF-16 (a redacted form's '…' is not latin1), then copied
 * once to append the newline and once more to encode it for writing: ~150 MB at once, against a
 * few hundred kB a chunk here.
 */
export function jsonChunks(result: ScanResult): Generator<string> {
  return jsonInChunks(jsonReport(result, FINDINGS_MARKER), FINDINGS_MARKER, orderFindings(result.findings), (f) => jsonFinding(f, result.root));
}

export function buildJsonReport(result: ScanResult): JsonReport {
  return jsonReport(result, orderFindings(result.findings).map((f) => jsonFinding(f, result.root)));
}

function jsonReport<F>(result: ScanResult, findings: F): Omit<JsonReport, 'findings'> & { findings: F } {
  const tool = toolInfo();
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: tool.name, version: tool.version },
    target: result.target,
    root: result.root,
    findings,
    summary: summarize(result),
    skipped: orderSkipped(result.stats.skipped).map((s) => jsonSkippedFile(s, result.root)),
  };
}

function jsonFinding(finding: LocatedFinding, root: string): JsonFinding {
  return {
    ruleId: finding.ruleId,
    provider: finding.provider,
    title: finding.title,
    severity: finding.severity,
    confidence: finding.confidence,
    redacted: finding.secret.redacted,
    fingerprint: finding.fingerprint,
    path: relativePosixPath(root, finding.path),
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    ...gitFields(finding),
    details: stringDetails(finding.details),
    remediation: finding.remediation,
  };
}

/** Only for git sources, and absent rather than null, so `has("commit")` tells the sources apart. */
function gitFields(finding: LocatedFinding): Pick<JsonFinding, 'commit' | 'author' | 'authorEmail' | 'date'> {
  const fields: Pick<JsonFinding, 'commit' | 'author' | 'authorEmail' | 'date'> = {};
  if (finding.commit !== undefined) fields.commit = finding.commit;
  if (finding.author !== undefined) fields.author = finding.author;
  if (finding.authorEmail !== undefined) fields.authorEmail = finding.authorEmail;
  if (finding.date !== undefined) fields.date = finding.date;
  return fields;
}

/** A fresh plain object of strings: details are typed as strings, but a provider is code we do not control here. */
function stringDetails(details: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, String(value)]));
}

function jsonSkippedFile(file: SkippedFile, root: string): JsonSkippedFile {
  const json: JsonSkippedFile = { path: relativePosixPath(root, file.path), reason: file.reason };
  if (file.bytes !== undefined) json.bytes = file.bytes;
  if (file.commit !== undefined) json.commit = file.commit;
  if (file.detail !== undefined) json.detail = file.detail;
  return json;
}
