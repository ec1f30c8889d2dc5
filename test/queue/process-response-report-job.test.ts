// A response report through the processor, with GitHub mocked (nock) and the stores in memory: each
// step answer added once to its incident's timeline, then the check run written again by the one
// writer from the stored records. It waits for incident issues, never for the check run: a run the
// scan report has not written yet, or another scan's, is left to that scan's report.
import { describe, expect, it } from 'vitest';
import { processResponseJob } from '../../src/queue/process-response-job.js';
import { IncidentNotReadyError } from '../../src/queue/process-response-report-job.js';
import { RESPONSE_ATTEMPTS } from '../../src/queue/response-jobs.js';
import { marker, TIMELINE_END, TIMELINE_START } from '../../src/report/incident-markers.js';
import { REVOKE_ACTION } from '../../src/report/response-report.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { CENTRAL, CHECK_RUN_PATH, count, HEAD, ISSUE, ISSUE_PATH, incidentIssueBody, patCredential, queued, SCAN_SUMMARY, SOURCE, stepRecord, useResponseHarness } from './response-job-harness.js';

describe('the response report job', () => {
  const t = useResponseHarness();

  it('adds the step answers to the incident timeline with one read and one write, then writes the check run from the records', async () => {
    await t.knownIncident();
    await t.scanReported();
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'done', 1, 'live personal access token (classic) of octocat'));
    await t.store.save(t.credential.fingerprint, stepRecord('revoke', 'done', 2, 'GitHub revoked the token'));
    t.issueIsRead();
    t.issueIsUpdated();
    t.checkRunIsFound('completed');
    t.checkRunIsUpdated();

    const outcome = await processResponseJob(queued('response-report', t.responseReport()), t.deps);
    expect(outcome).toEqual({ credentials: 1, timelineEntries: 2, incidentsMissing: 0, checkRun: 'updated' });

    expect(count(t.issueBody, 'leakstop:timeline-entry=')).toBe(3);
    const timeline = t.issueBody.slice(t.issueBody.indexOf(TIMELINE_START), t.issueBody.indexOf(TIMELINE_END));
    expect(timeline).toContain('Verified live: live personal access token (classic) of octocat');
    expect(timeline.indexOf('Verified live')).toBeLessThan(timeline.indexOf('Revoked'));
    expect(t.issueBody).toContain('### Remediation checklist');

    expect(t.github.seen.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `GET ${ISSUE_PATH}`,
      `PATCH ${ISSUE_PATH}`,
      `GET /repos/${SOURCE.owner}/${SOURCE.repo}/commits/${HEAD}/check-runs`,
      `PATCH ${CHECK_RUN_PATH}`,
    ]);
    const [update] = t.checkRunUpdates();
    expect(update?.actions).toEqual([]);
    expect(update?.output.title).toBe('1 leaked credential');
    expect(update?.output.summary.startsWith(SCAN_SUMMARY)).toBe(true);
    expect(update?.output.summary).toContain('## Leak response');
    expect(update?.output.summary).toContain(`([incident](https://github.com/${CENTRAL.owner}/${CENTRAL.repo}/issues/${ISSUE}))`);
    expect(update?.output.summary).toContain(`\`${t.credential.redacted}\` ([incident](https://github.com/${CENTRAL.owner}/${CENTRAL.repo}/issues/${ISSUE})) | done | done |`);
    expect(update?.output.summary).not.toContain('revoke-pending');
    expect(update && 'text' in update.output).toBe(false);
  });

  it("writes no timeline into an issue that is not this credential's incident (a stale issue number)", async () => {
    await t.knownIncident();
    await t.scanReported();
    t.issueBody = incidentIssueBody('f'.repeat(32));
    await t.store.save(t.credential.fingerprint, stepRecord('revoke', 'done', 2));
    t.issueIsRead();
    t.checkRunIsFound('completed');
    t.checkRunIsUpdated();

    const outcome = await processResponseJob(queued('response-report', t.responseReport()), t.deps);
    expect(outcome).toMatchObject({ timelineEntries: 0, checkRun: 'updated' });
    expect(t.github.seen.some((r) => r.method === 'PATCH' && r.path === ISSUE_PATH)).toBe(false);
    expect(t.captured.lines.join('\n')).toContain("is not this credential's");
  });

  it("shows every credential of the check run's scan, not only those this run covers (an approval's run covers some)", async () => {
    await t.knownIncident();
    const earlier = patCredential(generateGithubStyleToken('ghp_'));
    await t.scanReported([t.credential, earlier]);
    await t.store.save(earlier.fingerprint, stepRecord('revoke', 'awaiting-approval', 1));
    await t.store.save(t.credential.fingerprint, stepRecord('revoke', 'done', 2));
    t.issueIsRead();
    t.issueIsUpdated();
    t.checkRunIsFound('completed');
    t.checkRunIsUpdated();

    await processResponseJob(queued('response-report', t.responseReport()), t.deps);
    const [update] = t.checkRunUpdates();
    expect(update?.output.summary).toContain(`\`${earlier.redacted}\``);
    expect(update?.output.summary).toContain(`\`${t.credential.redacted}\``);
    expect(update?.output.summary).toContain('1 credential(s) await approval');
    expect(update?.actions).toEqual([expect.objectContaining({ label: 'Revoke now' })]);
    expect(count(update?.output.summary ?? '', '## Leak response')).toBe(1);
  });

  it('offers "Revoke now" while a credential awaits approval, and names it in the summary', async () => {
    await t.knownIncident();
    await t.scanReported();
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'done', 1));
    await t.store.save(t.credential.fingerprint, stepRecord('revoke', 'awaiting-approval', 2));
    t.issueIsRead();
    t.issueIsUpdated();
    t.checkRunIsFound('completed');
    t.checkRunIsUpdated();

    await processResponseJob(queued('response-report', t.responseReport()), t.deps);
    const [update] = t.checkRunUpdates();
    expect(update?.actions).toEqual([{ label: REVOKE_ACTION.label, description: REVOKE_ACTION.description, identifier: REVOKE_ACTION.identifier }]);
    expect(update?.output.summary.split('\n')).toContain(marker('revoke-pending', t.credential.fingerprint));
  });

  it('adds no timeline entry when run again: the issue is read, not written, and the run not written again', async () => {
    await t.knownIncident();
    await t.scanReported();
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'done', 1));
    t.issueIsRead(2);
    t.issueIsUpdated();
    t.checkRunIsFound('completed');
    t.checkRunIsFound('completed');
    t.checkRunIsUpdated(1);

    expect(await processResponseJob(queued('response-report', t.responseReport()), t.deps)).toMatchObject({ timelineEntries: 1, checkRun: 'updated' });
    const written = t.issueBody;
    expect(await processResponseJob(queued('response-report', t.responseReport()), t.deps)).toMatchObject({ timelineEntries: 0, checkRun: 'unchanged' });
    expect(t.issueBody).toBe(written);
    expect(t.github.seen.filter((r) => r.method === 'PATCH' && r.path === ISSUE_PATH)).toHaveLength(1);
    expect(t.checkRunUpdates()).toHaveLength(1);
  });

  it('uses the issue number the run carries (an approval by comment) without looking it up', async () => {
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'done', 1));
    t.issueIsRead();
    t.issueIsUpdated();
    const { checkRun: _, ...backfill } = t.responseReport({ credentials: [{ fingerprint: t.credential.fingerprint, title: t.credential.title, redacted: t.credential.redacted, issueNumber: ISSUE }] });
    expect(await processResponseJob(queued('response-report', backfill), t.deps)).toEqual({ credentials: 1, timelineEntries: 1, incidentsMissing: 0, checkRun: 'none' });
  });

  it('tries again while the incident issue is not there yet, before writing anything', async () => {
    await t.scanReported();
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'done', 1));
    await expect(processResponseJob(queued('response-report', t.responseReport()), t.deps)).rejects.toThrow(IncidentNotReadyError);
    expect(t.github.seen).toEqual([]);
  });

  it('finishing before the scan report: records the timeline and leaves the check run to the scan report, without an error', async () => {
    // The incident existed already (an earlier push of the same credential); no scan has reported on HEAD.
    await t.knownIncident();
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'done', 1));
    t.issueIsRead();
    t.issueIsUpdated();
    expect(await processResponseJob(queued('response-report', t.responseReport()), t.deps)).toMatchObject({ timelineEntries: 1, checkRun: 'no-scan-reported' });
    expect(t.checkRunUpdates()).toEqual([]);
  });

  it('leaves a check run another scan has now (in progress) alone, without an error: that scan writes it', async () => {
    await t.knownIncident();
    await t.scanReported();
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'done', 1));
    t.issueIsRead();
    t.issueIsUpdated();
    t.checkRunIsFound('in_progress', 'delivery-2-head');
    expect(await processResponseJob(queued('response-report', t.responseReport()), t.deps)).toMatchObject({ checkRun: 'another-scan' });
    expect(t.checkRunUpdates()).toEqual([]);
  });

  it('completes on its last attempt without the incident issue, and logs which are missing', async () => {
    await t.scanReported();
    await t.store.save(t.credential.fingerprint, stepRecord('verify', 'done', 1));
    t.checkRunIsFound('completed');
    t.checkRunIsUpdated();
    const outcome = await processResponseJob(queued('response-report', t.responseReport(), RESPONSE_ATTEMPTS - 1), t.deps);
    expect(outcome).toEqual({ credentials: 1, timelineEntries: 0, incidentsMissing: 1, checkRun: 'updated' });
    // Without an issue, the check run has no incident link.
    expect(t.checkRunUpdates()[0]?.output.summary).not.toContain('[incident]');
    const logged = t.captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.find((line) => line.level === 40)).toMatchObject({ msg: 'incident issues never appeared; their response is recorded in Redis only', missing: [t.credential.fingerprint] });
    expect(logged.find((line) => line.msg === 'response reported')).toMatchObject({ jobId: 'job-response-report', incidentsMissing: 1 });
  });
});
