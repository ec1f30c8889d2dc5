// check_suite.rerequested: someone pressed "Re-run all checks": scan the suite's head SHA again.
// (check_suite.requested is not handled: it duplicates the push event we already scan.)
import { z } from 'zod';
import { enqueueJobs, installationSchema, parsePayload, repositorySchema, shaSchema, type WebhookDelivery, type WebhookDeps } from './delivery.js';
import { rerunJob, suiteSchema } from './rerun.js';
import type { ScanJob } from '../queue/jobs.js';

export const checkSuitePayloadSchema = z.object({
  action: z.literal('rerequested'),
  check_suite: suiteSchema.extend({
    head_sha: shaSchema,
    app: z.object({ id: z.number().int().positive() }),
  }),
  sender: z.object({ login: z.string().min(1) }).optional(),
  repository: repositorySchema,
  installation: installationSchema,
});

export type CheckSuitePayload = z.infer<typeof checkSuitePayloadSchema>;

export function checkSuiteJobs(payload: CheckSuitePayload, deliveryId: string, appId: number): ScanJob[] {
  if (payload.check_suite.app.id !== appId) return [];
  return [
    rerunJob({
      deliveryId,
      installationId: payload.installation.id,
      repository: payload.repository,
      headSha: payload.check_suite.head_sha,
      suite: payload.check_suite,
      requester: payload.sender?.login,
    }),
  ];
}

export async function onCheckSuiteRerequested(delivery: WebhookDelivery, deps: WebhookDeps): Promise<void> {
  const payload = parsePayload(checkSuitePayloadSchema, delivery);
  await enqueueJobs(delivery, checkSuiteJobs(payload, delivery.id, deps.appId), deps, "another app's check suite");
}
