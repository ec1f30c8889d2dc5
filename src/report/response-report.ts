// The leak response where people look: one timeline entry per step answer on the incident issue,
// and a "Leak response" section in the check run summary, with a "Revoke now" button while a
// credential waits for approval. Built from the step records, which never hold a secret.
import type { ResponseRecords, ResponseStep, StepRecord, StepStatus } from '../respond/response-record.js';
import type { TimelineEntry } from './incident-body.js';
import { marker, RESPONSE_END, RESPONSE_START } from './incident-markers.js';
import { cellCode, plainText, truncateText } from './markdown.js';

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
    const host = record.host === undefined ? '' : ` [answered by ${record.host}]`;
    entries.push({ id: `${step}-${record.status}-${Date.parse(record.at) || 0}`, at: new Date(record.at), title: entryTitle(record), detail: `${record.summary}${manual}${host}` });
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
/** Credentials a section names in hidden markers. */
const MAX_LISTED = 400;

/**
 * The section for the check run summary. Hidden markers name the credentials it covers and those
 * awaiting approval; leakstop never reads them back (the section is rendered from the stored records
 * each time), but a worker of an earlier version does during a rolling upgrade, to handle "Revoke now".
 */
export function responseSection(credentials: readonly CredentialResponse[]): string {
  const rows = credentials.slice(0, MAX_ROWS).map((c) => {
    const cell = (step: ResponseStep): string => {
      const record = c.records[step];
      if (record === undefined) return '–';
      return record.host === undefined ? STATUS_WORDS[record.status] : `${STATUS_WORDS[record.status]} (${plainText(record.host)})`;
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

/**
 * A check run summary: the scan's, then the response section, within GitHub's limit (the scan's part
 * is cut, never the section, which carries what to do and the approval count).
 */
export function summaryWithSection(scanSummary: string, section: string, maxLength: number): string {
  const room = maxLength - section.length - 2;
  return `${truncateText(scanSummary.trimEnd(), Math.max(0, room))}\n\n${section}`;
}
