// issue_comment.created: `/leakstop revoke` commented on an incident issue approves revoking its
// leaked credential. Only queued here; the worker checks that the commenter may approve.
import { z } from 'zod';
import { INCIDENT_LABEL } from '../report/incident-issue.js';
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

/**
 * The command on the comment's first line; a reason may follow (`/leakstop revoke rotated already`).
 * `/leakstop revoked` or `/leakstop revoke-all` is another word, not this command.
 */
const REVOKE_COMMAND = /^\/leakstop[ \t]+revoke(?![\w-])/i;

export const issueCommentPayloadSchema = z.object({
  action: z.literal('created'),
  issue: z.object({
    number: z.number().int().positive(),
    labels: z.array(z.object({ name: z.string() })).default([]),
    // Present only when the issue is a pull request: its comments arrive as issue comments too.
    pull_request: z.unknown().optional(),
  }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string(),
    user: z.object({ login: loginSchema, type: z.string() }),
    performed_via_github_app: z.object({ id: z.number().int() }).nullish(),
  }),
  repository: approvalRepositorySchema,
  installation: installationSchema,
});

export type IssueCommentPayload = z.infer<typeof issueCommentPayloadSchema>;

export function isRevokeCommand(body: string): boolean {
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  return REVOKE_COMMAND.test(firstLine.trim());
}

function hasIncidentLabel(labels: readonly { name: string }[]): boolean {
  // GitHub label names are unique ignoring case: an existing `Leakstop` label is the one we apply.
  return labels.some((label) => label.name.toLowerCase() === INCIDENT_LABEL.toLowerCase());
}

export function commentApproval(payload: IssueCommentPayload, deliveryId: string, appId: number): ApprovalRequest {
  const { issue, comment } = payload;
  if (!isRevokeCommand(comment.body)) return { ignored: 'not a /leakstop revoke comment' };
  if (issue.pull_request !== undefined && issue.pull_request !== null) return { ignored: 'a pull request comment: incidents are issues' };
  if (!hasIncidentLabel(issue.labels)) return { ignored: `the issue has no ${INCIDENT_LABEL} label: not an incident issue` };
  // A bot quoting the command (our own timeline included) must never approve anything.
  if (comment.user.type === 'Bot') return { ignored: 'commented by a bot' };
  if (comment.performed_via_github_app?.id === appId) return { ignored: 'commented through leakstop itself' };
  return {
    approval: {
      deliveryId,
      installationId: payload.installation.id,
      repository: approvalRepository(payload.repository),
      requester: comment.user.login,
      via: { kind: 'comment', issueNumber: issue.number, commentId: comment.id },
    },
  };
}

export async function onIssueCommentCreated(delivery: WebhookDelivery, deps: WebhookDeps): Promise<void> {
  const payload = parsePayload(issueCommentPayloadSchema, delivery);
  await enqueueApprovalRequest(delivery, commentApproval(payload, delivery.id, deps.appId), deps);
}
