// The scan report job's data: what a finished scan hands to reporting. The check run and the incident
// issues are written by a job of their own (on the SCAN_REPORT_QUEUE), so the scan's worker slot is free for the next push as soon as the response is
// queued (GitHub spaces an app's writes a second apart per installation; a scan that waited for its
// own writes held its slot for seconds while later pushes, and their revocations, queued behind it).
// Findings travel redacted: job data never holds a secret.
import { z } from 'zod';
import type { LocatedFinding } from '../detect/finding.js';
import { Secret } from '../detect/secret.js';
import { incidentSettingsSchema } from '../config/repo-config.schema.js';
import type { ScanResult } from '../scan/result.js';
import { scanJobSchema } from './jobs.js';

const text = (max: number) => z.string().max(max);

const reportedFindingSchema = z.strictObject({
  ruleId: text(100),
  provider: text(50),
  title: text(200),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  confidence: z.enum(['checksum', 'structure', 'pattern', 'entropy']),
  secret: z.strictObject({ redacted: text(100), length: z.number().int().nonnegative() }),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive(),
  endColumn: z.number().int().positive(),
  details: z.record(text(100), text(500)),
  remediation: text(2_000),
  path: text(4_096),
  commit: text(64).optional(),
  author: text(300).optional(),
  authorEmail: text(300).optional(),
  date: text(40).optional(),
});

const skippedSchema = z.strictObject({
  path: text(4_096),
  reason: z.enum(['binary', 'too-large', 'unreadable', 'ignored-by-config', 'gitignored', 'symlink', 'submodule']),
  bytes: z.number().int().nonnegative().optional(),
  commit: text(64).optional(),
});

/** A report's copy of a ScanResult, with each secret in redacted form. */
const reportedResultSchema = z.strictObject({
  target: text(500),
  root: text(4_096),
  findings: z.array(reportedFindingSchema).max(100_000),
  stats: z.strictObject({
    filesScanned: z.number().int().nonnegative(),
    bytesScanned: z.number().nonnegative(),
    commitsScanned: z.number().int().nonnegative().optional(),
    baselined: z.number().int().nonnegative(),
    allowedInline: z.number().int().nonnegative(),
    skipped: z.array(skippedSchema).max(100_000),
    durationMs: z.number().nonnegative(),
  }),
});

export const scanReportJobSchema = z.strictObject({
  /** The scan job as queued by the webhook. */
  scan: scanJobSchema,
  scanJobId: z.string().min(1).max(300),
  /** The in-progress check run a slow scan started, to complete; absent when the report creates it. */
  checkRunId: z.number().int().positive().optional(),
  /** ISO 8601: when the scan started (the check run's started_at). */
  startedAt: z.string().max(40),
  configProblem: z.string().max(2_000).optional(),
  incidents: incidentSettingsSchema,
  result: reportedResultSchema,
});

export type ScanReportJob = z.infer<typeof scanReportJobSchema>;

/** Skipped files listed in a report; more are counted in the scan's stats but not named. */
const MAX_SKIPPED = 10_000;

/**
 * The result as scan report job data: secrets redacted, related secrets dropped, and text that comes
 * from the repository (paths, author names: anyone who commits chooses them) cut to the schema's
 * limits, so an odd commit can never make the report unreadable and silence it.
 */
export function reportedResult(result: ScanResult): ScanReportJob['result'] {
  return reportedResultSchema.parse({
    target: cut(result.target, 500),
    root: cut(result.root, 4_096),
    findings: result.findings.map(({ secret, related: _related, ...finding }) => ({
      ...finding,
      title: cut(finding.title, 200),
      remediation: cut(finding.remediation, 2_000),
      details: Object.fromEntries(Object.entries(finding.details).map(([key, value]) => [cut(key, 100), cut(value, 500)])),
      path: cut(finding.path, 4_096),
      ...(finding.commit === undefined ? {} : { commit: cut(finding.commit, 64) }),
      ...(finding.author === undefined ? {} : { author: cut(finding.author, 300) }),
      ...(finding.authorEmail === undefined ? {} : { authorEmail: cut(finding.authorEmail, 300) }),
      ...(finding.date === undefined ? {} : { date: cut(finding.date, 40) }),
      secret: { redacted: cut(secret.redacted, 100), length: secret.length },
    })),
    stats: { ...result.stats, skipped: result.stats.skipped.slice(0, MAX_SKIPPED).map((skipped) => ({ ...skipped, path: cut(skipped.path, 4_096), ...(skipped.commit === undefined ? {} : { commit: cut(skipped.commit, 64) }) })) },
  });
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The result back from job data; each secret can show its redacted form and never be revealed. */
export function resultFromReport(reported: ScanReportJob['result']): ScanResult {
  return {
    ...reported,
    findings: reported.findings.map((finding): LocatedFinding => ({ ...finding, secret: new Secret(finding.secret) }) as LocatedFinding),
  };
}

/**
 * One scan report per scan job: a retried scan finds its report queued already. The `-report` suffix
 * is what earlier versions queued under, so a scan retried across an upgrade still finds its report.
 */
export function scanReportJobId(scanJobId: string): string {
  return `${scanJobId}-report`.replaceAll(':', '_');
}
