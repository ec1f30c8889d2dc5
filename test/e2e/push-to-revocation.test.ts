// End to end, the leak response: a signed push webhook to `leakstop start` (web and worker in this
// process), a real Redis, GitHub, GitLab and Vault mocked with nock. The commit adds a live GitHub
// token and a live GitLab token. The GitHub token must be verified and revoked through
// /credentials/revoke; the GitLab token rotated (which revokes it) with the replacement written to
// Vault; both incident timelines must record each step and the check run a "Leak response"
// section. Neither secret nor the replacement may appear in any other request, any log line or
// anything stored in Redis.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import nock from 'nock';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../../src/process/app-process.js';
import { generateGithubStyleToken, generateGitlabRoutableToken } from '../../src/detect/checksum.js';
import { fingerprint } from '../../src/detect/secret.js';
import { requestBodyProblems } from '../openapi.js';
import { deleteKeysWithPrefix, describeWithRedis, everythingStored, testRedis, uniquePrefix } from '../queue/redis.js';
import { actionIs, APP_ID, deliver, examplePayload, INSTALLATION_ID } from '../webhooks/helpers.js';
import { API, captureLog, guardNetwork, testAppEnv, commitWithLines, installationTokenResponse, OWNER, pushOf, randomSha, recordRequests, REPO, waitFor, type CapturedLog, type RecordedRequest } from './helpers.js';
import { GITLAB_TOKEN_SELF } from '../providers/gitlab/fixtures.js';

const GITLAB = 'https://gitlab.acme.test';
const VAULT = 'https://vault.acme.test:8200';
const VAULT_TOKEN = `hvs.${randomBytes(18).toString('base64url')}`;
const CHECK_RUN_ID = 5151;
const ISSUES = { github: 21, gitlab: 22 };

const GITLAB_SELF = GITLAB_TOKEN_SELF;

interface Issue {
  number: number;
  body: string;
}

/**
 * The leaked GitHub token's own calls: GET /user (verify and describe share it) answered with
 * `scopes`, then its revocation, whose request body is kept in `revokeBody`.
 */
function mockLeakedGithubToken(githubToken: string, scopes: string): { githubProvider: nock.Scope; revocation: nock.Scope; revokeBody: { credentials?: string[] } } {
  const githubProvider = nock(API, { reqheaders: { authorization: `Bearer ${githubToken}` } })
    .get('/user')
    .reply(200, { login: 'octocat', id: 1, type: 'User' }, { 'x-oauth-scopes': scopes });
  const revokeBody: { credentials?: string[] } = {};
  const revocation = nock(API)
    .post('/credentials/revoke', (body: { credentials?: string[] }) => {
      Object.assign(revokeBody, body);
      return true;
    })
    .reply(202, {});
  return { githubProvider, revocation, revokeBody };
}

