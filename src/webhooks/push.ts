// push: queue a scan of the push's new commits. A deleted branch or tag, and a push that brings no
// commit GitHub has not seen before (a tag or branch created on an existing commit, a rewind),
// queue nothing.
import { z } from 'zod';
import type { ScanJob } from '../queue/jobs.js';
import { enqueueJobs, installationSchema, jobRepository, parsePayload, repositorySchema, shaSchema, ZERO_SHA, type WebhookDelivery, type WebhookDeps } from './delivery.js';

/** GitHub lists at most this many commits in a push payload; a full list may have been cut. */
export const PUSH_PAYLOAD_COMMIT_LIMIT = 2048;

export const pushPayloadSchema = z.object({
  ref: z.string().min(1),
  before: shaSchema,
  after: shaSchema,
  created: z.boolean(),
  deleted: z.boolean(),
  forced: z.boolean(),
  commits: z.array(z.object({ id: shaSchema, distinct: z.boolean() })),
  pusher: z.object({ name: z.string().min(1) }),
  sender: z.object({ login: z.string().min(1) }).optional(),
  repository: repositorySchema,
  installation: installationSchema,
});

export type PushPayload = z.infer<typeof pushPayloadSchema>;

export function pushJobs(payload: PushPayload, deliveryId: string): ScanJob[] {
  if (payload.deleted || payload.after === ZERO_SHA) return [];
  // `distinct` is false for commits already pushed to another ref: they were scanned then.
  const commitShas = [...new Set(payload.commits.filter((commit) => commit.distinct).map((commit) => commit.id))];
  const commitsTruncated = payload.commits.length >= PUSH_PAYLOAD_COMMIT_LIMIT;
  if (commitShas.length === 0 && !commitsTruncated) return [];
  return [
    {
      kind: 'push',
      deliveryId,
      installationId: payload.installation.id,
      repository: jobRepository(payload.repository),
      headSha: payload.after,
      ref: payload.ref,
      before: payload.before,
      forced: payload.forced,
      createdBranch: payload.created,
      commitShas,
      ...(commitsTruncated ? { commitsTruncated } : {}),
      pusher: payload.sender?.login ?? payload.pusher.name,
    },
  ];
}

export async function onPush(delivery: WebhookDelivery, deps: WebhookDeps): Promise<void> {
  const payload = parsePayload(pushPayloadSchema, delivery);
  const reason = payload.deleted ? 'ref deleted' : 'no new commits';
  await enqueueJobs(delivery, pushJobs(payload, delivery.id), deps, reason);
}
