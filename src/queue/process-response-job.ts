// One job of the leak response: a step of one credential (verify, revoke, rotate, activity), the
// report of a run (incident timelines and the check run), or an approval. Step jobs talk to
// providers only and record their answers in Redis; GitHub is written by the report job, once per
// incident, because an app's writes to GitHub are spaced a second apart and revoking must not wait.
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import type { Secret } from '../detect/secret.js';
import type { Logger } from '../log.js';
import { allProviders } from '../providers/index.js';
import type { Credential, ProviderAdapter, ProviderContext } from '../respond/adapter.js';
import { approvedPolicy, type ResponsePolicy } from '../respond/policy.js';
import { approvalSlot, runActivityStep, runRevokeStep, runRotateStep, runVerifyStep, type StepDeps, type StepInput } from '../respond/respond-steps.js';
import { sameLogin } from '../github/client.js';
import type { ResponseRecords } from '../respond/response-record.js';
import type { ResponseStore } from '../respond/response-store.js';
import { rotationName } from '../respond/rotation-name.js';
import { SealError, sealSecret, unsealSecret, type SealKey } from '../respond/seal.js';
import type { RotationSink } from '../respond/sinks/rotation-sink.js';
import { updateCheckRunResponse } from '../report/check-run.js';
import { httpStatus } from '../github/errors.js';
import { incidentKey, type IncidentStore } from '../report/incident-issue.js';
import { marker, markerValues } from '../report/incident-markers.js';
import { appendTimelineEntries, issueCommentBodies } from '../report/incident-timeline.js';
import { awaitsApproval, pendingFingerprints, responseSection, timelineEntries, type CredentialResponse } from '../report/response-report.js';
import type { InstallationOctokit } from '../github/installation-octokit.js';
import { asQueueError } from './retry.js';
import { approvalJobSchema, credentialJobSchema, LEGACY_RESPONSE_REPORT, RESPONSE_REPORT, responseReportJobFor, responseReportJobSchema, type ApprovalJob, type CredentialJob, type ResponseReportJob, type ResponseQueue } from './response-jobs.js';

export interface ResponseJobDeps {
  github: (installationId: number) => Promise<InstallationOctokit>;
  incidents: IncidentStore;
  store: ResponseStore;
  adapterFor: (provider: string) => ProviderAdapter | undefined;
  provider: ProviderContext;
  sink: RotationSink | undefined;
  sealKey: SealKey;
  /** Where approved runs are queued. */
  queue: Pick<ResponseQueue, 'add'>;
  /** `https://github.com` or a GHE Server's web URL, for incident links in the check run. */
  htmlBaseUrl: string;
  /** Our GitHub App's id: approvals count only on issues and check runs the app made. */
  appId: number;
  /** LEAKSTOP_RESPONSE_DRY_RUN as this worker reads it: applies to jobs queued before it was set too. */
  operatorDryRun?: boolean;
  log: Logger;
}

export interface ResponseQueuedJob {
  id?: string | undefined;
  name: string;
  data: unknown;
  attemptsMade: number;
  opts?: { attempts?: number | undefined };
}

/** The incident issue or check run is not there yet (the scan's report job writes them, after the scan queued the response): try again shortly. */
export class IncidentNotReadyError extends Error {
  override name = 'IncidentNotReadyError';
}

/** What a finished job leaves in Redis: statuses, never a secret or a provider's words. */
export type ResponseJobOutcome = Record<string, unknown>;

export async function processResponseJob(job: ResponseQueuedJob, deps: ResponseJobDeps): Promise<ResponseJobOutcome> {
  const lastAttempt = job.attemptsMade + 1 >= (job.opts?.attempts ?? 1);
  switch (job.name) {
    case 'verify':
    case 'revoke':
    case 'rotate':
    case 'activity':
      return runCredentialStep(job.name, parse(credentialJobSchema, job), deps, lastAttempt, job.id);
    // GitHub's permanent refusals (a deleted issue, a lost permission) end these jobs at once.
    case RESPONSE_REPORT:
    case LEGACY_RESPONSE_REPORT:
      return runReport(parse(responseReportJobSchema, job), deps, lastAttempt, job.id).catch(rethrowForQueue);
    case 'approve':
      return runApproval(parse(approvalJobSchema, job), deps, job.id).catch(rethrowForQueue);
    default:
      throw new UnrecoverableError(`unknown response job '${job.name}'`);
  }
}

function rethrowForQueue(error: unknown): never {
  throw asQueueError(error);
}

