// The Probot app: wires each webhook event to its handler in src/webhooks/, which validates the
// payload and queues a job (a scan, or the approval of a revocation). Nothing here scans or calls
// GitHub: the request stays small and fast, and a webhook is acknowledged only once Redis holds its job.
import type { ApplicationFunction, Context } from 'probot';
import { deliveryLogger, type Logger } from './log.js';
import { onCheckRunRequestedAction } from './webhooks/check-run-action.js';
import { onCheckRunRerequested } from './webhooks/check-run.js';
import { onCheckSuiteRerequested } from './webhooks/check-suite.js';
import type { WebhookDelivery, WebhookDeps } from './webhooks/delivery.js';
import { onInstallationRepositoriesAdded } from './webhooks/installation-repositories.js';
import { onInstallationCreated } from './webhooks/installation.js';
import { onIssueCommentCreated } from './webhooks/issue-comment.js';
import { onPullRequest } from './webhooks/pull-request.js';
import { onPush } from './webhooks/push.js';

export interface LeakstopAppDeps extends WebhookDeps {
  log: Logger;
}

export function leakstopApp(deps: LeakstopAppDeps): ApplicationFunction {
  const handle =
    (handler: (delivery: WebhookDelivery, deps: WebhookDeps) => Promise<void>) =>
    (context: Context): Promise<void> =>
      handler(toDelivery(context, deps.log), deps);

  return (app) => {
    app.on('push', handle(onPush));
    app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened'], handle(onPullRequest));
    app.on('check_run.rerequested', handle(onCheckRunRerequested));
    app.on('check_suite.rerequested', handle(onCheckSuiteRerequested));
    app.on('installation.created', handle(onInstallationCreated));
    app.on('installation_repositories.added', handle(onInstallationRepositoriesAdded));
    // Approvals of a revocation the repository's config left waiting (`response.revoke: approve`).
    app.on('check_run.requested_action', handle(onCheckRunRequestedAction));
    app.on('issue_comment.created', handle(onIssueCommentCreated));
  };
}

function toDelivery(context: Context, log: Logger): WebhookDelivery {
  const payload: unknown = context.payload;
  const action = typeof payload === 'object' && payload !== null && 'action' in payload ? `.${String(payload.action)}` : '';
  const event = `${context.name}${action}`;
  return { id: context.id, event, payload, log: deliveryLogger(log, { id: context.id, event }) };
}
