// check_run.requested_action: someone pressed "Revoke now" on leakstop's check run, approving the
// revocation of the leaked credentials it reported. Only queued here; the worker checks that the
// person who pressed it may approve.
import { z } from 'zod';
import { REVOKE_ACTION_IDENTIFIER } from '../report/response-report.js';
import {
  approvalRepository,
  approvalRepositorySchema,
  enqueueApprovalRequest,
  installationSchema,
  loginSchema,
  parsePayload,
  type ApprovalRequest,
  type WebhookDelivery,
  type WebhookDeps,
} from './delivery.js';

export const checkRunActionPayloadSchema = z.object({
  action: z.literal('requested_action'),
  check_run: z.object({
    id: z.number().int().positive(),
    app: z.object({ id: z.number().int().positive() }),
  }),
  requested_action: z.object({ identifier: z.string() }),
  sender: z.object({ login: loginSchema }),
  repository: approvalRepositorySchema,
  installation: installationSchema,
});

export type CheckRunActionPayload = z.infer<typeof checkRunActionPayloadSchema>;

export function checkRunActionApproval(payload: CheckRunActionPayload, deliveryId: string, appId: number): ApprovalRequest {
  // GitHub sends requested_action only to the app that made the run; checking costs nothing and guards it.
  if (payload.check_run.app.id !== appId) return { ignored: "another app's check run" };
  if (payload.requested_action.identifier !== REVOKE_ACTION_IDENTIFIER) return { ignored: `not the ${REVOKE_ACTION_IDENTIFIER} action` };
  return {
    approval: {
      deliveryId,
      installationId: payload.installation.id,
      repository: approvalRepository(payload.repository),
      requester: payload.sender.login,
      via: { kind: 'check-run', checkRunId: payload.check_run.id },
    },
  };
}

export async function onCheckRunRequestedAction(delivery: WebhookDelivery, deps: WebhookDeps): Promise<void> {
  const payload = parsePayload(checkRunActionPayloadSchema, delivery);
  await enqueueApprovalRequest(delivery, checkRunActionApproval(payload, delivery.id, deps.appId), deps);
}
