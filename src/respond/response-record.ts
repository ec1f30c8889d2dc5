// What the response did at each step for one credential, persisted by fingerprint so that every
// push, branch, redelivery or restarted worker sees the same answers: a credential is verified,
// revoked and rotated once, however many jobs carry it. Every field is safe to show.
import { z } from 'zod';
import type { Outcome } from '../providers/contract.js';

export const RESPONSE_STEPS = ['verify', 'describe', 'revoke', 'rotate', 'activity'] as const;
export type ResponseStep = (typeof RESPONSE_STEPS)[number];

export const STEP_STATUSES = [
  /** The provider did it. */
  'done',
  /** The credential does not work (any more). */
  'not-live',
  /** No API can do it: a human must, at manualUrl. */
  'unsupported',
  /** The provider or the sink failed; retryable ones are tried again before this is recorded. */
  'failed',
  /** Policy, a missing operator setting or an earlier step's answer ruled it out. */
  'skipped',
  /** `response.revoke: approve`: waiting for "Revoke now" or `/leakstop revoke`. */
  'awaiting-approval',
  /** Dry run: what leakstop would have done. */
  'dry-run',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const stepRecordSchema = z.strictObject({
  step: z.enum(RESPONSE_STEPS),
  status: z.enum(STEP_STATUSES),
  /** One line for the incident timeline and the check run; never holds the secret. */
  summary: z.string().max(2_000),
  /** ISO 8601. */
  at: z.string().max(40),
  manualUrl: z.string().max(2_000).optional(),
  /** Revocation: true when the credential was disabled and can be re-enabled (AWS Inactive). */
  reversible: z.boolean().optional(),
  /** Who approved the revocation, when someone did. */
  approvedBy: z.string().max(100).optional(),
  /** Which repository's job did the step, `owner/name`: a later incident elsewhere says so. */
  by: z.string().max(201).optional(),
  /** Which host answered, where the provider asks several (GitHub Enterprise Server, github.com). */
  host: z.string().max(600).optional(),
});

export type StepRecord = z.infer<typeof stepRecordSchema>;

export type ResponseRecords = Partial<Record<ResponseStep, StepRecord>>;

/**
 * Answers that settle a step for this credential for good: it is never attempted again, whichever
 * job comes next. A failure, a skip or a dry run is tried again by a later job (a later push, another
 * repository's policy, an approval).
 */
export function isSettled(record: StepRecord | undefined): record is StepRecord {
  return record !== undefined && (record.status === 'done' || record.status === 'not-live' || record.status === 'unsupported');
}

/** An adapter's answer as a record (failed retryable outcomes are retried by the queue before they land here). */
export function recordOf(step: ResponseStep, outcome: Outcome<unknown>, at: Date, by: string): StepRecord {
  const facts = outcome.status === 'done' ? factsOf(step, outcome.data) : '';
  const base = { step, summary: `${outcome.summary}${facts}`.slice(0, 2_000), at: at.toISOString(), by, ...(outcome.host === undefined ? {} : { host: outcome.host.slice(0, 600) }) };
  switch (outcome.status) {
    case 'done':
      return { ...base, status: 'done' };
    case 'not-live':
      return { ...base, status: 'not-live' };
    case 'unsupported':
      return { ...base, status: 'unsupported', manualUrl: outcome.manualUrl };
    case 'failed':
      return { ...base, status: 'failed' };
  }
}

const MAX_LISTED = 20;

/**
 * What the incident must say beyond the adapter's one-line summary: the scopes a credential had
 * (what it could access) and the events found (what it touched). Identities, scopes, notes and
 * event names are the provider's metadata, never the secret.
 */
function factsOf(step: ResponseStep, data: unknown): string {
  if (typeof data !== 'object' || data === null) return '';
  if (step === 'describe' && 'scopes' in data && Array.isArray(data.scopes)) {
    const scopes = data.scopes.filter((scope): scope is string => typeof scope === 'string');
    const notes = 'notes' in data && Array.isArray(data.notes) ? data.notes.filter((note): note is string => typeof note === 'string') : [];
    const listed = scopes.length === 0 ? 'no scopes listed' : `scopes: ${scopes.slice(0, MAX_LISTED).join(', ')}${scopes.length > MAX_LISTED ? ` and ${scopes.length - MAX_LISTED} more` : ''}`;
    return `. ${listed}${notes.length === 0 ? '' : `; ${notes.slice(0, 5).join('; ')}`}`;
  }
  if (step === 'activity' && 'events' in data && Array.isArray(data.events)) {
    const events = data.events.filter((e): e is { time: string; action: string; source?: string } => typeof e === 'object' && e !== null && 'time' in e && 'action' in e);
    const lastUsed = 'lastUsedAt' in data && typeof data.lastUsedAt === 'string' ? `last used ${data.lastUsedAt}` : undefined;
    const shown = events.slice(0, 10).map((e) => `${e.time} ${e.action}${e.source === undefined ? '' : ` (${e.source})`}`);
    const parts = [lastUsed, events.length === 0 ? 'no events found' : `${events.length} event(s): ${shown.join('; ')}${events.length > 10 ? '; …' : ''}`].filter((p) => p !== undefined);
    return `. ${parts.join('; ')}`;
  }
  return '';
}