describeWithRedis('a push that leaks live credentials: verify, revoke, rotate, record', () => {
  let prefix: string;
  let inspector: Redis;
  let running: AppProcess | undefined;
  let captured: CapturedLog;
  const network = guardNetwork();

  beforeEach(async () => {
    network.start();
    prefix = uniquePrefix();
    inspector = testRedis();
    captured = captureLog();
    running = await startAppProcess(
      'start',
      testAppEnv(prefix, {
        LEAKSTOP_GITLAB_URL: GITLAB,
        LEAKSTOP_ROTATION_SINK: JSON.stringify({ kind: 'vault-kv2', address: VAULT, token: { env: 'E2E_VAULT_TOKEN' }, mount: 'secret' }),
        E2E_VAULT_TOKEN: VAULT_TOKEN,
      }),
      { log: captured.log, host: '127.0.0.1', worker: { retry: { baseDelayMs: 50, maxDelayMs: 200 } }, response: { baseDelayMs: 100 } },
    );
  });

  afterEach(async () => {
    await running?.close();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
    expect(network.stop()).toEqual([]);
  });

  it('revokes the GitHub token, rotates the GitLab token into Vault, and records every step', async () => {
    const githubToken = generateGithubStyleToken('ghp_');
    const gitlabToken = generateGitlabRoutableToken('glpat-', 'o:1\nu:2');
    const replacement = generateGitlabRoutableToken('glpat-', 'o:1\nu:2');
    const before = randomSha();
    const commit = randomSha();

    // GitHub, as the app sees it: the scan's reads, the check run, the incident issues and their timelines.
    const github = nock(API);
    const githubRequests: RecordedRequest[] = recordRequests(github);
    github
      .post('/app/installations/1/access_tokens')
      .reply(201, installationTokenResponse())
      .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fleakstop.yml`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/${OWNER}/.github/contents/.github%2Fleakstop.yml`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/${OWNER}/${REPO}/commits/${commit}`)
      .reply(200, commitWithLines(commit, before, ['APP_NAME=hello', `GITHUB_TOKEN=${githubToken}`, `GITLAB_TOKEN=${gitlabToken}`]))
      .get(`/repos/${OWNER}/${REPO}/issues`)
      .query(true)
      .times(2)
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/issues`)
      .times(2)
      .reply(201, (_uri, body) => {
        const { title, body: text } = body as { title: string; body: string };
        const number = title.includes('GitLab') ? ISSUES.gitlab : ISSUES.github;
        issues.set(number, { number, body: text });
        return { number, html_url: `https://github.com/${OWNER}/${REPO}/issues/${number}` };
      });

    const { state, created, rewrites } = fakeReports(commit, githubRequests);
    const { issues, checkRunPatches } = state;

    const { githubProvider, revocation, revokeBody } = mockLeakedGithubToken(githubToken, 'repo, workflow');

    // GitLab: GET self while live (verify, describe, activity), then self-rotation, which revokes it.
    const gitlab = nock(GITLAB, { reqheaders: { 'private-token': gitlabToken } })
      .get('/api/v4/personal_access_tokens/self')
      .times(3)
      .reply(200, GITLAB_SELF)
      .post('/api/v4/personal_access_tokens/self/rotate')
      .reply(200, { ...GITLAB_SELF, id: 4243, expires_at: '2026-11-30', token: replacement });

    // Vault: the replacement, where its consumers read it.
    let vaultBody = '';
    const vault = nock(VAULT, { reqheaders: { 'x-vault-token': VAULT_TOKEN } })
      .post('/v1/secret/data/leakstop/Codertocat/Hello-World/gitlab-pat-routable', (body: unknown) => {
        vaultBody = JSON.stringify(body);
        return true;
      })
      .reply(200, { data: { version: 1, created_time: '2026-11-23T12:00:00Z' } });

    const sentAt = Date.now();
    const delivered = await deliver(`http://127.0.0.1:${running?.port ?? 0}`, { event: 'push', payload: pushOf(commit, before), id: randomUUID() });
    expect(delivered.status).toBe(200);

    await waitFor('the revocation request', () => Promise.resolve(revocation.isDone() ? true : undefined));
    const revokedAfterMs = Date.now() - sentAt;
    await waitFor('both incident timelines to record the response', () =>
      Promise.resolve(
        (issues.get(ISSUES.github)?.body.includes('Revoked') ?? false) && (issues.get(ISSUES.gitlab)?.body.includes('Rotated') ?? false) && checkRunPatches.length > 0 ? true : undefined,
      ),
    );
    expect(revokedAfterMs).toBeLessThan(10_000);
    for (const scope of [github, created, rewrites, githubProvider, revocation, gitlab, vault]) expect(scope.pendingMocks()).toEqual([]);

    // Revoked: the GitHub token went to /credentials/revoke, once.
    expect(revokeBody.credentials).toEqual([githubToken]);
    // Rotated: the replacement is in Vault, and only there.
    expect(vaultBody).toContain(replacement);

    // The timelines, step by step.
    const githubTimeline = issues.get(ISSUES.github)?.body ?? '';
    expect(githubTimeline).toContain(fingerprint('github-pat-classic', githubToken));
    for (const step of ['Verified live', 'Access assessed', 'Revoked', 'Rotation: by hand', 'Activity: by hand']) expect(githubTimeline).toContain(step);
    expect(githubTimeline).toContain('live personal access token (classic) of octocat');
    expect(githubTimeline).toContain('scopes: repo, workflow');
    const gitlabTimeline = issues.get(ISSUES.gitlab)?.body ?? '';
    for (const step of ['Verified live', 'Access assessed', 'Activity reviewed', 'Revoked', 'Rotated']) expect(gitlabTimeline).toContain(step);
    expect(gitlabTimeline).toContain('Vault KV secret/leakstop/Codertocat/Hello-World/gitlab-pat-routable');

    // The check run: its summary gains the response section; nothing awaits approval, so no button.
    const patch = checkRunPatches.at(-1);
    expect(patch?.output?.summary).toContain('## Leak response');
    expect(patch?.actions).toEqual([]);

    // Every body sent to GitHub's API is one GitHub's OpenAPI schema accepts.
    for (const request of githubRequests.filter((r) => r.body !== '')) {
      const path = request.path.split('?')[0] ?? request.path;
      expect(requestBodyProblems(request.method, path, JSON.parse(request.body))).toEqual([]);
    }

    // The secrets: in no request to GitHub's app API, no log line, nothing in Redis.
    const secrets = [githubToken, gitlabToken, replacement, VAULT_TOKEN];
    const logs = captured.lines.join('\n');
    const stored = await everythingStored(inspector, prefix);
    expect(stored).toContain(fingerprint('github-pat-classic', githubToken));
    for (const secret of secrets) {
      for (const request of githubRequests) expect(request.body).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(6, 30));
      expect(JSON.stringify([...issues.values()])).not.toContain(secret);
      expect(JSON.stringify(checkRunPatches)).not.toContain(secret);
    }
  });

  it('waits for approval under response.revoke: approve, refuses a reader, revokes once a writer comments /leakstop revoke', async () => {
    const githubToken = generateGithubStyleToken('ghp_');
    const before = randomSha();
    const commit = randomSha();
    const comments: string[] = [];

    const github = nock(API);
    const githubRequests: RecordedRequest[] = recordRequests(github);
    const { state, created, rewrites } = fakeReports(commit, githubRequests);
    const { issues, checkRunPatches } = state;
    github
      .post('/app/installations/1/access_tokens')
      .reply(201, installationTokenResponse())
      .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fleakstop.yml`)
      .reply(200, 'response:\n  revoke: approve\n', { 'content-type': 'text/plain; charset=utf-8' })
      .get(`/repos/${OWNER}/${REPO}/commits/${commit}`)
      .reply(200, commitWithLines(commit, before, ['APP_NAME=hello', `GITHUB_TOKEN=${githubToken}`]))
      .get(`/repos/${OWNER}/${REPO}/issues`)
      .query(true)
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/issues`)
      .reply(201, (_uri, body) => {
        issues.set(ISSUES.github, { number: ISSUES.github, body: (body as { body: string }).body });
        return { number: ISSUES.github, html_url: `https://github.com/${OWNER}/${REPO}/issues/${ISSUES.github}` };
      })
      .get(`/repos/${OWNER}/${REPO}/collaborators/visitor/permission`)
      .reply(200, { permission: 'read', role_name: 'read', user: { login: 'visitor' } })
      .get(`/repos/${OWNER}/${REPO}/collaborators/security-lead/permission`)
      .reply(200, { permission: 'write', role_name: 'write', user: { login: 'security-lead' } })
      .get(`/repos/${OWNER}/${REPO}/issues/${ISSUES.github}/comments`)
      .query(true)
      .times(2)
      .reply(200, () => comments.map((body, index) => ({ id: index + 1, body })))
      .post(`/repos/${OWNER}/${REPO}/issues/${ISSUES.github}/comments`)
      .times(2)
      .reply(201, (_uri, body) => {
        comments.push((body as { body: string }).body);
        return { id: comments.length, body: (body as { body: string }).body };
      });
    const { githubProvider, revocation, revokeBody } = mockLeakedGithubToken(githubToken, 'repo');

    const base = `http://127.0.0.1:${running?.port ?? 0}`;
    expect((await deliver(base, { event: 'push', payload: pushOf(commit, before), id: randomUUID() })).status).toBe(200);

    // Verified, then held: the check run offers "Revoke now" and the timeline says why it waits.
    await waitFor('the check run to offer Revoke now', () => Promise.resolve(checkRunPatches.at(-1)?.actions?.[0]?.identifier === 'leakstop-revoke' ? true : undefined));
    expect(checkRunPatches.at(-1)?.output?.summary).toContain(`leakstop:revoke-pending=${fingerprint('github-pat-classic', githubToken)}`);
    expect(issues.get(ISSUES.github)?.body).toContain('Revocation: awaiting approval');
    expect(revocation.isDone()).toBe(false);

    // A reader asks: a polite refusal, nothing revoked.
    expect((await deliver(base, { event: 'issue_comment', payload: revokeCommentOn(ISSUES.github, 'visitor', 101), id: randomUUID() })).status).toBe(200);
    await waitFor('the refusal', () => Promise.resolve(comments.length === 1 ? true : undefined));
    expect(comments[0]).toContain('Only people with write access');
    expect(revocation.isDone()).toBe(false);

    // A writer asks: revoked, the reply says so, the timeline names the approver, the button goes.
    expect((await deliver(base, { event: 'issue_comment', payload: revokeCommentOn(ISSUES.github, 'security-lead', 102), id: randomUUID() })).status).toBe(200);
    await waitFor('the approved revocation', () => Promise.resolve(revocation.isDone() ? true : undefined));
    expect(revokeBody.credentials).toEqual([githubToken]);
    await waitFor('the timeline to record the approved revocation', () =>
      // plainText() keeps a login from pinging anyone: '@' is followed by a zero-width space.
      Promise.resolve(/Revoked \(approved by @\u200b?security-lead\)/.test(issues.get(ISSUES.github)?.body ?? '') && checkRunPatches.at(-1)?.actions?.length === 0 ? true : undefined),
    );
    await waitFor('the reply to the approval', () => Promise.resolve(comments.length === 2 ? true : undefined));
    expect(comments[1]).toContain('@security-lead approved the revocation');
    expect(checkRunPatches.at(-1)?.actions).toEqual([]);
    for (const scope of [github, created, rewrites, githubProvider, revocation]) expect(scope.pendingMocks()).toEqual([]);

    for (const request of githubRequests.filter((r) => r.body !== '')) {
      const path = request.path.split('?')[0] ?? request.path;
      expect(requestBodyProblems(request.method, path, JSON.parse(request.body))).toEqual([]);
      expect(request.body).not.toContain(githubToken);
    }
    expect(captured.lines.join('\n')).not.toContain(githubToken);
    expect(await everythingStored(inspector, prefix)).not.toContain(githubToken);
  }, 60_000);
});

