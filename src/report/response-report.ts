// The leak response where people look: one timeline entry per step answer on the incident issue,
// and a "Leak response" section in the check run summary, with a "Revoke now" button while a
// credential waits for approval. Built from the step records, which never hold a secret.
import type { ResponseRecords, ResponseStep, StepRecord, StepStatus } from '../respond/response-record.js';
import type { TimelineEntry } from './incident-body.js';
import { marker, markerValues, RESPONSE_END, RESPONSE_START } from './incident-markers.js';
import { cellCode, plainText, truncateText } from './markdown.js';

/** The check run action behind "Revoke now" (GitHub: label <= 20, description <= 40, identifier <= 20 characters). */
/** The identifier of the "Revoke now" action on leakstop's check run (GitHub allows 20 characters). */
export const REVOKE_ACTION_IDENTIFIER = 'leakstop-revoke';

export const REVOKE_ACTION = { label: 'Revoke now', description: 'Revoke leaked credentials awaiting it', identifier: REVOKE_ACTION_IDENTIFIER } as const;

const STEP_NAMES: Record<ResponseStep, string> = {
  verify: 'Verification',
  describe: 'Access',
  revoke: 'Revocation',
  rotate: 'Rotation',
  activity: 'Activity',
};

const STATUS_WORDS: Record<StepStatus, string> = {
  done: 'done',
  'not-live': 'not live',
  unsupported: 'by hand',
  failed: 'failed',
  skipped: 'skipped',
  'awaiting-approval': 'awaiting approval',
  'dry-run': 'dry run',
};

/** What a step's answer is called on the timeline: 'Verified live', 'Revoked', 'Rotation skipped'. */
function entryTitle(record: StepRecord): string {
  if (record.step === 'verify' && record.status === 'done') return 'Verified live';
  if (record.step === 'verify' && record.status === 'not-live') return 'Verified: not live';
  if (record.step === 'revoke' && record.status === 'done') return record.approvedBy === undefined ? 'Revoked' : `Revoked (approved by @${record.approvedBy})`;
  if (record.step === 'rotate' && record.status === 'done') return 'Rotated';
  if (record.step === 'describe' && record.status === 'done') return 'Access assessed';
  if (record.step === 'activity' && record.status === 'done') return 'Activity reviewed';
  return `${STEP_NAMES[record.step]}: ${STATUS_WORDS[record.status]}`;
}

/** Steps in the order they happen, for the timeline. */
const STEP_ORDER: readonly ResponseStep[] = ['verify', 'describe', 'activity', 'revoke', 'rotate'];

/** One entry per recorded answer; an answer that changes later (approved, retried) adds an entry. */
export function timelineEntries(records: ResponseRecords): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const step of STEP_ORDER) {
    const record = records[step];
    if (record === undefined) continue;
    const manual = record.manualUrl === undefined ? '' : ` (${record.manualUrl})`;
    entries.push({ id: `${step}-${record.status}-${Date.parse(record.at) || 0}`, at: new Date(record.at), title: entryTitle(record), detail: `${record.summary}${manual}` });
  }
  return entries.sort((a, b) => Number(a.at) - Number(b.at));
}

export interface CredentialResponse {
  fingerprint: string;
  title: string;
  redacted: string;
  records: ResponseRecords;
  /** The incident issue's web URL, when it is known. */
  issueUrl?: string;
}

/** A credential waits for someone to approve its revocation. */
export function awaitsApproval(records: ResponseRecords): boolean {
  return records.revoke?.status === 'awaiting-approval';
}

/** Rows shown in the check run; the rest are counted (each incident issue has the full story). */
const MAX_ROWS = 50;
/** Credentials a section remembers (hidden markers), so a later run's report keeps their rows. */
const MAX_LISTED = 400;

/**
 * The section for the check run summary. Hidden markers list every credential it covers (so a
 * report of a later run, an approval, keeps the others) and those awaiting approval.
 */
export function responseSection(credentials: readonly CredentialResponse[]): string {
  const rows = credentials.slice(0, MAX_ROWS).map((c) => {
    const cell = (step: ResponseStep): string => {
      const record = c.records[step];
      return record === undefined ? '–' : STATUS_WORDS[record.status];
    };
    const incident = c.issueUrl === undefined ? '' : ` ([incident](${c.issueUrl}))`;
    return `| ${plainText(c.title)} ${cellCode(c.redacted)}${incident} | ${cell('verify')} | ${cell('revoke')} | ${cell('rotate')} | ${cell('activity')} |`;
  });
  const hidden = credentials.length - rows.length;
  const pending = credentials.filter((c) => awaitsApproval(c.records));
  const lines = [
    RESPONSE_START,
    '## Leak response',
    '',
    '| credential | verified | revoked | rotated | activity |',
    '|---|---|---|---|---|',
    ...rows,
    ...(hidden > 0 ? ['', `…and ${hidden} more credential(s): see their incident issues.`] : []),
    '',
    pending.length === 0
      ? 'Each step, with what the provider answered and what a human must do next, is on the incident issue’s timeline.'
      : `${pending.length} credential(s) await approval: someone with write access can press **Revoke now** above, or comment \`/leakstop revoke\` on the incident issue.`,
    ...credentials.slice(0, MAX_LISTED).map((c) => marker('response-credential', c.fingerprint)),
    ...pending.slice(0, MAX_LISTED).map((c) => marker('revoke-pending', c.fingerprint)),
    RESPONSE_END,
  ];
  return lines.join('\n');
}

/** The fingerprints an earlier report listed in a check run summary. */
export function listedFingerprints(summary: string): string[] {
  return markerValues(summary, 'response-credential').filter((value) => FINGERPRINT.test(value));
}

const FINGERPRINT = /^[0-9a-f]{32}$/;

/** `summary` with its response section replaced by `section` (or added at the end), within GitHub's limit. */
export function withResponseSection(summary: string, section: string, maxLength: number): string {
  const start = summary.indexOf(RESPONSE_START);
  const end = summary.indexOf(RESPONSE_END, start);
  const rest = start === -1 || end === -1 ? summary.trimEnd() : `${summary.slice(0, start).trimEnd()}${summary.slice(end + RESPONSE_END.length)}`;
  const room = maxLength - section.length - 2;
  return `${truncateText(rest, Math.max(0, room))}\n\n${section}`;
}

/** The fingerprints a check run summary says await approval. */
export function pendingFingerprints(summary: string): string[] {
  return markerValues(summary, 'revoke-pending').filter((value) => FINGERPRINT.test(value));
}
