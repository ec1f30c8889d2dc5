// The one writer of a completed check run, with GitHub mocked (nock) and the stores in memory. Every
// write renders the whole run from the stored records, so the run is right whatever the order: the
// response finishing before or after the scan report, a later scan rewriting the run, a crash
// between the scan's record and its write. (The old scan report wrote the run without the response
// section and the response report spliced it back in: each case below caught that.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanCheckRun } from '../../src/report/check-run-payload.js';
import type { CheckRunRecord, HeadCommit } from '../../src/report/check-run-record.js';
import { incidentKey } from '../../src/report/incident-issue.js';
import { MemoryCheckRunStore } from '../../src/report/memory-check-run-store.js';
import { MemoryIncidentStore } from '../../src/report/memory-incident-store.js';
import { REVOKE_ACTION } from '../../src/report/response-report.js';
import { writeCheckRun, type CheckRunWriterDeps, type ScanWrite } from '../../src/report/write-check-run.js';
import type { StepRecord } from '../../src/respond/response-record.js';
import { MemoryResponseStore } from '../../src/respond/response-store.js';
import { checkRunAnswer, checkRunAsWritten, mockGitHub, testOctokit, type GitHubMock } from './github-api-mock.js';
import { awsFinding, githubFinding, RAW_SECRETS, sampleResult } from './sample-result.js';

const COMMIT: HeadCommit = { owner: 'acme', repo: 'app', headSha: '0123456789abcdef0123456789abcdef01234567' };
const RUNS = `/repos/${COMMIT.owner}/${COMMIT.repo}/check-runs`;
const LIST = `/repos/${COMMIT.owner}/${COMMIT.repo}/commits/${COMMIT.headSha}/check-runs`;
const RUN_ID = 31;
const FIRST_SCAN = 'delivery-1-head';
const LATER_SCAN = 'delivery-2-head';
const STARTED_AT = new Date('2026-11-23T10:00:00Z');

interface RunBody {
  status?: string;
  conclusion?: string;
  external_id?: string;
  output: { title: string; summary: string; text?: string; annotations?: unknown[] };
  actions?: { identifier: string }[];
}

function record(step: StepRecord['step'], status: StepRecord['status']): StepRecord {
  return { step, status, summary: `${step}: ${status}`, at: '2026-11-23T10:00:05.000Z', by: 'acme/app' };
}

/** The scan report's write: the sample scan's record, responding to its GitHub and AWS findings. */
function scanWrite(scanJobId = FIRST_SCAN, checkRunId?: number): ScanWrite {
  const { conclusion, output, annotations } = scanCheckRun(sampleResult());
  const credentials = [githubFinding, awsFinding].map((f) => ({ fingerprint: f.fingerprint, title: f.title, redacted: f.secret.redacted }));
  const scanRecord: CheckRunRecord = { scanJobId, conclusion, output, incidentRepo: { owner: 'acme', repo: 'security' }, credentials };
  return { record: scanRecord, annotations, startedAt: STARTED_AT, checkRunId };
}

