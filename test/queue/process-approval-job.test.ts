// An approval job through the processor, with GitHub mocked (nock) and the stores in memory: who may
// approve (write access, on an issue or check run leakstop made), what gets queued (the kept
// credentials, approved), one reply per approval comment, and which credentials a "Revoke now" press
// covers (the check run's record and the step records, never the run's text).
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { processResponseJob } from '../../src/queue/process-response-job.js';
import type { CredentialJob } from '../../src/queue/response-jobs.js';
import { marker } from '../../src/report/incident-markers.js';
import { approvalSlot, APPROVAL_TTL_SECONDS } from '../../src/respond/respond-steps.js';
import { BY_OUR_APP, CENTRAL, CHECK_RUN_ID, CHECK_RUN_PATH, HEAD, ISSUE, ISSUE_PATH, incidentIssueBody, patCredential, queued, SCAN_SUMMARY, SOURCE, stepRecord, useResponseHarness } from './response-job-harness.js';

const COMMENT_ID = 555;

describe('an approval', () => {
  const t = useResponseHarness();

  const commentApproval = { deliveryId: 'delivery-approve-1', installationId: 42, repository: CENTRAL, requester: 'mona', via: { kind: 'comment', issueNumber: ISSUE, commentId: COMMENT_ID } } as const;
  const checkRunApproval = { deliveryId: 'delivery-approve-2', installationId: 42, repository: SOURCE, requester: 'mona', via: { kind: 'check-run', checkRunId: CHECK_RUN_ID } } as const;
  const COMMENTS = `${ISSUE_PATH}/comments`;

  function permissionIs(permission: string, repo = CENTRAL): void {
    t.github.scope
      .get(`/repos/${repo.owner}/${repo.repo}/collaborators/mona/permission`)
      .reply(200, { permission, role_name: permission, user: { login: 'mona', id: 1, type: 'User' } });
  }

  /** GET comments (answering with what was posted so far) and, when `posts`, one POST. */
  function commentsAreRead(posted: string[], times = 1): void {
    t.github.scope
      .get(COMMENTS)
      .query({ per_page: '100', page: '1' })
      .times(times)
      .reply(200, () => posted.map((body, i) => ({ id: 900 + i, body })));
  }

  function commentIsPosted(posted: string[]): void {
    t.github.scope.post(COMMENTS).reply(201, (_uri, body) => {
      const text = (typeof body === 'string' ? (JSON.parse(body) as { body: string }) : (body as { body: string })).body;
      posted.push(text);
      return { id: 900 + posted.length, body: text };
    });
  }

  async function keepForApproval(job: CredentialJob): Promise<void> {
    const { approvedBy: _, ...waiting } = job;
    await t.store.keep(job.fingerprint, approvalSlot(`${job.source.owner}/${job.source.repo}`), JSON.stringify(waiting), APPROVAL_TTL_SECONDS);
    await t.store.save(job.fingerprint, stepRecord('revoke', 'awaiting-approval', 1));
  }

  it('by comment, from someone with write access: queues the kept credential approved, on the commented issue, and replies once', async () => {
    t.credential = patCredential(t.raw, 'approve');
    t.issueBody = incidentIssueBody(t.credential.fingerprint);
    await keepForApproval(t.credential);
    const posted: string[] = [];
    permissionIs('write');
    permissionIs('write');
    t.issueIsRead(2);
    commentsAreRead(posted, 2);
    commentIsPosted(posted);

    expect(await processResponseJob(queued('approve', commentApproval), t.deps)).toEqual({ approved: 1, nothingToDo: 0 });
    expect(t.added).toHaveLength(1);
    const [run] = t.added;
    expect(run?.runId).toBe('approval-delivery-approve-1');
    expect(run?.credentials).toEqual([{ ...t.credential, approvedBy: 'mona', incidentRepo: CENTRAL }]);
    expect(run?.report).toMatchObject({ approvedBy: 'mona', source: SOURCE, incidentRepo: CENTRAL, credentials: [{ fingerprint: t.credential.fingerprint, issueNumber: ISSUE }] });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('@mona approved the revocation');
    expect(posted[0]).toContain(marker('approval', String(COMMENT_ID)));

    // A redelivery or a retry: the run is offered again (the queue adds it once), no second reply.
    await processResponseJob(queued('approve', commentApproval), t.deps);
    expect(t.added.map((a) => a.runId)).toEqual(['approval-delivery-approve-1', 'approval-delivery-approve-1']);
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(t.added)).not.toContain(t.raw);
  });

  it('by comment, from someone with read access: declines politely and queues nothing', async () => {
    await keepForApproval(t.credential);
    const posted: string[] = [];
    permissionIs('read');
    commentsAreRead(posted);
    commentIsPosted(posted);
    expect(await processResponseJob(queued('approve', commentApproval), t.deps)).toEqual({ approved: false });
    expect(t.added).toEqual([]);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('@mona, thank you for flagging this');
    expect(posted[0]).toContain('nothing was revoked');
    expect(posted[0]).toContain(marker('approval', String(COMMENT_ID)));
  });

  it('by comment, from someone who is not a collaborator (404): declines', async () => {
    await keepForApproval(t.credential);
    const posted: string[] = [];
    t.github.scope.get(`/repos/${CENTRAL.owner}/${CENTRAL.repo}/collaborators/mona/permission`).reply(404, { message: 'Not Found' });
    commentsAreRead(posted);
    commentIsPosted(posted);
    expect(await processResponseJob(queued('approve', commentApproval), t.deps)).toEqual({ approved: false });
    expect(t.added).toEqual([]);
    expect(posted[0]).toContain('Only people with write access to octo-org/security-incidents');
  });

  it('by comment, with nothing kept: says there is nothing to revoke', async () => {
    const posted: string[] = [];
    permissionIs('admin');
    t.issueIsRead();
    commentsAreRead(posted);
    commentIsPosted(posted);
    expect(await processResponseJob(queued('approve', commentApproval), t.deps)).toEqual({ approved: 0, nothingToDo: 1 });
    expect(t.added).toEqual([]);
    expect(posted[0]).toContain('there is nothing for leakstop to revoke here');
    expect(posted[0]).toContain('no waiting response');
  });

  it('by comment, once the credential is revoked: says its revocation is settled', async () => {
    await t.store.save(t.credential.fingerprint, stepRecord('revoke', 'done', 1, 'GitHub revoked the token'));
    const posted: string[] = [];
    permissionIs('maintain');
    t.issueIsRead();
    commentsAreRead(posted);
    commentIsPosted(posted);
    await processResponseJob(queued('approve', commentApproval), t.deps);
    expect(t.added).toEqual([]);
    expect(posted[0]).toContain('its revocation is already settled (done: GitHub revoked the token)');
  });

  it('by "Revoke now": approves the check run\'s credentials whose revocation awaits approval, from its record, without commenting', async () => {
    const other = patCredential(generateGithubStyleToken('ghp_'), 'approve');
    const revoked = patCredential(generateGithubStyleToken('ghp_'), 'approve');
    t.credential = patCredential(t.raw, 'approve');
    await keepForApproval(t.credential);
    await keepForApproval(other);
    // Recorded as awaiting, but no longer kept: settled since the check run was written.
    const settled = patCredential(generateGithubStyleToken('ghp_'), 'approve');
    await t.store.save(settled.fingerprint, stepRecord('revoke', 'awaiting-approval', 1));
    await t.store.save(revoked.fingerprint, stepRecord('revoke', 'done', 1));
    // The check run shows the recorded scan's credentials: `other` is not among them.
    await t.scanReported([t.credential, settled, revoked]);
    permissionIs('write', SOURCE);
    t.github.scope.get(CHECK_RUN_PATH).reply(200, { id: CHECK_RUN_ID, name: 'leakstop', head_sha: HEAD, status: 'completed', app: BY_OUR_APP, output: { title: '1 leaked credential', summary: SCAN_SUMMARY, text: null } });

    expect(await processResponseJob(queued('approve', checkRunApproval), t.deps)).toEqual({ approved: 1, nothingToDo: 1 });
    expect(t.added).toHaveLength(1);
    expect(t.added[0]?.runId).toBe('approval-delivery-approve-2');
    // Only what the check run shows awaiting; the incident stays where it was.
    expect(t.added[0]?.credentials).toEqual([{ ...t.credential, approvedBy: 'mona' }]);
    expect(t.added[0]?.report).toMatchObject({ approvedBy: 'mona', checkRun: { headSha: HEAD }, incidentRepo: CENTRAL });
    expect(t.added[0]?.report.credentials[0]?.issueNumber).toBeUndefined();
    expect(t.github.seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('by "Revoke now" on a check run with no record (written before this version, or expired): approves nothing', async () => {
    t.credential = patCredential(t.raw, 'approve');
    await keepForApproval(t.credential);
    permissionIs('write', SOURCE);
    // Whatever the summary claims, only the stored record counts.
    t.github.scope.get(CHECK_RUN_PATH).reply(200, { id: CHECK_RUN_ID, name: 'leakstop', head_sha: HEAD, status: 'completed', app: BY_OUR_APP, output: { title: '1 leaked credential', summary: `${SCAN_SUMMARY}\n\n${marker('revoke-pending', t.credential.fingerprint)}`, text: null } });
    expect(await processResponseJob(queued('approve', checkRunApproval), t.deps)).toEqual({ approved: 0, nothingToDo: 0 });
    expect(t.added).toEqual([]);
  });

  it('by comment on an issue leakstop did not open: revokes nothing, whatever fingerprint the body claims', async () => {
    t.credential = patCredential(t.raw, 'approve');
    t.issueBody = incidentIssueBody(t.credential.fingerprint);
    await keepForApproval(t.credential);
    const posted: string[] = [];
    permissionIs('write');
    t.issueIsRead(1, null);
    commentsAreRead(posted);
    commentIsPosted(posted);

    expect(await processResponseJob(queued('approve', commentApproval), t.deps)).toEqual({ approved: 0, nothingToDo: 0 });
    expect(t.added).toEqual([]);
    expect(posted[0]).toContain('nothing for leakstop to revoke here');
  });

  it.each([
    ["on an issue of another repository than the credential's incident", () => patCredential(t.raw, 'approve', SOURCE)],
    ['in another installation than the waiting credential', () => ({ ...patCredential(t.raw, 'approve'), installationId: 43 })],
  ])('by comment %s: revokes nothing', async (_case, waiting) => {
    t.credential = waiting();
    t.issueBody = incidentIssueBody(t.credential.fingerprint);
    await keepForApproval(t.credential);
    const posted: string[] = [];
    permissionIs('write');
    t.issueIsRead(1);
    commentsAreRead(posted);
    commentIsPosted(posted);

    expect(await processResponseJob(queued('approve', commentApproval), t.deps)).toEqual({ approved: 0, nothingToDo: 1 });
    expect(t.added).toEqual([]);
  });

  it('by "Revoke now", from someone without write access: queues nothing and comments nowhere', async () => {
    await keepForApproval(t.credential);
    permissionIs('triage', SOURCE);
    expect(await processResponseJob(queued('approve', checkRunApproval), t.deps)).toEqual({ approved: false });
    expect(t.added).toEqual([]);
  });
});
