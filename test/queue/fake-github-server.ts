// A small stateful GitHub on 127.0.0.1 for tests whose workers run in other processes (where nock
// cannot reach): the REST routes a scan job calls, under /api/v3 as on GitHub Enterprise Server, so
// the app reaches it through GHE_HOST and GHE_PROTOCOL=http. Check runs, annotations, issues and
// comments are remembered, so a job run twice sees what its first run did. Every request is recorded;
// an unknown route answers 404 and is listed in `unmatched`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  body: string;
}

interface CheckRun {
  id: number;
  head_sha: string;
  name: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  /** As GitHub shows it: always present, `null` fields until written (annotations kept apart). */
  output: CheckRunOutput;
  annotations: unknown[];
}

interface CheckRunOutput {
  title: string | null;
  summary: string | null;
  text: string | null;
}

type CheckRunOutputInput = Partial<Record<keyof CheckRunOutput, string>> & { annotations?: unknown[] };

interface Issue {
  number: number;
  title: string;
  body: string;
  labels: { name: string }[];
  comments: { id: number; body: string }[];
}

export interface FakeGitHub {
  /** `host:port`, for GHE_HOST. */
  host: string;
  requests: FakeRequest[];
  unmatched: string[];
  checkRuns: CheckRun[];
  issues: Issue[];
  /** GET .../commits/{sha} answers with this body. */
  setCommit(sha: string, body: unknown): void;
  /**
   * GET .../commits/{sha} fails this way instead: 'hang' keeps the connection open without a byte
   * until the server closes; a status is answered with `headers` and GitHub's error body.
   */
  setCommitFault(sha: string, fault: CommitFault): void;
  /** POST /app/installations/{id}/access_tokens answers `status` (401: the installation's access is gone). */
  refuseInstallation(installationId: number, status: number): void;
  /** Holds the next commit responses until `release()`; `requested` resolves when the first arrives. */
  holdCommits(): { requested: Promise<void>; release: () => void };
  close(): Promise<void>;
}

export type CommitFault = 'hang' | { status: number; message: string; headers?: Record<string, string> };

/** What a handler answers: a status and body, with extra headers; or 'hang' to send nothing at all. */
type Answer = [number, unknown] | [number, unknown, Record<string, string>] | 'hang';

