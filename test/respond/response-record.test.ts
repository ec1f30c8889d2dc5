// Step records: which answers settle a step for good, how an adapter's outcome becomes a record, and
// that a record never carries an outcome's data (a rotation's data is the replacement secret).
import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/detect/secret.js';
import type { Outcome, Rotation } from '../../src/providers/contract.js';
import { RESPONSE_STEPS, STEP_STATUSES, isSettled, recordOf, stepRecordSchema, type StepRecord, type StepStatus } from '../../src/respond/response-record.js';

const AT = new Date('2025-03-04T05:06:07.089Z');
const BY = 'octo-org/payments';

function record(status: StepStatus): StepRecord {
  return { step: 'revoke', status, summary: `revoke: ${status}`, at: AT.toISOString() };
}

describe('isSettled', () => {
  it('settles a step that was done, found dead or can only be done by hand', () => {
    expect(STEP_STATUSES.filter((status) => isSettled(record(status)))).toEqual(['done', 'not-live', 'unsupported']);
  });

  it('leaves a failure, a skip, a pending approval and a dry run to a later job', () => {
    for (const status of ['failed', 'skipped', 'awaiting-approval', 'dry-run'] as const) expect(isSettled(record(status))).toBe(false);
  });

  it('does not settle a step with no record', () => {
    expect(isSettled(undefined)).toBe(false);
  });
});

describe('recordOf', () => {
  it('records a done outcome with when and by whom, and nothing of its data', () => {
    const replacement = new Secret('glpat-' + 'Xk9mQ2vR7tLp4WzN8bYc');
    const outcome: Outcome<Rotation> = { status: 'done', data: { replacement, consumerHint: 'read it from Vault' }, summary: 'issued a replacement token' };
    const rotated = recordOf('rotate', outcome, AT, BY);
    expect(rotated).toEqual({ step: 'rotate', status: 'done', summary: 'issued a replacement token', at: '2025-03-04T05:06:07.089Z', by: BY });
    expect(JSON.stringify(rotated)).not.toContain(replacement.reveal());
    expect(JSON.stringify(rotated)).not.toContain(replacement.redacted);
  });

  it('records not-live and failed outcomes without the retry details', () => {
    expect(recordOf('verify', { status: 'not-live', summary: 'the token is revoked' }, AT, BY)).toEqual({
      step: 'verify',
      status: 'not-live',
      summary: 'the token is revoked',
      at: AT.toISOString(),
      by: BY,
    });
    const failed = recordOf('revoke', { status: 'failed', retryable: true, retryAfterSeconds: 30, summary: 'HTTP 503' }, AT, BY);
    expect(failed).toEqual({ step: 'revoke', status: 'failed', summary: 'HTTP 503', at: AT.toISOString(), by: BY });
  });

  it('keeps the manual URL of an unsupported step', () => {
    const outcome: Outcome<unknown> = { status: 'unsupported', summary: 'revoke it in the dashboard', manualUrl: 'https://dashboard.stripe.com/apikeys' };
    expect(recordOf('revoke', outcome, AT, BY)).toMatchObject({ status: 'unsupported', manualUrl: 'https://dashboard.stripe.com/apikeys' });
  });

  it('records which host answered where the adapter says (GHES or github.com), and no host where it does not', () => {
    const onGhes: Outcome<unknown> = { status: 'done', data: {}, summary: 'accepted', host: 'github.acme.test' };
    expect(recordOf('revoke', onGhes, AT, BY)).toEqual({ step: 'revoke', status: 'done', summary: 'accepted', at: AT.toISOString(), by: BY, host: 'github.acme.test' });
    expect(stepRecordSchema.parse(recordOf('revoke', onGhes, AT, BY)).host).toBe('github.acme.test');
    expect(recordOf('verify', { status: 'not-live', summary: 'dead' }, AT, BY)).not.toHaveProperty('host');
  });

  it('cuts a long summary to what a record may hold, so saving it cannot fail', () => {
    const long = recordOf('activity', { status: 'failed', retryable: false, summary: 'x'.repeat(5_000) }, AT, BY);
    expect(long.summary).toHaveLength(2_000);
    expect(stepRecordSchema.safeParse(long).success).toBe(true);
  });

  it('makes a record the schema accepts for every step and outcome', () => {
    const outcomes: Outcome<unknown>[] = [
      { status: 'done', data: {}, summary: 'ok' },
      { status: 'not-live', summary: 'dead' },
      { status: 'unsupported', summary: 'by hand', manualUrl: 'https://example.com/revoke' },
      { status: 'failed', retryable: false, summary: 'HTTP 400' },
    ];
    for (const step of RESPONSE_STEPS) {
      for (const outcome of outcomes) expect(stepRecordSchema.parse(recordOf(step, outcome, AT, BY))).toMatchObject({ step, status: outcome.status });
    }
  });
});

describe('stepRecordSchema', () => {
  it('accepts the optional fields and refuses unknown ones', () => {
    const full: StepRecord = { ...record('done'), manualUrl: 'https://example.com', reversible: true, approvedBy: 'octocat', by: BY };
    expect(stepRecordSchema.parse(full)).toEqual(full);
    expect(stepRecordSchema.safeParse({ ...record('done'), secret: 'ghp_x' }).success).toBe(false);
  });

  it('refuses an unknown step or status', () => {
    expect(stepRecordSchema.safeParse({ ...record('done'), step: 'delete' }).success).toBe(false);
    expect(stepRecordSchema.safeParse({ ...record('done'), status: 'maybe' }).success).toBe(false);
  });
});
