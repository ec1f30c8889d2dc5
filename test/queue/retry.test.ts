// Retry timing honours what GitHub asks for (retry-after, rate-limit reset) and otherwise backs off
// exponentially; GitHub's permanent refusals end a job at once.
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { GitHubUnavailableError } from '../../src/github/errors.js';
import { asQueueError, MAX_RETRY_DELAY_MS, retryAfterMs, retryDelayMs } from '../../src/queue/retry.js';

/** What octokit throws for an HTTP error (a RequestError): name, status and the response headers. */
function githubError(status: number, headers: Record<string, string> = {}, message = 'GitHub says no'): Error {
  return Object.assign(new Error(message), { name: 'HttpError', status, response: { status, headers, data: { message } } });
}

const policy = { baseDelayMs: 1_000, maxDelayMs: 60_000 };
const noJitter = (): number => 0;

describe('retry delays', () => {
  it('doubles from the base delay and stops at the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, new Error('ECONNRESET'), policy, noJitter))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(20, new Error('ECONNRESET'), policy, noJitter)).toBe(60_000);
    expect(retryDelayMs(1, new Error('ECONNRESET'), policy, () => 1)).toBe(1_200);
  });

  it('waits as long as retry-after says on a 429 or secondary rate limit', () => {
    expect(retryDelayMs(1, githubError(429, { 'retry-after': '30' }), policy, noJitter)).toBe(30_000);
    expect(retryAfterMs(githubError(403, { 'retry-after': '7' }, 'You have exceeded a secondary rate limit'))).toBe(7_000);
  });

  it('waits until the rate-limit reset when the quota is spent', () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    const delay = retryAfterMs(githubError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }));
    expect(delay).toBeGreaterThanOrEqual(115_000);
    expect(delay).toBeLessThanOrEqual(122_000);
  });

  it('honours the wait a GitHubUnavailableError carries, capped', () => {
    expect(retryDelayMs(1, new GitHubUnavailableError('busy', 503, 5), policy, noJitter)).toBe(5_000);
    expect(retryDelayMs(1, new GitHubUnavailableError('busy', 429, 86_400), policy, noJitter)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe('queue errors', () => {
  it('ends the job at once on a permanent refusal', () => {
    for (const status of [400, 401, 404, 410, 422]) {
      const error = asQueueError(githubError(status));
      expect(error).toBeInstanceOf(UnrecoverableError);
      expect((error as Error).message).toContain(`GitHub answered ${status}`);
    }
    expect(asQueueError(githubError(403, {}, 'Resource not accessible by integration'))).toBeInstanceOf(UnrecoverableError);
  });

  it('keeps 5xx, 429, rate limits, network errors and bugs retryable', () => {
    expect(asQueueError(githubError(502))).toBeInstanceOf(GitHubUnavailableError);
    expect(asQueueError(githubError(429, { 'retry-after': '1' }))).toBeInstanceOf(GitHubUnavailableError);
    expect(asQueueError(githubError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' }))).toBeInstanceOf(GitHubUnavailableError);
    const network = new Error('socket hang up');
    expect(asQueueError(network)).toBe(network);
  });
});
