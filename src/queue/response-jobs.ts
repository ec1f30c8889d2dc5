// The leak response as BullMQ jobs: per credential a chain verify → revoke → rotate → activity, all
// under one response report job per scan that records the outcomes on the incident issues and the check run.
// In a BullMQ flow children run before their parent, so the chain is nested inside out. Job data
// holds the secret only sealed (AES-256-GCM, see src/respond/seal.ts): Redis never sees it in clear.
import { FlowProducer, Queue, type FlowJob, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import type { LocatedFinding } from '../detect/finding.js';
import type { ResponseSettings } from '../config/repo-config.schema.js';
import { policyFor, responsePolicySchema, type OperatorResponseSettings } from '../respond/policy.js';
import { sealedSecretSchema, sealSecret, type SealKey } from '../respond/seal.js';
import { fairPriorities } from './fair-priority.js';
import type { RedisClient } from './redis-connection.js';
import { BACKOFF_TYPE, KEEP_FINISHED } from './queues.js';

export const RESPONSE_QUEUE = 'respond';

/** The steps of one credential, in the order they run. */
export const CHAIN_STEPS = ['verify', 'revoke', 'rotate', 'activity'] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];
/**
 * The response report: the parent of a run's chains, writing their outcomes to GitHub. Earlier
 * versions named it 'report' (like the unrelated scan report): jobs of that name still in Redis after
 * an upgrade are processed as response reports.
 */
export const RESPONSE_REPORT = 'response-report';
export const LEGACY_RESPONSE_REPORT = 'report';
/** The response report's job id ends `-all-report`, as it did before: a scan retried across an upgrade finds its run. */
const RESPONSE_REPORT_ID = 'report';
export const RESPONSE_JOB_NAMES = [...CHAIN_STEPS, RESPONSE_REPORT, 'approve'] as const;

/** Provider calls are quick: retries come fast at first (2 s, 4 s, ... about 2 minutes in all). */
export const RESPONSE_ATTEMPTS = 7;
/**
 * The response report waits for the scan report to open its incident issues (one a second per
 * installation, more under rate limits or for a backfill): up to about 15 minutes (1 s, 2 s, … then a
 * minute apart). It never waits for the check run: see write-check-run.ts.
 */
export const RESPONSE_REPORT_ATTEMPTS = 20;

const FINGERPRINT = /^[0-9a-f]{32}$/;
const fingerprint = z.string().regex(FINGERPRINT, { error: 'must be a 32-character hex fingerprint' });
const login = z.string().min(1).max(100);
const repoRef = z.strictObject({ owner: login, repo: z.string().min(1).max(100) });

/** One leaked credential's response, the same data in each job of its chain. */
export const credentialJobSchema = z.strictObject({
  fingerprint,
  ruleId: z.string().min(1).max(100),
  provider: z.string().min(1).max(50),
  title: z.string().min(1).max(200),
  /** The redacted form: what a human may see. */
  redacted: z.string().min(1).max(100),
  /** Offline facts from detection, safe to show (account ids...). */
  details: z.record(z.string().max(100), z.string().max(500)),
  sealed: sealedSecretSchema,
  related: z.record(z.string().max(50), sealedSecretSchema).optional(),
  policy: responsePolicySchema,
  installationId: z.number().int().positive(),
  /** The scanned repository. */
  source: repoRef,
  /** Where its incident issue lives (the source, or the central repository its config names). */
  incidentRepo: repoRef,
  /** The check run of the scan that found it (absent for a backfill): the response report writes it again. */
  checkRun: z.strictObject({ headSha: z.string().regex(/^[0-9a-f]{40}$/) }).optional(),
  /** Set when someone with write access approved the revocation. */
  approvedBy: login.optional(),
});

export type CredentialJob = z.infer<typeof credentialJobSchema>;

/** The parent of a scan's chains: records every credential's outcome where people look. */
export const responseReportJobSchema = z.strictObject({
  installationId: z.number().int().positive(),
  source: repoRef,
  incidentRepo: repoRef,
  /** The check run to write again (the scan's head SHA); absent for a backfill, which has none. */
  checkRun: z.strictObject({ headSha: z.string().regex(/^[0-9a-f]{40}$/) }).optional(),
  credentials: z
    .array(
      z.strictObject({
        fingerprint,
        title: z.string().min(1).max(200),
        redacted: z.string().min(1).max(100),
        /** The incident issue, when the run knows it (an approval by comment); else looked up by fingerprint. */
        issueNumber: z.number().int().positive().optional(),
      }),
    )
    .min(1)
    .max(1_000),
  approvedBy: login.optional(),
});

