// A write whose answer is lost: GitHub creates the issue or check run, but the app hears a 502 or a
// dropped connection. Through the app's own octokit class (Probot's, retries on), leakstop must not
// send the create again blindly: it looks up what the create would have made, finds it, and uses
// it. GitHub here is nock with a little state, so a second create would show as a second issue.
import nock from 'nock';
import { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppOctokit } from '../../src/github/app-octokit.js';
import { createLogger } from '../../src/log.js';
import { isUnrepeatableWrite, outcomeUnknown } from '../../src/github/write-retry.js';
import { createCompletedCheckRun, startCheckRun } from '../../src/report/check-run.js';
import { recordIncidents } from '../../src/report/incident-issue.js';
import { MemoryCheckRunStore } from '../../src/report/memory-check-run-store.js';
import { MemoryIncidentStore } from '../../src/report/memory-incident-store.js';
import { writeCheckRun } from '../../src/report/write-check-run.js';
import { MemoryResponseStore } from '../../src/respond/response-store.js';
import { scanCheckRun } from '../../src/report/check-run-payload.js';
import { mockGitHub, type GitHubMock } from '../report/github-api-mock.js';
import { githubFinding, RAW_SECRETS, sampleResult } from '../report/sample-result.js';
import { APP_ID, testPrivateKey } from '../webhooks/helpers.js';

const OWNER = 'acme';
const REPO = 'app';
const HEAD = '0123456789abcdef0123456789abcdef01234567';
const ISSUES = `/repos/${OWNER}/${REPO}/issues`;
const RUNS = `/repos/${OWNER}/${REPO}/check-runs`;
const LIST_RUNS = `/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`;

/** The app's octokit as the worker builds it (Probot's retries on, waits cut to 1 ms; no throttling so the test does not wait 1 s per write). */
function appOctokit(): InstanceType<typeof AppOctokit> {
  return new AppOctokit({ auth: { token: 'test' }, retry: { retryAfterBaseValue: 1 }, throttle: { enabled: false } });
}

interface StoredIssue {
  number: number;
  title: string;
  body: string;
}

interface StoredRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
}

/** How the first create's answer is lost: GitHub's 502, or the connection dropped before any answer. */
type Loss = '502' | 'dropped';

