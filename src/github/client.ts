// What every part of leakstop that talks to GitHub shares: the client type (`request` alone, so
// Probot's installation octokit, an @octokit/rest Octokit and a bare @octokit/core one all fit), the
// page size of list endpoints, and how logins compare.
import type { Octokit } from '@octokit/core';

export type GitHubClient = Pick<Octokit, 'request'>;

/** GitHub's page size maximum for list endpoints. */
export const PER_PAGE = 100;

/** GitHub logins (users and organisations) are case-insensitive. */
export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
