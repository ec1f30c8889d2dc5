// A scan (or scan report) job that failed for good: its check run says the scan could not complete,
// why, and what to do, so a required check never waits forever.
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportFailedScan } from '../../src/queue/report-failed-scan.js';
import { MemoryCheckRunStore } from '../../src/report/memory-check-run-store.js';
import { captureLog, type CapturedLog } from '../e2e/helpers.js';
import { pushJobOf } from './push-job.js';

const API = 'https://api.github.com';
const CHECK_RUN_ID = 77;

describe('reporting a scan that failed for good', () => {
  let github: nock.Scope;
  let captured: CapturedLog;
  const bodies: unknown[] = [];
  const job = pushJobOf('delivery-1', '1'.repeat(40), '2'.repeat(40));
  const { owner: OWNER, name: REPO } = job.repository;
  const HEAD = job.headSha;
  const deps = () => ({ github: () => Promise.resolve(new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } })), checkRuns: new MemoryCheckRunStore(), log: captured.log });

  beforeEach(() => {
    nock.disableNetConnect();
    github = nock(API);
    bodies.length = 0;
    captured = captureLog();
  });
  afterEach(() => {
    expect(github.pendingMocks()).toEqual([]);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  function checkRunStarts(existing: unknown[]): void {
    github
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, { total_count: existing.length, check_runs: existing });
  }

  it('fails the check run, saying the scan could not complete, when the job fails for good', async () => {
    checkRunStarts([{ id: CHECK_RUN_ID, name: 'leakstop', status: 'in_progress', external_id: 'j' }]);
    github.patch(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`, (body: unknown) => bodies.push(body) > 0).reply(200, { id: CHECK_RUN_ID });
    await reportFailedScan({ id: 'j', data: job, attemptsMade: 5 }, new Error('GitHub answered 502 to GET /repos/octo-org/payments/commits'), deps());
    const failed = bodies[0] as { conclusion: string; output: { title: string; summary: string } };
    expect(failed.conclusion).toBe('failure');
    expect(failed.output.title).toBe('The scan could not complete');
    expect(failed.output.summary).toContain('after 5 attempt(s): GitHub answered 502');
    const errorLine = captured.lines.map((line) => JSON.parse(line) as { level: number; msg: string }).find((line) => line.level === 50);
    expect(errorLine?.msg).toBe('scan could not complete');
  });

  it('finds the scan inside a scan report job, and fails its check run too', async () => {
    checkRunStarts([{ id: CHECK_RUN_ID, name: 'leakstop', status: 'completed', external_id: 'other' }]);
    github.patch(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`, (body: unknown) => bodies.push(body) > 0).times(2).reply(200, { id: CHECK_RUN_ID });
    await reportFailedScan({ id: 'j-report', data: { scan: job, scanJobId: 'j' }, attemptsMade: 5 }, new Error('boom'), deps());
    expect(bodies.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('waits for a write of the run under way (the head SHA lock), so that no response write lands on the failure', async () => {
    const checkRuns = new MemoryCheckRunStore();
    let release = (): void => {};
    const held = checkRuns.lock({ owner: OWNER, repo: REPO, headSha: HEAD }, () => new Promise<void>((resolve) => (release = resolve)));
    checkRunStarts([{ id: CHECK_RUN_ID, name: 'leakstop', status: 'in_progress', external_id: 'j' }]);
    github.patch(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`, (body: unknown) => bodies.push(body) > 0).reply(200, { id: CHECK_RUN_ID });
    const failing = reportFailedScan({ id: 'j', data: job, attemptsMade: 5 }, new Error('boom'), { ...deps(), checkRuns });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(github.pendingMocks()).toHaveLength(2);
    release();
    await Promise.all([held, failing]);
    expect(bodies).toHaveLength(1);
  });

  it('logs an error and writes nothing when the job data is unreadable', async () => {
    await reportFailedScan({ id: 'j', data: { kind: 'push' }, attemptsMade: 5 }, new Error('boom'), deps());
    expect(captured.lines.join('\n')).toContain('its job data is unreadable');
  });
});
