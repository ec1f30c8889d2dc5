// The part of Octokit the reports use: `request` alone, so Probot's installation octokit, an
// @octokit/rest Octokit and a bare @octokit/core one all fit. Retries (5xx, 429, secondary limits)
// are the octokit's plugins' and the queue's business: errors pass through unchanged.
import type { Octokit } from '@octokit/core';

export type GitHubClient = Pick<Octokit, 'request'>;

/** The HTTP status of an Octokit RequestError, if `error` is one. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}

/** GitHub's page size maximum for list endpoints. */
export const PER_PAGE = 100;
