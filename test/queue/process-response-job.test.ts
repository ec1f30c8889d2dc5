// One response job through the processor, with GitHub and the provider mocked (nock) and the stores
// in memory: a verify step against GitHub's /user, bad jobs refused for good, the report job writing
// incident timelines and the check run's "Leak response" section (once, however often it runs), and
// approvals by comment and by "Revoke now" (who may approve, what gets queued, one reply).
import { UnrecoverableError } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { responseSettingsSchema } from '../../src/config/repo-config.schema.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { fingerprint, Secret } from '../../src/detect/secret.js';
import { IncidentNotReadyError, processResponseJob, type ResponseJobDeps, type ResponseQueuedJob } from '../../src/queue/process-response-job.js';
import { credentialJobs, RESPONSE_ATTEMPTS, type CredentialJob, type ResponseReportJob } from '../../src/queue/response-jobs.js';
import { incidentKey } from '../../src/report/incident-issue.js';
import { marker, TIMELINE_END, TIMELINE_START } from '../../src/report/incident-markers.js';
import { MemoryIncidentStore } from '../../src/report/memory-incident-store.js';
import { REVOKE_ACTION, responseSection } from '../../src/report/response-report.js';
import { parseOperatorSettings } from '../../src/respond/adapter.js';
import { adapterFor } from '../../src/respond/adapters.js';
import { approvalSlot, APPROVAL_TTL_SECONDS } from '../../src/respond/respond-steps.js';
import type { StepRecord } from '../../src/respond/response-record.js';
import { MemoryResponseStore } from '../../src/respond/response-store.js';
import { sealKeyFromBytes } from '../../src/respond/seal.js';
import { captureLog, type CapturedLog } from '../e2e/helpers.js';
import { mockGitHub, testOctokit, type GitHubMock } from '../report/github-api-mock.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const SEAL_KEY = sealKeyFromBytes(Buffer.from('6n1yJq0mXv7Lw3sKp9Rt2Ub5Hc8Df4Ga', 'utf8'));
const HEAD = '0123456789abcdef0123456789abcdef01234567';
const SOURCE = { owner: 'octo-org', repo: 'payments' };
const CENTRAL = { owner: 'octo-org', repo: 'security-incidents' };
const ISSUE = 7;
const CHECK_RUN_ID = 77;
const COMMENT_ID = 555;
const APP_ID = 4040;
/** How GitHub shows an issue or check run our app made. */
const BY_OUR_APP = { id: APP_ID, slug: 'leakstop', name: 'leakstop' };
const ISSUE_PATH = `/repos/${CENTRAL.owner}/${CENTRAL.repo}/issues/${ISSUE}`;
const CHECK_RUN_PATH = `/repos/${SOURCE.owner}/${SOURCE.repo}/check-runs/${CHECK_RUN_ID}`;

interface AddedRun {
  runId: string;
  report: ResponseReportJob;
  credentials: readonly CredentialJob[];
}

/** A leaked classic PAT as the scan hands it to the response: one credential job, its secret sealed. */
function patCredential(raw: string, revoke: 'auto' | 'approve' = 'auto', incidentRepo = CENTRAL): CredentialJob {
  const ruleId = 'github-pat-classic';
  const [job] = credentialJobs(
    {
      scanJobId: 'delivery-1-head',
      installationId: 42,
      source: SOURCE,
      incidentRepo,
      headSha: HEAD,
      settings: responseSettingsSchema.parse({ revoke }),
      findings: [
        {
          ruleId,
          provider: 'github',
          title: 'GitHub personal access token (classic)',
          severity: 'critical',
          confidence: 'checksum',
          secret: new Secret(raw),
          fingerprint: fingerprint(ruleId, raw),
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 14 + raw.length,
          details: {},
          remediation: 'Revoke it.',
          path: 'config/deploy.env',
          commit: HEAD,
        },
      ],
    },
    { sealKey: SEAL_KEY, operator: { dryRun: false }, respondsTo: () => true },
  );
  return job!;
}

function queued(name: string, data: unknown, attemptsMade = 0): ResponseQueuedJob {
  return { id: `job-${name}`, name, data, attemptsMade, opts: { attempts: RESPONSE_ATTEMPTS } };
}

