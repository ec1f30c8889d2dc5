// "Revoke now" on leakstop's check run: which presses queue an approval (exactly which job), which
// are ignored and why, and the statuses a delivery fails with (400 malformed, 503 no response).
import { describe, expect, it } from 'vitest';
import { EnqueueError } from '../../src/queue/queues.js';
import { approvalJobSchema } from '../../src/queue/response-jobs.js';
import { REVOKE_ACTION_IDENTIFIER } from '../../src/report/response-report.js';
import { onCheckRunRequestedAction } from '../../src/webhooks/check-run-action.js';
import type { WebhookDeps } from '../../src/webhooks/delivery.js';
import { actionIs, APP_ID, examplePayload, deliverApproval, type ApprovalOutcome } from './helpers.js';

const DELIVERY = '8f0b2a6c-7b3a-11ee-8c2d-5a1e9f3b7c42';
/** The check run and installation of GitHub's example requested_action payload. */
const CHECK_RUN_ID = 1494503112;
const EXAMPLE_INSTALLATION_ID = 690857;

interface CheckRun {
  id: number;
  app: { id: number };
}

/** GitHub's example (another app's "lgtm" button), turned into a press of our "Revoke now". */
function revokePress(edit: (payload: Record<string, unknown>, checkRun: CheckRun) => void = () => {}): Record<string, unknown> {
  const payload = examplePayload('check_run', actionIs('requested_action'));
  const checkRun = payload.check_run as CheckRun;
  checkRun.app.id = APP_ID;
  payload.requested_action = { identifier: REVOKE_ACTION_IDENTIFIER };
  edit(payload, checkRun);
  return payload;
}

function deliver(payload: unknown, options: { id?: string; deps?: Partial<WebhookDeps> } = {}): Promise<ApprovalOutcome> {
  return deliverApproval(onCheckRunRequestedAction, 'check_run.requested_action', payload, { id: options.id ?? DELIVERY, ...(options.deps === undefined ? {} : { deps: options.deps }) });
}

describe('"Revoke now" on the check run', () => {
  it('names its identifier within the 20 characters GitHub allows', () => {
    expect(REVOKE_ACTION_IDENTIFIER).toBe('leakstop-revoke');
    expect(REVOKE_ACTION_IDENTIFIER.length).toBeLessThanOrEqual(20);
  });

  it('queues an approval naming who pressed it and the check run', async () => {
    const { queued } = await deliver(revokePress());
    expect(queued).toEqual([
      {
        deliveryId: DELIVERY,
        installationId: EXAMPLE_INSTALLATION_ID,
        repository: { owner: 'electron', repo: 'electron' },
        requester: 'codebytere',
        via: { kind: 'check-run', checkRunId: CHECK_RUN_ID },
      },
    ]);
    expect(approvalJobSchema.parse(queued[0])).toEqual(queued[0]);
  });

  it("queues nothing for another app's check run, and says why", async () => {
    expect(await deliver(examplePayload('check_run', actionIs('requested_action')))).toEqual({ queued: [], reasons: ["another app's check run"] });
    const otherAppSameIdentifier = revokePress((_, checkRun) => {
      checkRun.app.id = APP_ID + 1;
    });
    expect(await deliver(otherAppSameIdentifier)).toEqual({ queued: [], reasons: ["another app's check run"] });
  });

  it.each(['lgtm|26764', 'leakstop-revoke-all', 'Leakstop-Revoke', ''])('queues nothing for our check run\'s action %j', async (identifier) => {
    const payload = revokePress((p) => {
      p.requested_action = { identifier };
    });
    expect(await deliver(payload)).toEqual({ queued: [], reasons: ['not the leakstop-revoke action'] });
  });

  it('fails a malformed payload with status 400, naming the field', async () => {
    const payload = revokePress((p) => {
      delete p.requested_action;
    });
    const error = await deliver(payload).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidPayloadError', status: 400 });
    expect((error as Error).message).toMatch(/^check_run\.requested_action payload is not what GitHub sends: requested_action/);
    const badId = revokePress((_, checkRun) => {
      (checkRun as { id: unknown }).id = String(CHECK_RUN_ID);
    });
    await expect(deliver(badId)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/check_run\.id/) });
  });

  it('fails the press with status 503 when this server runs no leak response, and lets other actions pass', async () => {
    const disabled = { deps: { enqueueApproval: undefined } };
    const error = await deliver(revokePress(), disabled).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ResponseDisabledError', status: 503 });
    expect((error as Error).message).toMatch(/leak response is not enabled on this server/);
    expect((await deliver(examplePayload('check_run', actionIs('requested_action')), disabled)).queued).toEqual([]);
  });

  it('fails with status 503 when Redis did not take the approval', async () => {
    const refused = { deps: { enqueueApproval: () => Promise.reject(new EnqueueError('Redis did not store the job: connection refused')) } };
    await expect(deliver(revokePress(), refused)).rejects.toMatchObject({ status: 503 });
  });

  it('builds the same job for a redelivery: the delivery id names it, so the queue stores it once', async () => {
    const first = await deliver(revokePress(), { id: DELIVERY });
    const again = await deliver(revokePress(), { id: DELIVERY });
    expect(again.queued).toEqual(first.queued);
    expect(first.queued[0]?.deliveryId).toBe(DELIVERY);
  });
});
