// What a queued scan is: the facts a webhook gave us, validated on both sides of Redis. Job data
// holds ids, SHAs and names only, never a credential (the worker authenticates for itself).
import { z } from 'zod';

const SHA_PATTERN = /^[0-9a-f]{40}$/;
const sha = z.string().regex(SHA_PATTERN, { error: 'must be a 40-character hex commit SHA' });

export const SCAN_KINDS = ['push', 'pull_request', 'rerun', 'backfill'] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

export const scanJobSchema = z
  .strictObject({
    kind: z.enum(SCAN_KINDS),
    /** X-GitHub-Delivery of the webhook that queued the job (a GUID). */
    deliveryId: z.string().min(1).max(100),
    installationId: z.number().int().positive(),
    repository: z.strictObject({
      owner: z.string().min(1).max(100),
      name: z.string().min(1).max(100),
      id: z.number().int().positive(),
      /** Empty for a backfill: installation payloads do not carry it, and a backfill reads every branch. */
      defaultBranch: z.string().max(255),
      private: z.boolean(),
    }),
    /** The commit the check run is reported on; empty for a backfill, which reads every branch and tag and has no check run. */
    headSha: z.union([sha, z.literal('')]),
    ref: z.string().min(1).max(300).optional(),
    before: sha.optional(),
    forced: z.boolean().optional(),
    createdBranch: z.boolean().optional(),
    /** The push payload's distinct commits, possibly truncated (see commitsTruncated). */
    commitShas: z.array(sha).max(5000),
    commitsTruncated: z.boolean().optional(),
    /** Login (or, for pushes, the name GitHub reports) of who pushed or opened the pull request. */
    pusher: z.string().min(1).max(255).optional(),
    pullRequest: z
      .strictObject({
        number: z.number().int().positive(),
        baseSha: sha,
        headRepoFullName: z.string().min(3).max(201),
      })
      .optional(),
  })
  .refine((job) => job.kind === 'backfill' || job.headSha !== '', { error: 'headSha is required except for a backfill', path: ['headSha'] })
  .refine((job) => job.kind !== 'pull_request' || job.pullRequest !== undefined, {
    error: 'a pull_request job needs pullRequest',
    path: ['pullRequest'],
  });

export type ScanJob = z.infer<typeof scanJobSchema>;

/**
 * BullMQ job id: the delivery id and what it scans, so a redelivered webhook (same delivery id)
 * finds the job already there and adds nothing. BullMQ forbids ':' in custom ids; GUIDs have none.
 */
export function scanJobId(job: ScanJob): string {
  const subject = job.kind === 'backfill' ? `repo${job.repository.id}` : job.headSha;
  return `${job.deliveryId}-${subject}`.replaceAll(':', '_');
}

/** `owner/name`, as GitHub and our incident keys spell it. */
export function repoFullName(job: Pick<ScanJob, 'repository'>): string {
  return `${job.repository.owner}/${job.repository.name}`;
}