describe('a create whose answer is lost', () => {
  let github: GitHubMock;
  let issues: StoredIssue[];
  let runs: StoredRun[];
  let posts: number;

  beforeEach(() => {
    github = mockGitHub();
    issues = [];
    runs = [];
    posts = 0;
  });
  afterEach(() => {
    try {
      github.verify(Object.values(RAW_SECRETS));
    } finally {
      github.dispose();
    }
  });

  /** POST `path` creates with `create`, and its answer is lost as `loss` says. */
  function createsButLosesFirstAnswer(path: string, loss: Loss, create: (body: Record<string, unknown>) => unknown): void {
    if (loss === '502') {
      github.scope.post(path).reply((_uri, body) => {
        posts++;
        create(body as Record<string, unknown>);
        return [502, { message: 'Server Error' }];
      });
    } else {
      // GitHub got the request and made the thing; the connection then broke before any answer.
      let arrived = false;
      github.scope.on('request', (req: { method: string; path: string }, _interceptor: unknown, raw: string) => {
        if (arrived || req.method !== 'POST' || req.path !== path) return;
        arrived = true;
        posts++;
        create(JSON.parse(raw) as Record<string, unknown>);
      });
      github.scope.post(path).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    }
    // No second create is mocked: one would fail the test as a request no mock matched.
  }

  function issueList(times: number): void {
    github.scope
      .get(ISSUES)
      .query(true)
      .times(times)
      .reply(200, () => issues.map((issue) => ({ ...issue, state: 'open', updated_at: '2026-01-01T00:00:00Z', labels: [{ name: 'leakstop' }] })));
  }

  function runList(times: number): void {
    github.scope
      .get(LIST_RUNS)
      .query({ check_name: 'leakstop', filter: 'latest', per_page: '100' })
      .times(times)
      .reply(200, () => ({ total_count: runs.length, check_runs: runs }));
  }

  const openIssue = (body: Record<string, unknown>): StoredIssue => {
    const issue = { number: issues.length + 1, title: String(body.title), body: String(body.body) };
    issues.push(issue);
    return issue;
  };

  const createRun = (body: Record<string, unknown>): StoredRun => {
    const run = { id: 900 + runs.length, name: String(body.name), head_sha: String(body.head_sha), status: String(body.status), conclusion: (body.conclusion as string | undefined) ?? null, external_id: String(body.external_id) };
    runs.push(run);
    return run;
  };

  it.each<Loss>(['502', 'dropped'])('opens one incident issue: after a lost answer (%s) it finds the issue by its fingerprint marker', async (loss) => {
    const store = new MemoryIncidentStore();
    issueList(2);
    createsButLosesFirstAnswer(ISSUES, loss, openIssue);

    const counts = await recordIncidents(appOctokit(), { owner: OWNER, repo: REPO, findings: [githubFinding], htmlBaseUrl: 'https://github.com', settings: { assignees: [], labels: [] }, store });

    expect(issues).toHaveLength(1);
    expect(posts).toBe(1);
    expect(counts).toEqual({ created: 1, commented: 0 });
    expect(await store.get(`${OWNER}/${REPO}:${githubFinding.fingerprint}`)).toBe(1);
    expect(github.seen.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`, `GET ${ISSUES}`]);
  });

  it('adds one comment for new locations of a known secret: after a 502 it finds the comment by its batch marker', async () => {
    const store = new MemoryIncidentStore();
    const settings = { assignees: [], labels: [] };
    const comments: { id: number; body: string }[] = [];
    // The first push opens the issue as usual.
    issueList(1);
    github.scope.post(ISSUES).reply(201, (_uri, body) => openIssue(body as Record<string, unknown>));
    await recordIncidents(appOctokit(), { owner: OWNER, repo: REPO, findings: [githubFinding], htmlBaseUrl: 'https://github.com', settings, store });
    // A second push has the same secret on another line: one comment, whose answer is lost.
    github.scope.get(`${ISSUES}/1`).reply(200, () => ({ ...issues[0], state: 'open', updated_at: '2026-01-01T00:00:00Z' }));
    github.scope
      .get(`${ISSUES}/1/comments`)
      .query(true)
      .times(2)
      .reply(200, () => comments);
    createsButLosesFirstAnswer(`${ISSUES}/1/comments`, '502', (body) => {
      const comment = { id: 70 + comments.length, body: String(body.body) };
      comments.push(comment);
      return comment;
    });

    const counts = await recordIncidents(appOctokit(), { owner: OWNER, repo: REPO, findings: [{ ...githubFinding, line: 40 }], htmlBaseUrl: 'https://github.com', settings, store });

    expect(counts).toEqual({ created: 0, commented: 1 });
    expect(comments).toHaveLength(1);
    expect(posts).toBe(1);
  });

  it('creates one completed check run: after a 502 it finds the run by external_id on the head SHA', async () => {
    const { conclusion, output, annotations } = scanCheckRun(sampleResult());
    const record = { scanJobId: 'delivery-1-head', conclusion, output, incidentRepo: { owner: OWNER, repo: REPO }, credentials: [] };
    const deps = { checkRuns: new MemoryCheckRunStore(), incidents: new MemoryIncidentStore(), responses: new MemoryResponseStore(), htmlBaseUrl: 'https://github.com' };
    runList(2);
    createsButLosesFirstAnswer(RUNS, '502', createRun);

    const written = await writeCheckRun(appOctokit(), deps, { owner: OWNER, repo: REPO, headSha: HEAD }, { record, annotations, startedAt: new Date('2026-11-23T10:00:00Z') });

    expect(runs).toHaveLength(1);
    expect(posts).toBe(1);
    expect(written).toMatchObject({ written: 'created', checkRunId: 900 });
    expect(github.seen.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([`GET ${LIST_RUNS}`, `POST ${RUNS}`, `GET ${LIST_RUNS}`]);
  });

  it('starts one in-progress check run: after a 502 it finds the run it started', async () => {
    runList(2);
    createsButLosesFirstAnswer(RUNS, '502', createRun);

    expect(await startCheckRun(appOctokit(), { owner: OWNER, repo: REPO, headSha: HEAD, externalId: 'delivery-1-head' })).toBe(900);
    expect(runs).toHaveLength(1);
    expect(posts).toBe(1);
  });

  it("creates again when the lookup finds nothing, and does not take another scan's run on the SHA for its own", async () => {
    runs.push({ id: 700, name: 'leakstop', head_sha: HEAD, status: 'completed', conclusion: 'success', external_id: 'delivery-0-head' });
    // The create is answered 502 and made nothing: the lookup sees only the other scan's run.
    github.scope.post(RUNS).reply(502, { message: 'Server Error' });
    runList(1);
    github.scope.post(RUNS).reply(201, (_uri, body) => createRun(body as Record<string, unknown>));
    const { conclusion, output, annotations } = scanCheckRun(sampleResult());

    const id = await createCompletedCheckRun(appOctokit(), { owner: OWNER, repo: REPO, headSha: HEAD, externalId: 'delivery-1-head', startedAt: new Date('2026-11-23T10:00:00Z'), content: { conclusion, output, actions: [], annotations } });

    expect(id).toBe(901);
    expect(runs.map((run) => run.external_id)).toEqual(['delivery-0-head', 'delivery-1-head']);
  });

  it('gives up after a second unknown outcome, for the job to retry later (its run looks up first again)', async () => {
    runList(2);
    github.scope.post(RUNS).times(2).reply(502, { message: 'Server Error' });
    await expect(startCheckRun(appOctokit(), { owner: OWNER, repo: REPO, headSha: HEAD, externalId: 'delivery-1-head' })).rejects.toMatchObject({ status: 502 });
  });
});

describe('which requests the client may repeat', () => {
  it('never repeats a POST that creates, nor a check run PATCH with annotations (GitHub appends them)', () => {
    expect(isUnrepeatableWrite({ method: 'POST', url: '/repos/{owner}/{repo}/issues' })).toBe(true);
    expect(isUnrepeatableWrite({ method: 'POST', url: '/repos/{owner}/{repo}/check-runs' })).toBe(true);
    expect(isUnrepeatableWrite({ method: 'POST', url: '/repos/{owner}/{repo}/issues/{issue_number}/comments' })).toBe(true);
    expect(isUnrepeatableWrite({ method: 'PATCH', url: '/repos/{owner}/{repo}/check-runs/{check_run_id}', output: { title: 't', summary: 's', annotations: [{}] } })).toBe(true);
  });

  it('repeats reads, PATCHes that replace, and a new installation token', () => {
    expect(isUnrepeatableWrite({ method: 'GET', url: '/repos/{owner}/{repo}/issues' })).toBe(false);
    expect(isUnrepeatableWrite({ method: 'PATCH', url: '/repos/{owner}/{repo}/issues/{issue_number}' })).toBe(false);
    expect(isUnrepeatableWrite({ method: 'PATCH', url: '/repos/{owner}/{repo}/check-runs/{check_run_id}', output: { title: 't', summary: 's' } })).toBe(false);
    expect(isUnrepeatableWrite({ method: 'POST', url: '/app/installations/{installation_id}/access_tokens' })).toBe(false);
  });

  it("holds for the installation octokits Probot makes from the class, as the worker's `probot.auth(id)` does", async () => {
    // Plain nock: the token request has no body, which the OpenAPI check of mockGitHub() reads as a missing one.
    nock.disableNetConnect();
    let posts = 0;
    const unmatched: string[] = [];
    const onNoMatch = (req: { method?: string; path?: string }): void => void unmatched.push(`${req.method ?? '?'} ${req.path ?? '?'}`);
    nock.emitter.on('no match', onNoMatch);
    try {
      const api = nock('https://api.github.com');
      api.post('/app/installations/42/access_tokens').reply(201, { token: 'ghs_installationtokenfortests0000000000', expires_at: '2099-01-01T00:00:00Z' });
      api.post(ISSUES).reply(502, () => {
        posts++;
        return { message: 'Server Error' };
      });
      const probot = new Probot({ appId: APP_ID, privateKey: testPrivateKey(), Octokit: AppOctokit, log: createLogger({ level: 'silent' }) });
      const octokit = await probot.auth(42);
      await expect(octokit.request('POST /repos/{owner}/{repo}/issues', { owner: OWNER, repo: REPO, title: 'once' })).rejects.toMatchObject({ status: 502 });
      expect(posts).toBe(1);
      expect(unmatched).toEqual([]);
      expect(api.isDone()).toBe(true);
    } finally {
      nock.emitter.off('no match', onNoMatch);
      nock.cleanAll();
    }
  });

  it('keeps retrying a GET after a 502 (reads are safe to repeat)', async () => {
    const github = mockGitHub();
    try {
      github.scope.get(ISSUES).query(true).reply(502, { message: 'Server Error' });
      github.scope.get(ISSUES).query(true).reply(200, []);
      const { data } = await appOctokit().request('GET /repos/{owner}/{repo}/issues', { owner: OWNER, repo: REPO });
      expect(data).toEqual([]);
      github.verify([]);
    } finally {
      github.dispose();
    }
  });

  it('counts a 5xx and a missing answer as unknown outcomes, a 4xx (rate limits too) as known', () => {
    const http = (status: number): Error => Object.assign(new Error('x'), { status });
    expect(outcomeUnknown(http(502))).toBe(true);
    expect(outcomeUnknown(http(500))).toBe(true);
    expect(outcomeUnknown(new TypeError('fetch failed'))).toBe(true);
    // A request timeout: octokit passes an abort on with status 500, or it arrives as the bare DOMException.
    expect(outcomeUnknown(Object.assign(new DOMException('This operation was aborted', 'AbortError'), { status: 500 }))).toBe(true);
    expect(outcomeUnknown(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe(true);
    expect(outcomeUnknown(http(422))).toBe(false);
    expect(outcomeUnknown(http(429))).toBe(false);
    expect(outcomeUnknown(http(403))).toBe(false);
  });
});
