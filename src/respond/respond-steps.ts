// The response to one leaked credential, step by step: verify (and assess, while the credential
// still works where its provider needs that), revoke first, rotate second, then what it touched.
// Each step runs under the credential's lock, reads what earlier jobs recorded and records its own
// answer, so a credential is revoked at most once however many jobs carry it, and a job run again
// after a crash resumes where the last one stopped.
import type { Secret } from '../detect/secret.js';
import { adapterContext, type AdapterContext, type Credential, type Outcome, type ProviderAdapter, type ProviderContext, type Rotation } from '../providers/contract.js';
import { scrub } from '../providers/http.js';
import { capabilitiesOf } from '../providers/index.js';
import type { Capabilities, Capability, ResponseStepName } from '../providers/provider.js';
import type { ResponsePolicy } from './policy.js';
import { isSettled, recordOf, type ResponseRecords, type ResponseStep, type StepRecord } from './response-record.js';
import type { ResponseStore } from './response-store.js';
import type { RotationSink } from './sinks/rotation-sink.js';

/** A credential waiting for approval keeps what an approved run needs (sealed) for this long. */
export const APPROVAL_TTL_SECONDS = 30 * 24 * 60 * 60;
/** A replacement that could not be written to its sink yet is kept (sealed) for the next attempt. */
export const REPLACEMENT_TTL_SECONDS = 7 * 24 * 60 * 60;
/**
 * Where a credential waiting for approval keeps its job, per scanned repository: the same key
 * leaked in two repositories waits in each, and either's approval releases it.
 */
export function approvalSlot(source: string): string {
  return `approval:${source.toLowerCase()}`;
}
export const REPLACEMENT_SLOT = 'replacement';
/**
 * Kept (the time it was sent) while a revocation request is out. A job that finds it did not learn
 * what became of that request (no answer in time, a 5xx, a worker killed): it verifies before it
 * revokes again.
 */
export const REVOKE_SENT_SLOT = 'revoke-sent';

