// The job schema is the contract on both sides of Redis: what the webhook side may store and what
// the worker accepts back.
import { describe, expect, it } from 'vitest';
import { repoFullName, scanJobId, scanJobSchema, type ScanJob } from '../../src/queue/jobs.js';

const HEAD = 'd6fde92930d4715a2b49857d24b940956b26d2d3';

function push(overrides: Partial<ScanJob> = {}): ScanJob {
  return {
    kind: 'push',
    deliveryId: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    installationId: 1,
    repository: { owner: 'octo-org', name: 'payments', id: 42, defaultBranch: 'main', private: true },
    headSha: HEAD,
    ref: 'refs/heads/main',
    commitShas: [HEAD],
    ...overrides,
  };
}

describe('scan jobs', () => {
  it('accepts a push job and gives it an id from delivery and head SHA', () => {
    expect(scanJobSchema.parse(push())).toEqual(push());
    expect(scanJobId(push())).toBe(`72d3162e-cc78-11e3-81ab-4c9367dc0958-${HEAD}`);
  });

  it('gives a backfill an id from delivery and repository, and needs no head SHA', () => {
    const backfill = push({ kind: 'backfill', headSha: '', commitShas: [], repository: { owner: 'octo-org', name: 'payments', id: 42, defaultBranch: '', private: true } });
    expect(scanJobSchema.parse(backfill)).toEqual(backfill);
    expect(scanJobId(backfill)).toBe('72d3162e-cc78-11e3-81ab-4c9367dc0958-repo42');
    expect(repoFullName(backfill)).toBe('octo-org/payments');
  });

  it('rejects a scan without a head SHA, a pull request job without its pull request, and unknown fields', () => {
    expect(scanJobSchema.safeParse(push({ headSha: '' })).success).toBe(false);
    expect(scanJobSchema.safeParse(push({ kind: 'pull_request' })).success).toBe(false);
    expect(scanJobSchema.safeParse({ ...push(), token: 'ghs_x' }).success).toBe(false);
    expect(scanJobSchema.safeParse(push({ commitShas: ['not-a-sha'] })).success).toBe(false);
  });

  it('never produces a colon in an id (BullMQ forbids it in custom ids)', () => {
    expect(scanJobId(push({ deliveryId: 'a:b' }))).not.toContain(':');
  });
});
