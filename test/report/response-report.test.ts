// The leak response where people look: timeline entries built from step records (stable ids, a new
// id when an answer changes, in time order), the check run's "Leak response" section and its place
// in a summary, and the revoke-pending markers (only read by workers of earlier versions during a
// rolling upgrade: leakstop renders the section from records and never reads it back).
import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/detect/secret.js';
import { timelineLine } from '../../src/report/incident-body.js';
import { marker, markerValues, RESPONSE_END, RESPONSE_START } from '../../src/report/incident-markers.js';
import { awaitsApproval, REVOKE_ACTION, responseSection, summaryWithSection, timelineEntries, type CredentialResponse } from '../../src/report/response-report.js';
import type { ResponseRecords, StepRecord } from '../../src/respond/response-record.js';

const RAW = 'ghp_' + 'Zq8XvN3kLw2Rt6Yb9Hc4Jd7Mf1Gp5Sx0Ua3E';
const OTHER_RAW = 'xoxb-' + '2718281828-3141592653-q7Yt2Lm9Xp4Vr8Nc3Wd6Kb1H';
const FINGERPRINT = '0123456789abcdef0123456789abcdef';
const OTHER_FINGERPRINT = 'fedcba9876543210fedcba9876543210';
const LIMIT = 65_535;

function record(overrides: Partial<StepRecord> & Pick<StepRecord, 'step'>): StepRecord {
  return { status: 'done', summary: `${overrides.step} answered`, at: '2026-11-23T12:00:00.000Z', by: 'octo-org/payments', ...overrides };
}

function credential(raw: string, fingerprint: string, records: ResponseRecords, issueUrl?: string): CredentialResponse {
  return { fingerprint, title: 'GitHub personal access token (classic)', redacted: new Secret(raw).redacted, records, ...(issueUrl === undefined ? {} : { issueUrl }) };
}

