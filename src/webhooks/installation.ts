// installation.created: the app was installed: queue a full-history backfill of every repository it
// can see. The backfill queue's rate limit spaces them out; nothing is read from GitHub here.
import { z } from 'zod';
import type { ScanJob } from '../queue/jobs.js';
import { enqueueJobs, installationSchema, parsePayload, type WebhookDelivery, type WebhookDeps } from './delivery.js';

/** A repository as installation payloads list it: no default branch, no head (a backfill needs neither). */
export const installedRepositorySchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  full_name: z.string().regex(/^[^/\s]{1,100}\/[^/\s]{1,100}$/, { error: "must be 'owner/name'" }),
  private: z.boolean(),
});

export type InstalledRepository = z.infer<typeof installedRepositorySchema>;

export const installationPayloadSchema = z.object({
  action: z.literal('created'),
  installation: installationSchema,
  // Absent when the installation covers no repository yet.
  repositories: z.array(installedRepositorySchema).optional(),
});

export function backfillJobs(installationId: number, repositories: readonly InstalledRepository[], deliveryId: string): ScanJob[] {
  return repositories.map((repository) => ({
    kind: 'backfill',
    deliveryId,
    installationId,
    repository: {
      owner: repository.full_name.slice(0, repository.full_name.indexOf('/')),
      name: repository.name,
      id: repository.id,
      defaultBranch: '',
      private: repository.private,
    },
    headSha: '',
    commitShas: [],
  }));
}

export async function onInstallationCreated(delivery: WebhookDelivery, deps: WebhookDeps): Promise<void> {
  const payload = parsePayload(installationPayloadSchema, delivery);
  await enqueueJobs(delivery, backfillJobs(payload.installation.id, payload.repositories ?? [], delivery.id), deps, 'no repositories installed');
}
