// A re-run requested from GitHub's checks UI (one check run, or the whole suite): scan the same
// commits again. What the suite knows about the push (branch, before) and its pull request goes
// into the job so the worker picks the same commits as the first scan did.
import { z } from 'zod';
import type { ScanJob } from '../queue/jobs.js';
import { jobRepository, shaSchema, ZERO_SHA, type RepositoryPayload } from './delivery.js';

/** The suite fields shared by check_run.check_suite and check_suite payloads. */
export const suiteSchema = z.object({
  head_branch: z.string().min(1).nullable(),
  before: shaSchema.nullable(),
  pull_requests: z.array(
    z.object({
      number: z.number().int().positive(),
      head: z.object({ sha: shaSchema }),
      base: z.object({ sha: shaSchema }),
    }),
  ),
});

export interface RerunRequest {
  deliveryId: string;
  installationId: number;
  repository: RepositoryPayload;
  headSha: string;
  suite: z.infer<typeof suiteSchema>;
  requester: string | undefined;
}

export function rerunJob(request: RerunRequest): ScanJob {
  const { suite, headSha } = request;
  // GitHub lists only pull requests from the same repository here; one whose head is this SHA is it.
  const pr = suite.pull_requests.find((candidate) => candidate.head.sha === headSha);
  const before = suite.before ?? undefined;
  return {
    kind: 'rerun',
    deliveryId: request.deliveryId,
    installationId: request.installationId,
    repository: jobRepository(request.repository),
    headSha,
    ...(suite.head_branch === null ? {} : { ref: `refs/heads/${suite.head_branch}` }),
    ...(before === undefined ? {} : { before, createdBranch: before === ZERO_SHA }),
    commitShas: [],
    ...(request.requester === undefined ? {} : { pusher: request.requester }),
    ...(pr === undefined ? {} : { pullRequest: { number: pr.number, baseSha: pr.base.sha, headRepoFullName: request.repository.full_name } }),
  };
}
