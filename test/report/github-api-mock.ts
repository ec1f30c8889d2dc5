// A mocked GitHub REST API for the report tests: nock with no real network, every request the code
// made recorded, and a check after each test that nothing was unmatched, nothing mocked was left
// unused, every body satisfies GitHub's OpenAPI schema, and no raw secret was sent.
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { expect } from 'vitest';
import { requestBodyProblems } from '../openapi.js';

export const API = 'https://api.github.com';

export interface SeenRequest {
  method: string;
  path: string;
  /** The JSON body as sent, or '' for none. */
  raw: string;
  body: unknown;
}

export interface GitHubMock {
  scope: nock.Scope;
  seen: SeenRequest[];
  /** Requests with a JSON body to `method path` (path without query), in order. */
  bodies(method: string, path: string): unknown[];
  /** Asserts the mock's invariants; call in afterEach. `secrets` must appear in no request. */
  verify(secrets: readonly string[]): void;
  dispose(): void;
}

/** An installation octokit as Probot builds it, without retries or throttling so that errors surface at once. */
export function testOctokit(): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } });
}

export function mockGitHub(): GitHubMock {
  nock.disableNetConnect();
  const seen: SeenRequest[] = [];
  const unmatched: string[] = [];
  const scope = nock(API);
  scope.on('request', (req: { method: string; path: string }, _interceptor: unknown, raw: string) => {
    seen.push({ method: req.method, path: req.path, raw, body: raw === '' ? undefined : (JSON.parse(raw) as unknown) });
  });
  const onNoMatch = (req: { method?: string; path?: string }): void => {
    unmatched.push(`${req.method ?? '?'} ${req.path ?? '?'}`);
  };
  nock.emitter.on('no match', onNoMatch);
  return {
    scope,
    seen,
    bodies: (method, path) => seen.filter((r) => r.method === method && r.path.split('?')[0] === path && r.raw !== '').map((r) => r.body),
    verify(secrets) {
      expect(unmatched, 'requests no mock matched').toEqual([]);
      expect(nock.pendingMocks(), 'mocks never used').toEqual([]);
      for (const request of seen) {
        expect(requestBodyProblems(request.method, request.path, request.body), `${request.method} ${request.path}`).toEqual([]);
        for (const secret of secrets) {
          expect(request.raw, `a raw secret was sent in ${request.method} ${request.path}`).not.toContain(secret);
          expect(decodeURIComponent(request.path)).not.toContain(secret);
        }
      }
    },
    dispose() {
      nock.emitter.off('no match', onNoMatch);
      nock.cleanAll();
    },
  };
}
