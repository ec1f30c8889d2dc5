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

/** What a test says of a check run; the rest of GitHub's answer is filled in by `checkRunAnswer`. */
export interface CheckRunShown {
  id: number;
  head_sha: string;
  status: string;
  conclusion?: string | null;
  external_id?: string | null;
  output?: { title?: string | null; summary?: string | null; text?: string | null };
}

/**
 * A check run as GitHub answers it (@octokit/openapi's `check-run`): `output` is always there, its
 * fields `null` until written, so code that reads what a run shows is tested against that.
 */
export function checkRunAnswer(run: CheckRunShown): Record<string, unknown> {
  return {
    id: run.id,
    name: 'leakstop',
    head_sha: run.head_sha,
    node_id: `CR_${run.id}`,
    external_id: run.external_id ?? null,
    url: `${API}/repos/acme/app/check-runs/${run.id}`,
    html_url: `https://github.com/acme/app/runs/${run.id}`,
    details_url: null,
    status: run.status,
    conclusion: run.conclusion ?? null,
    started_at: '2026-11-23T10:00:00Z',
    completed_at: run.status === 'completed' ? '2026-11-23T10:00:05Z' : null,
    output: {
      title: run.output?.title ?? null,
      summary: run.output?.summary ?? null,
      text: run.output?.text ?? null,
      annotations_count: 0,
      annotations_url: `${API}/repos/acme/app/check-runs/${run.id}/annotations`,
    },
    check_suite: { id: 1 },
    app: null,
    pull_requests: [],
  };
}

/** The run as the last completing write in `seen` left it (a POST creating it, or a PATCH), for a retry to find. */
export function checkRunAsWritten(seen: readonly SeenRequest[], id: number, headSha: string): Record<string, unknown> {
  const writes = seen.filter((r) => (r.method === 'POST' || r.method === 'PATCH') && /\/check-runs(\/\d+)?$/.test(r.path) && (r.body as { status?: string } | undefined)?.status === 'completed');
  const last = writes.at(-1)?.body as { status: string; conclusion: string; external_id: string; output: { title: string; summary: string; text?: string } } | undefined;
  if (last === undefined) throw new Error('checkRunAsWritten: no completing write of a check run was seen; mock the run as it is instead');
  return checkRunAnswer({ id, head_sha: headSha, status: last.status, conclusion: last.conclusion, external_id: last.external_id, output: last.output });
}
