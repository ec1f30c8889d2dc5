// One scan job through the processor with GitHub mocked (nock), reporting inline: a pull request
// scanned as its commits, a broken repository config reported in the check run, permanent GitHub
// errors ending the job, and a backfill reading the whole history with git.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UnrecoverableError } from 'bullmq';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import type { ScanJob } from '../../src/queue/jobs.js';
import { processScanJob, type ScanJobDeps } from '../../src/queue/process-scan-job.js';
import { MemoryCheckRunStore } from '../../src/report/memory-check-run-store.js';
import { MemoryIncidentStore } from '../../src/report/memory-incident-store.js';
import { stringify } from 'yaml';
import { captureLog, commitWithLines, commitWithToken, type CapturedLog } from '../e2e/helpers.js';
import { ACME_TOKEN, acmeRule, INITECH_SECRET, initechRule } from '../detect/custom-rule-specs.js';
import { startGitHttpServer, type GitHttpServer } from '../scan/git-http-server.js';
import { isolateGit, makeTempDir, TestRepo } from '../scan/helpers.js';
import { checkRunAnswer } from '../report/github-api-mock.js';

const API = 'https://api.github.com';
const OWNER = 'octo-org';
const REPO = 'payments';
const HEAD = '1111111111111111111111111111111111111111';
const FIRST = '2222222222222222222222222222222222222222';
const BASE = '3333333333333333333333333333333333333333';
const CHECK_RUN_ID = 77;
const CONFIG = '/contents/.github%2Fleakstop.yml';

function installationOctokit(): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } });
}

function pullRequestJob(): ScanJob {
  return {
    kind: 'pull_request',
    deliveryId: 'delivery-1',
    installationId: 5,
    repository: { owner: OWNER, name: REPO, id: 9, defaultBranch: 'main', private: true },
    headSha: HEAD,
    ref: 'refs/pull/12/head',
    commitShas: [],
    pusher: 'mona',
    pullRequest: { number: 12, baseSha: BASE, headRepoFullName: 'contributor/payments' },
  };
}

function cleanCommit(sha: string, parent: string): Record<string, unknown> {
  const commit = commitWithToken(sha, parent, 'placeholder');
  commit.files = [{ sha: null, filename: 'README.md', status: 'modified', additions: 1, deletions: 0, changes: 1, patch: '@@ -1,0 +1,1 @@\n+Hello' }];
  return commit;
}

