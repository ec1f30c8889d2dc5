// The leak response as queue jobs: one credential job per fingerprint with its secret sealed and its
// policy resolved, the report job of a run, the flow that nests each chain so verify runs first, and
// the queue that adds a run or an approval once, storing no secret in clear.
import { Queue, Worker, type FlowJob, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { responseSettingsSchema } from '../../src/config/repo-config.schema.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import type { LocatedFinding } from '../../src/detect/finding.js';
import { fingerprint, Secret } from '../../src/detect/secret.js';
import { createLogger } from '../../src/log.js';
import { BACKOFF_TYPE, KEEP_FINISHED } from '../../src/queue/queues.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import {
  CHAIN_STEPS,
  credentialJobs,
  credentialJobSchema,
  RESPONSE_ATTEMPTS,
  RESPONSE_REPORT_ATTEMPTS,
  RESPONSE_QUEUE,
  ResponseQueue,
  responseFlow,
  responseJobId,
  responseReportJobFor,
  type ApprovalJob,
  type CredentialJob,
  type ResponseRequest,
} from '../../src/queue/response-jobs.js';
import { respondsTo } from '../../src/providers/index.js';
import { sealKeyFromBytes, unsealSecret } from '../../src/respond/seal.js';
import { waitFor } from '../e2e/helpers.js';
import { randomChars } from '../providers/random-token.js';
import { deleteKeysWithPrefix, describeWithRedis, everythingStored, redisUrl, testRedis, uniquePrefix } from './redis.js';

const SEAL_KEY = sealKeyFromBytes(Buffer.from('6n1yJq0mXv7Lw3sKp9Rt2Ub5Hc8Df4Ga', 'utf8'));
const HEAD = '0123456789abcdef0123456789abcdef01234567';
const SOURCE = { owner: 'octo-org', repo: 'payments' };
const CENTRAL = { owner: 'octo-org', repo: 'security-incidents' };

interface FindingInput {
  ruleId: string;
  provider: string;
  raw: string;
  path?: string;
  line?: number;
  details?: Record<string, string>;
  related?: Record<string, string>;
  title?: string;
}

function finding(input: FindingInput): LocatedFinding {
  return {
    ruleId: input.ruleId,
    provider: input.provider,
    title: input.title ?? `${input.provider} credential`,
    severity: 'critical',
    confidence: 'checksum',
    secret: new Secret(input.raw),
    fingerprint: fingerprint(input.ruleId, input.raw),
    line: input.line ?? 1,
    column: 1,
    endLine: input.line ?? 1,
    endColumn: input.raw.length + 1,
    details: input.details ?? {},
    ...(input.related === undefined ? {} : { related: Object.fromEntries(Object.entries(input.related).map(([name, raw]) => [name, new Secret(raw)])) }),
    remediation: 'Revoke it.',
    path: input.path ?? 'config/.env',
    commit: HEAD,
  };
}