type Handler = (match: RegExpExecArray, body: unknown, url: URL) => Answer | Promise<Answer>;

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const requests: FakeRequest[] = [];
  const unmatched: string[] = [];
  const checkRuns: CheckRun[] = [];
  const issues: Issue[] = [];
  const commits = new Map<string, unknown>();
  const commitFaults = new Map<string, CommitFault>();
  const refusedInstallations = new Map<number, number>();
  let hold: { arrived: () => void; released: Promise<void> } | undefined;
  let nextId = 1000;

  const routes: [string, RegExp, Handler][] = [
    // With GHE_HOST set, a leaked GitHub token is verified on this GHES first: it issued none of them.
    ['GET', /^\/user$/, () => [401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/enterprise-server@3.19/rest' }]],
    ['POST', /^\/app\/installations\/(\d+)\/access_tokens$/, (m) => {
      const refused = refusedInstallations.get(Number(m[1]));
      if (refused !== undefined) return [refused, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }];
      return [201, { token: 'ghs_faketokenforlocaltests000000000000', expires_at: new Date(Date.now() + 3_600_000).toISOString() }];
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})\/check-runs$/, (m) => {
      const runs = checkRuns.filter((run) => run.head_sha === m[1]).map(publicRun);
      return [200, { total_count: runs.length, check_runs: runs }];
    }],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/check-runs$/, (_m, body) => {
      // Like GitHub, a run may be created already completed, with its conclusion and annotations.
      const input = body as { head_sha: string; name: string; status?: string; conclusion?: string; external_id?: string; output?: CheckRunOutputInput };
      const run: CheckRun = {
        id: nextId++,
        head_sha: input.head_sha,
        name: input.name,
        status: input.status ?? 'queued',
        conclusion: input.conclusion ?? null,
        external_id: input.external_id ?? null,
        output: shownOutput({ title: null, summary: null, text: null }, input.output),
        annotations: [...(input.output?.annotations ?? [])],
      };
      checkRuns.push(run);
      return [201, publicRun(run)];
    }],
    ['PATCH', /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/, (m, body) => {
      const run = checkRuns.find((candidate) => candidate.id === Number(m[1]));
      if (!run) return [404, { message: 'Not Found' }];
      const input = body as { status?: string; conclusion?: string; external_id?: string; output?: CheckRunOutputInput };
      if (input.status) run.status = input.status;
      run.output = shownOutput(run.output, input.output);
      if (input.conclusion) run.conclusion = input.conclusion;
      if (input.external_id) run.external_id = input.external_id;
      run.annotations.push(...(input.output?.annotations ?? []));
      return [200, publicRun(run)];
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/, (m) => {
      const run = checkRuns.find((candidate) => candidate.id === Number(m[1]));
      return run ? [200, publicRun(run)] : [404, { message: 'Not Found' }];
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)\/annotations$/, (m, _b, url) => {
      const run = checkRuns.find((candidate) => candidate.id === Number(m[1]));
      return [200, page(run?.annotations ?? [], url)];
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/contents\/.+$/, () => [404, { message: 'Not Found' }]],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})$/, async (m) => {
      const fault = commitFaults.get(m[1] ?? '');
      if (fault === 'hang') return 'hang';
      if (fault !== undefined) return [fault.status, { message: fault.message, documentation_url: 'https://docs.github.com/rest' }, fault.headers ?? {}];
      if (hold) {
        hold.arrived();
        await hold.released;
      }
      const commit = commits.get(m[1] ?? '');
      return commit ? [200, commit] : [404, { message: 'No commit found' }];
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/issues$/, (_m, _b, url) => [200, page(issues.map(publicIssue), url)]],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/issues$/, (_m, body) => {
      const input = body as { title: string; body: string; labels?: string[] };
      const issue: Issue = { number: issues.length + 1, title: input.title, body: input.body, labels: (input.labels ?? []).map((name) => ({ name })), comments: [] };
      issues.push(issue);
      return [201, publicIssue(issue)];
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/, (m) => {
      const issue = issues.find((candidate) => candidate.number === Number(m[1]));
      return issue ? [200, publicIssue(issue)] : [404, { message: 'Not Found' }];
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/, (m, _b, url) => {
      const issue = issues.find((candidate) => candidate.number === Number(m[1]));
      return [200, page(issue?.comments ?? [], url)];
    }],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/, (m, body) => {
      const issue = issues.find((candidate) => candidate.number === Number(m[1]));
      if (!issue) return [404, { message: 'Not Found' }];
      const comment = { id: nextId++, body: (body as { body: string }).body };
      issue.comments.push(comment);
      return [201, comment];
    }],
  ];

  const server = createServer((request, response) => {
    void respond(request, response);
  });

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v3/, '');
    const method = request.method ?? 'GET';
    requests.push({ method, path, body });
    for (const [routeMethod, pattern, handler] of routes) {
      const match = routeMethod === method ? pattern.exec(path) : null;
      if (!match) continue;
      const answer = await handler(match, body === '' ? undefined : JSON.parse(body), url);
      // Nothing at all, not even headers: the connection stays open until the server closes.
      if (answer === 'hang' || response.destroyed) return;
      const [status, payload, headers = {}] = answer;
      response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
      return;
    }
    unmatched.push(`${method} ${path}`);
    response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end('{"message":"Not Found"}');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    unmatched,
    checkRuns,
    issues,
    setCommit: (sha, body) => void commits.set(sha, body),
    setCommitFault: (sha, fault) => void commitFaults.set(sha, fault),
    refuseInstallation: (installationId, status) => void refusedInstallations.set(installationId, status),
    holdCommits: () => {
      let arrived = (): void => {};
      let release = (): void => {};
      const requested = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = () => {
          hold = undefined;
          resolve();
        };
      });
      hold = { arrived, released };
      return { requested, release };
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An update that sends an output (summary is then required) replaces what the run shows. */
function shownOutput(current: CheckRunOutput, input: CheckRunOutputInput | undefined): CheckRunOutput {
  if (input?.summary === undefined) return current;
  return { title: input.title ?? current.title, summary: input.summary, text: input.text ?? null };
}

function publicRun(run: CheckRun): Omit<CheckRun, 'annotations'> {
  const { annotations: _annotations, ...rest } = run;
  return rest;
}

function publicIssue(issue: Issue): Omit<Issue, 'comments'> & { state: string; updated_at: string } {
  const { comments: _comments, ...rest } = issue;
  return { ...rest, state: 'open', updated_at: '2026-01-01T00:00:00Z' };
}

/** One page of a list, as `per_page` and `page` ask. */
function page<T>(items: readonly T[], url: URL): T[] {
  const perPage = Number(url.searchParams.get('per_page') ?? 30);
  const number = Number(url.searchParams.get('page') ?? 1);
  return items.slice((number - 1) * perPage, number * perPage);
}