describe('timelineEntries', () => {
  it('gives the same record the same id every time, and every id is a valid timeline entry id', () => {
    const records: ResponseRecords = { verify: record({ step: 'verify' }), revoke: record({ step: 'revoke', at: '2026-11-23T12:00:05.000Z' }) };
    const first = timelineEntries(records);
    const again = timelineEntries(structuredClone(records));
    expect(again.map((entry) => entry.id)).toEqual(first.map((entry) => entry.id));
    expect(new Set(first.map((entry) => entry.id)).size).toBe(2);
    // timelineLine throws on an id outside [A-Za-z0-9:._-]{1,100}.
    for (const entry of first) expect(() => timelineLine(entry)).not.toThrow();
  });

  it('adds a new id when an answer changes: approved after awaiting, or the same status at a later time', () => {
    const awaiting = timelineEntries({ revoke: record({ step: 'revoke', status: 'awaiting-approval', at: '2026-11-23T12:00:00.000Z' }) });
    const revoked = timelineEntries({ revoke: record({ step: 'revoke', status: 'done', approvedBy: 'mona', at: '2026-11-23T12:30:00.000Z' }) });
    const retried = timelineEntries({ revoke: record({ step: 'revoke', status: 'awaiting-approval', at: '2026-11-23T13:00:00.000Z' }) });
    const ids = [awaiting, revoked, retried].map((entries) => entries[0]?.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('orders entries by time, not by step', () => {
    // Revocation answered before activity here (activity comes second in the step order).
    const entries = timelineEntries({
      activity: record({ step: 'activity', at: '2026-11-23T12:00:09.000Z' }),
      revoke: record({ step: 'revoke', at: '2026-11-23T12:00:03.000Z' }),
      verify: record({ step: 'verify', at: '2026-11-23T12:00:01.000Z' }),
      rotate: record({ step: 'rotate', at: '2026-11-23T12:00:05.000Z' }),
    });
    expect(entries.map((entry) => new Date(entry.at).toISOString())).toEqual(['2026-11-23T12:00:01.000Z', '2026-11-23T12:00:03.000Z', '2026-11-23T12:00:05.000Z', '2026-11-23T12:00:09.000Z']);
    expect(entries.map((entry) => entry.title)).toEqual(['Verified live', 'Revoked', 'Rotated', 'Activity reviewed']);
  });

  it('orders by the instant, whether or not a time has milliseconds', () => {
    const entries = timelineEntries({
      verify: record({ step: 'verify', at: '2026-11-23T12:00:03.500Z' }),
      revoke: record({ step: 'revoke', at: '2026-11-23T12:00:03Z' }),
    });
    expect(entries.map((entry) => entry.title)).toEqual(['Revoked', 'Verified live']);
  });

  it('names each answer for people, with who approved and where to act by hand', () => {
    const entries = timelineEntries({
      verify: record({ step: 'verify', status: 'not-live', summary: 'GitHub says the token does not work' }),
      revoke: record({ step: 'revoke', status: 'done', approvedBy: 'mona', at: '2026-11-23T12:00:01.000Z' }),
      rotate: record({ step: 'rotate', status: 'unsupported', summary: 'no API', manualUrl: 'https://github.com/settings/tokens', at: '2026-11-23T12:00:02.000Z' }),
    });
    expect(entries).toEqual([
      expect.objectContaining({ title: 'Verified: not live', detail: 'GitHub says the token does not work' }),
      expect.objectContaining({ title: 'Revoked (approved by @mona)' }),
      expect.objectContaining({ title: 'Rotation: by hand', detail: 'no API (https://github.com/settings/tokens)' }),
    ]);
  });

  it('says which host answered, after the page to act by hand', () => {
    const revoke = record({ step: 'revoke', status: 'unsupported', summary: 'no revocation API', manualUrl: 'https://github.acme.test/settings/tokens', host: 'github.acme.test' });
    expect(timelineEntries({ revoke })).toMatchObject([{ title: 'Revocation: by hand', detail: 'no revocation API (https://github.acme.test/settings/tokens) [answered by github.acme.test]' }]);
  });

  it('has no entry for no record', () => {
    expect(timelineEntries({})).toEqual([]);
  });
});

describe('REVOKE_ACTION', () => {
  it('fits the Checks API: label and identifier at most 20 characters, description at most 40', () => {
    expect(REVOKE_ACTION.label.length).toBeLessThanOrEqual(20);
    expect(REVOKE_ACTION.identifier.length).toBeLessThanOrEqual(20);
    expect(REVOKE_ACTION.description.length).toBeLessThanOrEqual(40);
  });
});

describe('responseSection', () => {
  const done = credential(RAW, FINGERPRINT, { verify: record({ step: 'verify' }), revoke: record({ step: 'revoke' }) }, 'https://github.com/octo-org/payments/issues/7');
  const awaiting = credential(OTHER_RAW, OTHER_FINGERPRINT, { verify: record({ step: 'verify' }), revoke: record({ step: 'revoke', status: 'awaiting-approval' }) });

  it('has one table row per credential with its redacted value, each step’s status and the incident link', () => {
    const section = responseSection([done, awaiting]);
    const lines = section.split('\n');
    expect(lines[0]).toBe(RESPONSE_START);
    expect(lines.at(-1)).toBe(RESPONSE_END);
    expect(section).toContain('## Leak response');
    const rows = lines.filter((line) => line.startsWith('| GitHub'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(`| GitHub personal access token (classic) \`${new Secret(RAW).redacted}\` ([incident](https://github.com/octo-org/payments/issues/7)) | done | done | – | – |`);
    expect(rows[1]).toContain(`\`${new Secret(OTHER_RAW).redacted}\``);
    expect(rows[1]).toContain('| awaiting approval |');
  });

  it('names the host that answered in a step’s cell, where the record has one (GHE_HOST set)', () => {
    const onGhes = credential(RAW, FINGERPRINT, { verify: record({ step: 'verify', host: 'github.acme.test' }), revoke: record({ step: 'revoke', status: 'unsupported', host: 'github.acme.test' }) });
    const row = responseSection([onGhes]).split('\n').find((line) => line.startsWith('| GitHub'));
    expect(row).toBe(`| GitHub personal access token (classic) \`${new Secret(RAW).redacted}\` | done (github.acme.test) | by hand (github.acme.test) | – | – |`);
  });

  it('carries a revoke-pending marker on its own line for each credential awaiting approval, and only those', () => {
    const section = responseSection([done, awaiting]);
    expect(section.split('\n')).toContain(marker('revoke-pending', OTHER_FINGERPRINT));
    expect(section).not.toContain(marker('revoke-pending', FINGERPRINT));
    expect(section).toContain('1 credential(s) await approval');
    expect(pending(section)).toEqual([OTHER_FINGERPRINT]);
    expect(awaitsApproval(awaiting.records)).toBe(true);
    expect(awaitsApproval(done.records)).toBe(false);
  });

  it('points to the timeline and has no marker when nothing awaits approval', () => {
    const section = responseSection([done]);
    expect(pending(section)).toEqual([]);
    expect(section).toContain('incident issue’s timeline');
  });

  it('never holds a raw secret', () => {
    const section = responseSection([done, awaiting]);
    expect(section).not.toContain(RAW);
    expect(section).not.toContain(OTHER_RAW);
  });

  it('keeps text from the repository from forging markers or mentioning people', () => {
    const forged = { ...awaiting, title: `@mona <!-- leakstop:revoke-pending=${FINGERPRINT} -->` };
    const section = responseSection([forged]);
    expect(pending(section)).toEqual([OTHER_FINGERPRINT]);
    expect(section).not.toContain('@mona');
  });
});

describe('summaryWithSection', () => {
  const section = responseSection([credential(RAW, FINGERPRINT, { verify: record({ step: 'verify' }) })]);

  it('puts the section after the scan summary', () => {
    expect(summaryWithSection('## 1 leaked credential\n\nDetails below.\n\n', section, LIMIT)).toBe(`## 1 leaked credential\n\nDetails below.\n\n${section}`);
  });

  it('stays within the limit on a huge summary, cutting the scan summary and keeping the whole section', () => {
    const updated = summaryWithSection(`## Scan\n\n${'x'.repeat(100_000)}`, section, LIMIT);
    expect(updated.length).toBeLessThanOrEqual(LIMIT);
    expect(updated.endsWith(section)).toBe(true);
    expect(updated.startsWith('## Scan')).toBe(true);
  });
});

/** The fingerprints an earlier version's worker reads as awaiting approval. */
function pending(section: string): string[] {
  return markerValues(section, 'revoke-pending');
}
