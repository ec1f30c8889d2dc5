// The respond queue's jobs go to their kind by name: a step, a response report (also under 'report',
// the name earlier versions gave it, for jobs still queued after an upgrade) or an approval. A job of
// another name, or data its kind does not read, fails for good at once.
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { processResponseJob } from '../../src/queue/process-response-job.js';
import { LEGACY_RESPONSE_REPORT, RESPONSE_REPORT } from '../../src/queue/response-jobs.js';
import { ISSUE, queued, stepRecord, useResponseHarness } from './response-job-harness.js';

describe('processing a response job', () => {
  const t = useResponseHarness();

  it('fails for good on a job it does not know or data that does not parse', async () => {
    await expect(processResponseJob(queued('purge', t.credential), t.deps)).rejects.toThrow(UnrecoverableError);
    await expect(processResponseJob(queued('purge', t.credential), t.deps)).rejects.toThrow("unknown response job 'purge'");
    await expect(processResponseJob(queued('verify', { ...t.credential, fingerprint: 'nope' }), t.deps)).rejects.toThrow(UnrecoverableError);
    await expect(processResponseJob(queued('verify', { ...t.credential, sealed: t.raw }), t.deps)).rejects.toThrow(UnrecoverableError);
    await expect(processResponseJob(queued('report', t.responseReport({ credentials: [] })), t.deps)).rejects.toThrow(UnrecoverableError);
    await expect(processResponseJob(queued('approve', { deliveryId: 'd' }), t.deps)).rejects.toThrow(UnrecoverableError);
    await expect(processResponseJob(queued('verify', null), t.deps)).rejects.toThrow(/job data is not a verify job/);
  });

  it.each([RESPONSE_REPORT, LEGACY_RESPONSE_REPORT])("runs a job named '%s' as a response report", async (name) => {
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'done', 1));
    t.issueIsRead();
    t.issueIsUpdated();
    const { checkRun: _, ...backfill } = t.responseReport({ credentials: [{ fingerprint: t.credential.fingerprint, title: t.credential.title, redacted: t.credential.redacted, issueNumber: ISSUE }] });
    expect(await processResponseJob(queued(name, backfill), t.deps)).toMatchObject({ credentials: 1, timelineEntries: 1, checkRun: 'none' });
  });
});
