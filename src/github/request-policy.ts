// How the app's GitHub client waits: never inside a job's worker slot. Every request has a deadline
// (request-timeout.ts), and what must be tried again later (a timeout, a 5xx on a read, a 429, a
// primary or secondary rate limit) fails the request at once, so the job goes back to the queue for
// the time GitHub asked (queue/retry.ts) and the slot serves the next push meanwhile. Probot's own
// client waited in the slot: plugin-retry asked again after a 429 three times within 3.4 s whatever
// Retry-After said, and after a read's 5xx three times over about 14 s; Probot's rate-limit handler
// slept until the limit reset.
import type { Octokit } from '@octokit/core';
import type { ProbotOctokit } from 'probot';
import { AppOctokit } from './app-octokit.js';
import { fetchWithTimeout } from './request-timeout.js';
import { withoutClientRetries } from './write-retry.js';

/** plugin-retry's own list of statuses it never repeats, plus 429: its wait belongs to the queue. */
const NOT_RETRIED_IN_THE_SLOT = [400, 401, 403, 404, 410, 422, 429, 451];

/** What the app gives `new Probot(...)`: the client class and the fetch with a deadline. */
export function githubRequestPolicy(timeoutMs: number, fetch?: typeof globalThis.fetch): { Octokit: typeof ProbotOctokit; request: { fetch: typeof globalThis.fetch } } {
  return { Octokit: QueueRetriedOctokit, request: { fetch: fetchWithTimeout(timeoutMs, fetch) } };
}

/** Returning false from a throttling handler fails the request instead of sleeping in the slot. */
const leaveTheWaitToTheQueue = (): boolean => false;

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

/**
 * The app's octokit (AppOctokit: creating writes never repeated blindly, write-retry.ts) whose reads
 * are not repeated in place either. Other POSTs keep plugin-retry; every method's 429 and rate limit
 * go back to the queue.
 */
export const QueueRetriedOctokit: typeof ProbotOctokit = AppOctokit.plugin(readsRetriedByTheQueue).defaults((options: OctokitOptions) => ({
  ...options,
  retry: { ...options.retry, doNotRetry: NOT_RETRIED_IN_THE_SLOT },
  // Probot sets its own handlers after ours would be merged: a defaults function is applied last.
  throttle: { ...options.throttle, onRateLimit: leaveTheWaitToTheQueue, onSecondaryRateLimit: leaveTheWaitToTheQueue },
}));

function readsRetriedByTheQueue(octokit: Octokit): void {
  octokit.hook.before('request', (options) => {
    if (options.method !== 'POST') withoutClientRetries(options);
  });
}