/** GitHub's example issue comment, made into `/leakstop revoke` by `login` on incident issue `number`. */
function revokeCommentOn(number: number, login: string, commentId: number): Record<string, unknown> {
  const payload = examplePayload('issue_comment', actionIs('created'));
  const issue = payload.issue as { number: number; labels: { name: string }[]; pull_request?: unknown };
  const comment = payload.comment as { id: number; body: string; user: { login: string; type: string }; performed_via_github_app?: unknown };
  issue.number = number;
  issue.labels = [{ name: 'leakstop' }];
  delete issue.pull_request;
  comment.id = commentId;
  comment.body = '/leakstop revoke';
  comment.user = { ...comment.user, login, type: 'User' };
  delete comment.performed_via_github_app;
  return { ...payload, installation: { id: INSTALLATION_ID } };
}

interface CheckRunPatch {
  output?: { summary: string };
  actions?: { identifier: string }[];
}

/** GitHub's side of a check run and incident issues, as the fake keeps them between requests. */
interface FakeReports {
  issues: Map<number, Issue>;
  checkRun: { status: string; external_id: string; output: { title: string; summary: string; text: string | null } } | undefined;
  checkRunPatches: CheckRunPatch[];
}

/**
 * The check run's creation (once), then its reads and edits and those of the incident issues: by
 * the scan report, each response report and an approval's lookup. Each is idempotent, so any number of them will do (a persisted scope, recorded).
 */
