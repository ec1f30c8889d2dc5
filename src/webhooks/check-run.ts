// check_run.rerequested: someone pressed "Re-run" on leakstop's check run: scan its head SHA again.
import { z } from 'zod';
import { enqueueJobs, installationSchema, parsePayload, repositorySchema, shaSchema, type WebhookDelivery, type WebhookDeps } from './delivery.js';
import { rerunJob, suiteSchema } from './rerun.js';
import type { ScanJob } from '../queue/jobs.js';

export const checkRunPayloadSchema = z.object({
  action: z.literal('rerequested'),
  check_run: z.object({
    head_sha: shaSchema,
    app: z.object({ id: z.number().int().positive() }),
    check_suite: suiteSchema,
  }),
  sender: z.object({ login: z.string().min(1) }).optional(),
  repository: repositorySchema,
  installation: installationSchema,
});

export type CheckRunPayload = z.infer<typeof checkRunPayloadSchema>;

export function checkRunJobs(payload: CheckRunPayload, deliveryId: string, appId: number): ScanJob[] {
  // GitHub sends rerequested only to the app that made the run; checking costs nothing and guards it.
  if (payload.check_run.app.id !== appId) return [];
  return [
    rerunJob({
      deliveryId,
      installationId: payload.installation.id,
      repository: payload.repository,
      headSha: payload.check_run.head_sha,
      suite: payload.check_run.check_suite,
      requester: payload.sender?.login,
    }),
  ];
}

export async function onCheckRunRerequested(delivery: WebhookDelivery, deps: WebhookDeps): Promise<void> {
  const payload = parsePayload(checkRunPayloadSchema, delivery);
  await enqueueJobs(delivery, checkRunJobs(payload, delivery.id, deps.appId), deps, "another app's check run");
}
