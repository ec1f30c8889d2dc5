// The deadline on a GitHub request (src/github/request-timeout.ts) against a real HTTP server: an
// answer that never starts, and one whose body stops half-way, both fail with GitHubTimeoutError
// (which octokit passes on untouched); a whole answer comes back as it was sent.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fetchWithTimeout, GitHubTimeoutError, isGitHubTimeout } from '../../src/github/request-timeout.js';
import { GitHubUnavailableError, toGitHubError } from '../../src/github/errors.js';

let server: Server;
let base: string;
const held: ServerResponse[] = [];
let answer: (response: ServerResponse) => void;

beforeEach(async () => {
  server = createServer((_request, response) => answer(response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const response of held.splice(0)) response.destroy();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

/** octokit as the app uses it: its own request path, our fetch. */
function client(timeoutMs: number): Octokit {
  return new Octokit({ baseUrl: base, request: { fetch: fetchWithTimeout(timeoutMs) } });
}

it('fails a request whose answer never starts within the deadline, as a GitHubTimeoutError octokit passes on', async () => {
  answer = (response) => void held.push(response);
  const started = Date.now();

  const error = await client(200).request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' }).catch((thrown: unknown) => thrown);

  expect(error).toBeInstanceOf(GitHubTimeoutError);
  expect(isGitHubTimeout(error)).toBe(true);
  expect((error as Error).message).toBe('GitHub did not answer GET /repos/o/r within 200 ms (LEAKSTOP_GITHUB_TIMEOUT_MS): the job goes back to the queue and is tried again later.');
  expect(Date.now() - started).toBeLessThan(2_000);
  // For the queue: retryable, without a status GitHub never sent.
  expect(toGitHubError(error, 'GET /repos/o/r')).toMatchObject({ name: 'GitHubUnavailableError', status: undefined, retryAfterSeconds: undefined });
  expect(toGitHubError(error, 'GET /repos/o/r')).toBeInstanceOf(GitHubUnavailableError);
});

it('fails a request whose body stops half-way, instead of octokit reading it as an empty answer', async () => {
  answer = (response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.write('{"sha": "abc", "files": [');
    held.push(response);
  };

  await expect(client(200).request('GET /repos/{owner}/{repo}/commits/{ref}', { owner: 'o', repo: 'r', ref: 'abc' })).rejects.toBeInstanceOf(GitHubTimeoutError);
});

it('gives back a whole answer as sent: status, headers, JSON body, and a 204 without one', async () => {
  answer = (response) => response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', link: '<x>; rel="next"' }).end('{"id": 7}');
  const ok = await client(1_000).request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' });
  expect(ok).toMatchObject({ status: 200, data: { id: 7 }, headers: { link: '<x>; rel="next"' }, url: `${base}/repos/o/r` });

  answer = (response) => response.writeHead(204).end();
  expect(await client(1_000).request('DELETE /repos/{owner}/{repo}', { owner: 'o', repo: 'r' })).toMatchObject({ status: 204 });
});

it("leaves a caller's own abort as the caller's", async () => {
  answer = (response) => void held.push(response);
  const controller = new AbortController();
  const pending = client(5_000).request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r', request: { signal: controller.signal } });
  setTimeout(() => controller.abort(), 50);

  const error = await pending.catch((thrown: unknown) => thrown);
  expect(error).toMatchObject({ name: 'AbortError' });
  expect(isGitHubTimeout(error)).toBe(false);
});
