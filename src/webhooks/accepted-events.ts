// Which deliveries the endpoint takes: the events app.yml subscribes to, those GitHub sends every
// app unasked, and `ping`; and, for each, the few fields every payload of that event carries, so a
// delivery whose X-GitHub-Event header names another event than its payload is refused (400).
import { emitterEventNames } from '@octokit/webhooks';
import { z } from 'zod';

/** app.yml's `default_events`: what an installation sends because we asked. */
export const SUBSCRIBED_EVENTS = ['push', 'pull_request', 'check_run', 'check_suite', 'issue_comment'] as const;

/** What GitHub delivers to every GitHub App without a subscription, and the hook's own `ping`. */
export const ALWAYS_DELIVERED_EVENTS = ['ping', 'installation', 'installation_repositories', 'installation_target', 'github_app_authorization', 'meta'] as const;

export type AcceptedEvent = (typeof SUBSCRIBED_EVENTS)[number] | (typeof ALWAYS_DELIVERED_EVENTS)[number];

/** The actions @octokit/webhooks knows for `event` (its list follows GitHub's webhook schema). */
function actionOf(event: AcceptedEvent): z.ZodEnum {
  const actions = emitterEventNames.filter((name) => name.startsWith(`${event}.`)).map((name) => name.slice(event.length + 1));
  return z.enum(actions);
}

const appInstallation = z.object({ id: z.number(), app_id: z.number(), account: z.object({}) });

/** The fields that tell one event's payload from another's; everything else is the handlers' to check. */
const EVENT_SHAPES: Record<AcceptedEvent, z.ZodType> = {
  ping: z.object({ zen: z.string(), hook_id: z.number() }),
  push: z.object({ action: z.never().optional(), ref: z.string(), before: z.string(), after: z.string(), commits: z.array(z.unknown()) }),
  pull_request: z.object({ action: actionOf('pull_request'), number: z.number(), pull_request: z.object({ head: z.object({ sha: z.string() }) }) }),
  check_run: z.object({ action: actionOf('check_run'), check_run: z.object({ id: z.number(), head_sha: z.string() }) }),
  check_suite: z.object({ action: actionOf('check_suite'), check_suite: z.object({ id: z.number(), head_sha: z.string() }) }),
  issue_comment: z.object({ action: actionOf('issue_comment'), issue: z.object({ number: z.number() }), comment: z.object({ id: z.number() }) }),
  installation: z.object({ action: actionOf('installation'), installation: appInstallation }),
  installation_repositories: z.object({
    action: actionOf('installation_repositories'),
    installation: appInstallation,
    repositories_added: z.array(z.unknown()),
    repositories_removed: z.array(z.unknown()),
  }),
  installation_target: z.object({ action: actionOf('installation_target'), account: z.object({}), target_type: z.string() }),
  github_app_authorization: z.object({ action: actionOf('github_app_authorization'), sender: z.object({ login: z.string() }) }),
  meta: z.object({ action: actionOf('meta'), hook_id: z.number(), hook: z.object({}) }),
};

const ACCEPTED = new Set<string>([...SUBSCRIBED_EVENTS, ...ALWAYS_DELIVERED_EVENTS]);

export function isAcceptedEvent(event: string): event is AcceptedEvent {
  return ACCEPTED.has(event);
}

/** Whether `payload` has what every payload of `event` has (a push has commits, a pull_request event a pull request). */
export function payloadFitsEvent(event: AcceptedEvent, payload: unknown): boolean {
  return EVENT_SHAPES[event].safeParse(payload).success;
}
