// A scan report job through the processor, with GitHub mocked (nock) and the stores in memory: the
// check run is written by the one writer, recording the scan for later writes and showing the leak
// response of the credentials it covers as far as it has got; the incident issues follow. Data that
// is not a scan report fails for good. A job run again after its check run was written (a worker
// killed, a failure later in the job) writes the completed run once, with the stores in Redis.
import { UnrecoverableError } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/detect/engine.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { processScanReportJob, type ScanReportJobDeps } from '../../src/queue/process-scan-report-job.js';
import { RedisCheckRunStore } from '../../src/queue/redis-check-run-store.js';
import { RedisIncidentStore } from '../../src/queue/redis-incident-store.js';
import { RedisResponseStore } from '../../src/queue/redis-response-store.js';
import { reportedResult, type ScanReportJob } from '../../src/queue/scan-report-job.js';
import { MemoryCheckRunStore } from '../../src/report/memory-check-run-store.js';
import { MemoryIncidentStore } from '../../src/report/memory-incident-store.js';
import type { StepRecord } from '../../src/respond/response-record.js';
import { MemoryResponseStore } from '../../src/respond/response-store.js';
import type { ScanResult } from '../../src/scan/result.js';
import { captureLog } from '../e2e/helpers.js';
import { checkRunAnswer, checkRunAsWritten, mockGitHub, testOctokit, type GitHubMock } from '../report/github-api-mock.js';
import { OWNER, pushJobOf, REPO } from './push-job.js';
import { allProviders } from '../../src/providers/index.js';
import { deleteKeysWithPrefix, describeWithRedis, testRedis, uniquePrefix } from './redis.js';
import type { Redis } from 'ioredis';

const HEAD = 'b'.repeat(40);
const COMMIT = { owner: OWNER, repo: REPO, headSha: HEAD };
const RUNS = `/repos/${OWNER}/${REPO}/check-runs`;
const RUN_ID = 88;
/** A generic password: found, but no provider the response covers. */
const PASSWORD_LINE = 'DB_PASSWORD = "Xk9#mQ2$vL7pR4wZ"';

function scanResultWith(token: string): ScanResult {
  const text = `GITHUB_TOKEN=${token}\n${PASSWORD_LINE}\n`;
  const findings = createEngine({ providers: allProviders })
    .scanText(text)
    .findings.map((finding) => ({ ...finding, path: 'config/deploy.env', commit: HEAD }));
  return { target: 'octo-org/payments push', root: '', findings, stats: { filesScanned: 1, bytesScanned: text.length, baselined: 0, allowedInline: 0, skipped: [], durationMs: 3 } };
}

function report(result: ScanResult, scan = pushJobOf('d-1', HEAD, 'c'.repeat(40))): ScanReportJob {
  return { scan, scanJobId: `d-1-${HEAD}`, startedAt: '2026-11-23T12:00:00.000Z', incidents: { assignees: [], labels: [] }, result: reportedResult(result) };
}