function fakeReports(commit: string, recorded: RecordedRequest[]): { state: FakeReports; created: nock.Scope; rewrites: nock.Scope } {
  const state: FakeReports = { issues: new Map(), checkRun: undefined, checkRunPatches: [] };
  const created = nock(API)
    .post(`/repos/${OWNER}/${REPO}/check-runs`)
    .reply(201, (_uri, body) => {
      const run = body as { status: string; external_id: string; output: { title: string; summary: string } };
      state.checkRun = { status: run.status, external_id: run.external_id, output: { ...run.output, text: null } };
      return { id: CHECK_RUN_ID, name: 'leakstop', head_sha: commit, status: run.status };
    });
  recordRequests(created, recorded);
  const rewrites = nock(API).persist();
  recordRequests(rewrites, recorded);
  rewrites
    .get(`/repos/${OWNER}/${REPO}/commits/${commit}/check-runs`)
    .query(true)
    .reply(200, () => ({ total_count: state.checkRun ? 1 : 0, check_runs: state.checkRun ? [{ id: CHECK_RUN_ID, name: 'leakstop', ...state.checkRun }] : [] }))
    .patch(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`)
    .reply(200, (_uri, body) => {
      const patch = body as CheckRunPatch;
      state.checkRunPatches.push(patch);
      if (state.checkRun && patch.output) state.checkRun.output = { ...state.checkRun.output, summary: patch.output.summary };
      return { id: CHECK_RUN_ID };
    })
    .get(/\/repos\/Codertocat\/Hello-World\/issues\/\d+$/)
    .reply(200, (uri) => issueReply(state.issues, uri))
    .patch(/\/repos\/Codertocat\/Hello-World\/issues\/\d+$/)
    .reply(200, (uri, body) => {
      const number = Number(uri.split('/').pop());
      state.issues.set(number, { number, body: (body as { body: string }).body });
      return issueReply(state.issues, uri);
    });
  return { state, created, rewrites };
}

function issueReply(issues: Map<number, Issue>, uri: string): Record<string, unknown> {
  const number = Number(uri.split('/').pop());
  const issue = issues.get(number);
  return { number, body: issue?.body ?? '', state: 'open', title: 'incident', html_url: `https://github.com/${OWNER}/${REPO}/issues/${number}`, performed_via_github_app: { id: APP_ID, slug: 'leakstop', name: 'leakstop' } };
}