function stepRecord(step: StepRecord['step'], status: StepRecord['status'], second: number, summary = `${step}: ${status}`): StepRecord {
  return { step, status, summary, at: new Date(NOW.getTime() + second * 1000).toISOString(), by: `${SOURCE.owner}/${SOURCE.repo}` };
}

/** An incident issue body as leakstop writes it: identity markers, and a timeline with its first entry. */
function incidentIssueBody(fp: string): string {
  return [
    'leakstop found a GitHub personal access token (classic) in octo-org/payments.',
    marker('fingerprint', fp),
    marker('repository', 'octo-org/payments'),
    '',
    '### Response timeline',
    '',
    TIMELINE_START,
    `- **2026-11-23T11:59:00Z** · Detected: leakstop found the credential in 1 location. ${marker('timeline-entry', 'detected')}`,
    TIMELINE_END,
    '',
    '### Remediation checklist',
    '',
    '- [ ] **Revoke** the credential',
  ].join('\n');
}

const SCAN_SUMMARY = '## 1 leaked credential\n\nleakstop found a GitHub personal access token (classic) in `config/deploy.env`.';

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('processing a response job', () => {
  let github: GitHubMock;
  let captured: CapturedLog;
  let store: MemoryResponseStore;
  let incidents: MemoryIncidentStore;
  let added: AddedRun[];
  let deps: ResponseJobDeps;
  let raw: string;
  let credential: CredentialJob;
  /** The incident issue's body as GitHub holds it: PATCHes change it. */
  let issueBody: string;

  beforeEach(() => {
    github = mockGitHub();
    captured = captureLog();
    store = new MemoryResponseStore(() => NOW.getTime());
    incidents = new MemoryIncidentStore();
    added = [];
    raw = generateGithubStyleToken('ghp_');
    credential = patCredential(raw);
    issueBody = incidentIssueBody(credential.fingerprint);
    const octokit = testOctokit();
    deps = {
      github: () => Promise.resolve(octokit),
      incidents,
      store,
      adapterFor,
      provider: { fetch, settings: parseOperatorSettings({}), now: () => NOW },
      sink: undefined,
      sealKey: SEAL_KEY,
      queue: {
        add: (runId, report, credentials) => {
          added.push({ runId, report, credentials });
          return Promise.resolve(true);
        },
      },
      htmlBaseUrl: 'https://github.com',
      appId: APP_ID,
      log: captured.log,
    };
  });
  afterEach(() => {
    try {
      // Every request matched a mock, every mock was used, every body is one GitHub accepts, no secret sent.
      github.verify([raw]);
      expect(captured.lines.join('\n')).not.toContain(raw);
    } finally {
      github.dispose();
    }
  });

  function issueIsRead(times = 1, madeBy: typeof BY_OUR_APP | null = BY_OUR_APP): void {
    github.scope.get(ISSUE_PATH).times(times).reply(200, () => ({ number: ISSUE, title: 'Leaked GitHub token', body: issueBody, performed_via_github_app: madeBy }));
  }

  function issueIsUpdated(): void {
    github.scope.patch(ISSUE_PATH).reply(200, (_uri, body) => {
      issueBody = (typeof body === 'string' ? (JSON.parse(body) as { body: string }) : (body as { body: string })).body;
      return { number: ISSUE, body: issueBody };
    });
  }

  function checkRunIsFound(status: 'completed' | 'in_progress', summary = SCAN_SUMMARY): void {
    github.scope
      .get(`/repos/${SOURCE.owner}/${SOURCE.repo}/commits/${HEAD}/check-runs`)
      .query({ check_name: 'leakstop', filter: 'latest', per_page: '100' })
      .reply(200, {
        total_count: 1,
        check_runs: [{ id: CHECK_RUN_ID, name: 'leakstop', head_sha: HEAD, status, conclusion: status === 'completed' ? 'failure' : null, external_id: 'delivery-1-head', output: { title: '1 leaked credential', summary, text: null } }],
      });
  }

  function checkRunIsUpdated(): void {
    github.scope.patch(CHECK_RUN_PATH).reply(200, { id: CHECK_RUN_ID });
  }

  function checkRunUpdates(): { output: { title: string; summary: string; text?: string }; actions: unknown[] }[] {
    return github.bodies('PATCH', CHECK_RUN_PATH) as { output: { title: string; summary: string; text?: string }; actions: unknown[] }[];
  }

  function reportJob(overrides: Partial<ResponseReportJob> = {}): ResponseReportJob {
    return {
      installationId: 42,
      source: SOURCE,
      incidentRepo: CENTRAL,
      checkRun: { headSha: HEAD },
      credentials: [{ fingerprint: credential.fingerprint, title: credential.title, redacted: credential.redacted }],
      ...overrides,
    };
  }

  async function knownIncident(): Promise<void> {
    await incidents.set(incidentKey(`${SOURCE.owner}/${SOURCE.repo}`, credential.fingerprint), ISSUE);
  }

  describe('a step job', () => {
    it('verifies a live GitHub token against GET /user and records the answer', async () => {
      // verify, then describe: GitHub answers both from one GET /user.
      github.scope
        .get('/user')
        .matchHeader('authorization', `Bearer ${raw}`)
        .reply(200, { login: 'octocat', type: 'User' }, { 'x-oauth-scopes': 'repo, workflow' });

      const outcome = await processResponseJob(queued('verify', credential), deps);
      expect(outcome).toEqual({ fingerprint: credential.fingerprint, step: 'verify', status: 'done' });
      const records = await store.records(credential.fingerprint);
      expect(records.verify).toEqual({ step: 'verify', status: 'done', summary: 'live personal access token (classic) of octocat', at: NOW.toISOString(), by: 'octo-org/payments' });
      expect(records.describe).toMatchObject({ status: 'done' });
      expect(JSON.stringify(outcome)).not.toContain(raw);
      expect(JSON.stringify(records)).not.toContain(raw);
      const logged = captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged.find((line) => line.msg === 'response step finished')).toMatchObject({ jobId: 'job-verify', fingerprint: credential.fingerprint, provider: 'github', step: 'verify', status: 'done' });
    });

    it('does not ask the provider again once the step is settled', async () => {
      await store.save(credential.fingerprint, stepRecord('verify', 'not-live', 0));
      // No mock: any request would fail the test.
      expect(await processResponseJob(queued('verify', credential), deps)).toMatchObject({ status: 'not-live' });
    });

    it('fails for good on a job it does not know or data that does not parse', async () => {
      await expect(processResponseJob(queued('purge', credential), deps)).rejects.toThrow(UnrecoverableError);
      await expect(processResponseJob(queued('purge', credential), deps)).rejects.toThrow("unknown response job 'purge'");
      await expect(processResponseJob(queued('verify', { ...credential, fingerprint: 'nope' }), deps)).rejects.toThrow(UnrecoverableError);
      await expect(processResponseJob(queued('verify', { ...credential, sealed: raw }), deps)).rejects.toThrow(UnrecoverableError);
      await expect(processResponseJob(queued('report', reportJob({ credentials: [] })), deps)).rejects.toThrow(UnrecoverableError);
      await expect(processResponseJob(queued('approve', { deliveryId: 'd' }), deps)).rejects.toThrow(UnrecoverableError);
      await expect(processResponseJob(queued('verify', null), deps)).rejects.toThrow(/job data is not a verify job/);
    });

    it('never puts the secret in the error of data that does not parse', async () => {
      const error = await processResponseJob(queued('verify', { ...credential, sealed: raw }), deps).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnrecoverableError);
      expect(String((error as Error).message)).not.toContain(raw);
    });
  });

  describe('the report job', () => {
    it('adds the step answers to the incident timeline with one read and one write, then fills in the check run', async () => {
      await knownIncident();
      await store.save(credential.fingerprint, stepRecord('verify', 'done', 1, 'live personal access token (classic) of octocat'));
      await store.save(credential.fingerprint, stepRecord('revoke', 'done', 2, 'GitHub revoked the token'));
      issueIsRead();
      issueIsUpdated();
      checkRunIsFound('completed');
      checkRunIsUpdated();

      const outcome = await processResponseJob(queued('report', reportJob()), deps);
      expect(outcome).toEqual({ credentials: 1, timelineEntries: 2, incidentsMissing: 0, checkRun: 'updated' });

      expect(count(issueBody, 'leakstop:timeline-entry=')).toBe(3);
      const timeline = issueBody.slice(issueBody.indexOf(TIMELINE_START), issueBody.indexOf(TIMELINE_END));
      expect(timeline).toContain('Verified live: live personal access token (classic) of octocat');
      expect(timeline.indexOf('Verified live')).toBeLessThan(timeline.indexOf('Revoked'));
      expect(issueBody).toContain('### Remediation checklist');

      expect(github.seen.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
        `GET ${ISSUE_PATH}`,
        `PATCH ${ISSUE_PATH}`,
        `GET /repos/${SOURCE.owner}/${SOURCE.repo}/commits/${HEAD}/check-runs`,
        `PATCH ${CHECK_RUN_PATH}`,
      ]);
      const [update] = checkRunUpdates();
      expect(update?.actions).toEqual([]);
      expect(update?.output.title).toBe('1 leaked credential');
      expect(update?.output.summary.startsWith(SCAN_SUMMARY)).toBe(true);
      expect(update?.output.summary).toContain('## Leak response');
      expect(update?.output.summary).toContain(`([incident](https://github.com/${CENTRAL.owner}/${CENTRAL.repo}/issues/${ISSUE}))`);
      expect(update?.output.summary).toContain(`\`${credential.redacted}\``);
      expect(update?.output.summary).not.toContain('revoke-pending');
      expect(update && 'text' in update.output).toBe(false);
    });

    it("writes no timeline into an issue that is not this credential's incident (a stale issue number)", async () => {
      await knownIncident();
      issueBody = incidentIssueBody('f'.repeat(32));
      await store.save(credential.fingerprint, stepRecord('revoke', 'done', 2));
      issueIsRead();
      checkRunIsFound('completed');
      checkRunIsUpdated();

      const outcome = await processResponseJob(queued('report', reportJob()), deps);
      expect(outcome).toMatchObject({ timelineEntries: 0, checkRun: 'updated' });
      expect(github.seen.some((r) => r.method === 'PATCH' && r.path === ISSUE_PATH)).toBe(false);
      expect(captured.lines.join('\n')).toContain("is not this credential's");
    });

    it("keeps the rows of credentials an earlier report listed (an approval's run covers only some)", async () => {
      await knownIncident();
      const earlier = patCredential(`ghp_${'A1b2C3d4E5'.repeat(3)}Zz9x8w`);
      await store.save(earlier.fingerprint, stepRecord('revoke', 'awaiting-approval', 1));
      await store.keep(earlier.fingerprint, `summary:${SOURCE.owner}/${SOURCE.repo}`, JSON.stringify({ fingerprint: earlier.fingerprint, title: 'Earlier credential', redacted: 'ghp_…8w (40 chars)' }), 60);
      await store.save(credential.fingerprint, stepRecord('revoke', 'done', 2));
      const listed = responseSection([{ fingerprint: earlier.fingerprint, title: 'Earlier credential', redacted: 'ghp_…8w (40 chars)', records: { revoke: stepRecord('revoke', 'awaiting-approval', 1) } }]);
      issueIsRead();
      issueIsUpdated();
      checkRunIsFound('completed', `${SCAN_SUMMARY}\n\n${listed}`);
      checkRunIsUpdated();

      await processResponseJob(queued('report', reportJob()), deps);
      const [update] = checkRunUpdates();
      expect(update?.output.summary).toContain('Earlier credential');
      expect(update?.output.summary).toContain(`leakstop:response-credential=${credential.fingerprint}`);
      expect(update?.output.summary).toContain(`leakstop:revoke-pending=${earlier.fingerprint}`);
      expect(update?.actions).toEqual([expect.objectContaining({ label: 'Revoke now' })]);
      expect(count(update?.output.summary ?? '', '## Leak response')).toBe(1);
    });

    it('offers "Revoke now" while a credential awaits approval, and names it in the summary', async () => {
      await knownIncident();
      await store.save(credential.fingerprint, stepRecord('verify', 'done', 1));
      await store.save(credential.fingerprint, stepRecord('revoke', 'awaiting-approval', 2));
      issueIsRead();
      issueIsUpdated();
      checkRunIsFound('completed');
      checkRunIsUpdated();

      await processResponseJob(queued('report', reportJob()), deps);
      const [update] = checkRunUpdates();
      expect(update?.actions).toEqual([{ label: REVOKE_ACTION.label, description: REVOKE_ACTION.description, identifier: REVOKE_ACTION.identifier }]);
      expect(update?.actions).toEqual([expect.objectContaining({ label: 'Revoke now' })]);
      expect(update?.output.summary.split('\n')).toContain(marker('revoke-pending', credential.fingerprint));
    });

    it('adds no timeline entry when run again: the issue is read, not written', async () => {
      await knownIncident();
      await store.save(credential.fingerprint, stepRecord('verify', 'done', 1));
      issueIsRead(2);
      issueIsUpdated();
      checkRunIsFound('completed');
      checkRunIsFound('completed');
      github.scope.patch(CHECK_RUN_PATH).times(2).reply(200, { id: CHECK_RUN_ID });

      expect(await processResponseJob(queued('report', reportJob()), deps)).toMatchObject({ timelineEntries: 1 });
      const written = issueBody;
      expect(await processResponseJob(queued('report', reportJob()), deps)).toMatchObject({ timelineEntries: 0, checkRun: 'updated' });
      expect(issueBody).toBe(written);
      expect(github.seen.filter((r) => r.method === 'PATCH' && r.path === ISSUE_PATH)).toHaveLength(1);
    });

    it('uses the issue number the run carries (an approval by comment) without looking it up', async () => {
      await store.save(credential.fingerprint, stepRecord('verify', 'done', 1));
      issueIsRead();
      issueIsUpdated();
      const { checkRun: _, ...backfill } = reportJob({ credentials: [{ fingerprint: credential.fingerprint, title: credential.title, redacted: credential.redacted, issueNumber: ISSUE }] });
      expect(await processResponseJob(queued('report', backfill), deps)).toEqual({ credentials: 1, timelineEntries: 1, incidentsMissing: 0, checkRun: 'none' });
    });

    it('tries again while the incident issue is not there yet, before writing anything', async () => {
      await store.save(credential.fingerprint, stepRecord('verify', 'done', 1));
      await expect(processResponseJob(queued('report', reportJob()), deps)).rejects.toThrow(IncidentNotReadyError);
      expect(github.seen).toEqual([]);
    });

    it('tries again while the scan’s check run is still in progress, leaving it alone', async () => {
      await knownIncident();
      await store.save(credential.fingerprint, stepRecord('verify', 'done', 1));
      issueIsRead();
      issueIsUpdated();
      checkRunIsFound('in_progress');
      const error = await processResponseJob(queued('report', reportJob()), deps).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IncidentNotReadyError);
      expect((error as Error).message).toContain('still in progress');
      expect(checkRunUpdates()).toEqual([]);
    });

    it('completes on its last attempt without the incident issue, and logs which are missing', async () => {
      await store.save(credential.fingerprint, stepRecord('verify', 'done', 1));
      checkRunIsFound('completed');
      checkRunIsUpdated();
      const outcome = await processResponseJob(queued('report', reportJob(), RESPONSE_ATTEMPTS - 1), deps);
      expect(outcome).toEqual({ credentials: 1, timelineEntries: 0, incidentsMissing: 1, checkRun: 'updated' });
      // Without an issue, the check run has no incident link.
      expect(checkRunUpdates()[0]?.output.summary).not.toContain('[incident]');
      const logged = captured.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged.find((line) => line.level === 40)).toMatchObject({ msg: 'incident issues never appeared; their response is recorded in Redis only', missing: [credential.fingerprint] });
      expect(logged.find((line) => line.msg === 'response reported')).toMatchObject({ jobId: 'job-report', incidentsMissing: 1 });
    });
  });

  describe('an approval', () => {
    const commentApproval = { deliveryId: 'delivery-approve-1', installationId: 42, repository: CENTRAL, requester: 'mona', via: { kind: 'comment', issueNumber: ISSUE, commentId: COMMENT_ID } } as const;
    const checkRunApproval = { deliveryId: 'delivery-approve-2', installationId: 42, repository: SOURCE, requester: 'mona', via: { kind: 'check-run', checkRunId: CHECK_RUN_ID } } as const;
    const COMMENTS = `${ISSUE_PATH}/comments`;

    function permissionIs(permission: string, repo = CENTRAL): void {
      github.scope
        .get(`/repos/${repo.owner}/${repo.repo}/collaborators/mona/permission`)
        .reply(200, { permission, role_name: permission, user: { login: 'mona', id: 1, type: 'User' } });
    }

    /** GET comments (answering with what was posted so far) and, when `posts`, one POST. */
    function commentsAreRead(posted: string[], times = 1): void {
      github.scope
        .get(COMMENTS)
        .query({ per_page: '100', page: '1' })
        .times(times)
        .reply(200, () => posted.map((body, i) => ({ id: 900 + i, body })));
    }

    function commentIsPosted(posted: string[]): void {
      github.scope.post(COMMENTS).reply(201, (_uri, body) => {
        const text = (typeof body === 'string' ? (JSON.parse(body) as { body: string }) : (body as { body: string })).body;
        posted.push(text);
        return { id: 900 + posted.length, body: text };
      });
    }

    async function keepForApproval(job: CredentialJob): Promise<void> {
      const { approvedBy: _, ...waiting } = job;
      await store.keep(job.fingerprint, approvalSlot(`${job.source.owner}/${job.source.repo}`), JSON.stringify(waiting), APPROVAL_TTL_SECONDS);
      await store.save(job.fingerprint, stepRecord('revoke', 'awaiting-approval', 1));
    }

    it('by comment, from someone with write access: queues the kept credential approved, on the commented issue, and replies once', async () => {
      credential = patCredential(raw, 'approve');
      issueBody = incidentIssueBody(credential.fingerprint);
      await keepForApproval(credential);
      const posted: string[] = [];
      permissionIs('write');
      permissionIs('write');
      issueIsRead(2);
      commentsAreRead(posted, 2);
      commentIsPosted(posted);

      expect(await processResponseJob(queued('approve', commentApproval), deps)).toEqual({ approved: 1, nothingToDo: 0 });
      expect(added).toHaveLength(1);
      const [run] = added;
      expect(run?.runId).toBe('approval-delivery-approve-1');
      expect(run?.credentials).toEqual([{ ...credential, approvedBy: 'mona', incidentRepo: CENTRAL }]);
      expect(run?.report).toMatchObject({ approvedBy: 'mona', source: SOURCE, incidentRepo: CENTRAL, credentials: [{ fingerprint: credential.fingerprint, issueNumber: ISSUE }] });
      expect(posted).toHaveLength(1);
      expect(posted[0]).toContain('@mona approved the revocation');
      expect(posted[0]).toContain(marker('approval', String(COMMENT_ID)));

      // A redelivery or a retry: the run is offered again (the queue adds it once), no second reply.
      await processResponseJob(queued('approve', commentApproval), deps);
      expect(added.map((a) => a.runId)).toEqual(['approval-delivery-approve-1', 'approval-delivery-approve-1']);
      expect(posted).toHaveLength(1);
      expect(JSON.stringify(added)).not.toContain(raw);
    });

    it('by comment, from someone with read access: declines politely and queues nothing', async () => {
      await keepForApproval(credential);
      const posted: string[] = [];
      permissionIs('read');
      commentsAreRead(posted);
      commentIsPosted(posted);
      expect(await processResponseJob(queued('approve', commentApproval), deps)).toEqual({ approved: false });
      expect(added).toEqual([]);
      expect(posted).toHaveLength(1);
      expect(posted[0]).toContain('@mona, thank you for flagging this');
      expect(posted[0]).toContain('nothing was revoked');
      expect(posted[0]).toContain(marker('approval', String(COMMENT_ID)));
    });

    it('by comment, from someone who is not a collaborator (404): declines', async () => {
      await keepForApproval(credential);
      const posted: string[] = [];
      github.scope.get(`/repos/${CENTRAL.owner}/${CENTRAL.repo}/collaborators/mona/permission`).reply(404, { message: 'Not Found' });
      commentsAreRead(posted);
      commentIsPosted(posted);
      expect(await processResponseJob(queued('approve', commentApproval), deps)).toEqual({ approved: false });
      expect(added).toEqual([]);
      expect(posted[0]).toContain('Only people with write access to octo-org/security-incidents');
    });

    it('by comment, with nothing kept: says there is nothing to revoke', async () => {
      const posted: string[] = [];
      permissionIs('admin');
      issueIsRead();
      commentsAreRead(posted);
      commentIsPosted(posted);
      expect(await processResponseJob(queued('approve', commentApproval), deps)).toEqual({ approved: 0, nothingToDo: 1 });
      expect(added).toEqual([]);
      expect(posted[0]).toContain('there is nothing for leakstop to revoke here');
      expect(posted[0]).toContain('no waiting response');
    });

    it('by comment, once the credential is revoked: says its revocation is settled', async () => {
      await store.save(credential.fingerprint, stepRecord('revoke', 'done', 1, 'GitHub revoked the token'));
      const posted: string[] = [];
      permissionIs('maintain');
      issueIsRead();
      commentsAreRead(posted);
      commentIsPosted(posted);
      await processResponseJob(queued('approve', commentApproval), deps);
      expect(added).toEqual([]);
      expect(posted[0]).toContain('its revocation is already settled (done: GitHub revoked the token)');
    });

    it('by "Revoke now": approves the credentials the check run lists as awaiting, without commenting', async () => {
      const other = patCredential(generateGithubStyleToken('ghp_'), 'approve');
      credential = patCredential(raw, 'approve');
      await keepForApproval(credential);
      await keepForApproval(other);
      // Listed, but no longer kept: settled since the check run was written.
      const settled = '00000000000000000000000000000001';
      const summary = `${SCAN_SUMMARY}\n\n${responseSection([
        { fingerprint: credential.fingerprint, title: credential.title, redacted: credential.redacted, records: { revoke: stepRecord('revoke', 'awaiting-approval', 1) } },
        { fingerprint: settled, title: credential.title, redacted: credential.redacted, records: { revoke: stepRecord('revoke', 'awaiting-approval', 1) } },
      ])}`;
      permissionIs('write', SOURCE);
      github.scope.get(CHECK_RUN_PATH).reply(200, { id: CHECK_RUN_ID, name: 'leakstop', head_sha: HEAD, status: 'completed', app: BY_OUR_APP, output: { title: '1 leaked credential', summary, text: null } });

      expect(await processResponseJob(queued('approve', checkRunApproval), deps)).toEqual({ approved: 1, nothingToDo: 1 });
      expect(added).toHaveLength(1);
      expect(added[0]?.runId).toBe('approval-delivery-approve-2');
      // Only what the check run lists; the incident stays where it was.
      expect(added[0]?.credentials).toEqual([{ ...credential, approvedBy: 'mona' }]);
      expect(added[0]?.report).toMatchObject({ approvedBy: 'mona', checkRun: { headSha: HEAD }, incidentRepo: CENTRAL });
      expect(added[0]?.report.credentials[0]?.issueNumber).toBeUndefined();
      expect(github.seen.some((r) => r.method === 'POST')).toBe(false);
    });

    it('by comment on an issue leakstop did not open: revokes nothing, whatever fingerprint the body claims', async () => {
      credential = patCredential(raw, 'approve');
      issueBody = incidentIssueBody(credential.fingerprint);
      await keepForApproval(credential);
      const posted: string[] = [];
      permissionIs('write');
      issueIsRead(1, null);
      commentsAreRead(posted);
      commentIsPosted(posted);

      expect(await processResponseJob(queued('approve', commentApproval), deps)).toEqual({ approved: 0, nothingToDo: 0 });
      expect(added).toEqual([]);
      expect(posted[0]).toContain('nothing for leakstop to revoke here');
    });

    it.each([
      ["on an issue of another repository than the credential's incident", () => patCredential(raw, 'approve', SOURCE)],
      ['in another installation than the waiting credential', () => ({ ...patCredential(raw, 'approve'), installationId: 43 })],
    ])('by comment %s: revokes nothing', async (_case, waiting) => {
      credential = waiting();
      issueBody = incidentIssueBody(credential.fingerprint);
      await keepForApproval(credential);
      const posted: string[] = [];
      permissionIs('write');
      issueIsRead(1);
      commentsAreRead(posted);
      commentIsPosted(posted);

      expect(await processResponseJob(queued('approve', commentApproval), deps)).toEqual({ approved: 0, nothingToDo: 1 });
      expect(added).toEqual([]);
    });

    it('by "Revoke now", from someone without write access: queues nothing and comments nowhere', async () => {
      await keepForApproval(credential);
      permissionIs('triage', SOURCE);
      expect(await processResponseJob(queued('approve', checkRunApproval), deps)).toEqual({ approved: false });
      expect(added).toEqual([]);
    });
  });
});
