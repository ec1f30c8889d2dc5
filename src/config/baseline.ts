// A baseline: findings a team has accepted (`--write-baseline`), so they stop alerting
// (`--baseline`). It holds fingerprints and locations, never a secret.
//
// Version 2 (written since issue 9) accepts a fingerprint only at the path it was accepted at, so
// the same secret pasted into a new file alerts again. Version 1 files are still read, and accept
// their fingerprints in any file, as they always did.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { LocatedFinding } from '../detect/finding.js';

const fingerprintSchema = z.string().regex(/^[0-9a-f]{32}$/);

const baselineEntrySchema = z.object({
  fingerprint: fingerprintSchema,
  ruleId: z.string(),
  /** Version 2: relative to the repository root ('/'-separated); version 1: informative only. */
  path: z.string(),
  line: z.number().int().positive().optional(),
  commit: z.string().optional(),
  redacted: z.string().optional(),
});

export const baselineSchema = z.discriminatedUnion('version', [
  z.object({ version: z.literal(1), createdAt: z.string(), findings: z.array(baselineEntrySchema) }),
  z.object({ version: z.literal(2), createdAt: z.string(), findings: z.array(baselineEntrySchema) }),
]);

export type Baseline = z.infer<typeof baselineSchema>;

/** What a scan asks a baseline: is this secret (by fingerprint) accepted at this path? */
export interface AcceptedFindings {
  /** `path` as the scan shows it: relative to the scanned directory, or to the repository for git sources. */
  has(fingerprint: string, path: string): boolean;
}

/** What regenerating a baseline does, said wherever leakstop suggests it. */
const REGENERATE = 'which accepts every finding the scan makes now as known: review them first';

export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read baseline ${file}: ${error instanceof Error ? error.message : String(error)}. Create one with --write-baseline ${file}, ${REGENERATE}.`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`baseline ${file} is not JSON: restore it from version control, or regenerate it with --write-baseline ${file}, ${REGENERATE}.`);
  }
  const parsed = baselineSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `baseline ${file} is not a leakstop baseline (${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}): restore it from version control, or regenerate it with --write-baseline ${file}, ${REGENERATE}.`,
    );
  }
  return parsed.data;
}

/**
 * The findings a baseline accepts. `pathPrefix` turns a scan's path into a repository-relative one
 * (see repositoryPathPrefix): a version 2 baseline written from the repository root still matches
 * when `leakstop scan src` is run.
 */
export function acceptedFindings(baseline: Baseline, pathPrefix = ''): AcceptedFindings {
  if (baseline.version === 1) {
    const fingerprints = new Set(baseline.findings.map((f) => f.fingerprint));
    return { has: (fingerprint) => fingerprints.has(fingerprint) };
  }
  const accepted = new Set(baseline.findings.map((f) => entryKey(f.fingerprint, f.path)));
  return { has: (fingerprint, path) => accepted.has(entryKey(fingerprint, pathPrefix + path)) };
}

/** A path never holds NUL, so the pair cannot be confused with another. */
function entryKey(fingerprint: string, path: string): string {
  return `${fingerprint}\0${path}`;
}

/** Paths are stored relative to the repository root: `pathPrefix` as for acceptedFindings. */
export function buildBaseline(findings: readonly LocatedFinding[], pathPrefix = '', now = new Date()): Baseline {
  return {
    version: 2,
    createdAt: now.toISOString(),
    findings: findings.map((f) => ({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      path: pathPrefix + f.path,
      line: f.line,
      ...(f.commit ? { commit: f.commit } : {}),
      redacted: f.secret.redacted,
    })),
  };
}

/** The baseline's JSON text; the CLI writes it (after checking the path before the scan). */
export function baselineText(findings: readonly LocatedFinding[], pathPrefix = ''): string {
  return `${JSON.stringify(buildBaseline(findings, pathPrefix), null, 2)}\n`;
}