export type ResponseReportJob = z.infer<typeof responseReportJobSchema>;

/**
 * Someone asked leakstop to revoke: pressed "Revoke now" on a check run, or commented
 * `/leakstop revoke` on an incident issue. Whether they may is checked by the worker.
 */
export const approvalJobSchema = z.strictObject({
  /** X-GitHub-Delivery of the webhook: a redelivery maps to the same job. */
  deliveryId: z.string().min(1).max(100),
  installationId: z.number().int().positive(),
  /** The repository of the check run or of the incident issue. */
  repository: repoRef,
  requester: login,
  via: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('check-run'), checkRunId: z.number().int().positive() }),
    z.strictObject({ kind: z.literal('comment'), issueNumber: z.number().int().positive(), commentId: z.number().int().positive() }),
  ]),
});

export type ApprovalJob = z.infer<typeof approvalJobSchema>;

/** What the scan hands over: the findings of one scan and the context their response needs. */
export interface ResponseRequest {
  /** The scan job's id: with the fingerprint and step it names every job, so a retried scan adds nothing. */
  scanJobId: string;
  installationId: number;
  source: { owner: string; repo: string };
  incidentRepo: { owner: string; repo: string };
  headSha?: string;
  findings: readonly LocatedFinding[];
  /** The repository's `response` settings. */
  settings: ResponseSettings;
}

export interface CredentialJobOptions {
  sealKey: SealKey;
  /** The operator's switches (LEAKSTOP_RESPONSE_DRY_RUN), above any repository's. */
  operator: Pick<OperatorResponseSettings, 'dryRun'>;
  /** Which providers leakstop can do anything about (those with an adapter). */
  respondsTo: (provider: string) => boolean;
}

/** A scan's findings leakstop can respond to, one per fingerprint (the first location found). */
export function respondableFindings(findings: readonly LocatedFinding[], respondsTo: (provider: string) => boolean): LocatedFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => respondsTo(finding.provider) && !seen.has(finding.fingerprint) && seen.add(finding.fingerprint));
}

/** How a credential is named in jobs and reports: its fingerprint and its title and redacted form, cut to fit. */
export function credentialLabel(finding: LocatedFinding): { fingerprint: string; title: string; redacted: string } {
  return { fingerprint: finding.fingerprint, title: finding.title.slice(0, 200), redacted: finding.secret.redacted.slice(0, 100) };
}

/** The credentials of a scan, one per fingerprint (the first location found), sealed for the queue. */
export function credentialJobs(request: ResponseRequest, options: CredentialJobOptions): CredentialJob[] {
  return respondableFindings(request.findings, options.respondsTo).map((finding) =>
    credentialJobSchema.parse({
      ...credentialLabel(finding),
      ruleId: finding.ruleId,
      provider: finding.provider,
      details: finding.details,
      sealed: sealSecret(options.sealKey, finding.secret, finding.fingerprint),
      ...(finding.related === undefined ? {} : { related: sealRelated(finding, options.sealKey) }),
      policy: policyFor(finding.provider, request.settings, options.operator),
      installationId: request.installationId,
      source: request.source,
      incidentRepo: request.incidentRepo,
      ...(request.headSha === undefined ? {} : { checkRun: { headSha: request.headSha } }),
    }),
  );
}

function sealRelated(finding: LocatedFinding, sealKey: SealKey): Record<string, string> {
  return Object.fromEntries(Object.entries(finding.related ?? {}).map(([name, secret]) => [name, sealSecret(sealKey, secret, `${finding.fingerprint}:${name}`)]));
}

/** The response report job of a run over `credentials`. */
export function responseReportJobFor(credentials: readonly CredentialJob[], approvedBy?: string, issueNumber?: number): ResponseReportJob {
  const first = credentials[0]!;
  return responseReportJobSchema.parse({
    installationId: first.installationId,
    source: first.source,
    incidentRepo: first.incidentRepo,
    ...(first.checkRun === undefined ? {} : { checkRun: first.checkRun }),
    credentials: credentials.map((c) => ({ fingerprint: c.fingerprint, title: c.title, redacted: c.redacted, ...(issueNumber === undefined ? {} : { issueNumber }) })),
    ...(approvedBy === undefined ? {} : { approvedBy }),
  });
}