/** A scan's findings: a GitHub token twice, an AWS pair, a Slack token and a generic secret. */
function scanFindings() {
  const github = generateGithubStyleToken('ghp_');
  const awsSecret = randomChars(40);
  const awsKeyId = `AKIA${randomChars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
  const slack = `xoxb-${randomChars(12, '0123456789')}-${randomChars(13, '0123456789')}-${randomChars(24)}`;
  const generic = randomChars(32);
  const findings = [
    finding({ ruleId: 'github-pat-classic', provider: 'github', raw: github, line: 3, title: 'GitHub personal access token (classic)' }),
    finding({ ruleId: 'generic-secret', provider: 'generic', raw: generic }),
    finding({ ruleId: 'aws-secret-access-key', provider: 'aws', raw: awsSecret, details: { accountId: '123456789012' }, related: { accessKeyId: awsKeyId } }),
    // The same token in another file: one credential, one job.
    finding({ ruleId: 'github-pat-classic', provider: 'github', raw: github, path: 'deploy/ci.env', line: 9 }),
    finding({ ruleId: 'slack-bot-token', provider: 'slack', raw: slack }),
  ];
  return { findings, raws: { github, awsSecret, awsKeyId, slack, generic } };
}

function request(findings: readonly LocatedFinding[], overrides: Partial<ResponseRequest> = {}): ResponseRequest {
  return {
    scanJobId: 'delivery-1-head',
    installationId: 42,
    source: SOURCE,
    incidentRepo: CENTRAL,
    headSha: HEAD,
    findings,
    settings: responseSettingsSchema.parse({ revoke: 'approve', providers: { aws: { revoke: 'off' }, slack: { rotate: 'off' } } }),
    ...overrides,
  };
}

const respondsToAdapters = respondsTo;
const OPTIONS = { sealKey: SEAL_KEY, operator: { dryRun: false }, respondsTo: respondsToAdapters };

describe('credentialJobs', () => {
  it('makes one job per fingerprint, for the providers it responds to, in the order found', () => {
    const { findings } = scanFindings();
    const jobs = credentialJobs(request(findings), OPTIONS);
    expect(jobs.map((job) => job.provider)).toEqual(['github', 'aws', 'slack']);
    expect(jobs.map((job) => job.fingerprint)).toEqual([findings[0]!.fingerprint, findings[2]!.fingerprint, findings[4]!.fingerprint]);
    for (const job of jobs) expect(credentialJobSchema.parse(job)).toEqual(job);
  });

  it('asks respondsTo about each provider: one it refuses gets no job', () => {
    const { findings } = scanFindings();
    const asked: string[] = [];
    const jobs = credentialJobs(request(findings), { ...OPTIONS, respondsTo: (provider) => asked.push(provider) > 0 && provider === 'aws' });
    expect(jobs.map((job) => job.provider)).toEqual(['aws']);
    expect(new Set(asked)).toEqual(new Set(['github', 'generic', 'aws', 'slack']));
    expect(credentialJobs(request(findings), { ...OPTIONS, respondsTo: () => false })).toEqual([]);
  });

  it('resolves the policy per provider, with the operator’s dry run above the repository’s', () => {
    const { findings } = scanFindings();
    const [github, aws, slack] = credentialJobs(request(findings), OPTIONS);
    expect(github?.policy).toEqual({ revoke: 'approve', rotate: 'auto', dryRun: false, revokeSetting: 'response.revoke', rotateSetting: 'response.rotate' });
    expect(aws?.policy).toMatchObject({ revoke: 'off', rotate: 'auto', revokeSetting: 'response.providers.aws.revoke' });
    expect(slack?.policy).toMatchObject({ revoke: 'approve', rotate: 'off', rotateSetting: 'response.providers.slack.rotate' });

    const dryRun = credentialJobs(request(findings), { ...OPTIONS, operator: { dryRun: true } });
    expect(dryRun.map((job) => job.policy.dryRun)).toEqual([true, true, true]);
    const repoDryRun = credentialJobs(request(findings, { settings: responseSettingsSchema.parse({ dryRun: true }) }), OPTIONS);
    expect(repoDryRun.map((job) => job.policy.dryRun)).toEqual([true, true, true]);
  });

  it('seals the secret and its related secrets: no raw value in the jobs, and unsealSecret gives them back', () => {
    const { findings, raws } = scanFindings();
    const jobs = credentialJobs(request(findings), OPTIONS);
    const json = JSON.stringify(jobs);
    for (const raw of Object.values(raws)) expect(json).not.toContain(raw);

    const [github, aws] = jobs as [CredentialJob, CredentialJob];
    expect(unsealSecret(SEAL_KEY, github.sealed, github.fingerprint).reveal()).toBe(raws.github);
    expect(unsealSecret(SEAL_KEY, aws.sealed, aws.fingerprint).reveal()).toBe(raws.awsSecret);
    expect(Object.keys(aws.related ?? {})).toEqual(['accessKeyId']);
    expect(unsealSecret(SEAL_KEY, aws.related!.accessKeyId!, `${aws.fingerprint}:accessKeyId`).reveal()).toBe(raws.awsKeyId);
    // Each sealed value is tied to its finding: it does not open as another's.
    expect(() => unsealSecret(SEAL_KEY, aws.related!.accessKeyId!, aws.fingerprint)).toThrow(/does not open/);
    expect(github.related).toBeUndefined();
    expect('related' in github).toBe(false);
  });

  it('carries what people may see: the redacted value, the details, the repositories', () => {
    const { findings, raws } = scanFindings();
    const [github, aws] = credentialJobs(request(findings), OPTIONS);
    expect(github).toMatchObject({
      ruleId: 'github-pat-classic',
      title: 'GitHub personal access token (classic)',
      redacted: new Secret(raws.github).redacted,
      details: {},
      installationId: 42,
      source: SOURCE,
      incidentRepo: CENTRAL,
    });
    expect(aws?.details).toEqual({ accountId: '123456789012' });
    expect(github?.approvedBy).toBeUndefined();
  });

  it('names the check run only when the scan has a head SHA (a backfill has none)', () => {
    const { findings } = scanFindings();
    expect(credentialJobs(request(findings), OPTIONS).map((job) => job.checkRun)).toEqual([{ headSha: HEAD }, { headSha: HEAD }, { headSha: HEAD }]);
    const { headSha: _, ...backfill } = request(findings);
    const jobs = credentialJobs(backfill, OPTIONS);
    expect(jobs).toHaveLength(3);
    for (const job of jobs) expect('checkRun' in job).toBe(false);
  });

  it('cuts a long rule title to what the schema takes', () => {
    const { findings } = scanFindings();
    const [job] = credentialJobs(request([{ ...findings[0]!, title: 'T'.repeat(500) }]), OPTIONS);
    expect(job?.title).toHaveLength(200);
  });
});

describe('responseReportJobFor', () => {
  const { findings } = scanFindings();
  const credentials = credentialJobs(request(findings), OPTIONS);

  it('reports on every credential of the run, with the first one’s repositories and check run', () => {
    expect(responseReportJobFor(credentials)).toEqual({
      installationId: 42,
      source: SOURCE,
      incidentRepo: CENTRAL,
      checkRun: { headSha: HEAD },
      credentials: credentials.map((c) => ({ fingerprint: c.fingerprint, title: c.title, redacted: c.redacted })),
    });
  });

  it('carries the approver and the commented issue of an approval', () => {
    const report = responseReportJobFor(credentials.slice(0, 1), 'mona', 17);
    expect(report.approvedBy).toBe('mona');
    expect(report.credentials).toEqual([{ fingerprint: credentials[0]!.fingerprint, title: credentials[0]!.title, redacted: credentials[0]!.redacted, issueNumber: 17 }]);
  });

  it('has no check run for a backfill', () => {
    const { headSha: _, ...backfill } = request(findings);
    expect('checkRun' in responseReportJobFor(credentialJobs(backfill, OPTIONS))).toBe(false);
  });

  it('holds no secret, sealed or not', () => {
    const json = JSON.stringify(responseReportJobFor(credentials));
    for (const credential of credentials) expect(json).not.toContain(credential.sealed);
  });
});

/** The jobs of a flow, depth first, with their depth (the report at 0). */
function flatten(job: FlowJob, depth = 0): { job: FlowJob; depth: number }[] {
  return [{ job, depth }, ...(job.children ?? []).flatMap((child) => flatten(child, depth + 1))];
}

describe('responseFlow', () => {
  const { findings } = scanFindings();
  const credentials = credentialJobs(request(findings), OPTIONS);
  const RUN = 'scan:delivery-1:head';

  it('puts the response report at the root, with one chain per credential: activity ⊃ rotate ⊃ revoke ⊃ verify', () => {
    const flow = responseFlow(RUN, responseReportJobFor(credentials), credentials);
    expect(flow).toMatchObject({ name: 'response-report', queueName: RESPONSE_QUEUE, data: responseReportJobFor(credentials) });
    expect(flow.children).toHaveLength(credentials.length);
    for (const [index, chain] of (flow.children ?? []).entries()) {
      const names: string[] = [];
      let job: FlowJob | undefined = chain;
      while (job !== undefined) {
        names.push(job.name);
        expect(job.queueName).toBe(RESPONSE_QUEUE);
        expect(job.data).toEqual(credentials[index]);
        expect(job.children?.length ?? 0).toBeLessThanOrEqual(1);
        job = job.children?.[0];
      }
      // BullMQ runs children before parents: the leaf, verify, runs first.
      expect(names).toEqual([...CHAIN_STEPS].reverse());
      expect(names.at(-1)).toBe('verify');
    }
  });

  it('names every job from the run, the fingerprint and the step: the same run gives the same ids, with no ":"', () => {
    const ids = (flow: FlowJob): string[] => flatten(flow).map(({ job }) => String(job.opts?.jobId));
    const first = ids(responseFlow(RUN, responseReportJobFor(credentials), credentials));
    expect(ids(responseFlow(RUN, responseReportJobFor(credentials), credentials))).toEqual(first);
    expect(new Set(first).size).toBe(1 + credentials.length * CHAIN_STEPS.length);
    for (const id of first) expect(id).not.toContain(':');
    expect(first[0]).toBe(responseJobId(RUN, 'all', 'report'));
    // The id earlier versions gave the report: a scan retried across an upgrade finds its run.
    expect(first[0]).toBe('scan_delivery-1_head-all-report');
    expect(first).toContain(`scan_delivery-1_head-${credentials[0]!.fingerprint}-verify`);
    expect(ids(responseFlow('another-run', responseReportJobFor(credentials), credentials)).some((id) => first.includes(id))).toBe(false);
  });

  it('gives every job retries with backoff, retention, and lets a chain that fails for good not stop the others', () => {
    for (const { job } of flatten(responseFlow(RUN, responseReportJobFor(credentials), credentials))) {
      // The report waits longer than a step: for the scan to open every incident issue.
      const attempts = job.name === 'response-report' ? RESPONSE_REPORT_ATTEMPTS : RESPONSE_ATTEMPTS;
      expect(job.opts).toMatchObject({ attempts, backoff: { type: BACKOFF_TYPE }, removeOnComplete: KEEP_FINISHED, removeOnFail: KEEP_FINISHED, ignoreDependencyOnFailure: true });
    }
    expect(flatten(responseFlow(RUN, responseReportJobFor(credentials), credentials, 2)).every(({ job }) => job.opts?.attempts === (job.name === 'response-report' ? RESPONSE_REPORT_ATTEMPTS : 2))).toBe(true);
  });

  it('refuses a report job that is not valid', () => {
    expect(() => responseFlow(RUN, { ...responseReportJobFor(credentials), credentials: [] }, credentials)).toThrow();
  });
});

describeWithRedis('the response queue', () => {
  let producer: Redis;
  let inspector: Redis;
  let prefix: string;
  let queue: ResponseQueue;
  let jobs: Queue;

  beforeEach(() => {
    prefix = uniquePrefix();
    producer = createRedisConnection(redisUrl(), 'producer', createLogger({ level: 'silent' }));
    inspector = testRedis();
    queue = new ResponseQueue(producer, prefix);
    jobs = new Queue(RESPONSE_QUEUE, { connection: producer, prefix });
  });
  afterEach(async () => {
    await Promise.all([queue.close(), jobs.close()]);
    producer.disconnect();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
  });

  function approval(deliveryId: string): ApprovalJob {
    return { deliveryId, installationId: 42, repository: SOURCE, requester: 'mona', via: { kind: 'check-run', checkRunId: 7 } };
  }

  it('adds a run once: the same run id again adds nothing and says so', async () => {
    const { findings } = scanFindings();
    const credentials = credentialJobs(request(findings), OPTIONS);
    expect(await queue.add('scan:1', responseReportJobFor(credentials), credentials)).toBe(true);
    const counts = await jobs.getJobCounts('prioritized', 'waiting-children');
    // The verify jobs wait to run, each with its installation's turn as priority (fair-priority.ts);
    // everything above them waits for its children.
    expect(counts).toMatchObject({ prioritized: credentials.length, 'waiting-children': 1 + credentials.length * 3 });
    expect((await jobs.getJobs(['prioritized'], 0, -1, true)).map((job) => [job.name, job.priority])).toEqual(credentials.map((_, i) => ['verify', i + 1]));

    expect(await queue.add('scan:1', responseReportJobFor(credentials), credentials)).toBe(false);
    expect(await jobs.getJobCounts('prioritized', 'waiting-children')).toEqual(counts);
    expect(await queue.add('scan:2', responseReportJobFor(credentials), credentials)).toBe(true);
  });

  it('adds a run once when a scan and its retry add it at the same time', async () => {
    const { findings } = scanFindings();
    const credentials = credentialJobs(request(findings), OPTIONS);
    await Promise.all([queue.add('scan:race', responseReportJobFor(credentials), credentials), queue.add('scan:race', responseReportJobFor(credentials), credentials)]);
    expect(await jobs.getJobCounts('prioritized', 'waiting-children')).toMatchObject({ prioritized: credentials.length, 'waiting-children': 1 + credentials.length * 3 });
    const report = await jobs.getJob(responseJobId('scan:race', 'all', 'report'));
    expect(await report?.getDependenciesCount()).toMatchObject({ unprocessed: credentials.length });
  });

  it("starts another installation's first credential next after a flood of leaked pushes, and still runs every chain", async () => {
    const [github] = credentialJobs(request(scanFindings().findings), OPTIONS);
    const of = (installationId: number): CredentialJob => ({ ...github!, installationId });
    for (let n = 0; n < 60; n++) await queue.add(`scan:flood-${n}`, responseReportJobFor([of(101)]), [of(101)]);
    // A real worker that records what it starts; from the 10th job on, jobs wait for `release`.
    const started: { name: string; installationId: number }[] = [];
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const workerConnection = createRedisConnection(redisUrl(), 'worker', createLogger({ level: 'silent' }));
    const worker = new Worker(
      RESPONSE_QUEUE,
      async (job: Job<{ installationId: number }>) => {
        started.push({ name: job.name, installationId: job.data.installationId });
        if (started.length >= 10) await released;
      },
      { connection: workerConnection, prefix, concurrency: 2 },
    );
    try {
      await waitFor('both slots to hold a job', () => Promise.resolve(started.length === 11 ? true : undefined));
      const startedBefore = started.length;
      await queue.add('scan:quiet', responseReportJobFor([of(202)]), [of(202)]);
      release();
      await waitFor("the quiet installation's verify to start", () => Promise.resolve(started.some((job) => job.installationId === 202) ? true : undefined));
      // Chains already under way finish their steps first; of the flood's credentials not yet
      // started, at most the one of the round now served goes before it (not the 50 others).
      const ahead = started.slice(startedBefore, started.findIndex((job) => job.installationId === 202));
      expect(ahead.filter((job) => job.name === 'verify').length).toBeLessThanOrEqual(1);
      // Nothing starved: every job of the 61 runs completes (4 steps and a report each).
      await waitFor('every job to complete', async () => ((await jobs.getJobCounts('completed')).completed === 61 * 5 ? true : undefined), 60_000);
    } finally {
      await worker.close();
      workerConnection.disconnect();
    }
  });

  it('adds nothing for a run without credentials', async () => {
    const { findings } = scanFindings();
    expect(await queue.add('scan:empty', responseReportJobFor(credentialJobs(request(findings), OPTIONS)), [])).toBe(false);
    expect(await jobs.count()).toBe(0);
  });

  it('adds an approval once per delivery id', async () => {
    const id = await queue.addApproval(approval('delivery:1'));
    expect(id).toBe('approve-delivery_1');
    expect(await queue.addApproval({ ...approval('delivery:1'), requester: 'someone-else' })).toBe(id);
    const waiting = await jobs.getJobs(['waiting']);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ name: 'approve', id, data: approval('delivery:1') });
    expect(waiting[0]?.opts).toMatchObject({ attempts: RESPONSE_ATTEMPTS, backoff: { type: BACKOFF_TYPE } });
    await queue.addApproval(approval('delivery-2'));
    expect(await jobs.count()).toBe(2);
  });

  it('refuses an approval that is not valid before it reaches Redis', async () => {
    await expect(queue.addApproval({ ...approval('d'), requester: '' })).rejects.toThrow();
    expect(await jobs.count()).toBe(0);
  });

  it('stores no raw secret anywhere in Redis', async () => {
    const { findings, raws } = scanFindings();
    const credentials = credentialJobs(request(findings), OPTIONS);
    await queue.add('scan:secret', responseReportJobFor(credentials), credentials);
    await queue.addApproval(approval('delivery-3'));
    const stored = await everythingStored(inspector, prefix);
    expect(stored).toContain(credentials[0]!.fingerprint);
    for (const raw of Object.values(raws)) expect(stored).not.toContain(raw);
  });
});