function parse<T extends z.ZodType>(schema: T, job: ResponseQueuedJob): z.infer<T> {
  const parsed = schema.safeParse(job.data);
  // Data that does not parse cannot parse on a later attempt either.
  if (!parsed.success) throw new UnrecoverableError(`job data is not a ${job.name} job: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

// --- Step jobs ---------------------------------------------------------------------------------------

const STEP_RUNNERS = { verify: runVerifyStep, revoke: runRevokeStep, rotate: runRotateStep, activity: runActivityStep };

async function runCredentialStep(step: keyof typeof STEP_RUNNERS, job: CredentialJob, deps: ResponseJobDeps, lastAttempt: boolean, jobId: string | undefined): Promise<ResponseJobOutcome> {
  const log = deps.log.child({ jobId, repo: `${job.source.owner}/${job.source.repo}`, fingerprint: job.fingerprint, provider: job.provider, step });
  let input: StepInput;
  try {
    input = stepInput(job, deps, lastAttempt);
  } catch (error) {
    // A seal that does not open (the key changed, the data was altered) never will on a later attempt.
    if (error instanceof SealError) throw new UnrecoverableError(error.message);
    throw error;
  }
  const records = await STEP_RUNNERS[step](stepDeps(job, deps), input);
  const status = records[step]?.status ?? 'none';
  log.info({ status, ruleId: job.ruleId }, 'response step finished');
  return { fingerprint: job.fingerprint, step, status };
}

function stepDeps(job: CredentialJob, deps: ResponseJobDeps): StepDeps {
  return {
    adapter: deps.adapterFor(job.provider),
    provider: deps.provider,
    store: deps.store,
    sink: deps.sink,
    seal: (secret, context) => sealSecret(deps.sealKey, secret, context),
    unseal: (sealed, context) => unsealSecret(deps.sealKey, sealed, context),
  };
}

function stepInput(job: CredentialJob, deps: ResponseJobDeps, lastAttempt: boolean): StepInput {
  const { approvedBy, ...waiting } = job;
  return {
    credential: unsealCredential(job, deps.sealKey),
    providerName: allProviders.find((p) => p.id === job.provider)?.name ?? job.provider,
    policy: withOperatorDryRun(approvedBy === undefined ? job.policy : approvedPolicy(job.policy), deps.operatorDryRun ?? false),
    source: `${job.source.owner}/${job.source.repo}`,
    rotationName: rotationName(deps.sink?.kind === 'github-actions' ? 'github-actions' : 'path', { owner: job.source.owner, repo: job.source.repo, ruleId: job.ruleId }),
    ...(approvedBy === undefined ? {} : { approvedBy }),
    // What an approval needs to run this credential again: the job itself (its secret sealed).
    approvalData: JSON.stringify(waiting),
    lastAttempt,
  };
}

function withOperatorDryRun(policy: ResponsePolicy, dryRun: boolean): ResponsePolicy {
  return dryRun ? { ...policy, dryRun: true } : policy;
}

/** The credential as adapters see it: unsealed in memory only, for the duration of the step. */
function unsealCredential(job: CredentialJob, sealKey: SealKey): Credential {
  const related: Record<string, Secret> = {};
  for (const [name, sealed] of Object.entries(job.related ?? {})) related[name] = unsealSecret(sealKey, sealed, `${job.fingerprint}:${name}`);
  return {
    secret: unsealSecret(sealKey, job.sealed, job.fingerprint),
    ruleId: job.ruleId,
    fingerprint: job.fingerprint,
    details: job.details,
    ...(job.related === undefined ? {} : { related }),
  };
}

// --- The report job ------------------------------------------------------------------------------------

async function runReport(job: ResponseReportJob, deps: ResponseJobDeps, lastAttempt: boolean, jobId: string | undefined): Promise<ResponseJobOutcome> {
  const log = deps.log.child({ jobId, repo: `${job.source.owner}/${job.source.repo}`, step: 'report' });
  const incidents = await Promise.all(
    job.credentials.map(async (credential) => {
      const key = incidentKey(`${job.source.owner}/${job.source.repo}`, credential.fingerprint);
      return { credential, key, issueNumber: credential.issueNumber ?? (await deps.incidents.get(key)) };
    }),
  );
  const missing = incidents.filter((incident) => incident.issueNumber === undefined).map((incident) => incident.credential.fingerprint);
  // The scan's report job completes the check run and opens the issues soon after the scan queued this run.
  if (missing.length > 0 && !lastAttempt) throw new IncidentNotReadyError(`${missing.length} incident issue(s) not opened yet: trying again shortly`);
  const octokit = await deps.github(job.installationId);
  const responses: CredentialResponse[] = [];
  let entries = 0;
  for (const { credential, key, issueNumber } of incidents) {
    const records = await deps.store.records(credential.fingerprint);
    if (issueNumber !== undefined) {
      // The stored number may be stale (incidents.repository changed): write only into this credential's incident.
      const isIncident = (body: string): boolean => markerValues(body, 'fingerprint')[0] === credential.fingerprint;
      const added = await deps.incidents.lock(key, () => appendTimelineEntries(octokit, { ...job.incidentRepo, issueNumber }, timelineEntries(records), isIncident));
      if (added === 'not-this-incident') log.warn({ issueNumber, fingerprint: credential.fingerprint }, 'the stored incident issue is not this credential\'s; its timeline was not written');
      else entries += added;
    }
    const response: CredentialResponse = { fingerprint: credential.fingerprint, title: credential.title, redacted: credential.redacted, records, ...issueLink(deps, job.incidentRepo, issueNumber) };
    await deps.store.keep(credential.fingerprint, summarySlot(job.source), JSON.stringify(credentialSummarySchema.parse(response)), SUMMARY_TTL_SECONDS);
    responses.push(response);
  }
  const target = job.checkRun;
  // One report at a time edits a check run's section (a push and a pull request share a head SHA).
  const checkRun =
    target === undefined
      ? 'none'
      : await deps.incidents.lock(`checkrun:${job.source.owner}/${job.source.repo}@${target.headSha}`, () =>
          updateCheckRunResponse(octokit, {
            owner: job.source.owner,
            repo: job.source.repo,
            headSha: target.headSha,
            build: async (listed) => {
              // An approval's run covers some of the check run's credentials: the others keep their rows.
              const all = [...responses, ...(await earlierResponses(deps, job.source, listed, responses))];
              return { section: responseSection(all), approvable: all.some((r) => awaitsApproval(r.records)) };
            },
          }),
        );
  const outcome = { credentials: job.credentials.length, timelineEntries: entries, incidentsMissing: missing.length, checkRun };
  // A check run still in progress would overwrite the section when it completes: come back then.
  // A check run not written yet (the scan's report job creates it) is the same wait.
  if ((checkRun === 'scan-still-running' || checkRun === 'no-check-run') && !lastAttempt) throw new IncidentNotReadyError(`the check run is ${checkRun === 'no-check-run' ? 'not written yet' : 'still in progress'}: trying again shortly`);
  if (missing.length > 0) log.warn({ missing }, 'incident issues never appeared; their response is recorded in Redis only');
  log.info(outcome, 'response reported');
  return outcome;
}

/** What the check run shows of a credential besides its records; kept so a later run's report can show it too. */
const credentialSummarySchema = z.object({ fingerprint: z.string(), title: z.string().max(200), redacted: z.string().max(100), issueUrl: z.string().max(500).optional() });
/** Per scanned repository: a check run never shows another repository's incident link. */
const summarySlot = (source: ResponseReportJob['source']): string => `summary:${source.owner}/${source.repo}`.toLowerCase();
const SUMMARY_TTL_SECONDS = 180 * 24 * 60 * 60;

function issueLink(deps: ResponseJobDeps, repo: ResponseReportJob['incidentRepo'], issueNumber: number | undefined): { issueUrl?: string } {
  return issueNumber === undefined ? {} : { issueUrl: `${deps.htmlBaseUrl}/${repo.owner}/${repo.repo}/issues/${issueNumber}` };
}

/** The credentials an earlier report listed on the check run that this run does not cover. */
async function earlierResponses(deps: ResponseJobDeps, source: ResponseReportJob['source'], listed: readonly string[], covered: readonly CredentialResponse[]): Promise<CredentialResponse[]> {
  const responses: CredentialResponse[] = [];
  for (const fingerprint of listed) {
    if (covered.some((c) => c.fingerprint === fingerprint)) continue;
    const summary = credentialSummarySchema.safeParse(parseJson(await deps.store.kept(fingerprint, summarySlot(source))));
    if (!summary.success) continue;
    const { issueUrl, ...rest } = summary.data;
    responses.push({ ...rest, records: await deps.store.records(fingerprint), ...(issueUrl === undefined ? {} : { issueUrl }) });
  }
  return responses;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// --- Approvals ------------------------------------------------------------------------------------------

const WRITE_PERMISSIONS = new Set(['admin', 'maintain', 'write']);

async function runApproval(job: ApprovalJob, deps: ResponseJobDeps, jobId: string | undefined): Promise<ResponseJobOutcome> {
  const log = deps.log.child({ jobId, repo: `${job.repository.owner}/${job.repository.repo}`, step: 'approve', requester: job.requester, via: job.via.kind });
  const octokit = await deps.github(job.installationId);
  if (!(await canWrite(octokit, job))) {
    log.info('approval refused: the requester has no write access');
    if (job.via.kind === 'comment') await replyOnce(octokit, job, `@${job.requester}, thank you for flagging this. Only people with write access to ${job.repository.owner}/${job.repository.repo} can have leakstop revoke a credential, so nothing was revoked. Please ask a maintainer or your security team to comment \`/leakstop revoke\` here.`);
    return { approved: false };
  }
  const { fingerprints, source } = await approvalTargets(octokit, job, deps.appId);
  const credentials: CredentialJob[] = [];
  const settled: string[] = [];
  for (const fingerprint of fingerprints) {
    const kept = credentialJobSchema.safeParse(parseJson(await deps.store.kept(fingerprint, approvalSlot(source))));
    if (kept.success && belongsTo(kept.data, job)) {
      // A comment approval records the outcome on the commented issue (perhaps a central repository's).
      credentials.push({ ...kept.data, approvedBy: job.requester, ...(job.via.kind === 'comment' ? { incidentRepo: job.repository } : {}) });
    } else settled.push(describeSettled(await deps.store.records(fingerprint)));
  }
  if (credentials.length > 0) {
    const issueNumber = job.via.kind === 'comment' ? job.via.issueNumber : undefined;
    await deps.queue.add(`approval-${job.deliveryId}`, responseReportJobFor(credentials, job.requester, issueNumber), credentials);
  }
  if (job.via.kind === 'comment') {
    const text = credentials.length > 0
      ? `@${job.requester} approved the revocation: leakstop is revoking the credential now. The response timeline above records what the provider answers.`
      : `@${job.requester}, there is nothing for leakstop to revoke here: ${settled[0] ?? 'no response is waiting for this credential'}.`;
    await replyOnce(octokit, job, text);
  }
  log.info({ approved: credentials.length, nothingToDo: settled.length }, 'approval handled');
  return { approved: credentials.length, nothingToDo: settled.length };
}