describe('writing a check run from the stored records', () => {
  let github: GitHubMock;
  let deps: CheckRunWriterDeps & { checkRuns: MemoryCheckRunStore; responses: MemoryResponseStore; incidents: MemoryIncidentStore };
  const octokit = testOctokit();

  beforeEach(() => {
    github = mockGitHub();
    deps = { checkRuns: new MemoryCheckRunStore(), incidents: new MemoryIncidentStore(), responses: new MemoryResponseStore(), htmlBaseUrl: 'https://github.com' };
  });
  afterEach(() => {
    try {
      github.verify(Object.values(RAW_SECRETS));
    } finally {
      github.dispose();
    }
  });

  /** The SHA's run as GitHub lists it: `run`'s fields (output `null` unless given), or as the last completing write left it. */
  function runIsListed(run: { status: string; external_id: string; output?: { title: string; summary: string } } | 'as-written' | undefined): void {
    github.scope
      .get(LIST)
      .query({ check_name: 'leakstop', filter: 'latest', per_page: '100' })
      .reply(200, () => {
        if (run === undefined) return { total_count: 0, check_runs: [] };
        const shown = run === 'as-written' ? checkRunAsWritten(github.seen, RUN_ID, COMMIT.headSha) : checkRunAnswer({ id: RUN_ID, head_sha: COMMIT.headSha, ...run });
        return { total_count: 1, check_runs: [shown] };
      });
  }

  const created = (): RunBody[] => github.bodies('POST', RUNS) as RunBody[];
  const patched = (): RunBody[] => github.bodies('PATCH', `${RUNS}/${RUN_ID}`) as RunBody[];

  it('the response finishing first: the response report writes nothing, and the scan report writes the run with the response in it', async () => {
    await deps.responses.save(githubFinding.fingerprint, record('verify', 'done'));
    await deps.responses.save(githubFinding.fingerprint, record('revoke', 'awaiting-approval'));
    await deps.incidents.set(incidentKey('acme/app', githubFinding.fingerprint), 12);
    expect(await writeCheckRun(octokit, deps, COMMIT)).toEqual({ written: 'nothing', why: 'no-scan-reported' });
    expect(github.seen).toEqual([]);

    runIsListed(undefined);
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
    expect(await writeCheckRun(octokit, deps, COMMIT, scanWrite())).toEqual({ written: 'created', checkRunId: RUN_ID, approvable: true });
    const [run] = created();
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', external_id: FIRST_SCAN, actions: [{ ...REVOKE_ACTION }] });
    expect(run?.output.summary).toContain('## Leak response');
    expect(run?.output.summary).toContain(`\`${githubFinding.secret.redacted}\` ([incident](https://github.com/acme/security/issues/12)) | done | awaiting approval |`);
    expect(run?.output.summary).toContain('1 credential(s) await approval');
    expect(run?.output.annotations).toHaveLength(3);
  });

  it('the response finishing after: the scan report shows its rows waiting, the response report rewrites them from the records', async () => {
    runIsListed(undefined);
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
    await writeCheckRun(octokit, deps, COMMIT, scanWrite());
    expect(created()[0]?.output.summary).toContain(`\`${githubFinding.secret.redacted}\` | – | – | – | – |`);
    expect(created()[0]).not.toHaveProperty('actions');

    await deps.responses.save(githubFinding.fingerprint, record('verify', 'done'));
    await deps.responses.save(githubFinding.fingerprint, record('revoke', 'done'));
    runIsListed({ status: 'completed', external_id: FIRST_SCAN });
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    expect(await writeCheckRun(octokit, deps, COMMIT)).toEqual({ written: 'updated', checkRunId: RUN_ID, approvable: false });
    const [update] = patched();
    // The whole output again, the scan's part first; the conclusion and annotations stay as they are.
    expect(update?.output.summary.startsWith(created()[0]?.output.summary.split('<!-- leakstop:response-start')[0] ?? '?')).toBe(true);
    expect(update?.output.summary).toContain(`\`${githubFinding.secret.redacted}\` | done | done | – | – |`);
    expect(update?.output.text).toBe(created()[0]?.output.text);
    expect(update).toEqual({ output: expect.any(Object), actions: [] });
  });

  it('a later scan rewriting the run: its write shows the response at once, from the records', async () => {
    await deps.checkRuns.save(COMMIT, scanWrite().record);
    await deps.responses.save(githubFinding.fingerprint, record('revoke', 'done'));
    // The later scan started the run in progress (checkRunId); completing it looks at the run, then
    // lists the sent annotations.
    const scanning = { title: 'Scanning for leaked credentials', summary: 'leakstop is scanning the new commits for credentials.' };
    github.scope.get(`${RUNS}/${RUN_ID}`).reply(200, checkRunAnswer({ id: RUN_ID, head_sha: COMMIT.headSha, status: 'in_progress', external_id: LATER_SCAN, output: scanning }));
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, []);
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    expect(await writeCheckRun(octokit, deps, COMMIT, scanWrite(LATER_SCAN, RUN_ID))).toMatchObject({ written: 'completed', checkRunId: RUN_ID });
    const [completed] = patched();
    expect(completed).toMatchObject({ status: 'completed', conclusion: 'failure', external_id: LATER_SCAN, actions: [] });
    expect(completed?.output.summary).toContain(`\`${githubFinding.secret.redacted}\` | – | done | – | – |`);
    expect((await deps.checkRuns.get(COMMIT))?.scanJobId).toBe(LATER_SCAN);
  });

  it('a crash between the scan record and its write: the response report writes nothing, and the retried scan report writes it all', async () => {
    // GitHub answers 502 twice: the lookup between the two finds no run, so the second create is safe.
    runIsListed(undefined);
    github.scope.post(RUNS).reply(502, { message: 'Server Error' });
    runIsListed(undefined);
    github.scope.post(RUNS).reply(502, { message: 'Server Error' });
    await expect(writeCheckRun(octokit, deps, COMMIT, scanWrite())).rejects.toMatchObject({ status: 502 });

    await deps.responses.save(githubFinding.fingerprint, record('revoke', 'done'));
    runIsListed(undefined);
    expect(await writeCheckRun(octokit, deps, COMMIT)).toEqual({ written: 'nothing', why: 'no-check-run' });

    runIsListed(undefined);
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
    expect(await writeCheckRun(octokit, deps, COMMIT, scanWrite())).toMatchObject({ written: 'created' });
    expect(created().at(-1)?.output.summary).toContain(`\`${githubFinding.secret.redacted}\` | – | done | – | – |`);
  });

  it('a retried scan report completes the run its first attempt created, sending no annotation twice and no second run', async () => {
    runIsListed({ status: 'completed', external_id: FIRST_SCAN });
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, scanWrite().annotations.slice(0, 2));
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    expect(await writeCheckRun(octokit, deps, COMMIT, scanWrite())).toMatchObject({ written: 'completed', checkRunId: RUN_ID });
    expect(patched()[0]?.output.annotations).toHaveLength(1);
    expect(created()).toEqual([]);
  });

  it('a retried scan report whose written-mark Redis lost (a restart): the run shows it already, so only the annotations it lacks are sent', async () => {
    runIsListed(undefined);
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
    await writeCheckRun(octokit, deps, COMMIT, scanWrite());
    await deps.checkRuns.forgetWritten(COMMIT);

    // Say only 2 of the 3 annotations reached the run (a later batch lost with the worker).
    runIsListed('as-written');
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, scanWrite().annotations.slice(0, 2));
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    expect(await writeCheckRun(octokit, deps, COMMIT, scanWrite())).toMatchObject({ written: 'unchanged', checkRunId: RUN_ID });
    const [appended] = patched();
    expect(appended).toEqual({ output: expect.any(Object) });
    expect(appended?.output.annotations).toEqual(scanWrite().annotations.slice(2));
    expect(created()).toHaveLength(1);
    expect(await deps.checkRuns.written(COMMIT)).toMatchObject({ checkRunId: RUN_ID });
  });

  it('a retried scan report whose run shows an older content (the response moved on, the mark lost): the output is updated, the run not completed again', async () => {
    runIsListed(undefined);
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
    await writeCheckRun(octokit, deps, COMMIT, scanWrite());
    await deps.checkRuns.forgetWritten(COMMIT);
    await deps.responses.save(githubFinding.fingerprint, record('revoke', 'done'));

    runIsListed('as-written');
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, scanWrite().annotations);
    expect(await writeCheckRun(octokit, deps, COMMIT, scanWrite())).toMatchObject({ written: 'updated', checkRunId: RUN_ID });
    const [update] = patched();
    expect(update).toEqual({ output: expect.any(Object), actions: [] });
    expect(update?.output.summary).toContain(`\`${githubFinding.secret.redacted}\` | – | done | – | – |`);
  });

  it('a scan report completes a run completed by an earlier scan of the SHA, whatever it shows', async () => {
    runIsListed({ status: 'completed', external_id: 'delivery-0-head', output: { title: 'An older result', summary: 'From the scan of an earlier delivery.' } });
    github.scope.get(`${RUNS}/${RUN_ID}/annotations`).query(true).reply(200, []);
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    expect(await writeCheckRun(octokit, deps, COMMIT, scanWrite())).toMatchObject({ written: 'completed', checkRunId: RUN_ID });
    expect(patched()[0]).toMatchObject({ status: 'completed', conclusion: 'failure', external_id: FIRST_SCAN });
  });

  it('a retried response report whose mark Redis lost writes nothing: the run shows that content already', async () => {
    runIsListed(undefined);
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
    await writeCheckRun(octokit, deps, COMMIT, scanWrite());
    await deps.checkRuns.forgetWritten(COMMIT);

    runIsListed('as-written');
    expect(await writeCheckRun(octokit, deps, COMMIT)).toMatchObject({ written: 'unchanged', checkRunId: RUN_ID });
    expect(patched()).toEqual([]);
  });

  it.each([
    ['in progress for a later scan', { status: 'in_progress', external_id: LATER_SCAN }],
    ['failed by a later scan', { status: 'completed', external_id: LATER_SCAN }],
  ])('leaves a run %s alone: that scan writes it from the same records', async (_case, run) => {
    await deps.checkRuns.save(COMMIT, scanWrite().record);
    runIsListed(run);
    expect(await writeCheckRun(octokit, deps, COMMIT)).toEqual({ written: 'nothing', why: 'another-scan' });
  });

  it('offers "Revoke now" only while a revocation awaits approval, not for one that can only be done by hand', async () => {
    await deps.checkRuns.save(COMMIT, scanWrite().record);
    await deps.responses.save(githubFinding.fingerprint, record('revoke', 'unsupported'));
    await deps.responses.save(awsFinding.fingerprint, record('revoke', 'failed'));
    runIsListed({ status: 'completed', external_id: FIRST_SCAN });
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    expect(await writeCheckRun(octokit, deps, COMMIT)).toMatchObject({ written: 'updated', approvable: false });
    expect(patched()[0]?.actions).toEqual([]);
    expect(patched()[0]?.output.summary).toContain('| by hand |');
  });

  it('writes no response section when the scan responds to nothing (the response off, or no provider it covers)', async () => {
    runIsListed(undefined);
    github.scope.post(RUNS).reply(201, { id: RUN_ID });
    const write = scanWrite();
    await writeCheckRun(octokit, { ...deps, responses: undefined }, COMMIT, { ...write, record: { ...write.record, credentials: [] } });
    expect(created()[0]?.output.summary).toBe(write.record.output.summary);
    expect(created()[0]?.output.summary).not.toContain('Leak response');
  });

  it('holds one lock per head SHA: a response write started during the scan write waits for it, then sees its record', async () => {
    runIsListed(undefined);
    // A revocation recorded while the scan's write is on its way: the response write shows it.
    github.scope
      .post(RUNS)
      .delay(50)
      .reply(201, async () => {
        await deps.responses.save(awsFinding.fingerprint, record('revoke', 'done'));
        return { id: RUN_ID };
      });
    runIsListed({ status: 'completed', external_id: FIRST_SCAN });
    github.scope.patch(`${RUNS}/${RUN_ID}`).reply(200, { id: RUN_ID });
    const writes = [writeCheckRun(octokit, deps, COMMIT, scanWrite()), writeCheckRun(octokit, deps, COMMIT)];
    expect(await Promise.all(writes)).toMatchObject([{ written: 'created' }, { written: 'updated' }]);
    expect(github.seen.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([`GET ${LIST}`, `POST ${RUNS}`, `GET ${LIST}`, `PATCH ${RUNS}/${RUN_ID}`]);
    expect(patched()[0]?.output.summary).toContain(`\`${awsFinding.secret.redacted}\` | – | done | – | – |`);
  });
});
