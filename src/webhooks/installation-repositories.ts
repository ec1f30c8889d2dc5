// installation_repositories.added: repositories were added to an installation: backfill each one.
import { z } from 'zod';
import { enqueueJobs, installationSchema, parsePayload, type WebhookDelivery, type WebhookDeps } from './delivery.js';
import { backfillJobs, installedRepositorySchema } from './installation.js';

export const installationRepositoriesPayloadSchema = z.object({
  action: z.literal('added'),
  installation: installationSchema,
  repositories_added: z.array(installedRepositorySchema),
});

export async function onInstallationRepositoriesAdded(delivery: WebhookDelivery, deps: WebhookDeps): Promise<void> {
  const payload = parsePayload(installationRepositoriesPayloadSchema, delivery);
  await enqueueJobs(delivery, backfillJobs(payload.installation.id, payload.repositories_added, delivery.id), deps, 'no repositories added');
}
