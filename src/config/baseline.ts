// A baseline: fingerprints of findings a team has accepted (`--write-baseline`), so they stop
// alerting (`--baseline`). It holds fingerprints and locations, never a secret.
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { LocatedFinding } from '../detect/finding.js';

const baselineEntrySchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  ruleId: z.string(),
  path: z.string(),
  line: z.number().int().positive().optional(),
  commit: z.string().optional(),
  redacted: z.string().optional(),
});

export const baselineSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  findings: z.array(baselineEntrySchema),
});

export type Baseline = z.infer<typeof baselineSchema>;

export async function readBaseline(file: string): Promise<ReadonlySet<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read baseline ${file}: ${error instanceof Error ? error.message : String(error)}. Create one with --write-baseline ${file}.`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`baseline ${file} is not JSON: regenerate it with --write-baseline ${file}.`);
  }
  const parsed = baselineSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`baseline ${file} is not a leakstop baseline (${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}): regenerate it with --write-baseline ${file}.`);
  }
  return new Set(parsed.data.findings.map((f) => f.fingerprint));
}

export function buildBaseline(findings: readonly LocatedFinding[], now = new Date()): Baseline {
  return {
    version: 1,
    createdAt: now.toISOString(),
    findings: findings.map((f) => ({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      path: f.path,
      line: f.line,
      ...(f.commit ? { commit: f.commit } : {}),
      redacted: f.secret.redacted,
    })),
  };
}

export async function writeBaseline(file: string, findings: readonly LocatedFinding[]): Promise<number> {
  const baseline = buildBaseline(findings);
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline.findings.length;
}
