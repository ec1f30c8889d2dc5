// When a failed scan is tried again: after the time GitHub asked for (retry-after, rate-limit reset)
// when the error says so, else exponential backoff with jitter. Errors that no retry can fix (404,
// 422, a corrupt job) end the job at once so its failure is reported without hours of retries.
import { UnrecoverableError } from 'bullmq';
import { GitHubUnavailableError, httpStatus, toGitHubError } from '../github/errors.js';

/** Never wait longer than this between attempts, whatever GitHub says: the check run is waiting. */
export const MAX_RETRY_DELAY_MS = 15 * 60 * 1000;

export interface RetryPolicy {
  /** Delay before the second attempt; doubled for each later one. */
  baseDelayMs: number;
  /** Cap of the exponential part (a retry-after from GitHub may exceed it, up to MAX_RETRY_DELAY_MS). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 5_000, maxDelayMs: 5 * 60 * 1000 };

/**
 * BullMQ's custom backoff: `attemptsMade` counts the attempts so far (1 after the first failure).
 * `random` is injectable so tests get exact figures.
 */
export function retryDelayMs(attemptsMade: number, error: unknown, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random): number {
  const asked = retryAfterMs(error);
  if (asked !== undefined) return Math.min(asked, MAX_RETRY_DELAY_MS);
  const exponential = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1), policy.maxDelayMs);
  // Up to 20% jitter, so the jobs of one outage do not all come back in the same second.
  return Math.round(exponential * (1 + 0.2 * random()));
}

/** The wait GitHub asked for, if the error carries one (directly or as a raw octokit RequestError). */
export function retryAfterMs(error: unknown): number | undefined {
  const classified = error instanceof GitHubUnavailableError ? error : toGitHubError(error, 'a request');
  if (classified instanceof GitHubUnavailableError && classified.retryAfterSeconds !== undefined) return classified.retryAfterSeconds * 1000;
  return undefined;
}

/**
 * GitHub refused the installation's credentials (401): the app was uninstalled or suspended there, or
 * its token revoked. No attempt can get further, and the check run cannot be marked either (that too
 * needs the installation's token), so the job ends here, logged once by whoever catches this.
 */
export class InstallationAccessError extends UnrecoverableError {
  override name = 'InstallationAccessError';

  constructor(
    readonly installationId: number,
    options?: ErrorOptions,
  ) {
    super(
      `GitHub refused the credentials of installation ${installationId} (401): the app was uninstalled or suspended on that account, or its access was revoked. ` +
        'The job stops without retrying and its check run cannot be marked. Reinstall or unsuspend the app there to scan its pushes again; ' +
        'if every installation fails this way, check APP_ID and PRIVATE_KEY.',
    );
    // BullMQ's UnrecoverableError takes a message only.
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The InstallationAccessError for a 401 from GitHub, else undefined. */
export function installationAccessError(error: unknown, installationId: number): InstallationAccessError | undefined {
  return httpStatus(error) === 401 ? new InstallationAccessError(installationId, { cause: error }) : undefined;
}

/** HTTP statuses that mean the request itself is wrong or the app lost access: retrying cannot help. */
const PERMANENT_STATUSES = new Set([400, 401, 403, 404, 410, 422]);

/**
 * The error to throw from the processor: GitHub's permanent refusals become UnrecoverableError (BullMQ
 * then fails the job without more attempts); rate limits, 5xx, network errors and bugs stay retryable.
 */
export function asQueueError(error: unknown): unknown {
  if (error instanceof UnrecoverableError || error instanceof GitHubUnavailableError) return error;
  const classified = toGitHubError(error, 'a request');
  if (classified instanceof GitHubUnavailableError) return classified;
  const status = httpStatus(error);
  if (status !== undefined && PERMANENT_STATUSES.has(status)) {
    const message = error instanceof Error ? error.message : String(error);
    return Object.assign(new UnrecoverableError(`GitHub answered ${status}: ${message}`), { status });
  }
  return error;
}

