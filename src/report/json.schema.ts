// The `leakstop scan --format json` document, version 1: what formatJson promises, checked by its
// tests and described field by field in docs/json-format.md. Within a version, fields may be added
// but never renamed, removed or retyped; anything else bumps `version`. (summary.incomplete,
// summary.shallow, summary.config and skipped[].detail were added to version 1: additions only.)
import { z } from 'zod';

import { JSON_REPORT_VERSION } from './json-version.js';

export { JSON_REPORT_VERSION };

const count = z.int().nonnegative();
const position = z.int().positive();

export const severitySchema = z.enum(['critical', 'high', 'medium', 'low']);
export const confidenceSchema = z.enum(['checksum', 'structure', 'pattern', 'entropy']);
export const skipReasonSchema = z.enum(['binary', 'too-large', 'unreadable', 'ignored-by-config', 'gitignored', 'symlink', 'submodule']);

/** Strict objects: a field that is not documented here (say, a raw `secret`) fails the parse. */
export const jsonFindingSchema = z.strictObject({
  ruleId: z.string().min(1),
  provider: z.string().min(1),
  title: z.string().min(1),
  severity: severitySchema,
  confidence: confidenceSchema,
  /** The credential as `redact()` shows it: a declared type prefix if any, last 4 characters and length. */
  redacted: z.string().min(1),
  /** 32 hex characters of sha256 over (rule id, secret): what baselines refer to. */
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  /** Relative to `root`, '/'-separated. */
  path: z.string().min(1),
  line: position,
  column: position,
  endLine: position,
  /** Column just after the secret's last character (exclusive end, as in SARIF). */
  endColumn: position,
  commit: z.string().min(1).optional(),
  author: z.string().optional(),
  authorEmail: z.string().optional(),
  date: z.string().optional(),
  details: z.record(z.string(), z.string()),
  remediation: z.string(),
});

export const jsonSummarySchema = z.strictObject({
  findings: count,
  bySeverity: z.strictObject({ critical: count, high: count, medium: count, low: count }),
  byProvider: z.record(z.string(), count),
  filesScanned: count,
  bytesScanned: count,
  commitsScanned: count.optional(),
  baselined: count,
  allowedInline: count,
  skipped: count,
  skippedByReason: z.partialRecord(skipReasonSchema, count),
  durationMs: z.number().nonnegative(),
  /** Something could not be read (a skipped item with reason 'unreadable'): no findings is not clean. */
  incomplete: z.boolean(),
  /** Git sources only: the repository is a shallow clone, so commits before its boundary were not read. */
  shallow: z.boolean().optional(),
  /** Which repository config the scan used, for people: `.leakstop.yml at main (the range's base)`, `defaults`. */
  config: z.string().optional(),
});

export const jsonSkippedFileSchema = z.strictObject({
  path: z.string().min(1),
  reason: skipReasonSchema,
  bytes: count.optional(),
  commit: z.string().min(1).optional(),
  /** A short why, for people: an errno code, a missing object's id. Never file content. */
  detail: z.string().optional(),
});

export const jsonReportSchema = z.strictObject({
  version: z.literal(JSON_REPORT_VERSION),
  tool: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }),
  target: z.string(),
  root: z.string(),
  findings: z.array(jsonFindingSchema),
  summary: jsonSummarySchema,
  skipped: z.array(jsonSkippedFileSchema),
});

export type JsonReport = z.infer<typeof jsonReportSchema>;
export type JsonFinding = z.infer<typeof jsonFindingSchema>;
export type JsonSkippedFile = z.infer<typeof jsonSkippedFileSchema>;
