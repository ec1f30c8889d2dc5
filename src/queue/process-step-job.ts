// A step job of the leak response: one credential's verify, revoke, rotate or activity. Step jobs
// talk to providers only and record their answers in Redis; GitHub is written by the run's response
// report, once per incident, because an app's writes to GitHub are spaced a second apart and
// revoking must not wait.
import { UnrecoverableError } from 'bullmq';
import type { Secret } from '../detect/secret.js';
import type { Logger } from '../log.js';
import { allProviders } from '../providers/index.js';
import type { Credential, ProviderAdapter, ProviderContext } from '../providers/contract.js';
import { approvedPolicy, type ResponsePolicy } from '../respond/policy.js';
import { runActivityStep, runRevokeStep, runRotateStep, runVerifyStep, type StepDeps, type StepInput } from '../respond/respond-steps.js';
import type { ResponseStore } from '../respond/response-store.js';
import { rotationName } from '../respond/rotation-name.js';
import { SealError, sealSecret, unsealSecret, type SealKey } from '../respond/seal.js';
import type { RotationSink } from '../respond/sinks/rotation-sink.js';
import type { ChainStep, CredentialJob } from './response-jobs.js';

export interface StepJobDeps {
  store: ResponseStore;
  adapterFor: (provider: string) => ProviderAdapter | undefined;
  provider: ProviderContext;
  sink: RotationSink | undefined;
  sealKey: SealKey;
  /** LEAKSTOP_RESPONSE_DRY_RUN as this worker reads it: applies to jobs queued before it was set too. */
  operatorDryRun?: boolean;
  log: Logger;
}

/** What a finished step job leaves in Redis: the status, never a secret or a provider's words. */
export interface StepJobOutcome {
  fingerprint: string;
  step: ChainStep;
  status: string;
}

const STEP_RUNNERS = { verify: runVerifyStep, revoke: runRevokeStep, rotate: runRotateStep, activity: runActivityStep } satisfies Record<ChainStep, unknown>;

/** Runs `step` of one credential (on its last attempt, a step records its failure rather than retry). */
export async function processStepJob(step: ChainStep, job: CredentialJob, deps: StepJobDeps, lastAttempt: boolean, jobId: string | undefined): Promise<StepJobOutcome> {
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

function stepDeps(job: CredentialJob, deps: StepJobDeps): StepDeps {
  return {
    adapter: deps.adapterFor(job.provider),
    provider: deps.provider,
    store: deps.store,
    sink: deps.sink,
    seal: (secret, context) => sealSecret(deps.sealKey, secret, context),
    unseal: (sealed, context) => unsealSecret(deps.sealKey, sealed, context),
  };
}

function stepInput(job: CredentialJob, deps: StepJobDeps, lastAttempt: boolean): StepInput {
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
