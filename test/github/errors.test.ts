import { describe, expect, it } from 'vitest';
import { GitHubUnavailableError, httpStatusInGitMessage, toGitHubError } from '../../src/github/errors.js';

/** Shaped like octokit's RequestError: an Error with a status and the response's headers. */
function requestError(status: number, message: string, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(message), { status, response: { headers, status, url: '', data: {} } });
}

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

describe('toGitHubError', () => {
  it('makes a 5xx retryable, leaving the wait to the queue', () => {
    const error = toGitHubError(requestError(502, 'Bad Gateway'), 'GET /repos/o/r/commits/abc', NOW);

    expect(error).toBeInstanceOf(GitHubUnavailableError);
    expect(error).toMatchObject({ status: 502, retryAfterSeconds: undefined, retryable: true });
    expect((error as Error).message).toBe('GitHub answered 502 to GET /repos/o/r/commits/abc: Bad Gateway.');
  });

  it("carries a 429's retry-after", () => {
    expect(toGitHubError(requestError(429, 'Too Many Requests', { 'retry-after': '30' }), 'x', NOW)).toMatchObject({ status: 429, retryAfterSeconds: 30 });
  });

  it('waits for the reset of an exhausted primary rate limit, one second past it', () => {
    const reset = String(NOW / 1000 + 120);
    const error = toGitHubError(requestError(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), 'x', NOW);

    expect(error).toMatchObject({ status: 403, retryAfterSeconds: 121 });
  });

  it('waits a minute on a secondary rate limit without retry-after, as GitHub advises', () => {
    const error = toGitHubError(requestError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes.'), 'x', NOW);

    expect(error).toMatchObject({ status: 403, retryAfterSeconds: 60 });
  });

  it('passes other errors through unchanged: a 404, a 403 without a rate limit, a bug', () => {
    const notFound = requestError(404, 'Not Found');
    const forbidden = requestError(403, 'Resource not accessible by integration');
    const bug = new TypeError('x is undefined');

    expect(toGitHubError(notFound, 'x')).toBe(notFound);
    expect(toGitHubError(forbidden, 'x')).toBe(forbidden);
    expect(toGitHubError(bug, 'x')).toBe(bug);
  });
});

describe('httpStatusInGitMessage', () => {
  it("reads the status from git's HTTP failure message", () => {
    expect(httpStatusInGitMessage("fatal: unable to access 'https://github.test/o/r.git/': The requested URL returned error: 503")).toBe(503);
    expect(httpStatusInGitMessage('fatal: repository not found')).toBeUndefined();
  });
});
