// Webhook reconciliation: what any outage lost (a Redis restart without persistence, a web process
// down, a 5xx) is found in GitHub's list of the app's webhook deliveries and redelivered. Compares the
// recent deliveries of the events leakstop handles (GET /app/hook/deliveries, app JWT) with the
// deliveries whose work Redis holds (queue/redis-delivery-log.ts), and asks GitHub to redeliver each
// missing one once (POST /app/hook/deliveries/{id}/attempts). Bounded by a window, a page count and
// a budget of redeliveries per run; one process at a time runs it, under a Redis lock.
import { z } from 'zod';
import { errorSummary } from '../error-summary.js';
import { PER_PAGE, type GitHubClient } from '../github/client.js';
import type { Logger } from '../log.js';
import type { RedisClient } from '../queue/redis-connection.js';
import type { RedisDeliveryLog } from '../queue/redis-delivery-log.js';
import { LockTimeoutError, withRedisLock } from '../queue/redis-lock.js';

/** The events and actions leakstop queues work for (app.ts); `null` lists every action. */
export const HANDLED_WEBHOOKS: Readonly<Record<string, readonly string[] | null>> = {
  push: null,
  pull_request: ['opened', 'synchronize', 'reopened'],
  check_run: ['rerequested', 'requested_action'],
  check_suite: ['rerequested'],
  installation: ['created'],
  installation_repositories: ['added'],
  issue_comment: ['created'],
};

export interface ReconcileSettings {
  /** How far back deliveries are compared; the delivery log keeps its records longer than this. */
  windowMs: number;
  /** Deliveries younger than this may still be in flight: left to the next run. */
  settleMs: number;
  /** Pages of 100 deliveries read per run at most. */
  maxPages: number;
  /** Redeliveries asked for per run at most; the rest wait for the next run. */
  maxRedeliveries: number;
}

export const DEFAULT_RECONCILE_SETTINGS: ReconcileSettings = { windowMs: 60 * 60_000, settleMs: 2 * 60_000, maxPages: 10, maxRedeliveries: 50 };

/** How long the delivery log keeps a record: the window, and the settle time and a margin beyond it. */
export function deliveryLogTtlMs(settings: ReconcileSettings): number {
  return settings.windowMs + settings.settleMs + 10 * 60_000;
}

/** The fields we use of GitHub's `hook-delivery-item`, checked at the boundary. */
const hookDeliverySchema = z.object({
  id: z.number().int().positive(),
  guid: z.string().min(1).max(100),
  delivered_at: z.iso.datetime({ offset: true }),
  redelivery: z.boolean(),
  status_code: z.number().int(),
  event: z.string(),
  action: z.string().nullable(),
});
type HookDelivery = z.infer<typeof hookDeliverySchema>;

export interface ReconcileDeps {
  /** An octokit authenticated as the app (JWT): the delivery endpoints take no installation token. */
  github: () => Promise<GitHubClient>;
  deliveries: RedisDeliveryLog;
  log: Logger;
  settings: ReconcileSettings;
  now?: () => number;
}

/** What a run did, for its log line and for tests. */
export interface ReconcileOutcome {
  pages: number;
  /** Distinct deliveries (GUIDs) of handled events inside the window and settled. */
  compared: number;
  /** Of those, the ones whose work Redis holds. */
  queued: number;
  /** Missing from Redis and redelivered now. */
  redelivered: number;
  /** Missing, but already redelivered once by an earlier run: never asked again. */
  alreadyRedelivered: number;
  /** Missing, left to the next run by the budget. */
  overBudget: number;
  /** Redeliveries GitHub refused or that failed: asked again next run. */
  failed: number;
}

/** One run: list, compare, redeliver what is missing, log the counts. */
export async function reconcileDeliveries(deps: ReconcileDeps): Promise<ReconcileOutcome> {
  const now = (deps.now ?? Date.now)();
  const github = await deps.github();
  const { attempts, pages } = await listRecentDeliveries(github, now - deps.settings.windowMs, deps.settings.maxPages);
  const candidates = deliveriesToCompare(attempts, now, deps.settings);
  const queued = await deps.deliveries.queued(candidates.map((delivery) => delivery.guid));
  const missing = candidates.filter((delivery) => !queued.has(delivery.guid));
  const outcome: ReconcileOutcome = { pages, compared: candidates.length, queued: queued.size, redelivered: 0, alreadyRedelivered: 0, overBudget: 0, failed: 0 };
  for (const delivery of missing) {
    if (outcome.redelivered + outcome.failed >= deps.settings.maxRedeliveries) {
      outcome.overBudget += 1;
      continue;
    }
    if (!(await deps.deliveries.claimRedelivery(delivery.guid))) {
      outcome.alreadyRedelivered += 1;
      continue;
    }
    try {
      await github.request('POST /app/hook/deliveries/{delivery_id}/attempts', { delivery_id: delivery.id });
      outcome.redelivered += 1;
      deps.log.info({ deliveryGuid: delivery.guid, deliveryId: delivery.id, event: eventName(delivery), deliveredAt: delivery.delivered_at }, 'asked GitHub to redeliver a webhook whose work Redis does not hold');
    } catch (error) {
      outcome.failed += 1;
      await deps.deliveries.releaseRedelivery(delivery.guid);
      deps.log.warn({ deliveryGuid: delivery.guid, deliveryId: delivery.id, err: errorSummary(error) }, 'GitHub did not take the redelivery of a missing webhook: asking again next run');
    }
  }
  const level = outcome.redelivered + outcome.failed + outcome.overBudget > 0 ? 'warn' : 'info';
  deps.log[level]({ ...outcome, windowMinutes: Math.round(deps.settings.windowMs / 60_000) }, 'webhook deliveries reconciled');
  return outcome;
}