describe('processing a scan report job', () => {
  let github: GitHubMock;
  let token: string;
  let deps: ScanReportJobDeps & { checkRuns: MemoryCheckRunStore; responses: MemoryResponseStore };

  beforeEach(() => {
    github = mockGitHub();
    token = generateGithubStyleToken('ghp_');
    const octokit = testOctokit();
    deps = {
      github: () => Promise.resolve(octokit),
      incidents: new MemoryIncidentStore(),
      checkRuns: new MemoryCheckRunStore(),
      responses: new MemoryResponseStore(),
      respondsTo: (provider) => provider === 'github',
      endpoints: { apiBaseUrl: 'https://api.github.com', gitBaseUrl: 'https://github.com', htmlBaseUrl: 'https://github.com' },
      log: captureLog().log,
    };
  });
  afterEach(() => {
    try {
      github.verify([token]);
    } finally {
      github.dispose();
    }
  });

  function checkRunIsCreated(): void {
    github.scope.get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
  }

  function incidentsAreOpened(count: number): void {
    github.scope.get(`/repos/${OWNER}/${REPO}/issues`).query(true).times(count).reply(200, []);
    github.scope.post(`/repos/${OWNER}/${REPO}/issues`).times(count).reply(201, (_uri, body) => ({ number: 5, body: (body as { body: string }).body }));
  }

  it("records the scan for later writes and shows the response of the credentials it covers, as far as it has got", async () => {
    const result = scanResultWith(token);
    expect(result.findings.map((f) => f.provider).sort()).toEqual(['generic', 'github']);
    const github_ = result.findings.find((f) => f.provider === 'github')!;
    const verified: StepRecord = { step: 'verify', status: 'done', summary: 'live', at: '2026-11-23T12:00:01.000Z', by: 'octo-org/payments' };
    await deps.responses.save(github_.fingerprint, verified);
    checkRunIsCreated();
    incidentsAreOpened(2);

    expect(await processScanReportJob({ id: 'r', data: report(result), attemptsMade: 0 }, deps)).toEqual({ checkRunId: RUN_ID, findings: 2, incidentsCreated: 2, incidentsCommented: 0 });
    const [run] = github.bodies('POST', RUNS) as { conclusion: string; external_id: string; output: { summary: string; annotations: unknown[] } }[];
    expect(run).toMatchObject({ conclusion: 'failure', external_id: `d-1-${HEAD}` });
    expect(run?.output.annotations).toHaveLength(2);
    // One row: the generic password has no provider the response covers.
    expect(run?.output.summary).toContain(`\`${github_.secret.redacted}\` | done | – | – | – |`);
    expect(run?.output.summary.match(/^\| .* \| (done|–) \|/gm)).toHaveLength(1);
    const record = await deps.checkRuns.get(COMMIT);
    expect(record?.credentials.map((c) => c.fingerprint)).toEqual([github_.fingerprint]);
    expect(record?.scanJobId).toBe(`d-1-${HEAD}`);
  });

  it('writes no response section when the response is off', async () => {
    const { respondsTo: _, responses: __, ...off } = deps;
    checkRunIsCreated();
    incidentsAreOpened(2);
    await processScanReportJob({ id: 'r', data: report(scanResultWith(token)), attemptsMade: 0 }, off);
    const [run] = github.bodies('POST', RUNS) as { output: { summary: string } }[];
    expect(run?.output.summary).not.toContain('Leak response');
    expect((await deps.checkRuns.get(COMMIT))?.credentials).toEqual([]);
  });

  it('writes no check run for a backfill, only incident issues', async () => {
    const backfill = { ...pushJobOf('install-1', HEAD, 'c'.repeat(40)), kind: 'backfill' as const, headSha: '', commitShas: [] };
    incidentsAreOpened(2);
    expect(await processScanReportJob({ id: 'r', data: report(scanResultWith(token), backfill), attemptsMade: 0 }, deps)).toEqual({ findings: 2, incidentsCreated: 2, incidentsCommented: 0 });
    expect(await deps.checkRuns.get({ ...COMMIT, headSha: '' })).toBeUndefined();
  });

  it('fails for good on data that is not a scan report', async () => {
    await expect(processScanReportJob({ id: 'r', data: { scanJobId: 'x' }, attemptsMade: 0 }, deps)).rejects.toThrow(UnrecoverableError);
    await expect(processScanReportJob({ id: 'r', data: { scanJobId: 'x' }, attemptsMade: 0 }, deps)).rejects.toThrow(/job data is not a scan report/);
  });
});