describe('processing a scan job', () => {
  let github: nock.Scope;
  let captured: CapturedLog;
  let deps: ScanJobDeps;
  const bodies: unknown[] = [];

  beforeEach(() => {
    nock.disableNetConnect();
    github = nock(API);
    bodies.length = 0;
    captured = captureLog();
    deps = {
      github: () => Promise.resolve(installationOctokit()),
      incidents: new MemoryIncidentStore(),
      checkRuns: new MemoryCheckRunStore(),
      log: captured.log,
      endpoints: { apiBaseUrl: API, gitBaseUrl: 'https://github.com', htmlBaseUrl: 'https://github.com' },
      // These tests follow the in-progress-then-complete path; a quick scan's single request has its own test.
      inProgressAfterMs: 0,
    };
  });
  afterEach(() => {
    expect(github.pendingMocks()).toEqual([]);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  function checkRunStarts(existing: unknown[] = []): void {
    github
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, { total_count: existing.length, check_runs: existing });
    if (existing.length === 0) github.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, { id: CHECK_RUN_ID });
  }

  /** Completing the slow scan's run: a look at it (in progress, as the start left it), the sent annotations, the write. */
  function checkRunCompletes(): void {
    const scanning = { title: 'Scanning for leaked credentials', summary: 'leakstop is scanning the new commits for credentials.' };
    github
      .get(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`)
      .reply(200, checkRunAnswer({ id: CHECK_RUN_ID, head_sha: HEAD, status: 'in_progress', output: scanning }))
      .get(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}/annotations`)
      .query(true)
      .reply(200, [])
      .patch(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`, (body: unknown) => bodies.push(body) > 0)
      .reply(200, { id: CHECK_RUN_ID });
  }

  it("scans a pull request as its commits and reports success when they are clean", async () => {
    checkRunStarts();
    github
      .get(`/repos/${OWNER}/${REPO}${CONFIG}`)
      .reply(404, {})
      .get(`/repos/${OWNER}/.github${CONFIG}`)
      .reply(404, {})
      .get(`/repos/${OWNER}/${REPO}/pulls/12/commits`)
      .query({ per_page: '100', page: '1' })
      .reply(200, [{ sha: FIRST }, { sha: HEAD }])
      .get(`/repos/${OWNER}/${REPO}/commits/${FIRST}`)
      .reply(200, cleanCommit(FIRST, BASE))
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`)
      .reply(200, cleanCommit(HEAD, FIRST));
    checkRunCompletes();

    const outcome = await processScanJob({ id: 'delivery-1-head', data: pullRequestJob(), attemptsMade: 0 }, deps);
    expect(outcome).toEqual({ checkRunId: CHECK_RUN_ID, commits: 2, filesScanned: 2, findings: 0, incidentsCreated: 0, incidentsCommented: 0 });
    expect(bodies[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    const logged = captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.find((line) => line.msg === 'scan finished')).toMatchObject({ jobId: 'delivery-1-head', repo: `${OWNER}/${REPO}`, kind: 'pull_request', findings: 0 });
  });

  it('reports a scan that finishes quickly with one request: the run created already completed', async () => {
    github
      .get(`/repos/${OWNER}/${REPO}${CONFIG}`)
      .reply(404, {})
      .get(`/repos/${OWNER}/.github${CONFIG}`)
      .reply(404, {})
      .get(`/repos/${OWNER}/${REPO}/pulls/12/commits`)
      .query(true)
      .reply(200, [{ sha: HEAD }])
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`)
      .reply(200, cleanCommit(HEAD, BASE))
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .post(`/repos/${OWNER}/${REPO}/check-runs`, (body: unknown) => bodies.push(body) > 0)
      .reply(201, { id: CHECK_RUN_ID });

    const outcome = await processScanJob({ id: 'quick', data: pullRequestJob(), attemptsMade: 0 }, { ...deps, inProgressAfterMs: 60_000 });
    expect(outcome).toMatchObject({ checkRunId: CHECK_RUN_ID, findings: 0 });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ name: 'leakstop', head_sha: HEAD, external_id: 'quick', status: 'completed', conclusion: 'success' });
  });

  it('reports an invalid repository config in the check run and scans with the defaults', async () => {
    const token = generateGithubStyleToken('ghp_');
    checkRunStarts();
    github
      .get(`/repos/${OWNER}/${REPO}${CONFIG}`)
      .reply(200, 'rules:\n  disable: nope\n', { 'content-type': 'text/plain; charset=utf-8' })
      .get(`/repos/${OWNER}/${REPO}/pulls/12/commits`)
      .query(true)
      .reply(200, [{ sha: HEAD }])
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`)
      .reply(200, commitWithToken(HEAD, BASE, token));
    checkRunCompletes();
    github
      .get(`/repos/${OWNER}/${REPO}/issues`)
      .query(true)
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/issues`, (body: unknown) => bodies.push(body) > 0)
      .reply(201, { number: 3 });

    const outcome = await processScanJob({ id: 'j', data: pullRequestJob(), attemptsMade: 0 }, deps);
    expect(outcome).toMatchObject({ findings: 1, incidentsCreated: 1 });
    const completed = bodies[0] as { conclusion: string; output: { summary: string } };
    expect(completed.conclusion).toBe('failure');
    expect(completed.output.summary).toContain('rules.disable');
    expect(JSON.stringify(bodies)).not.toContain(token);
    expect(captured.lines.join('')).toContain('repository config is invalid');
    expect(captured.lines.join('')).not.toContain(token);
  });

  it('quotes a token pasted into the repository config redacted in the check run and the log', async () => {
    const token = generateGithubStyleToken('ghp_');
    checkRunStarts();
    github
      .get(`/repos/${OWNER}/${REPO}${CONFIG}`)
      .reply(200, `rules:\n  disable: [generic-secret]\n  ${token}: [y]\n`, { 'content-type': 'text/plain; charset=utf-8' })
      .get(`/repos/${OWNER}/${REPO}/pulls/12/commits`)
      .query(true)
      .reply(200, [{ sha: HEAD }])
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`)
      .reply(200, cleanCommit(HEAD, BASE));
    checkRunCompletes();

    await processScanJob({ id: 'j', data: pullRequestJob(), attemptsMade: 0 }, deps);
    const completed = bodies[0] as { output: { summary: string } };
    expect(completed.output.summary).toContain("unknown key 'rules.");
    expect(completed.output.summary).toContain(`${token.slice(-4)} (40 chars)`);
    for (const text of [JSON.stringify(bodies), captured.lines.join('')]) expect(text).not.toContain(token.slice(4, 36));
  });

  function incidentsOpen(count: number): void {
    github
      .get(`/repos/${OWNER}/${REPO}/issues`)
      .query(true)
      .times(count)
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/issues`, (body: unknown) => bodies.push(body) > 0)
      .times(count)
      .reply(201, { number: 3 });
  }

  it("scans with the repository's custom rules and the operator's, reporting each by its rule id, redacted", async () => {
    checkRunStarts();
    github
      .get(`/repos/${OWNER}/${REPO}${CONFIG}`)
      .reply(200, stringify({ rules: { custom: [acmeRule] } }), { 'content-type': 'text/plain; charset=utf-8' })
      .get(`/repos/${OWNER}/${REPO}/pulls/12/commits`)
      .query(true)
      .reply(200, [{ sha: HEAD }])
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`)
      .reply(200, commitWithLines(HEAD, BASE, [`ACME_KEY=${ACME_TOKEN}`, `INITECH_CLIENT_SECRET=${INITECH_SECRET}`]));
    checkRunCompletes();
    incidentsOpen(2);

    const outcome = await processScanJob({ id: 'custom', data: pullRequestJob(), attemptsMade: 0 }, { ...deps, operatorRules: [initechRule] });
    expect(outcome).toMatchObject({ findings: 2, incidentsCreated: 2 });
    const completed = bodies[0] as { conclusion: string; output: { summary: string; text?: string; annotations?: Array<{ title: string }> } };
    expect(completed.conclusion).toBe('failure');
    const reported = JSON.stringify(bodies);
    expect(reported).toContain('acme-api-key');
    expect(reported).toContain('initech-client-secret');
    // No adapter for a custom rule: the incident issue says to revoke it by hand.
    const issues = bodies.slice(1) as Array<{ body: string }>;
    expect(issues).toHaveLength(2);
    for (const issue of issues) expect(issue.body).toContain('leakstop cannot revoke it: revoke it by hand where it was issued');
    expect(reported).not.toContain(ACME_TOKEN.slice(10, 30));
    expect(reported).not.toContain(INITECH_SECRET.slice(0, 30));
  });

  it("refuses a repository rule that redefines an operator's rule, and scans with the operator's", async () => {
    checkRunStarts();
    github
      .get(`/repos/${OWNER}/${REPO}${CONFIG}`)
      .reply(200, stringify({ rules: { custom: [acmeRule] } }), { 'content-type': 'text/plain; charset=utf-8' })
      .get(`/repos/${OWNER}/${REPO}/pulls/12/commits`)
      .query(true)
      .reply(200, [{ sha: HEAD }])
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`)
      .reply(200, commitWithLines(HEAD, BASE, [`ACME_KEY=${ACME_TOKEN}`]));
    checkRunCompletes();
    incidentsOpen(1);

    const outcome = await processScanJob({ id: 'taken', data: pullRequestJob(), attemptsMade: 0 }, { ...deps, operatorRules: [acmeRule] });
    expect(outcome).toMatchObject({ findings: 1 });
    const completed = bodies[0] as { output: { summary: string } };
    expect(completed.output.summary).toContain("rules.custom.0.id: 'acme-api-key' is an organisation-wide rule set by the operator");
  });

  it('ends the job at once when GitHub refuses for good (the app lost access)', async () => {
    github.get(`/repos/${OWNER}/${REPO}${CONFIG}`).reply(403, { message: 'Resource not accessible by integration' });
    const error = await processScanJob({ id: 'j', data: pullRequestJob(), attemptsMade: 0 }, { ...deps, inProgressAfterMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toMatch(/GitHub answered 403: Resource not accessible by integration/);
  });

  it('ends the job at once when its data is not a scan job', async () => {
    const error = await processScanJob({ id: 'j', data: { kind: 'push' }, attemptsMade: 0 }, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toMatch(/job data is not a scan job/);
  });
});

describe('processing a backfill', () => {
  const temp = makeTempDir('leakstop-backfill-');
  let server: GitHttpServer;
  let github: nock.Scope;
  let token: string;

  beforeAll(async () => {
    isolateGit();
    token = generateGithubStyleToken('ghp_');
    // A working repository named like a bare one: git http-backend serves <name>.git/.git too.
    const dir = join(temp.path, OWNER, `${REPO}.git`);
    mkdirSync(dir, { recursive: true });
    const repo = TestRepo.init(dir);
    repo.git('config', 'uploadpack.allowFilter', 'true');
    repo.write('README.md', 'payments\n');
    repo.commit('initial');
    repo.write('deploy.env', `TOKEN=${token}\n`);
    repo.commit('add deploy settings');
    repo.write('deploy.env', 'TOKEN=\n');
    repo.commit('remove the token again');
    server = await startGitHttpServer(temp.path, `basic ${Buffer.from('x-access-token:test').toString('base64')}`);
  });
  afterAll(async () => {
    await server?.close();
    temp.remove();
  });
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    github = nock(API);
  });
  afterEach(() => {
    expect(github.pendingMocks()).toEqual([]);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('reads every commit with git and opens an incident for a token removed long ago, with no check run', async () => {
    const issues: { body: string }[] = [];
    github
      .get(`/repos/${OWNER}/${REPO}${CONFIG}`)
      .reply(404, {})
      .get(`/repos/${OWNER}/.github${CONFIG}`)
      .reply(404, {})
      .get(`/repos/${OWNER}/${REPO}/issues`)
      .query(true)
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/issues`, (body: { body: string }) => issues.push(body) > 0)
      .reply(201, { number: 1 });
    const job: ScanJob = {
      kind: 'backfill',
      deliveryId: 'install-1',
      installationId: 5,
      repository: { owner: OWNER, name: REPO, id: 9, defaultBranch: '', private: true },
      headSha: '',
      commitShas: [],
    };
    const deps: ScanJobDeps = {
      github: () => Promise.resolve(installationOctokit()),
      incidents: new MemoryIncidentStore(),
      checkRuns: new MemoryCheckRunStore(),
      log: captureLog().log,
      endpoints: { apiBaseUrl: API, gitBaseUrl: server.url('').replace(/\/$/, ''), htmlBaseUrl: 'https://github.com' },
    };
    const outcome = await processScanJob({ id: 'install-1-repo9', data: job, attemptsMade: 0 }, deps);
    expect(outcome).toEqual({ commits: 3, filesScanned: 3, findings: 1, incidentsCreated: 1, incidentsCommented: 0 });
    expect(issues).toHaveLength(1);
    expect(JSON.stringify(issues)).not.toContain(token);
  });
});