/** Job ids: BullMQ forbids ':' in custom ids. */
export function responseJobId(runId: string, fingerprintOrReport: string, step: string): string {
  return `${runId}-${fingerprintOrReport}-${step}`.replaceAll(':', '_');
}

/**
 * The flow of one response run (a scan, or an approval): the response report job with one chain per
 * credential. `runId` names the jobs: the same run added twice finds its report and adds nothing.
 * `priorities[i]`, when given, is the i-th credential's turn (fair-priority.ts), for each job of its
 * chain; the report, which runs after every chain, takes the last.
 */
export function responseFlow(runId: string, report: ResponseReportJob, credentials: readonly CredentialJob[], attempts = RESPONSE_ATTEMPTS, priorities: readonly number[] = []): FlowJob {
  const opts = (jobId: string, priority: number | undefined): JobsOptions => ({
    jobId,
    ...(priority === undefined ? {} : { priority }),
    attempts,
    backoff: { type: BACKOFF_TYPE },
    removeOnComplete: KEEP_FINISHED,
    removeOnFail: KEEP_FINISHED,
    // A chain that fails for good (a bug, Redis lost) must not stop the report of the others.
    ignoreDependencyOnFailure: true,
  });
  const chain = (credential: CredentialJob, i: number): FlowJob => {
    let job: FlowJob | undefined;
    for (const step of CHAIN_STEPS) {
      job = { name: step, queueName: RESPONSE_QUEUE, data: credential, opts: opts(responseJobId(runId, credential.fingerprint, step), priorities[i]), ...(job === undefined ? {} : { children: [job] }) };
    }
    return job!;
  };
  return {
    name: RESPONSE_REPORT,
    queueName: RESPONSE_QUEUE,
    data: responseReportJobSchema.parse(report),
    opts: { ...opts(responseJobId(runId, 'all', RESPONSE_REPORT_ID), priorities.at(-1)), attempts: Math.max(attempts, RESPONSE_REPORT_ATTEMPTS) },
    children: credentials.map(chain),
  };
}

/** The job a chain starts with: its turn is taken under this id (a run added again takes none). */
function firstStepJobId(runId: string, credential: CredentialJob): string {
  return responseJobId(runId, credential.fingerprint, CHAIN_STEPS[0]);
}

/**
 * Adds response flows to Redis; the scan worker and the approval job use it. Installations take turns
 * (fair-priority.ts): one organisation's flood of leaked pushes does not hold back another's
 * revocation. Approvals have no priority: a person pressed "Revoke now", so they go first.
 */
export class ResponseQueue {
  readonly #redis: RedisClient;
  readonly #flows: FlowProducer;
  readonly #queue: Queue;

  constructor(connection: RedisClient, prefix: string) {
    this.#redis = connection;
    this.#flows = new FlowProducer({ connection, prefix });
    this.#queue = new Queue(RESPONSE_QUEUE, { connection, prefix });
  }

  /** Adds the run unless its response report exists already (a retried scan or a redelivered approval). */
  async add(runId: string, report: ResponseReportJob, credentials: readonly CredentialJob[]): Promise<boolean> {
    if (credentials.length === 0) return false;
    if ((await this.#queue.getJob(responseJobId(runId, 'all', RESPONSE_REPORT_ID))) !== undefined) return false;
    const turns = credentials.map((credential) => ({ installationId: credential.installationId, jobId: firstStepJobId(runId, credential) }));
    const priorities = await fairPriorities(this.#redis, this.#queue, turns);
    await this.#flows.add(responseFlow(runId, report, credentials, RESPONSE_ATTEMPTS, priorities));
    return true;
  }

  /** Queues an approval (a "Revoke now" press or a `/leakstop revoke` comment); a redelivery adds nothing. */
  async addApproval(approval: ApprovalJob): Promise<string> {
    const data = approvalJobSchema.parse(approval);
    const jobId = `approve-${data.deliveryId}`.replaceAll(':', '_');
    await this.#queue.add('approve', data, { jobId, attempts: RESPONSE_ATTEMPTS, backoff: { type: BACKOFF_TYPE }, removeOnComplete: KEEP_FINISHED, removeOnFail: KEEP_FINISHED });
    return jobId;
  }

  async close(): Promise<void> {
    await Promise.all([this.#flows.close(), this.#queue.close()]);
  }
}
