// A step job through the processor, with GitHub's /user mocked (nock) and the stores in memory: a
// verify step records the provider's answer, a settled step asks nothing again, and bad data never
// puts the secret into an error.
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { processResponseJob } from '../../src/queue/process-response-job.js';
import { NOW, queued, stepRecord, useResponseHarness } from './response-job-harness.js';

describe('a step job (verify, revoke, rotate, activity)', () => {
  const t = useResponseHarness();

  it('verifies a live GitHub token against GET /user and records the answer', async () => {
    // verify, then describe: GitHub answers both from one GET /user.
    t.github.scope
      .get('/user')
      .matchHeader('authorization', `Bearer ${t.raw}`)
      .reply(200, { login: 'octocat', type: 'User' }, { 'x-oauth-scopes': 'repo, workflow' });

    const outcome = await processResponseJob(queued('verify', t.credential), t.deps);
    expect(outcome).toEqual({ fingerprint: t.credential.fingerprint, step: 'verify', status: 'done' });
    const records = await t.store.records(t.credential.fingerprint);
    expect(records.verify).toEqual({ step: 'verify', status: 'done', summary: 'live personal access token (classic) of octocat', at: NOW.toISOString(), by: 'octo-org/payments' });
    expect(records.describe).toMatchObject({ status: 'done' });
    expect(JSON.stringify(outcome)).not.toContain(t.raw);
    expect(JSON.stringify(records)).not.toContain(t.raw);
    const logged = t.captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.find((line) => line.msg === 'response step finished')).toMatchObject({ jobId: 'job-verify', fingerprint: t.credential.fingerprint, provider: 'github', step: 'verify', status: 'done' });
  });

  it('does not ask the provider again once the step is settled', async () => {
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'not-live', 0));
    // No mock: any request would fail the test.
    expect(await processResponseJob(queued('verify', t.credential), t.deps)).toMatchObject({ status: 'not-live' });
  });

  it('never puts the secret in the error of data that does not parse', async () => {
    const error = await processResponseJob(queued('verify', { ...t.credential, sealed: t.raw }), t.deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect(String((error as Error).message)).not.toContain(t.raw);
  });
});