/** A provider failure worth trying again: the queue retries the job after `retryAfterSeconds` if given. */
export class ProviderRetryError extends Error {
  override name = 'ProviderRetryError';
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface StepDeps {
  adapter: ProviderAdapter | undefined;
  provider: ProviderContext;
  store: ResponseStore;
  /** The operator's rotation sink; rotation is skipped without one. */
  sink: RotationSink | undefined;
  /**
   * What the provider declares it can do for a rule: the registry's declaration (providers/index.ts)
   * unless given, as tests do for a made-up provider.
   */
  capabilitiesOf?: (provider: string, ruleId: string) => Capabilities;
  /** Seals a value for the store (the replacement while its sink write is retried). */
  seal: (secret: Secret, context: string) => string;
  unseal: (sealed: string, context: string) => Secret;
}

export interface StepInput {
  credential: Credential;
  /** For people: 'AWS', 'GitHub'. */
  providerName: string;
  policy: ResponsePolicy;
  /** `owner/name` of the scanned repository, recorded with each answer. */
  source: string;
  /** The rotated secret's name in the sink (see rotationName). */
  rotationName: string;
  approvedBy?: string;
  /** The job data to keep when the credential waits for approval (holds the secret only sealed). */
  approvalData: string;
  /** False while the queue will try the job again: a retryable failure then throws instead of being recorded. */
  lastAttempt: boolean;
}

type Work = StepDeps & StepInput & { records: ResponseRecords };

/** verify, then (for providers that can only be assessed while the credential works) describe and activity. */
export async function runVerifyStep(deps: StepDeps, input: StepInput): Promise<ResponseRecords> {
  return withRecords(deps, input, async (work) => {
    await attempt(work, 'verify', (adapter) => adapter.verify?.bind(adapter));
    if (work.records.verify?.status !== 'done') return;
    await attempt(work, 'describe', (adapter) => adapter.describe?.bind(adapter));
    if (work.adapter?.order?.assessWhileLive) await attempt(work, 'activity', (adapter) => adapter.activity?.bind(adapter));
  });
}

/** Revokes, as policy allows: verified-live credentials under `auto`, any live-or-unknown one once approved. */
export async function runRevokeStep(deps: StepDeps, input: StepInput): Promise<ResponseRecords> {
  return withRecords(deps, input, async (work) => {
    if (isSettled(work.records.revoke)) return;
    const held = await revokeHeldBack(work);
    if (held !== undefined) {
      await save(work, held);
      return;
    }
    // Rotating revokes (GitLab self-rotate), or needs the leaked credential still working (OpenAI): rotate first.
    const order = work.adapter?.order;
    if ((order?.rotationRevokes || order?.rotateBeforeRevoke) && rotationAllowed(work)) await rotateAndStore(work);
    // Settled already when rotating revoked the credential: the provider is not asked again.
    const revoked = await revokeOnce(work);
    if (revoked?.status === 'done' || revoked?.status === 'not-live') await work.store.forget(work.credential.fingerprint, approvalSlot(work.source));
  });
}

/** Rotates once the credential is revoked: a replacement, written to the operator's sink. */
export async function runRotateStep(deps: StepDeps, input: StepInput): Promise<ResponseRecords> {
  return withRecords(deps, input, async (work) => {
    if (isSettled(work.records.rotate)) return;
    // A dry run goes on to say what rotating would have done (rotationHeldBack answers 'dry-run').
    const revoke = work.records.revoke?.status;
    if (revoke !== 'done' && !(revoke === 'dry-run' && work.policy.dryRun)) {
      await save(work, { step: 'rotate', status: 'skipped', summary: 'not rotated: leakstop did not revoke the credential, so its users still have it', at: now(work) });
      return;
    }
    const held = rotationHeldBack(work);
    if (held !== undefined) {
      await save(work, held);
      return;
    }
    await rotateAndStore(work);
  });
}

/** What the credential touched, for providers whose records outlive the credential. */
export async function runActivityStep(deps: StepDeps, input: StepInput): Promise<ResponseRecords> {
  return withRecords(deps, input, async (work) => {
    if (work.records.verify?.status !== 'done' && work.records.verify?.status !== 'failed') return;
    await attempt(work, 'activity', (adapter) => adapter.activity?.bind(adapter));
  });
}

async function withRecords(deps: StepDeps, input: StepInput, fn: (work: Work) => Promise<void>): Promise<ResponseRecords> {
  const fingerprint = input.credential.fingerprint;
  return deps.store.lock(fingerprint, async () => {
    const work: Work = { ...deps, ...input, records: await deps.store.records(fingerprint) };
    await fn(work);
    return work.records;
  });
}

type AdapterCall<T> = (credential: Credential, ctx: AdapterContext) => Promise<Outcome<T>>;

/**
 * Sends the revocation unless an earlier one may have done it. "Sent" is recorded before the
 * request goes and cleared once the provider has answered; a job that finds it still there (the
 * answer was lost or late, or the worker died) verifies first and revokes only a credential that
 * still works.
 */
async function revokeOnce(work: Work): Promise<StepRecord | undefined> {
  if (isSettled(work.records.revoke)) return work.records.revoke;
  const { fingerprint } = work.credential;
  const sentAt = await work.store.kept(fingerprint, REVOKE_SENT_SLOT);
  let resent: string | undefined;
  if (sentAt !== undefined) {
    const earlier = await checkEarlierRevocation(work, sentAt);
    if (earlier.settled !== undefined) return earlier.settled;
    resent = earlier.note;
  }
  const sending: SendGuard = {
    before: () => work.store.keep(fingerprint, REVOKE_SENT_SLOT, now(work), REVOKE_SENT_TTL_SECONDS),
    // A retryable failure leaves the outcome unknown (a 5xx, no answer): "sent" stays for the next job.
    after: async (outcome) => {
      if (!(outcome.status === 'failed' && outcome.retryable)) await work.store.forget(fingerprint, REVOKE_SENT_SLOT);
    },
    ...(resent === undefined ? {} : { note: resent }),
  };
  return attempt(work, 'revoke', (adapter) => adapter.revoke?.bind(adapter), sending);
}

/** "Sent" outlives every retry of a revoke job and an approval's wait. */
const REVOKE_SENT_TTL_SECONDS = APPROVAL_TTL_SECONDS;

/**
 * A revocation was sent at `sentAt` and its answer never arrived: asks the provider whether the
 * credential still works. Dead: recorded as revoked, nothing is sent. Live: revoke again (the note
 * says so in the record). No way to ask (no verify API): revoke again, as that is the only way to
 * learn. The check failing: retried later while attempts remain, else recorded for a human.
 */
async function checkEarlierRevocation(work: Work, sentAt: string): Promise<{ settled?: StepRecord; note?: string }> {
  const adapter = work.adapter;
  const verify = adapter === undefined || capability(work, 'verify') !== 'api' ? undefined : adapter.verify?.bind(adapter);
  const lost = `a revocation request sent at ${sentAt} got no answer`;
  if (verify === undefined || adapter === undefined) return { note: `${lost}, and ${work.providerName} cannot be asked whether it worked, so it was sent again` };
  const outcome = await verify(work.credential, contextOf(work, adapter));
  if (outcome.status === 'not-live') {
    await work.store.forget(work.credential.fingerprint, REVOKE_SENT_SLOT);
    const summary = `revoked: ${lost}; checked since, ${work.providerName} says the credential does not work any more (${outcome.summary})`;
    return { settled: await save(work, { step: 'revoke', status: 'done', summary: summary.slice(0, 2_000), at: now(work), ...approver(work) }) };
  }
  if (outcome.status === 'done') return { note: `${lost}; the credential still worked, so it was sent again` };
  if (outcome.status === 'unsupported') return { note: `${lost}, and ${work.providerName} cannot be asked whether it worked, so it was sent again` };
  throwIfRetryable(work, outcome);
  const summary = `${lost}, and checking whether the credential still works failed (${outcome.summary}): check by hand whether it is revoked, and revoke it if not`;
  return { settled: await save(work, { step: 'revoke', status: 'failed', summary: summary.slice(0, 2_000), at: now(work), ...manual(work) }) };
}

/** Around a provider call that must not be repeated blindly: what to record before it goes and once it is answered. */
interface SendGuard {
  before: () => Promise<void>;
  after: (outcome: Outcome<unknown>) => Promise<void>;
  /** Appended to the record's summary: why this request was sent again. */
  note?: string;
}

/** What the credential's provider declares it can do in this step, for this credential's rule. */
function capability(work: Work, step: ResponseStepName): Capability {
  if (work.adapter === undefined) return 'none';
  return (work.capabilitiesOf ?? capabilitiesOf)(work.adapter.provider, work.credential.ruleId)[step];
}

/** The adapter's context: its own provider's settings only. */
function contextOf(work: Work, adapter: ProviderAdapter): AdapterContext {
  return adapterContext(work.provider, adapter.provider);
}

/**
 * Runs one adapter call unless its step is settled already, and records the answer. A retryable
 * failure throws while attempts remain, so the queue tries again with backoff.
 */
async function attempt<T>(work: Work, step: ResponseStep, pick: (adapter: ProviderAdapter) => AdapterCall<T> | undefined, sending?: SendGuard): Promise<StepRecord | undefined> {
  const settled = work.records[step];
  if (isSettled(settled)) return settled;
  // A step the provider does not declare 'api' for this kind of credential is never called.
  const call = work.adapter === undefined || capability(work, step) !== 'api' ? undefined : pick(work.adapter);
  if (call === undefined || work.adapter === undefined) return save(work, noApi(work, step));
  await sending?.before();
  const outcome = await call(work.credential, contextOf(work, work.adapter));
  await sending?.after(outcome);
  throwIfRetryable(work, outcome);
  const answered = recordOf(step, outcome, work.provider.now(), work.source);
  const record = sending?.note === undefined ? answered : { ...answered, summary: `${answered.summary} (${sending.note})`.slice(0, 2_000) };
  if (step === 'revoke' && outcome.status === 'done') Object.assign(record, { reversible: (outcome.data as { reversible?: boolean }).reversible ?? false }, approver(work));
  return save(work, outcome.status === 'failed' ? withNextStep(work, record) : record);
}

/** What a human does about a step leakstop gave up on: for revocation, by hand now; otherwise re-run later. */
function withNextStep(work: Work, record: StepRecord): StepRecord {
  const next =
    record.step === 'revoke'
      ? 'leakstop stopped retrying: revoke it by hand now, or re-run the check to try again'
      : 'leakstop stopped retrying; re-run the check to try again';
  return { ...record, summary: `${record.summary}. ${next}`.slice(0, 2_000), ...(record.step === 'revoke' ? manual(work) : {}) };
}

function throwIfRetryable(work: Work, outcome: Outcome<unknown>): void {
  if (outcome.status === 'failed' && outcome.retryable && !work.lastAttempt) throw new ProviderRetryError(outcome.summary, outcome.retryAfterSeconds);
}

async function save(work: Work, record: StepRecord): Promise<StepRecord> {
  // The same answer again (a rescan of a PR, another push): keep the first, so its timeline entry stays one.
  const earlier = work.records[record.step];
  if (earlier !== undefined && earlier.status === record.status && earlier.summary === record.summary) return earlier;
  const withSource: StepRecord = { ...record, by: record.by ?? work.source };
  await work.store.save(work.credential.fingerprint, withSource);
  work.records[record.step] = withSource;
  return withSource;
}

function noApi(work: Work, step: ResponseStep): StepRecord {
  const declared = capability(work, step);
  const manualUrl = typeof declared === 'object' ? declared.manual : step === 'revoke' || step === 'rotate' ? work.adapter?.manualRevokeUrl : undefined;
  return {
    step,
    status: 'unsupported',
    summary: typeof declared === 'object' && declared.how !== undefined ? declared.how : noApiSummary(work, step, manualUrl !== undefined),
    at: now(work),
    ...(manualUrl === undefined ? {} : { manualUrl }),
  };
}

function noApiSummary(work: Work, step: ResponseStep, byHand: boolean): string {
  if (step === 'rotate') return `${work.providerName} offers leakstop no API to issue a replacement: issue one by hand and update its users`;
  const what = { verify: 'check whether it is live', describe: 'tell what it can access', revoke: 'revoke it', activity: 'tell what it was used for' }[step];
  return `${work.providerName} offers leakstop no API to ${what}${step === 'revoke' && byHand ? ': do it by hand' : ''}`;
}

/** The reason revocation must wait or not happen, or undefined when it may go ahead now. */
async function revokeHeldBack(work: Work): Promise<StepRecord | undefined> {
  const verify = work.records.verify;
  const { policy } = work;
  const base = { step: 'revoke' as const, at: now(work) };
  if (verify?.status === 'not-live') return { ...base, status: 'skipped', summary: 'nothing to revoke: the provider says the credential does not work' };
  // No approval can help where no API revokes: say so at once rather than invite a `/leakstop revoke`.
  if (work.adapter?.revoke === undefined || capability(work, 'revoke') !== 'api') return noApi(work, 'revoke');
  if (work.approvedBy === undefined) {
    if (policy.revoke === 'off') return { ...base, status: 'skipped', summary: `not revoked: ${policy.revokeSetting} is off for this repository; revoke it by hand`, ...manual(work) };
    if (verify?.status !== 'done') {
      await keepForApproval(work);
      return { ...base, status: 'skipped', summary: `not revoked automatically: it could not be verified live (${verify?.status ?? 'not checked'}); comment \`/leakstop revoke\` on the incident issue to have leakstop revoke it, or revoke it by hand`, ...manual(work) };
    }
    if (policy.dryRun) return { ...base, status: 'dry-run', summary: `dry run: leakstop would have ${policy.revoke === 'approve' ? 'asked for approval to revoke it' : 'revoked it now'} through the ${work.providerName} API` };
    if (policy.revoke === 'approve') {
      await keepForApproval(work);
      return { ...base, status: 'awaiting-approval', summary: `waiting for approval (${policy.revokeSetting}: approve): press "Revoke now" on the check run or comment \`/leakstop revoke\` on this issue (write access needed)` };
    }
  }
  if (policy.dryRun) return { ...base, status: 'dry-run', summary: `dry run: leakstop would have revoked it now through the ${work.providerName} API` };
  return undefined;
}

function rotationAllowed(work: Work): boolean {
  return rotationHeldBack(work) === undefined;
}

function rotationHeldBack(work: Work): StepRecord | undefined {
  const base = { step: 'rotate' as const, at: now(work) };
  if (work.policy.rotate === 'off') return { ...base, status: 'skipped', summary: `not rotated: ${work.policy.rotateSetting} is off; issue a replacement by hand` };
  if (work.adapter?.rotate === undefined || capability(work, 'rotate') !== 'api') return noApi(work, 'rotate');
  if (work.sink === undefined) return { ...base, status: 'skipped', summary: 'not rotated: the operator has configured no rotation sink (LEAKSTOP_ROTATION_SINK) to hand a replacement to its users; issue one by hand' };
  if (work.policy.dryRun) return { ...base, status: 'dry-run', summary: `dry run: leakstop would have issued a replacement and written it to the ${work.sink.kind} sink as ${work.rotationName}` };
  return undefined;
}

/**
 * Creates the replacement (unless an earlier attempt did and kept it) and writes it to the sink. The
 * replacement is kept sealed until the sink has it, so a failed write never creates a second one.
 */
async function rotateAndStore(work: Work): Promise<void> {
  if (isSettled(work.records.rotate)) return;
  const sink = work.sink;
  if (sink === undefined) return;
  const { fingerprint } = work.credential;
  const context = `${fingerprint}:replacement`;
  const kept = await work.store.kept(fingerprint, REPLACEMENT_SLOT);
  let rotation: Rotation;
  if (kept !== undefined) {
    rotation = { replacement: work.unseal(kept, context) };
  } else {
    const outcome = await work.adapter!.rotate!(work.credential, contextOf(work, work.adapter!));
    throwIfRetryable(work, outcome);
    if (outcome.status !== 'done') {
      await save(work, recordOf('rotate', outcome, work.provider.now(), work.source));
      return;
    }
    rotation = outcome.data;
    await work.store.keep(fingerprint, REPLACEMENT_SLOT, work.seal(rotation.replacement, context), REPLACEMENT_TTL_SECONDS);
    // Recorded now, not after the sink write: a retried write starts from the kept replacement alone,
    // and only this record then tells the revoke step that the leaked credential is gone.
    if (rotation.revokedOriginal && !isSettled(work.records.revoke)) await saveRevokedByRotation(work);
  }
  const written = await sink.write(work.rotationName, rotation.replacement);
  throwIfRetryable(work, written);
  if (written.status !== 'done') {
    // A sink's error text could quote what it was sent: never let the replacement through.
    const said = scrub(written.summary, [rotation.replacement]);
    await save(work, { step: 'rotate', status: 'failed', summary: `a replacement was issued but the ${sink.kind} sink refused it (${said}); fix the sink and re-run this check, or revoke the replacement and issue one by hand`, at: now(work) });
    return;
  }
  await work.store.forget(fingerprint, REPLACEMENT_SLOT);
  const hint = rotation.consumerHint === undefined ? '' : ` (${rotation.consumerHint})`;
  await save(work, { step: 'rotate', status: 'done', summary: `issued a replacement${hint} and wrote it to ${written.data.location}`, at: now(work) });
}

async function saveRevokedByRotation(work: Work): Promise<void> {
  await save(work, { step: 'revoke', status: 'done', summary: 'revoked by rotating it: the provider issued a replacement and revoked the leaked credential in one call', at: now(work), reversible: false, ...approver(work) });
  await work.store.forget(work.credential.fingerprint, approvalSlot(work.source));
}

async function keepForApproval(work: Work): Promise<void> {
  await work.store.keep(work.credential.fingerprint, approvalSlot(work.source), work.approvalData, APPROVAL_TTL_SECONDS);
}

function manual(work: Work): { manualUrl?: string } {
  return work.adapter === undefined ? {} : { manualUrl: work.adapter.manualRevokeUrl };
}

function approver(work: Work): { approvedBy?: string } {
  return work.approvedBy === undefined ? {} : { approvedBy: work.approvedBy };
}

function now(work: Work): string {
  return work.provider.now().toISOString();
}
