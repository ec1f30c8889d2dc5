// The jobs each webhook handler builds, from GitHub's example payloads and from fixtures built on
// them for what the examples lack (multi-commit pushes, force pushes, truncated lists, forks).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scanJobSchema } from '../../src/queue/jobs.js';
import { checkRunJobs, checkRunPayloadSchema } from '../../src/webhooks/check-run.js';
import { checkSuiteJobs, checkSuitePayloadSchema } from '../../src/webhooks/check-suite.js';
import { backfillJobs, installationPayloadSchema } from '../../src/webhooks/installation.js';
import { pullRequestJobs, pullRequestPayloadSchema } from '../../src/webhooks/pull-request.js';
import { PUSH_PAYLOAD_COMMIT_LIMIT, pushJobs, pushPayloadSchema } from '../../src/webhooks/push.js';
import { actionIs, APP_ID, examplePayload } from './helpers.js';

const DELIVERY = '72d3162e-cc78-11e3-81ab-4c9367dc0958';
const sha = (n: number): string => createHash('sha1').update(String(n)).digest('hex');

function pushPayload(overrides: Record<string, unknown>): ReturnType<typeof pushPayloadSchema.parse> {
  return pushPayloadSchema.parse({ ...examplePayload('push', (p) => p.ref === 'refs/heads/master'), ...overrides });
}

function commits(count: number, distinct: (i: number) => boolean = () => true): { id: string; distinct: boolean }[] {
  return Array.from({ length: count }, (_, i) => ({ id: sha(i + 1), distinct: distinct(i) }));
}

describe('push jobs', () => {
  it('scans every distinct commit of a multi-commit push, not only the head', () => {
    const [job] = pushJobs(pushPayload({ created: false, before: sha(100), after: sha(3), commits: commits(3) }), DELIVERY);
    expect(job).toMatchObject({ kind: 'push', headSha: sha(3), before: sha(100), commitShas: [sha(1), sha(2), sha(3)], forced: false, createdBranch: false });
    expect(job?.commitsTruncated).toBeUndefined();
    expect(scanJobSchema.parse(job)).toEqual(job);
  });

  it('leaves out commits already pushed to another ref (not distinct)', () => {
    const [job] = pushJobs(pushPayload({ created: false, after: sha(3), commits: commits(3, (i) => i !== 1) }), DELIVERY);
    expect(job?.commitShas).toEqual([sha(1), sha(3)]);
  });

  it('scans the new commits of a force push and says it was forced', () => {
    const [job] = pushJobs(pushPayload({ created: false, forced: true, before: sha(50), after: sha(2), commits: commits(2) }), DELIVERY);
    expect(job).toMatchObject({ forced: true, before: sha(50), commitShas: [sha(1), sha(2)] });
  });

  it('marks a list cut at GitHub\'s limit as truncated, so the worker lists the commits itself', () => {
    const [job] = pushJobs(pushPayload({ created: false, after: sha(PUSH_PAYLOAD_COMMIT_LIMIT), commits: commits(PUSH_PAYLOAD_COMMIT_LIMIT) }), DELIVERY);
    expect(job?.commitsTruncated).toBe(true);
    expect(job?.commitShas).toHaveLength(PUSH_PAYLOAD_COMMIT_LIMIT);
  });

  it('queues nothing for a deleted branch, a tag on an existing commit, or a rewind to an old commit', () => {
    expect(pushJobs(pushPayloadSchema.parse(examplePayload('push', (p) => p.deleted === true)), DELIVERY)).toEqual([]);
    expect(pushJobs(pushPayloadSchema.parse(examplePayload('push', (p) => p.ref === 'refs/tags/simple-tag' && p.created === true)), DELIVERY)).toEqual([]);
    expect(pushJobs(pushPayload({ created: false, forced: true, commits: [] }), DELIVERY)).toEqual([]);
  });

  it('scans a tag push that brings commits no branch had', () => {
    const [job] = pushJobs(pushPayload({ ref: 'refs/tags/v1.0.0', created: true, after: sha(1), commits: commits(1) }), DELIVERY);
    expect(job).toMatchObject({ ref: 'refs/tags/v1.0.0', createdBranch: true, commitShas: [sha(1)] });
  });

  it('names the pusher by login', () => {
    const [job] = pushJobs(pushPayload({}), DELIVERY);
    expect(job?.pusher).toBe('Codertocat');
  });
});

describe('pull request jobs', () => {
  it('scans the pull request on its head SHA with its base', () => {
    const [job] = pullRequestJobs(pullRequestPayloadSchema.parse(examplePayload('pull_request', actionIs('synchronize'))), DELIVERY);
    expect(job).toMatchObject({ kind: 'pull_request', headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', commitShas: [], pusher: 'Codertocat' });
    expect(scanJobSchema.parse(job)).toEqual(job);
  });

  it('handles a pull request from a fork, also once the fork is deleted', () => {
    const payload = examplePayload('pull_request', actionIs('opened'));
    const pr = payload.pull_request as { head: { repo: unknown } };
    pr.head.repo = { full_name: 'contributor/Hello-World' };
    expect(pullRequestJobs(pullRequestPayloadSchema.parse(payload), DELIVERY)[0]?.pullRequest?.headRepoFullName).toBe('contributor/Hello-World');
    pr.head.repo = null;
    expect(pullRequestJobs(pullRequestPayloadSchema.parse(payload), DELIVERY)[0]?.pullRequest?.headRepoFullName).toBe('Codertocat/Hello-World');
  });
});

describe('re-run jobs', () => {
  it('re-runs our check run with the suite\'s branch and before', () => {
    const payload = checkRunPayloadSchema.parse(examplePayload('check_run', actionIs('rerequested')));
    const [job] = checkRunJobs(payload, DELIVERY, APP_ID);
    expect(job).toMatchObject({ kind: 'rerun', ref: 'refs/heads/master', before: '146e867f55c26428e5f9fade55a9bbf5e95a7912', createdBranch: false });
    expect(job?.pullRequest).toBeUndefined();
    expect(scanJobSchema.parse(job)).toEqual(job);
  });

  it('ignores another app\'s check run and suite', () => {
    expect(checkRunJobs(checkRunPayloadSchema.parse(examplePayload('check_run', actionIs('rerequested'))), DELIVERY, 999)).toEqual([]);
    expect(checkSuiteJobs(checkSuitePayloadSchema.parse(examplePayload('check_suite', actionIs('rerequested'))), DELIVERY, APP_ID)).toEqual([]);
  });

  it('re-runs a suite whose pull request has the suite\'s head as a pull request scan', () => {
    const payload = checkSuitePayloadSchema.parse(examplePayload('check_suite', actionIs('rerequested')));
    const [job] = checkSuiteJobs(payload, DELIVERY, payload.check_suite.app.id);
    expect(job).toMatchObject({ kind: 'rerun', headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', ref: 'refs/heads/changes', pullRequest: { number: 2 } });
    expect(scanJobSchema.parse(job)).toEqual(job);
  });
});

describe('backfill jobs', () => {
  it('queues one backfill per installed repository, owner taken from its full name', () => {
    const payload = installationPayloadSchema.parse(examplePayload('installation', actionIs('created')));
    const jobs = backfillJobs(payload.installation.id, payload.repositories ?? [], DELIVERY);
    expect(jobs).toEqual([
      expect.objectContaining({ kind: 'backfill', installationId: 957387, headSha: '', repository: { owner: 'Codertocat', name: 'Hello-World', id: 186853002, defaultBranch: '', private: false } }),
    ]);
    for (const job of jobs) expect(scanJobSchema.parse(job)).toEqual(job);
  });
});