/**
 * GitHub lists the newest deliveries first, every attempt (redeliveries too) apart; the next page
 * is named by a cursor in the Link header. Stops at the window's start or after `maxPages`.
 */
async function listRecentDeliveries(github: GitHubClient, since: number, maxPages: number): Promise<{ attempts: HookDelivery[]; pages: number }> {
  const attempts: HookDelivery[] = [];
  let cursor: string | undefined;
  let pages = 0;
  while (pages < maxPages) {
    const response = await github.request('GET /app/hook/deliveries', { per_page: PER_PAGE, ...(cursor === undefined ? {} : { cursor }) });
    pages += 1;
    const page = z.array(hookDeliverySchema).parse(response.data);
    attempts.push(...page);
    const oldest = page.at(-1);
    cursor = nextCursor(response.headers.link);
    if (cursor === undefined || oldest === undefined || Date.parse(oldest.delivered_at) < since) break;
  }
  return { attempts: attempts.filter((attempt) => Date.parse(attempt.delivered_at) >= since), pages };
}

/** The `cursor` of the Link header's rel="next" URL, if there is one. */
export function nextCursor(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match?.[1] === undefined) continue;
    return new URL(match[1]).searchParams.get('cursor') ?? undefined;
  }
  return undefined;
}

/**
 * One entry per delivery (GUID), its latest attempt: of a handled event and action, settled (no
 * attempt within `settleMs`: it may be in flight), and not refused with a 4xx (a bad signature or
 * payload gets the same answer again). Oldest first, so the budget goes to what waited longest.
 */
function deliveriesToCompare(attempts: readonly HookDelivery[], now: number, settings: ReconcileSettings): HookDelivery[] {
  const latest = new Map<string, HookDelivery>();
  for (const attempt of attempts) {
    const seen = latest.get(attempt.guid);
    if (seen === undefined || Date.parse(attempt.delivered_at) > Date.parse(seen.delivered_at)) latest.set(attempt.guid, attempt);
  }
  return [...latest.values()]
    .filter((delivery) => handled(delivery) && now - Date.parse(delivery.delivered_at) >= settings.settleMs && !(delivery.status_code >= 400 && delivery.status_code < 500))
    .sort((a, b) => Date.parse(a.delivered_at) - Date.parse(b.delivered_at));
}

function handled(delivery: HookDelivery): boolean {
  if (!Object.hasOwn(HANDLED_WEBHOOKS, delivery.event)) return false;
  const actions = HANDLED_WEBHOOKS[delivery.event];
  return actions === null || actions === undefined || (delivery.action !== null && actions.includes(delivery.action));
}

function eventName(delivery: HookDelivery): string {
  return delivery.action === null ? delivery.event : `${delivery.event}.${delivery.action}`;
}

export interface ReconcilerOptions extends ReconcileDeps {
  redis: RedisClient;
  /** Key prefix of the lock (the queue prefix). */
  prefix: string;
  intervalMs: number;
}

export interface Reconciler {
  /** Stops the timer; a run under way finishes on its own (its lock expires if the process goes). */
  stop(): void;
  /** The run under way, if any (tests wait for it). */
  idle(): Promise<void>;
}

/** The lock outlives a run that dies with its process by this much at most. */
const LOCK_TTL_MS = 5 * 60_000;

/**
 * Runs reconciliation now and every `intervalMs`, one run at a time across every web process (a
 * process that finds the lock taken skips its turn). A failed run is logged and tried next time.
 */
export function startReconciler(options: ReconcilerOptions): Reconciler {
  let current: Promise<void> | undefined;
  const runOnce = (): void => {
    if (current !== undefined) return;
    current = withRedisLock(options.redis, `${options.prefix}:reconcile:lock`, { ttlMs: LOCK_TTL_MS, waitMs: 0 }, () => reconcileDeliveries(options))
      .then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof LockTimeoutError) options.log.debug('webhook reconciliation skipped: another process is running it');
          else options.log.warn({ err: errorSummary(error) }, 'webhook reconciliation failed: trying again at the next interval');
        },
      )
      .finally(() => {
        current = undefined;
      });
  };
  runOnce();
  const timer = setInterval(runOnce, options.intervalMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    idle: async () => {
      await current;
    },
  };
}
