// pull_request opened, synchronize, reopened: queue a scan of the pull request's commits, reported
// on its head SHA. Forks work: the commits are read through the base repository.
import { z } from 'zod';
import type { ScanJob } from '../queue/jobs.js';
import { enqueueJobs, installationSchema, jobRepository, parsePayload, repositorySchema, shaSchema, type WebhookDelivery, type WebhookDeps } from './delivery.js';

export const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened'] as const;

export const pullRequestPayloadSchema = z.object({
  action: z.enum(PULL_REQUEST_ACTIONS),
  number: z.number().int().positive(),
  pull_request: z.object({
    head: z.object({
      sha: shaSchema,
      // null when the fork the pull request came from has been deleted.
      repo: z.object({ full_name: z.string().min(3) }).nullable(),
    }),
    base: z.object({ sha: shaSchema }),
  }),
  sender: z.object({ login: z.string().min(1) }),
  repository: repositorySchema,
  installation: installationSchema,
});

export type PullRequestPayload = z.infer<typeof pullRequestPayloadSchema>;

export function pullRequestJobs(payload: PullRequestPayload, deliveryId: string): ScanJob[] {
  const { number, pull_request: pr } = payload;
  return [
    {
      kind: 'pull_request',
      deliveryId,
      installationId: payload.installation.id,
      repository: jobRepository(payload.repository),
      headSha: pr.head.sha,
      // The ref GitHub keeps in the base repository for the PR's head, for forks too.
      ref: `refs/pull/${number}/head`,
      commitShas: [],
      pusher: payload.sender.login,
      pullRequest: { number, baseSha: pr.base.sha, headRepoFullName: pr.head.repo?.full_name ?? payload.repository.full_name },
    },
  ];
}

export async function onPullRequest(delivery: WebhookDelivery, deps: WebhookDeps): Promise<void> {
  const payload = parsePayload(pullRequestPayloadSchema, delivery);
  await enqueueJobs(delivery, pullRequestJobs(payload, delivery.id), deps, 'no pull request to scan');
}