describeWithRedis('a scan report job run again after it wrote the check run', () => {
  let github: GitHubMock;
  let token: string;
  let redis: Redis;
  let prefix: string;

  beforeEach(() => {
    github = mockGitHub();
    token = generateGithubStyleToken('ghp_');
    redis = testRedis();
    prefix = uniquePrefix();
  });
  afterEach(async () => {
    try {
      github.verify([token]);
    } finally {
      github.dispose();
      await deleteKeysWithPrefix(redis, prefix);
      await redis.quit();
    }
  });

  /** A worker's dependencies: all it knows of earlier attempts is in Redis (another worker may run the retry). */
  function worker(): ScanReportJobDeps {
    const octokit = testOctokit();
    return {
      github: () => Promise.resolve(octokit),
      incidents: new RedisIncidentStore(redis, { prefix }),
      checkRuns: new RedisCheckRunStore(redis, { prefix }),
      responses: new RedisResponseStore(redis, { prefix }),
      respondsTo: (provider) => provider === 'github',
      endpoints: { apiBaseUrl: 'https://api.github.com', gitBaseUrl: 'https://github.com', htmlBaseUrl: 'https://github.com' },
      log: captureLog().log,
    };
  }

  /** The first attempt writes the run, then fails at the incident issues (as a worker killed there would not finish). */
  function incidentsFailOnce(): void {
    github.scope.get(`/repos/${OWNER}/${REPO}/issues`).query(true).reply(502, { message: 'Server Error' });
  }

  function incidentsAreOpened(): void {
    github.scope.get(`/repos/${OWNER}/${REPO}/issues`).query(true).times(2).reply(200, []);
    github.scope
      .post(`/repos/${OWNER}/${REPO}/issues`)
      .times(2)
      .reply(201, (_uri, body) => ({ number: 5, body: (body as { body: string }).body }));
  }

  function completedWrites(): string[] {
    return github.seen
      .filter((r) => (r.method === 'POST' || r.method === 'PATCH') && r.path.startsWith(RUNS) && (r.body as { status?: string } | undefined)?.status === 'completed')
      .map((r) => `${r.method} ${r.path}`);
  }

  it('creates the completed run once: the retry finds it and writes it no second time', async () => {
    const data = report(scanResultWith(token));
    github.scope.get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
    incidentsFailOnce();
    await expect(processScanReportJob({ id: 'r', data, attemptsMade: 0 }, worker())).rejects.toThrow(/502/);

    github.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ id: RUN_ID, name: 'leakstop', head_sha: HEAD, status: 'completed', external_id: data.scanJobId }] });
    incidentsAreOpened();
    expect(await processScanReportJob({ id: 'r', data, attemptsMade: 1 }, worker())).toMatchObject({ checkRunId: RUN_ID, incidentsCreated: 2 });

    expect(completedWrites()).toEqual([`POST ${RUNS}`]);
  });

  /** The slow scan's run as its start left it: in progress, showing that it is scanning. */
  function runIsInProgress(scanJobId: string): void {
    const output = { title: 'Scanning for leaked credentials', summary: 'leakstop is scanning the new commits for credentials.' };
    github.scope.get(`${RUNS}/${RUN_ID}`).reply(200, checkRunAnswer({ id: RUN_ID, head_sha: HEAD, status: 'in_progress', external_id: scanJobId, output }));
  }

  it("completes a slow scan's in-progress run once: the retry sends nothing to the run", async () => {
    const data = { ...report(scanResultWith(token)), checkRunId: RUN_ID };
    runIsInProgress(data.scanJobId);
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, []);
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    incidentsFailOnce();
    await expect(processScanReportJob({ id: 'r', data, attemptsMade: 0 }, worker())).rejects.toThrow(/502/);

    incidentsAreOpened();
    expect(await processScanReportJob({ id: 'r', data, attemptsMade: 1 }, worker())).toMatchObject({ checkRunId: RUN_ID });

    expect(completedWrites()).toEqual([`PATCH ${RUNS}/${RUN_ID}`]);
  });

  it('writes the run again when what it shows has changed since (a revocation recorded in between)', async () => {
    const result = scanResultWith(token);
    const data = { ...report(result), checkRunId: RUN_ID };
    runIsInProgress(data.scanJobId);
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, []);
    github.scope.get(`${RUNS}/${RUN_ID}`).reply(200, () => checkRunAsWritten(github.seen, RUN_ID, HEAD));
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, () => annotationsAsSent());
    github.scope.patch(`${RUNS}/${RUN_ID}`).times(2).reply(200, { id: RUN_ID });
    incidentsFailOnce();
    await expect(processScanReportJob({ id: 'r', data, attemptsMade: 0 }, worker())).rejects.toThrow(/502/);
    const leaked = result.findings.find((f) => f.provider === 'github')!;
    await new RedisResponseStore(redis, { prefix }).save(leaked.fingerprint, { step: 'revoke', status: 'done', summary: 'revoked', at: '2026-11-23T12:00:02.000Z', by: 'octo-org/payments' });

    incidentsAreOpened();
    await processScanReportJob({ id: 'r', data, attemptsMade: 1 }, worker());

    // Completed once; the retry finds it completed by this scan and only brings its output up to date.
    expect(completedWrites()).toEqual([`PATCH ${RUNS}/${RUN_ID}`]);
    const [, update] = github.bodies('PATCH', `${RUNS}/${RUN_ID}`) as { status?: string; output: { summary: string } }[];
    expect(update).toEqual({ output: expect.any(Object), actions: [] });
    expect(update?.output.summary).toContain('revoked');
  });

  /** Redis lost the mark of the first write (restarted with `appendfsync everysec`, its last second gone). */
  async function redisLosesTheMark(): Promise<void> {
    await new RedisCheckRunStore(redis, { prefix }).forgetWritten(COMMIT);
  }

  /** The annotations the completing write sent, as GitHub lists them back. */
  function annotationsAsSent(): unknown[] {
    const write = github.seen.find((r) => (r.body as { status?: string } | undefined)?.status === 'completed');
    return (write?.body as { output: { annotations?: unknown[] } } | undefined)?.output.annotations ?? [];
  }

  it("completes a slow scan's run once though Redis lost the mark of that write: GitHub shows it completed already", async () => {
    const data = { ...report(scanResultWith(token)), checkRunId: RUN_ID };
    runIsInProgress(data.scanJobId);
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, []);
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    incidentsFailOnce();
    await expect(processScanReportJob({ id: 'r', data, attemptsMade: 0 }, worker())).rejects.toThrow(/502/);
    await redisLosesTheMark();

    github.scope.get(`${RUNS}/${RUN_ID}`).reply(200, () => checkRunAsWritten(github.seen, RUN_ID, HEAD));
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, () => annotationsAsSent());
    incidentsAreOpened();
    expect(await processScanReportJob({ id: 'r', data, attemptsMade: 1 }, worker())).toMatchObject({ checkRunId: RUN_ID });

    expect(completedWrites()).toEqual([`PATCH ${RUNS}/${RUN_ID}`]);
    expect(github.seen.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('creates the completed run once though Redis lost the mark of that write: the lookup shows it completed already', async () => {
    const data = report(scanResultWith(token));
    github.scope.get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
    incidentsFailOnce();
    await expect(processScanReportJob({ id: 'r', data, attemptsMade: 0 }, worker())).rejects.toThrow(/502/);
    await redisLosesTheMark();

    github.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, () => ({ total_count: 1, check_runs: [checkRunAsWritten(github.seen, RUN_ID, HEAD)] }));
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, () => annotationsAsSent());
    incidentsAreOpened();
    expect(await processScanReportJob({ id: 'r', data, attemptsMade: 1 }, worker())).toMatchObject({ checkRunId: RUN_ID, incidentsCreated: 2 });

    expect(completedWrites()).toEqual([`POST ${RUNS}`]);
    expect(github.seen.filter((r) => r.method === 'PATCH')).toEqual([]);
  });
});
