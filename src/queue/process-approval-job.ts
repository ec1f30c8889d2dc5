// The approval job: someone pressed "Revoke now" on a check run or commented `/leakstop revoke` on an
// incident issue. Whether they may is checked here (write access, and an issue or check run leakstop
// itself made); the credentials waiting for approval are then queued again as an approved run.
import { z } from 'zod';
import type { Logger } from '../log.js';
import type { InstallationOctokit } from '../github/installation-octokit.js';
import { sameLogin } from '../github/client.js';
import { httpStatus } from '../github/errors.js';
import { createOnce } from '../github/write-retry.js';
import type { CheckRunStore } from '../report/check-run-record.js';
import { marker, markerValues } from '../report/incident-markers.js';
import { issueCommentBodies } from '../report/incident-timeline.js';
import { awaitsApproval } from '../report/response-report.js';
import { approvalSlot } from '../respond/respond-steps.js';
import type { ResponseRecords } from '../respond/response-record.js';
import type { ResponseStore } from '../respond/response-store.js';
import { credentialJobSchema, responseReportJobFor, type ApprovalJob, type CredentialJob, type ResponseQueue } from './response-jobs.js';

export interface ApprovalJobDeps {
  github: (installationId: number) => Promise<InstallationOctokit>;
  store: ResponseStore;
  /** The check run records: which credentials a "Revoke now" press covers. */
  checkRuns: Pick<CheckRunStore, 'get'>;
  /** Where approved runs are queued. */
  queue: Pick<ResponseQueue, 'add'>;
  /** Our GitHub App's id: approvals count only on issues and check runs the app made. */
  appId: number;
  log: Logger;
}

/** What a finished approval job leaves in Redis: how many credentials were approved, never a secret. */
export type ApprovalOutcome = { approved: false } | { approved: number; nothingToDo: number };

const WRITE_PERMISSIONS = new Set(['admin', 'maintain', 'write']);

export async function processApprovalJob(job: ApprovalJob, deps: ApprovalJobDeps, jobId: string | undefined): Promise<ApprovalOutcome> {
  const log = deps.log.child({ jobId, repo: `${job.repository.owner}/${job.repository.repo}`, step: 'approve', requester: job.requester, via: job.via.kind });
  const octokit = await deps.github(job.installationId);
  if (!(await canWrite(octokit, job))) {
    log.info('approval refused: the requester has no write access');
    if (job.via.kind === 'comment') await replyOnce(octokit, job, `@${job.requester}, thank you for flagging this. Only people with write access to ${job.repository.owner}/${job.repository.repo} can have leakstop revoke a credential, so nothing was revoked. Please ask a maintainer or your security team to comment \`/leakstop revoke\` here.`);
    return { approved: false };
  }
  const { fingerprints, source } = await approvalTargets(octokit, job, deps, log);
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

/**
 * The fingerprints an approval covers: the incident issue's, or those of the check run's credentials
 * whose revocation awaits approval (from the check run's record and the step records, as the run was
 * written). Only an issue or check run leakstop itself made counts: anyone can write a marker into an
 * issue they open, and must not be able to revoke another repository's credential with it.
 */
async function approvalTargets(octokit: InstallationOctokit, job: ApprovalJob, deps: Pick<ApprovalJobDeps, 'appId' | 'checkRuns' | 'store'>, log: Logger): Promise<{ fingerprints: string[]; source: string }> {
  if (job.via.kind === 'comment') {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...job.repository, issue_number: job.via.issueNumber });
    const body = data.body ?? '';
    // The scanned repository the incident is about (the issue may live in a central one).
    const source = markerValues(body, 'repository')[0] ?? '';
    if (data.performed_via_github_app?.id !== deps.appId || source === '') return { fingerprints: [], source };
    return { fingerprints: markerValues(body, 'fingerprint').slice(0, 1), source };
  }
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...job.repository, check_run_id: job.via.checkRunId });
  const source = `${job.repository.owner}/${job.repository.repo}`;
  if (data.app?.id !== deps.appId) return { fingerprints: [], source };
  const record = await deps.checkRuns.get({ ...job.repository, headSha: data.head_sha });
  if (record === undefined) log.warn({ headSha: data.head_sha }, 'the check run has no record (written before this version, or over 31 days ago): nothing to approve from it; a comment `/leakstop revoke` on the incident issue still works');
  const awaiting: string[] = [];
  for (const { fingerprint } of record?.credentials ?? []) if (awaitsApproval(await deps.store.records(fingerprint))) awaiting.push(fingerprint);
  return { fingerprints: awaiting, source };
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
  const issueNumber = job.via.issueNumber;
  await createOnce({
    create: async () => {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...job.repository, issue_number: issueNumber, body: `${text}\n\n${tag}` });
      return true;
    },
    find: async () => ((await issueCommentBodies(octokit, issue)).some((body) => body.includes(tag)) ? true : undefined),
  });
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