function describeSettled(records: ResponseRecords): string {
  const revoke = records.revoke;
  if (revoke === undefined) return 'leakstop has no waiting response for it (approvals are kept for 30 days)';
  return `its revocation is already settled (${revoke.status}: ${revoke.summary})`;
}

const permissionSchema = z.object({ permission: z.string(), role_name: z.string().optional() });

/** Write access to the repository the request came from (the incident's, or the check run's). */
async function canWrite(octokit: InstallationOctokit, job: ApprovalJob): Promise<boolean> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...job.repository, username: job.requester });
    const parsed = permissionSchema.parse(data);
    return WRITE_PERMISSIONS.has(parsed.permission) || WRITE_PERMISSIONS.has(parsed.role_name ?? '');
  } catch (error) {
    // 404: not a collaborator at all.
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}

/** The fingerprints an approval covers: the incident issue's, or those the check run lists as awaiting. */
/**
 * The fingerprints an approval covers: the incident issue's, or those the check run lists as
 * awaiting. Only an issue or check run leakstop itself made counts: anyone can write a marker into
 * an issue they open, and must not be able to revoke another repository's credential with it.
 */
async function approvalTargets(octokit: InstallationOctokit, job: ApprovalJob, appId: number): Promise<{ fingerprints: string[]; source: string }> {
  if (job.via.kind === 'comment') {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...job.repository, issue_number: job.via.issueNumber });
    const body = data.body ?? '';
    // The scanned repository the incident is about (the issue may live in a central one).
    const source = markerValues(body, 'repository')[0] ?? '';
    if (data.performed_via_github_app?.id !== appId || source === '') return { fingerprints: [], source };
    return { fingerprints: markerValues(body, 'fingerprint').slice(0, 1), source };
  }
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...job.repository, check_run_id: job.via.checkRunId });
  const source = `${job.repository.owner}/${job.repository.repo}`;
  if (data.app?.id !== appId) return { fingerprints: [], source };
  return { fingerprints: pendingFingerprints(data.output.summary ?? ''), source };
}

/**
 * The waiting credential is this approval's to release: the same installation, and the repository
 * the approval came from is its incident's (a comment) or the scanned one (a check run).
 */
function belongsTo(credential: CredentialJob, job: ApprovalJob): boolean {
  if (credential.installationId !== job.installationId) return false;
  const repo = job.via.kind === 'comment' ? credential.incidentRepo : credential.source;
  return sameLogin(repo.owner, job.repository.owner) && repo.repo.toLowerCase() === job.repository.repo.toLowerCase();
}

/** One reply per approval comment, however often the job runs. */
async function replyOnce(octokit: InstallationOctokit, job: ApprovalJob, text: string): Promise<void> {
  if (job.via.kind !== 'comment') return;
  const issue = { ...job.repository, issueNumber: job.via.issueNumber };
  const tag = marker('approval', String(job.via.commentId));
  const comments = await issueCommentBodies(octokit, issue);
  if (comments.some((body) => body.includes(tag))) return;
  await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...job.repository, issue_number: job.via.issueNumber, body: `${text}\n\n${tag}` });
}

