// `/leakstop revoke` on an incident issue: which comments queue an approval (exactly which job),
// which are ignored and why, and the statuses a delivery fails with (400 malformed, 503 no response).
import { describe, expect, it } from 'vitest';
import { EnqueueError } from '../../src/queue/queues.js';
import { approvalJobSchema } from '../../src/queue/response-jobs.js';
import { INCIDENT_LABEL } from '../../src/report/incident-issue.js';
import type { WebhookDeps } from '../../src/webhooks/delivery.js';
import { isRevokeCommand, onIssueCommentCreated } from '../../src/webhooks/issue-comment.js';
import { actionIs, APP_ID, examplePayload, INSTALLATION_ID, deliverApproval, type ApprovalOutcome } from './helpers.js';

const DELIVERY = '3d5e1c40-7b3a-11ee-9b4f-2f8c1a6e0d11';

interface Comment {
  body: string;
  user: { login: string; type: string };
  performed_via_github_app?: { id: number } | null;
}
interface Issue {
  labels: { name: string }[];
  pull_request?: unknown;
}

/** GitHub's example comment, turned into `/leakstop revoke` on an issue labelled as an incident. */
function revokeComment(edit: (comment: Comment, issue: Issue) => void = () => {}): Record<string, unknown> {
  const payload = examplePayload('issue_comment', actionIs('created'));
  const comment = payload.comment as Comment;
  const issue = payload.issue as Issue;
  comment.body = '/leakstop revoke';
  issue.labels.push({ name: INCIDENT_LABEL });
  edit(comment, issue);
  return payload;
}

function deliver(payload: unknown, options: { id?: string; deps?: Partial<WebhookDeps> } = {}): Promise<ApprovalOutcome> {
  return deliverApproval(onIssueCommentCreated, 'issue_comment.created', payload, { id: options.id ?? DELIVERY, ...(options.deps === undefined ? {} : { deps: options.deps }) });
}

describe('/leakstop revoke comments', () => {
  it('queues an approval naming the commenter, the issue and the comment', async () => {
    const { queued } = await deliver(revokeComment());
    expect(queued).toEqual([
      {
        deliveryId: DELIVERY,
        installationId: INSTALLATION_ID,
        repository: { owner: 'Codertocat', repo: 'Hello-World' },
        requester: 'Codertocat',
        via: { kind: 'comment', issueNumber: 1, commentId: 492700400 },
      },
    ]);
    expect(approvalJobSchema.parse(queued[0])).toEqual(queued[0]);
  });

  it.each([
    '/leakstop revoke',
    '/LeakStop Revoke',
    '  /leakstop revoke  ',
    '/leakstop revoke the key is live, I checked',
    '/leakstop revoke: rotated the app already',
    '/leakstop revoke\r\nSecond line: whatever we say here.',
    '/leakstop   revoke',
  ])('reads %j as the command', (body) => {
    expect(isRevokeCommand(body)).toBe(true);
  });

  it.each([
    "You are totally right! I'll get this fixed right away.",
    '',
    '/leakstop',
    '/leakstop revoked',
    '/leakstop revoke-all',
    '/leakstoprevoke',
    'please /leakstop revoke',
    '> /leakstop revoke',
    'Thanks.\n/leakstop revoke',
  ])('does not read %j as the command', (body) => {
    expect(isRevokeCommand(body)).toBe(false);
  });

  it('queues nothing for a comment that is not the command, and says why', async () => {
    const outcome = await deliver(examplePayload('issue_comment', actionIs('created')));
    expect(outcome).toEqual({ queued: [], reasons: ['not a /leakstop revoke comment'] });
  });

  it('queues nothing for the command on a pull request', async () => {
    const payload = revokeComment((_, issue) => {
      issue.pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1', merged_at: null };
    });
    expect(await deliver(payload)).toEqual({ queued: [], reasons: ['a pull request comment: incidents are issues'] });
  });

  it('queues nothing for the command on an issue without the leakstop label', async () => {
    const payload = revokeComment((_, issue) => {
      issue.labels = [{ name: 'bug' }];
    });
    expect(await deliver(payload)).toEqual({ queued: [], reasons: ['the issue has no leakstop label: not an incident issue'] });
    const unlabelled = revokeComment((_, issue) => {
      delete (issue as Partial<Issue>).labels;
    });
    expect((await deliver(unlabelled)).queued).toEqual([]);
  });

  it('takes the label in any case: GitHub reuses an existing `Leakstop` label', async () => {
    const payload = revokeComment((_, issue) => {
      issue.labels = [{ name: 'Leakstop' }];
    });
    expect((await deliver(payload)).queued).toHaveLength(1);
  });

  it("queues nothing for a bot's comment, nor for one made through leakstop itself", async () => {
    const bot = revokeComment((comment) => {
      comment.user = { login: 'leakstop[bot]', type: 'Bot' };
    });
    expect(await deliver(bot)).toEqual({ queued: [], reasons: ['commented by a bot'] });
    const throughUs = revokeComment((comment) => {
      comment.performed_via_github_app = { id: APP_ID };
    });
    expect(await deliver(throughUs)).toEqual({ queued: [], reasons: ['commented through leakstop itself'] });
  });

  it('queues a person\'s comment made through another app: the person is the requester', async () => {
    const payload = revokeComment((comment) => {
      comment.performed_via_github_app = { id: APP_ID + 1000 };
    });
    expect((await deliver(payload)).queued).toMatchObject([{ requester: 'Codertocat' }]);
  });

  it('fails a malformed payload with status 400, naming the field', async () => {
    const payload = revokeComment((comment) => {
      delete (comment as Partial<Comment>).user;
    });
    const error = await deliver(payload).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidPayloadError', status: 400 });
    expect((error as Error).message).toMatch(/^issue_comment\.created payload is not what GitHub sends: comment\.user/);
    const noInstallation = revokeComment();
    delete noInstallation.installation;
    await expect(deliver(noInstallation)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/installation/) });
  });

  it('fails the command with status 503 when this server runs no leak response, and lets other comments pass', async () => {
    const disabled = { deps: { enqueueApproval: undefined } };
    const error = await deliver(revokeComment(), disabled).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ResponseDisabledError', status: 503 });
    expect((error as Error).message).toMatch(/leak response is not enabled on this server/);
    expect(await deliver(examplePayload('issue_comment', actionIs('created')), disabled)).toEqual({ queued: [], reasons: ['not a /leakstop revoke comment'] });
  });

  it('fails with status 503 when Redis did not take the approval', async () => {
    const refused = { deps: { enqueueApproval: () => Promise.reject(new EnqueueError('Redis did not store the job: connection refused')) } };
    await expect(deliver(revokeComment(), refused)).rejects.toMatchObject({ status: 503 });
  });

  it('builds the same job for a redelivery: the delivery id names it, so the queue stores it once', async () => {
    const first = await deliver(revokeComment(), { id: DELIVERY });
    const again = await deliver(revokeComment(), { id: DELIVERY });
    expect(again.queued).toEqual(first.queued);
    expect(first.queued[0]?.deliveryId).toBe(DELIVERY);
  });
});
