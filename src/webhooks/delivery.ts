// What every webhook handler shares: the delivery it was given, the narrow payload schemas, the
// error that answers a malformed payload with 400, and the steps that queue the jobs and log it.
import { z } from 'zod';
import type { Logger } from '../log.js';
import type { ScanJob } from '../queue/jobs.js';
import type { ApprovalJob } from '../queue/response-jobs.js';

/** One webhook delivery as a handler sees it: its X-GitHub-Delivery id, the payload, its logger. */
export interface WebhookDelivery {
  id: string;
  event: string;
  payload: unknown;
  log: Logger;
}

export interface WebhookDeps {
  /** Stores the jobs in Redis; rejects (with status 503) if Redis did not take them. */
  enqueue: (jobs: readonly ScanJob[]) => Promise<string[]>;
  /**
   * Stores a revocation approval in Redis and resolves with its job id; rejects (with status 503) if
   * Redis did not take it. Absent when this server runs no leak response: approvals are refused.
   */
  enqueueApproval?: (job: ApprovalJob) => Promise<string>;
  /** Our GitHub App's id: check run and suite events of other apps are not ours to re-run. */
  appId: number;
  /**
   * Records that Redis holds this delivery's work (or that it needed none), for webhook
   * reconciliation to tell it from one that Redis lost. Absent when reconciliation is off.
   */
  recordQueued?: (deliveryId: string) => Promise<void>;
}

/**
 * A payload without the fields we need can never succeed on redelivery, so it is answered 400 (the
 * delivery shows as failed in the app's settings, with this message) rather than 5xx.
 */
export class InvalidPayloadError extends Error {
  override name = 'InvalidPayloadError';
  /** @octokit/webhooks answers a handler error with its `status`. */
  readonly status = 400;
}

/**
 * Someone asked for a revocation but this server runs no leak response. 503, not 200: the delivery
 * shows as failed in the app's settings, and can be redelivered once the response is enabled.
 */
export class ResponseDisabledError extends Error {
  override name = 'ResponseDisabledError';
  readonly status = 503;
}

export const ZERO_SHA = '0000000000000000000000000000000000000000';
export const shaSchema = z.string().regex(/^[0-9a-f]{40}$/, { error: 'must be a 40-character hex commit SHA' });

export const installationSchema = z.object({ id: z.number().int().positive() }, { error: 'is missing: is this delivery from a GitHub App installation?' });

/** The repository fields a job needs, from the `repository` object GitHub sends with most events. */
export const repositorySchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  full_name: z.string().min(3),
  private: z.boolean(),
  default_branch: z.string().min(1),
  owner: z.object({ login: z.string().min(1) }),
});

export type RepositoryPayload = z.infer<typeof repositorySchema>;

export function jobRepository(repository: RepositoryPayload): ScanJob['repository'] {
  return {
    owner: repository.owner.login,
    name: repository.name,
    id: repository.id,
    defaultBranch: repository.default_branch,
    private: repository.private,
  };
}

/** A GitHub login, within the bounds the approval job accepts. */
export const loginSchema = z.string().min(1).max(100);

/** What an approval needs of the `repository` object: where the check run or incident issue is. */
export const approvalRepositorySchema = z.object({
  name: z.string().min(1).max(100),
  owner: z.object({ login: loginSchema }),
});

export function approvalRepository(repository: z.infer<typeof approvalRepositorySchema>): ApprovalJob['repository'] {
  return { owner: repository.owner.login, repo: repository.name };
}

/** What a delivery that may approve a revocation comes to: the approval to queue, or why there is none. */
export type ApprovalRequest = { approval: ApprovalJob } | { ignored: string };

/** Parses the payload or throws InvalidPayloadError naming each bad field (never echoing values). */
export function parsePayload<T extends z.ZodType>(schema: T, delivery: WebhookDelivery): z.infer<T> {
  const result = schema.safeParse(delivery.payload);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(payload)'} ${issue.message}`);
  throw new InvalidPayloadError(`${delivery.event} payload is not what GitHub sends: ${problems.join('; ')}`);
}

/** Queues the jobs (nothing to queue is fine: a deleted branch, another app's check run). */
export async function enqueueJobs(delivery: WebhookDelivery, jobs: readonly ScanJob[], deps: WebhookDeps, nothingToDo: string): Promise<void> {
  if (jobs.length === 0) {
    delivery.log.info({ reason: nothingToDo }, 'nothing to scan');
    await recordQueued(delivery, deps);
    return;
  }
  const jobIds = await deps.enqueue(jobs);
  delivery.log.info({ jobIds: jobIds.length > 5 ? `${jobIds.length} jobs` : jobIds }, 'scan queued');
  await recordQueued(delivery, deps);
}

/**
 * The work is in Redis by now, so the delivery is acknowledged even if the record fails: then
 * reconciliation asks GitHub to redeliver it, and the job ids make that redelivery add nothing.
 */
async function recordQueued(delivery: WebhookDelivery, deps: WebhookDeps): Promise<void> {
  if (deps.recordQueued === undefined) return;
  try {
    await deps.recordQueued(delivery.id);
  } catch (error) {
    delivery.log.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'could not record the delivery as queued: reconciliation may ask GitHub to redeliver it (harmless)');
  }
}

/** Queues the approval (nothing when the delivery asks for none); the worker decides whether the requester may. */
export async function enqueueApprovalRequest(delivery: WebhookDelivery, request: ApprovalRequest, deps: WebhookDeps): Promise<void> {
  if ('ignored' in request) {
    delivery.log.info({ reason: request.ignored }, 'no revocation requested');
    await recordQueued(delivery, deps);
    return;
  }
  const { approval } = request;
  if (deps.enqueueApproval === undefined) {
    throw new ResponseDisabledError(
      `${approval.requester} asked to revoke, but leak response is not enabled on this server: ask its operator to enable it, then redeliver this webhook from the app's advanced settings`,
    );
  }
  const jobId = await deps.enqueueApproval(approval);
  delivery.log.info({ jobId, requester: approval.requester, via: approval.via.kind, repository: `${approval.repository.owner}/${approval.repository.repo}` }, 'revocation approval queued');
  await recordQueued(delivery, deps);
}
