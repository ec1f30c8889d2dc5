// The worker of the `respond` queue hands each job here, and it goes to its kind by name: a step of one
// credential (process-step-job.ts), the response report of a run (process-response-report-job.ts), or
// an approval (process-approval-job.ts).
import { UnrecoverableError } from 'bullmq';
import type { z } from 'zod';
import { processApprovalJob, type ApprovalJobDeps, type ApprovalOutcome } from './process-approval-job.js';
import { processResponseReportJob, type ResponseReportJobDeps, type ResponseReportOutcome } from './process-response-report-job.js';
import { processStepJob, type StepJobDeps, type StepJobOutcome } from './process-step-job.js';
import { parseJobData } from './queued-job.js';
import { approvalJobSchema, credentialJobSchema, LEGACY_RESPONSE_REPORT, RESPONSE_REPORT, responseReportJobSchema } from './response-jobs.js';
import { asQueueError } from './retry.js';

export type ResponseJobDeps = StepJobDeps & ResponseReportJobDeps & ApprovalJobDeps;

export interface ResponseQueuedJob {
  id?: string | undefined;
  name: string;
  data: unknown;
  attemptsMade: number;
  opts?: { attempts?: number | undefined };
}

/** What a finished job leaves in Redis: statuses, never a secret or a provider's words. */
export type ResponseJobOutcome = StepJobOutcome | ResponseReportOutcome | ApprovalOutcome;

export async function processResponseJob(job: ResponseQueuedJob, deps: ResponseJobDeps): Promise<ResponseJobOutcome> {
  const lastAttempt = job.attemptsMade + 1 >= (job.opts?.attempts ?? 1);
  switch (job.name) {
    case 'verify':
    case 'revoke':
    case 'rotate':
    case 'activity':
      return processStepJob(job.name, parse(credentialJobSchema, job), deps, lastAttempt, job.id);
    // GitHub's permanent refusals (a deleted issue, a lost permission) end these jobs at once.
    case RESPONSE_REPORT:
    case LEGACY_RESPONSE_REPORT:
      return processResponseReportJob(parse(responseReportJobSchema, job), deps, lastAttempt, job.id).catch(rethrowForQueue);
    case 'approve':
      return processApprovalJob(parse(approvalJobSchema, job), deps, job.id).catch(rethrowForQueue);
    default:
      throw new UnrecoverableError(`unknown response job '${job.name}'`);
  }
}

function rethrowForQueue(error: unknown): never {
  throw asQueueError(error);
}

function parse<T extends z.ZodType>(schema: T, job: ResponseQueuedJob): z.infer<T> {
  return parseJobData(schema, job.data, `a ${job.name} job`);
}
