// Errors from GitHub that a later attempt can get past (5xx, 429, rate limits), typed so that the
// queue can retry the job after the time GitHub asked for. Octokit's retry and throttling plugins have
// already retried the request by the time one of these is thrown; we do not retry again here.

import { isGitHubTimeout } from './request-timeout.js';

/** Seconds to wait when GitHub named no time (secondary limits without retry-after), as GitHub advises. */
const SECONDARY_LIMIT_WAIT_SECONDS = 60;

export class GitHubUnavailableError extends Error {
  override name = 'GitHubUnavailableError';
  /** Always true: lets a queue tell this error apart without importing the class. */
  readonly retryable = true;

  constructor(
    message: string,
    /** HTTP status, when there was one (a git transfer may fail without). */
    readonly status: number | undefined,
    /** When to try again, from GitHub's retry-after or rate-limit reset; undefined: the queue's own backoff. */
    readonly retryAfterSeconds: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The parts of an octokit RequestError we read; duck-typed so any octokit version's error fits. */
interface HttpError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && 'status' in error && typeof error.status === 'number';
}

function header(error: HttpError, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/**
 * Turns an error from an octokit request into a GitHubUnavailableError when trying again later can
 * help; any other error (404, 422, a bug) comes back unchanged. `what` names the request for people.
 */
export function toGitHubError(error: unknown, what: string, now: number = Date.now()): unknown {
  // octokit stamps a 500 on the timeout it passes through; GitHub itself said nothing.
  if (isGitHubTimeout(error)) return new GitHubUnavailableError(error.message, undefined, undefined, { cause: error });
  if (!isHttpError(error)) return error;
  const wait = retryAfterSeconds(error, now);
  const retryable = error.status >= 500 || error.status === 429 || isRateLimited(error);
  if (!retryable) return error;
  const when = wait === undefined ? '' : ` Retry after ${wait} s.`;
  return new GitHubUnavailableError(`GitHub answered ${error.status} to ${what}: ${error.message}.${when}`, error.status, wait, {
    cause: error,
  });
}

function isRateLimited(error: HttpError): boolean {
  if (error.status !== 403) return false;
  return header(error, 'x-ratelimit-remaining') === '0' || /\bsecondary rate limit\b/i.test(error.message);
}

function retryAfterSeconds(error: HttpError, now: number): number | undefined {
  const retryAfter = header(error, 'retry-after');
  // GitHub sends seconds; an HTTP date (also allowed by the standard) falls through to the cases below.
  if (retryAfter !== undefined && /^\d{1,6}$/.test(retryAfter.trim())) return Number(retryAfter);
  if (header(error, 'x-ratelimit-remaining') === '0') {
    const reset = Number(header(error, 'x-ratelimit-reset'));
    // One second past the reset, as GitHub's documentation asks.
    if (Number.isFinite(reset)) return Math.max(0, Math.ceil(reset - now / 1000)) + 1;
  }
  if (/\bsecondary rate limit\b/i.test(error.message)) return SECONDARY_LIMIT_WAIT_SECONDS;
  return undefined;
}

/**
 * git's own message for an HTTP failure ("The requested URL returned error: 503"): the same statuses
 * are worth a retry when a clone or fetch meets them.
 */
export function httpStatusInGitMessage(stderr: string): number | undefined {
  const match = /returned error: (\d{3})/.exec(stderr);
  return match ? Number(match[1]) : undefined;
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

/** The HTTP status of an octokit error, if it is one. */
export function httpStatus(error: unknown): number | undefined {
  return isHttpError(error) ? error.status : undefined;
}
