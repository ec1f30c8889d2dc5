// What the check run of a head SHA is rendered from, besides the response's step records: the latest
// scan's part of it (its conclusion and output, rendered once from the result) and the credentials
// whose response it shows. Stored per head SHA, replaced by each scan that reports on the SHA, and
// read by every write of the run (see write-check-run.ts) and by a "Revoke now" press.
import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const repoRef = z.strictObject({ owner: z.string().min(1).max(100), repo: z.string().min(1).max(100) });

/** Credentials a record names; a scan with more shows the first ones and counts the rest. */
export const MAX_RECORDED_CREDENTIALS = 1_000;

export const checkRunRecordSchema = z.strictObject({
  /** The scan job whose result the run shows; also the run's external_id once written. */
  scanJobId: text(300).min(1),
  conclusion: z.enum(['success', 'failure']),
  /** The scan's output (Checks API limits: 65,535 characters each), without the response section. */
  output: z.strictObject({ title: text(1_000), summary: text(65_535), text: text(65_535).optional() }),
  /** Where the credentials' incident issues live, for their links. */
  incidentRepo: repoRef,
  /** The credentials the leak response covers, one per fingerprint, in the order found. */
  credentials: z
    .array(z.strictObject({ fingerprint: z.string().regex(/^[0-9a-f]{32}$/), title: text(200).min(1), redacted: text(100).min(1) }))
    .max(MAX_RECORDED_CREDENTIALS),
});

export type CheckRunRecord = z.infer<typeof checkRunRecordSchema>;

/** The commit a check run is on. */
export interface HeadCommit {
  owner: string;
  repo: string;
  headSha: string;
}

/**
 * What the last write of a head SHA's run sent: the run's id and a digest of what it shows. A job
 * run again (a worker killed after the write, before the job was marked done) that would send the
 * very same content skips the write.
 */
export const writtenCheckRunSchema = z.strictObject({ checkRunId: z.number().int().positive(), digest: z.string().regex(/^[0-9a-f]{64}$/) });

export type WrittenCheckRun = z.infer<typeof writtenCheckRunSchema>;

/** The records of check runs, one per head SHA, and the lock every write of a run holds. */
export interface CheckRunStore {
  get(commit: HeadCommit): Promise<CheckRunRecord | undefined>;
  save(commit: HeadCommit, record: CheckRunRecord): Promise<void>;
  /** What the last write of the run sent, if it was recorded. */
  written(commit: HeadCommit): Promise<WrittenCheckRun | undefined>;
  markWritten(commit: HeadCommit, written: WrittenCheckRun): Promise<void>;
  /** The run was written by other means (marked failed): the next write must not be skipped. */
  forgetWritten(commit: HeadCommit): Promise<void>;
  /** Runs `fn` while no other worker writes the check run of this commit. */
  lock<T>(commit: HeadCommit, fn: () => Promise<T>): Promise<T>;
}

/** `owner/repo@sha`: how stores name a head SHA's record and lock. */
export function headCommitKey(commit: HeadCommit): string {
  return `${commit.owner}/${commit.repo}@${commit.headSha}`;
}
