// The per-credential response steps (verify, revoke, rotate, activity) against a memory store: real
// adapters behind nock where the story reads well, small fake adapters where a test counts or orders
// calls. Each step reaches a provider at most once per credential, policy holds revocation back, and
// after every test no secret is in anything the steps wrote or threw.
import { randomBytes } from 'node:crypto';
import { setImmediate as nextTick } from 'node:timers/promises';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateGithubStyleToken, generateGitlabRoutableToken } from '../../src/detect/checksum.js';
import { Secret } from '../../src/detect/secret.js';
import { createGithubAdapter } from '../../src/providers/github/adapter.js';
import { gitlabAdapter } from '../../src/providers/gitlab/adapter.js';
import type { Access, ActivitySummary, Credential, Identity, Outcome, ProviderAdapter, Revocation, Rotation, StepOrder } from '../../src/providers/contract.js';
import { approvedPolicy, type ResponsePolicy } from '../../src/respond/policy.js';
import {
  approvalSlot,
  ProviderRetryError,
  REPLACEMENT_SLOT,
  REVOKE_SENT_SLOT,
  runActivityStep,
  runRevokeStep,
  runRotateStep,
  runVerifyStep,
  type StepDeps,
  type StepInput,
} from '../../src/respond/respond-steps.js';
import type { ResponseRecords, StepRecord } from '../../src/respond/response-record.js';
import { MemoryResponseStore } from '../../src/respond/response-store.js';
import { sealKeyFromBytes, sealSecret, unsealSecret } from '../../src/respond/seal.js';
import type { RotationSink } from '../../src/respond/sinks/rotation-sink.js';
import { requestBodyProblems } from '../openapi.js';
import { credential, NOW, useAdapterHarness } from '../providers/adapter-kit.js';
import { randomChars } from '../providers/random-token.js';
import type { Capabilities, Capability } from '../../src/providers/provider.js';

const harness = useAdapterHarness('github');
const GITHUB = 'https://api.github.com';
const GITLAB = 'https://gitlab.com';
const SOURCE = 'acme/api';
const ROTATION_NAME = 'leakstop/acme/api/acme-api-key';
const ACME_MANUAL_URL = 'https://acme.example/settings/keys';
const SEAL_KEY = sealKeyFromBytes(randomBytes(32));

// --- What every test leaves behind is checked for secrets ----------------------------------------------

/** A memory store that also remembers every record and value ever written to it, forgotten ones included. */
class WatchedStore extends MemoryResponseStore {
  readonly written: string[] = [];

  override async save(fingerprint: string, record: StepRecord): Promise<void> {
    this.written.push(JSON.stringify(record));
    return super.save(fingerprint, record);
  }

  override async keep(fingerprint: string, slot: string, sealed: string, ttlSeconds: number): Promise<void> {
    this.written.push(sealed);
    return super.keep(fingerprint, slot, sealed, ttlSeconds);
  }
}

/** The raw secrets the current test made (leaked and replacements), and what the steps wrote or threw. */
const watched = { secrets: [] as string[], stores: [] as WatchedStore[], errors: [] as unknown[] };

beforeEach(() => {
  watched.secrets = [];
  watched.stores = [];
  watched.errors = [];
});

afterEach(() => {
  const reachable = [
    ...watched.stores.flatMap((store) => store.written),
    ...watched.errors.map((error) => (error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error))),
  ];
  for (const raw of watched.secrets) {
    for (const text of reachable) expect(text, 'a record, a kept value or an error holds a raw secret').not.toContain(raw);
  }
});

// --- Builders --------------------------------------------------------------------------------------

/** One credential's response in one test: what each step gets, and the store they share. */
interface Scenario {
  deps: StepDeps;
  input: StepInput;
  store: WatchedStore;
}

interface ScenarioSetup {
  adapter: ProviderAdapter | undefined;
  /** Read capabilities from the provider registry (a real provider id) instead of the fake adapter's methods. */
  registry?: boolean;
  credential?: Credential;
  providerName?: string;
  policy?: Partial<ResponsePolicy>;
  sink?: RotationSink;
}

function scenario(setup: ScenarioSetup): Scenario {
  const cred = setup.credential ?? acmeCredential();
  const store = new WatchedStore(() => NOW.getTime());
  watched.stores.push(store);
  watched.secrets.push(cred.secret.reveal());
  return {
    store,
    deps: {
      adapter: setup.adapter,
      provider: harness.response,
      // Acme is no registered provider: it declares 'api' for what its adapter implements.
      ...(setup.registry ? {} : { capabilitiesOf: () => capabilitiesOfMethods(setup.adapter) }),
      store,
      sink: setup.sink,
      seal: (secret, context) => sealSecret(SEAL_KEY, secret, context),
      unseal: (sealed, context) => unsealSecret(SEAL_KEY, sealed, context),
    },
    input: {
      credential: cred,
      providerName: setup.providerName ?? 'Acme',
      policy: policy(setup.policy),
      source: SOURCE,
      rotationName: ROTATION_NAME,
      approvalData: approvalDataFor(cred),
      lastAttempt: true,
    },
  };
}

function capabilitiesOfMethods(adapter: ProviderAdapter | undefined): Capabilities {
  const of = (method: keyof ProviderAdapter): Capability => (adapter?.[method] === undefined ? { manual: ACME_MANUAL_URL } : 'api');
  return { verify: of('verify'), revoke: of('revoke'), rotate: of('rotate'), describe: of('describe'), activity: of('activity') };
}

function policy(overrides: Partial<ResponsePolicy> = {}): ResponsePolicy {
  return { revoke: 'auto', rotate: 'auto', dryRun: false, revokeSetting: 'response.revoke', rotateSetting: 'response.rotate', ...overrides };
}

/** As the response job keeps it: the job data, its secret sealed. */
function approvalDataFor(cred: Credential): string {
  return JSON.stringify({ fingerprint: cred.fingerprint, ruleId: cred.ruleId, sealed: sealSecret(SEAL_KEY, cred.secret, cred.fingerprint) });
}

/** The same scenario on a later attempt of the job (or a later job): overrides for the input. */
function again(s: Scenario, overrides: Partial<StepInput>): StepInput {
  return { ...s.input, ...overrides };
}

/** An approved run, as processResponseJob builds it from the kept job. */
function approvedBy(s: Scenario, login: string): StepInput {
  return again(s, { approvedBy: login, policy: approvedPolicy(s.input.policy) });
}

/** The four step jobs of one credential, in the order the flow runs them. */
async function respond(s: Scenario, input: StepInput = s.input): Promise<ResponseRecords> {
  await runVerifyStep(s.deps, input);
  await runRevokeStep(s.deps, input);
  await runRotateStep(s.deps, input);
  return runActivityStep(s.deps, input);
}

/** The step threw for the queue to retry; the error is checked for secrets with the rest. */
async function retryThrown(run: Promise<unknown>): Promise<ProviderRetryError> {
  const error = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  watched.errors.push(error);
  if (!(error instanceof ProviderRetryError)) return expect.fail(`expected a ProviderRetryError, got ${String(error)}`);
  return error;
}

function acmeCredential(): Credential {
  return credential('acme-api-key', `acme_live_${randomChars(32)}`);
}

function githubToken(): Credential {
  return credential('github-pat-classic', generateGithubStyleToken('ghp_'));
}

// --- A fake provider and a fake sink ------------------------------------------------------------------

interface Answers {
  verify?: Outcome<Identity>;
  describe?: Outcome<Access>;
  revoke?: Outcome<Revocation>;
  rotate?: Outcome<Rotation>;
  activity?: Outcome<ActivitySummary>;
}

type FakeAdapter = ProviderAdapter & { calls: string[] };

/** A provider that answers as told, with only the capabilities given, logging each call to `calls`. */
function fakeAdapter(answers: Answers, options: { order?: StepOrder; calls?: string[] } = {}): FakeAdapter {
  const calls = options.calls ?? [];
  const answer =
    <T>(name: keyof Answers, outcome: Outcome<T>) =>
    async (): Promise<Outcome<T>> => {
      calls.push(name);
      await nextTick(); // as a real call would: lets concurrent steps interleave
      return outcome;
    };
  const adapter: FakeAdapter = { provider: 'acme', manualRevokeUrl: ACME_MANUAL_URL, calls };
  if (options.order) adapter.order = options.order;
  if (answers.verify) adapter.verify = answer('verify', answers.verify);
  if (answers.describe) adapter.describe = answer('describe', answers.describe);
  if (answers.revoke) adapter.revoke = answer('revoke', answers.revoke);
  if (answers.rotate) adapter.rotate = answer('rotate', answers.rotate);
  if (answers.activity) adapter.activity = answer('activity', answers.activity);
  return adapter;
}

const LIVE: Outcome<Identity> = { status: 'done', data: { account: 'ci-bot' }, summary: 'live Acme key of ci-bot' };
const DEAD: Outcome<Identity> = { status: 'not-live', summary: 'Acme says the key is revoked' };
const SCOPES: Outcome<Access> = { status: 'done', data: { scopes: ['deploy'] }, summary: 'can deploy' };
const REVOKED: Outcome<Revocation> = { status: 'done', data: { reversible: false }, summary: 'Acme deleted the key' };
const USED: Outcome<ActivitySummary> = { status: 'done', data: { events: [] }, summary: 'no recorded use' };

/** A replacement as a provider issues it; its raw value is watched like the leaked one. */
function rotated(extra: Partial<Rotation> = {}): { outcome: Outcome<Rotation>; raw: string } {
  const raw = `acme_live_${randomChars(32)}`;
  watched.secrets.push(raw);
  return { raw, outcome: { status: 'done', data: { replacement: new Secret(raw), consumerHint: 'same scopes', ...extra }, summary: 'Acme issued a new key' } };
}

type RecordingSink = RotationSink & { writes: { name: string; value: string }[] };

/** A Vault-like sink that records what it got and answers `answers` in turn, then 'done'. */
function recordingSink(answers: Outcome<{ location: string }>[] = [], calls?: string[]): RecordingSink {
  const writes: { name: string; value: string }[] = [];
  return {
    kind: 'vault-kv2',
    writes,
    async write(name, secret) {
      calls?.push('sink');
      writes.push({ name, value: secret.reveal() });
      return answers.shift() ?? { status: 'done', data: { location: `Vault secret/${name}` }, summary: 'written' };
    },
  };
}

const SINK_DOWN: Outcome<never> = { status: 'failed', retryable: true, retryAfterSeconds: 12, summary: 'Vault answered 503' };
const SINK_REFUSED: Outcome<never> = { status: 'failed', retryable: false, summary: 'Vault answered 403: permission denied' };

/** GitHub's GET /user for a live classic token, answered `times` times (verify, then describe). */
/** GET /user of a live token: verify and describe of one credential share one request. */
function githubUser(times = 1): nock.Scope {
  return nock(GITHUB).get('/user').times(times).reply(200, { login: 'octocat', id: 1, type: 'User' }, { 'x-oauth-scopes': 'repo, workflow' });
}

/** GitHub's POST /credentials/revoke, answered once: a second request finds no mock and fails the test. */
function githubRevoke(raw: string): nock.Scope {
  return nock(GITHUB)
    .post('/credentials/revoke', (body: unknown) => requestBodyProblems('POST', '/credentials/revoke', body).length === 0 && JSON.stringify(body) === JSON.stringify({ credentials: [raw] }))
    .reply(202, {});
}

// --- Tests -----------------------------------------------------------------------------------------

describe('the verify step', () => {
  it('verifies a live token and, because it is live, describes it (GitHub)', async () => {
    const s = scenario({ adapter: createGithubAdapter(), credential: githubToken(), providerName: 'GitHub' });
    githubUser();

    const records = await runVerifyStep(s.deps, s.input);

    expect(records.verify).toMatchObject({ status: 'done', at: NOW.toISOString(), by: SOURCE });
    expect(records.describe).toMatchObject({ status: 'done', by: SOURCE });
    expect(await s.store.records(s.input.credential.fingerprint)).toEqual(records);
  });

  it('leaves a dead token undescribed, and the revoke step then has nothing to revoke', async () => {
    const s = scenario({ adapter: createGithubAdapter(), credential: githubToken(), providerName: 'GitHub' });
    nock(GITHUB).get('/user').reply(401, { message: 'Bad credentials' });

    await runVerifyStep(s.deps, s.input);
    const records = await runRevokeStep(s.deps, s.input);

    expect(records.verify?.status).toBe('not-live');
    expect(records.describe).toBeUndefined();
    expect(records.revoke).toMatchObject({ status: 'skipped', summary: expect.stringContaining('nothing to revoke') });
    expect(await s.store.kept(s.input.credential.fingerprint, approvalSlot(s.input.source))).toBeUndefined();
  });

  it('says so when leakstop has no adapter for the provider', async () => {
    const s = scenario({ adapter: undefined });

    const records = await runVerifyStep(s.deps, s.input);

    expect(records.verify).toMatchObject({ status: 'unsupported', summary: 'Acme offers leakstop no API to check whether it is live' });
    expect(records.describe).toBeUndefined();
  });

  it('throws for the queue to retry a 503 or a 429 while attempts remain, with the 429’s Retry-After', async () => {
    const s = scenario({ adapter: createGithubAdapter(), credential: githubToken(), providerName: 'GitHub' });
    nock(GITHUB).get('/user').reply(503, 'Service Unavailable');
    nock(GITHUB).get('/user').reply(429, { message: 'Too Many Requests' }, { 'retry-after': '30' });

    const unavailable = await retryThrown(runVerifyStep(s.deps, again(s, { lastAttempt: false })));
    const limited = await retryThrown(runVerifyStep(s.deps, again(s, { lastAttempt: false })));

    expect(unavailable.retryAfterSeconds).toBeUndefined();
    expect(limited.retryAfterSeconds).toBe(30);
    expect(await s.store.records(s.input.credential.fingerprint), 'nothing recorded before the last attempt').toEqual({});
  });

  it('records the failure on the last attempt; the revoke step then waits for approval, keeping the job', async () => {
    const s = scenario({ adapter: createGithubAdapter(), credential: githubToken(), providerName: 'GitHub' });
    nock(GITHUB).get('/user').reply(503, 'Service Unavailable');

    await runVerifyStep(s.deps, s.input);
    const records = await runRevokeStep(s.deps, s.input);

    expect(records.verify?.status).toBe('failed');
    expect(records.verify?.summary).toContain('leakstop stopped retrying; re-run the check to try again');
    expect(records.revoke).toMatchObject({ status: 'skipped', summary: expect.stringContaining('could not be verified live (failed)') });
    expect(records.revoke?.summary).toContain('/leakstop revoke');
    expect(await s.store.kept(s.input.credential.fingerprint, approvalSlot(s.input.source))).toBe(s.input.approvalData);
  });
});

describe('the revoke step: at most once per credential', () => {
  it('revokes a verified token under auto, and a redelivery from another repository does not ask GitHub again', async () => {
    const s = scenario({ adapter: createGithubAdapter({ revoker: { maxWaitMs: 1 } }), credential: githubToken(), providerName: 'GitHub' });
    githubUser();
    githubRevoke(s.input.credential.secret.reveal());

    await runVerifyStep(s.deps, s.input);
    const first = await runRevokeStep(s.deps, s.input);
    const redelivered = await runRevokeStep(s.deps, again(s, { source: 'acme/web' }));

    expect(first.revoke).toMatchObject({ status: 'done', reversible: false, by: SOURCE });
    expect(redelivered.revoke, 'the other repository sees the first answer').toEqual(first.revoke);
    expect(harness.sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('calls the provider’s revoke once however many jobs run the step', async () => {
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED });
    const s = scenario({ adapter });

    await runVerifyStep(s.deps, s.input);
    for (const source of ['acme/api', 'acme/web', 'acme/api']) await runRevokeStep(s.deps, again(s, { source }));

    expect(adapter.calls.filter((c) => c === 'revoke')).toEqual(['revoke']);
  });

  it('revokes once when ten jobs run the step at the same time (the lock)', async () => {
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED });
    const s = scenario({ adapter });
    await runVerifyStep(s.deps, s.input);

    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => runRevokeStep(s.deps, again(s, { source: `acme/repo-${i}` }))));

    expect(adapter.calls.filter((c) => c === 'revoke')).toHaveLength(1);
    for (const records of answers) expect(records.revoke).toEqual(answers[0]?.revoke);
  });

  it('sends one request to GitHub when ten jobs revoke the same token at once', async () => {
    const s = scenario({ adapter: createGithubAdapter({ revoker: { maxWaitMs: 1 } }), credential: githubToken(), providerName: 'GitHub' });
    githubUser();
    githubRevoke(s.input.credential.secret.reveal());
    await runVerifyStep(s.deps, s.input);

    const answers = await Promise.all(Array.from({ length: 10 }, () => runRevokeStep(s.deps, s.input)));

    for (const records of answers) expect(records.revoke?.status).toBe('done');
  });
});

describe('the revoke step: an answer lost or late', () => {
  const NO_ANSWER: Outcome<Revocation> = { status: 'failed', retryable: true, summary: 'Acme POST /keys/revoke: no answer in time' };
  const CHECK_FAILED: Outcome<Identity> = { status: 'failed', retryable: true, summary: 'Acme GET /me answered 503: the provider had an error' };

  /** A provider whose answers come in turn, call by call (the last one repeats), logging each call. */
  function answeringInTurn(turns: { verify: Outcome<Identity>[]; revoke: Outcome<Revocation>[] }): FakeAdapter {
    const calls: string[] = [];
    const inTurn =
      <T>(name: string, answers: Outcome<T>[]) =>
      async (): Promise<Outcome<T>> => {
        const index = calls.filter((call) => call === name).length;
        calls.push(name);
        await nextTick();
        return answers[Math.min(index, answers.length - 1)]!;
      };
    return { provider: 'acme', manualRevokeUrl: ACME_MANUAL_URL, calls, verify: inTurn('verify', turns.verify), revoke: inTurn('revoke', turns.revoke) };
  }

  /** The first revoke job: verified live, the revocation sent, no answer in time; the queue will retry. */
  async function revocationUnanswered(s: Scenario): Promise<void> {
    await runVerifyStep(s.deps, s.input);
    await retryThrown(runRevokeStep(s.deps, again(s, { lastAttempt: false })));
    expect(await s.store.kept(s.input.credential.fingerprint, REVOKE_SENT_SLOT), '"sent" is recorded').toBe(NOW.toISOString());
    expect((await s.store.records(s.input.credential.fingerprint)).revoke).toBeUndefined();
  }

  it('verifies before sending again, and sends nothing when the credential no longer works', async () => {
    const adapter = answeringInTurn({ verify: [LIVE, DEAD], revoke: [NO_ANSWER, REVOKED] });
    const s = scenario({ adapter });
    await revocationUnanswered(s);

    const records = await runRevokeStep(s.deps, again(s, { lastAttempt: false }));

    expect(adapter.calls).toEqual(['verify', 'revoke', 'verify']);
    expect(records.revoke).toMatchObject({ status: 'done', by: SOURCE });
    expect(records.revoke?.summary).toBe(`revoked: a revocation request sent at ${NOW.toISOString()} got no answer; checked since, Acme says the credential does not work any more (Acme says the key is revoked)`);
    expect(await s.store.kept(s.input.credential.fingerprint, REVOKE_SENT_SLOT)).toBeUndefined();
    await runRevokeStep(s.deps, s.input);
    expect(adapter.calls).toHaveLength(3);
  });

  it('revokes once more when the credential still works, and says why in the record', async () => {
    const adapter = answeringInTurn({ verify: [LIVE, LIVE], revoke: [NO_ANSWER, REVOKED] });
    const s = scenario({ adapter });
    await revocationUnanswered(s);

    const records = await runRevokeStep(s.deps, again(s, { lastAttempt: false }));

    expect(adapter.calls).toEqual(['verify', 'revoke', 'verify', 'revoke']);
    expect(records.revoke).toMatchObject({ status: 'done', summary: `Acme deleted the key (a revocation request sent at ${NOW.toISOString()} got no answer; the credential still worked, so it was sent again)` });
    expect(await s.store.kept(s.input.credential.fingerprint, REVOKE_SENT_SLOT)).toBeUndefined();
  });

  it('verifies first after a worker died with the request out (no answer recorded at all)', async () => {
    const adapter = answeringInTurn({ verify: [LIVE, DEAD], revoke: [REVOKED] });
    const s = scenario({ adapter });
    await runVerifyStep(s.deps, s.input);
    // What a worker killed between sending and recording leaves behind.
    await s.store.keep(s.input.credential.fingerprint, REVOKE_SENT_SLOT, '2026-11-23T11:59:00.000Z', 60);

    const records = await runRevokeStep(s.deps, s.input);

    expect(adapter.calls).toEqual(['verify', 'verify']);
    expect(records.revoke?.summary).toContain('a revocation request sent at 2026-11-23T11:59:00.000Z got no answer');
  });

  it('neither sends again nor calls it revoked while the check fails: retried, then left to a human', async () => {
    const adapter = answeringInTurn({ verify: [LIVE, CHECK_FAILED], revoke: [NO_ANSWER, REVOKED] });
    const s = scenario({ adapter });
    await revocationUnanswered(s);

    await retryThrown(runRevokeStep(s.deps, again(s, { lastAttempt: false })));
    const records = await runRevokeStep(s.deps, s.input);

    expect(adapter.calls).toEqual(['verify', 'revoke', 'verify', 'verify']);
    expect(records.revoke).toMatchObject({ status: 'failed', manualUrl: ACME_MANUAL_URL });
    expect(records.revoke?.summary).toContain('check by hand whether it is revoked, and revoke it if not');
  });

  it('GitHub: the connection drops after POST /credentials/revoke; the retry asks GET /user and sends no second POST to a dead token', async () => {
    const s = scenario({ adapter: createGithubAdapter({ revoker: { maxWaitMs: 1 } }), credential: githubToken(), providerName: 'GitHub' });
    const raw = s.input.credential.secret.reveal();
    githubUser();
    nock(GITHUB).post('/credentials/revoke', { credentials: [raw] }).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    nock(GITHUB).get('/user').reply(401, { message: 'Bad credentials' });

    await runVerifyStep(s.deps, s.input);
    await retryThrown(runRevokeStep(s.deps, again(s, { lastAttempt: false })));
    // The queue's retry: a new job, so a credential object of its own (as processStepJob builds it).
    const records = await runRevokeStep(s.deps, again(s, { credential: { ...s.input.credential } }));

    expect(records.revoke?.status).toBe('done');
    expect(harness.sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('GitHub: the token still works after the lost answer, so one more POST /credentials/revoke goes', async () => {
    const s = scenario({ adapter: createGithubAdapter({ revoker: { maxWaitMs: 1 } }), credential: githubToken(), providerName: 'GitHub' });
    const raw = s.input.credential.secret.reveal();
    githubUser(2);
    nock(GITHUB).post('/credentials/revoke', { credentials: [raw] }).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    githubRevoke(raw);

    await runVerifyStep(s.deps, s.input);
    await retryThrown(runRevokeStep(s.deps, again(s, { lastAttempt: false })));
    const records = await runRevokeStep(s.deps, again(s, { credential: { ...s.input.credential } }));

    expect(records.revoke?.status).toBe('done');
    expect(harness.sent.filter((r) => r.method === 'POST')).toHaveLength(2);
  });
});

describe('the revoke step: a provider whose revocation is by hand', () => {
  /** A live Linear key: Linear declares revocation by hand (no API revokes a key). */
  function linearScenario(policy: Partial<ResponsePolicy>): { s: Scenario; adapter: FakeAdapter } {
    const adapter = { ...fakeAdapter({ verify: LIVE }), provider: 'linear' };
    const cred = credential('linear-api-key', `lin_api_${randomChars(40)}`);
    return { s: scenario({ adapter, credential: cred, providerName: 'Linear', policy, registry: true }), adapter };
  }

  it.each([{ revoke: 'auto' as const }, { revoke: 'approve' as const }, { revoke: 'off' as const }, { revoke: 'approve' as const, dryRun: true }])(
    'says "revoke by hand" with the page and never waits for approval, under %o',
    async (policy) => {
      const { s } = linearScenario(policy);
      await runVerifyStep(s.deps, s.input);
      const records = await runRevokeStep(s.deps, s.input);

      expect(records.revoke).toMatchObject({
        status: 'unsupported',
        summary: 'Linear has no API to revoke a personal API key: revoke it in Settings → Security & access',
        manualUrl: 'https://linear.app/settings/account/security',
      });
      expect(await s.store.kept(s.input.credential.fingerprint, approvalSlot(s.input.source))).toBeUndefined();
    },
  );

  it('never calls a revoke the rule does not declare: a GitHub OAuth token goes to its authorization page', async () => {
    const calls: string[] = [];
    const adapter = { ...fakeAdapter({ verify: LIVE, revoke: REVOKED }, { calls }), provider: 'github' };
    const cred = credential('github-oauth-token', generateGithubStyleToken('gho_'));
    const s = scenario({ adapter, credential: cred, providerName: 'GitHub', policy: { revoke: 'approve' }, registry: true });

    await runVerifyStep(s.deps, s.input);
    const records = await runRevokeStep(s.deps, approvedBy(s, 'maintainer'));

    expect(records.revoke).toMatchObject({ status: 'unsupported', manualUrl: 'https://github.com/settings/applications' });
    expect(calls).not.toContain('revoke');
  });
});

describe('the revoke step: policy', () => {
  it('waits for approval under approve, keeping the job; an approved run revokes and forgets it', async () => {
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED });
    const s = scenario({ adapter, policy: { revoke: 'approve' } });
    const fingerprint = s.input.credential.fingerprint;

    await runVerifyStep(s.deps, s.input);
    const waiting = await runRevokeStep(s.deps, s.input);

    expect(waiting.revoke).toMatchObject({ status: 'awaiting-approval', summary: expect.stringContaining('response.revoke: approve') });
    expect(await s.store.kept(fingerprint, approvalSlot(s.input.source))).toBe(s.input.approvalData);
    expect(adapter.calls).not.toContain('revoke');

    const approved = await runRevokeStep(s.deps, approvedBy(s, 'maintainer'));

    expect(approved.revoke).toMatchObject({ status: 'done', approvedBy: 'maintainer', reversible: false });
    expect(adapter.calls.filter((c) => c === 'revoke')).toHaveLength(1);
    expect(await s.store.kept(fingerprint, approvalSlot(s.input.source))).toBeUndefined();
  });

  it('revokes an approved credential that could not be verified', async () => {
    const adapter = fakeAdapter({ verify: { status: 'failed', retryable: true, summary: 'Acme answered 503' }, revoke: REVOKED });
    const s = scenario({ adapter });

    await runVerifyStep(s.deps, s.input);
    expect((await runRevokeStep(s.deps, s.input)).revoke?.status).toBe('skipped');
    const approved = await runRevokeStep(s.deps, approvedBy(s, 'maintainer'));

    expect(approved.revoke).toMatchObject({ status: 'done', approvedBy: 'maintainer' });
    expect(await s.store.kept(s.input.credential.fingerprint, approvalSlot(s.input.source))).toBeUndefined();
  });

  it('does not revoke when the repository turned it off, and names the setting that did', async () => {
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED });
    const s = scenario({ adapter, policy: { revoke: 'off', revokeSetting: 'response.providers.acme.revoke' } });

    const records = await respond(s);

    expect(records.revoke).toMatchObject({ status: 'skipped', summary: expect.stringContaining('response.providers.acme.revoke is off'), manualUrl: ACME_MANUAL_URL });
    expect(records.rotate?.status).toBe('skipped');
    expect(adapter.calls).not.toContain('revoke');
    expect(await s.store.kept(s.input.credential.fingerprint, approvalSlot(s.input.source))).toBeUndefined();
  });

  it('in a dry run verifies, but neither revokes nor rotates: it says what it would have done', async () => {
    const replacement = rotated();
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED, rotate: replacement.outcome });
    const sink = recordingSink();
    const s = scenario({ adapter, sink, policy: { dryRun: true } });

    const records = await respond(s);

    expect(records.verify?.status).toBe('done');
    expect(records.revoke).toMatchObject({ status: 'dry-run', summary: 'dry run: leakstop would have revoked it now through the Acme API' });
    expect(records.rotate).toMatchObject({ status: 'dry-run', summary: `dry run: leakstop would have issued a replacement and written it to the vault-kv2 sink as ${ROTATION_NAME}` });
    expect(adapter.calls).toEqual(['verify']);
    expect(sink.writes).toEqual([]);
  });

  it('in a dry run sends GitHub nothing but the verifying GET', async () => {
    const s = scenario({ adapter: createGithubAdapter(), credential: githubToken(), providerName: 'GitHub', policy: { dryRun: true } });
    githubUser();

    const records = await respond(s);

    expect(records.revoke?.status).toBe('dry-run');
    expect(harness.sent.map((r) => r.method)).toEqual(['GET']);
  });

  it('with no adapter, an approved run says the revocation is for a human', async () => {
    const s = scenario({ adapter: undefined });

    await runVerifyStep(s.deps, s.input);
    const approved = await runRevokeStep(s.deps, approvedBy(s, 'maintainer'));

    expect(approved.revoke).toMatchObject({ status: 'unsupported', summary: 'Acme offers leakstop no API to revoke it' });
  });
});

describe('the rotate step', () => {
  it('does not rotate a credential leakstop did not revoke', async () => {
    const replacement = rotated();
    const adapter = fakeAdapter({ verify: DEAD, revoke: REVOKED, rotate: replacement.outcome });
    const sink = recordingSink();
    const s = scenario({ adapter, sink });

    const records = await respond(s);

    expect(records.rotate).toMatchObject({ status: 'skipped', summary: expect.stringContaining('did not revoke') });
    expect(adapter.calls).toEqual(['verify']);
    expect(sink.writes).toEqual([]);
  });

  it('does not rotate without a rotation sink, and names the setting', async () => {
    const replacement = rotated();
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED, rotate: replacement.outcome });
    const s = scenario({ adapter });

    const records = await respond(s);

    expect(records.rotate).toMatchObject({ status: 'skipped', summary: expect.stringContaining('LEAKSTOP_ROTATION_SINK') });
    expect(adapter.calls).not.toContain('rotate');
  });

  it('says a human must rotate when the provider has no rotation API', async () => {
    const s = scenario({ adapter: fakeAdapter({ verify: LIVE, revoke: REVOKED }), sink: recordingSink() });

    const records = await respond(s);

    expect(records.rotate).toMatchObject({ status: 'unsupported', summary: expect.stringContaining('Acme offers leakstop no API to issue a replacement'), manualUrl: ACME_MANUAL_URL });
  });

  it('writes the replacement to the sink under the rotation name and records where', async () => {
    const replacement = rotated();
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED, rotate: replacement.outcome });
    const sink = recordingSink();
    const s = scenario({ adapter, sink });

    const records = await respond(s);

    expect(sink.writes).toEqual([{ name: ROTATION_NAME, value: replacement.raw }]);
    expect(records.rotate).toMatchObject({ status: 'done', summary: `issued a replacement (same scopes) and wrote it to Vault secret/${ROTATION_NAME}`, by: SOURCE });
    expect(await s.store.kept(s.input.credential.fingerprint, REPLACEMENT_SLOT)).toBeUndefined();
    expect((await runRotateStep(s.deps, s.input)).rotate).toEqual(records.rotate);
    expect(adapter.calls.filter((c) => c === 'rotate')).toHaveLength(1);
  });

  it('keeps the replacement sealed while the sink is down, and the next attempt writes it without rotating again', async () => {
    const replacement = rotated();
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED, rotate: replacement.outcome });
    const sink = recordingSink([SINK_DOWN]);
    const s = scenario({ adapter, sink });
    const fingerprint = s.input.credential.fingerprint;
    await runVerifyStep(s.deps, s.input);
    await runRevokeStep(s.deps, s.input);

    const thrown = await retryThrown(runRotateStep(s.deps, again(s, { lastAttempt: false })));

    expect(thrown.retryAfterSeconds).toBe(12);
    const kept = await s.store.kept(fingerprint, REPLACEMENT_SLOT);
    expect(kept).toMatch(/^v1\./);
    expect(unsealSecret(SEAL_KEY, kept!, `${fingerprint}:replacement`).reveal()).toBe(replacement.raw);

    const records = await runRotateStep(s.deps, s.input);

    expect(records.rotate?.status).toBe('done');
    expect(sink.writes.map((w) => w.value)).toEqual([replacement.raw, replacement.raw]);
    expect(adapter.calls.filter((c) => c === 'rotate')).toHaveLength(1);
    expect(await s.store.kept(fingerprint, REPLACEMENT_SLOT)).toBeUndefined();
  });

  it('records a sink that refuses the replacement, and a later run writes the kept one once the sink is fixed', async () => {
    const replacement = rotated();
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED, rotate: replacement.outcome });
    const sink = recordingSink([SINK_REFUSED]);
    const s = scenario({ adapter, sink });

    const refused = await respond(s);

    expect(refused.rotate).toMatchObject({ status: 'failed', summary: expect.stringContaining('the vault-kv2 sink refused it (Vault answered 403: permission denied)') });

    const fixed = await runRotateStep(s.deps, again(s, { source: 'acme/web' }));

    expect(fixed.rotate?.status).toBe('done');
    expect(sink.writes.map((w) => w.value)).toEqual([replacement.raw, replacement.raw]);
    expect(adapter.calls.filter((c) => c === 'rotate')).toHaveLength(1);
  });
});

describe('providers that need another order', () => {
  it('revokes by rotating where rotating revokes (GitLab-like), without a separate revoke call', async () => {
    const replacement = rotated({ revokedOriginal: true });
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED, rotate: replacement.outcome }, { order: { rotationRevokes: true } });
    const sink = recordingSink();
    const s = scenario({ adapter, sink, policy: { revoke: 'approve' } });

    await runVerifyStep(s.deps, s.input);
    await runRevokeStep(s.deps, s.input);
    const records = await respond(s, approvedBy(s, 'maintainer'));

    expect(adapter.calls).toEqual(['verify', 'rotate']);
    expect(records.revoke).toMatchObject({ status: 'done', summary: expect.stringContaining('revoked by rotating it'), approvedBy: 'maintainer', reversible: false });
    expect(records.rotate?.status).toBe('done');
    expect(sink.writes.map((w) => w.value)).toEqual([replacement.raw]);
    expect(await s.store.kept(s.input.credential.fingerprint, approvalSlot(s.input.source))).toBeUndefined();
  });

  it('revokes where rotating revokes but rotation is off', async () => {
    const replacement = rotated({ revokedOriginal: true });
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED, rotate: replacement.outcome }, { order: { rotationRevokes: true } });
    const s = scenario({ adapter, sink: recordingSink(), policy: { rotate: 'off' } });

    const records = await respond(s);

    expect(adapter.calls).toEqual(['verify', 'revoke']);
    expect(records.revoke?.status).toBe('done');
    expect(records.rotate).toMatchObject({ status: 'skipped', summary: expect.stringContaining('response.rotate is off') });
  });

  it('does not revoke again what rotating revoked when the sink write is retried', async () => {
    const replacement = rotated({ revokedOriginal: true });
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED, rotate: replacement.outcome }, { order: { rotationRevokes: true } });
    const sink = recordingSink([SINK_DOWN]);
    const s = scenario({ adapter, sink });
    await runVerifyStep(s.deps, s.input);

    await retryThrown(runRevokeStep(s.deps, again(s, { lastAttempt: false })));
    const records = await respond(s);

    expect(adapter.calls).toEqual(['verify', 'rotate']);
    expect(records.revoke).toMatchObject({ status: 'done', summary: expect.stringContaining('revoked by rotating it') });
    expect(records.rotate?.status).toBe('done');
    expect(sink.writes.map((w) => w.value)).toEqual([replacement.raw, replacement.raw]);
  });

  it('rotates a self-rotating GitLab token through the API, and never DELETEs it', async () => {
    const raw = generateGitlabRoutableToken('glpat-', 'o:1\nu:2');
    const replacementRaw = generateGitlabRoutableToken('glpat-', 'o:1\nu:2');
    watched.secrets.push(replacementRaw);
    const self = { id: 4242, name: 'deploy-bot', revoked: false, active: true, scopes: ['api'], user_id: 77, last_used_at: '2026-11-23T11:50:12.000Z', expires_at: '2027-01-31' };
    // verify, describe and activity, all before revoking: GitLab stops answering for a rotated token.
    nock(GITLAB).get('/api/v4/personal_access_tokens/self').matchHeader('private-token', raw).times(3).reply(200, self);
    nock(GITLAB).post('/api/v4/personal_access_tokens/self/rotate').matchHeader('private-token', raw).reply(200, { ...self, id: 4243, token: replacementRaw, expires_at: '2026-11-30' });
    const sink = recordingSink();
    const s = scenario({ adapter: gitlabAdapter, credential: credential('gitlab-pat-routable', raw), providerName: 'GitLab', sink });

    const records = await respond(s);

    expect(records.revoke).toMatchObject({ status: 'done', summary: expect.stringContaining('revoked by rotating it') });
    expect(records.rotate).toMatchObject({ status: 'done', summary: expect.stringContaining('the new token expires on 2026-11-30') });
    expect(records.activity?.status).toBe('done');
    expect(sink.writes).toEqual([{ name: ROTATION_NAME, value: replacementRaw }]);
  });

  it('rotates before revoking where the replacement is found through the leaked key (OpenAI-like)', async () => {
    const calls: string[] = [];
    const replacement = rotated();
    const adapter = fakeAdapter({ verify: LIVE, revoke: REVOKED, rotate: replacement.outcome }, { order: { rotateBeforeRevoke: true }, calls });
    const s = scenario({ adapter, sink: recordingSink([], calls) });

    const records = await respond(s);

    expect(calls).toEqual(['verify', 'rotate', 'sink', 'revoke']);
    expect(records.revoke?.status).toBe('done');
    expect(records.rotate?.status).toBe('done');
  });

  it('assesses while the credential is live where the provider needs it, and not again afterwards', async () => {
    const adapter = fakeAdapter({ verify: LIVE, describe: SCOPES, revoke: REVOKED, activity: USED }, { order: { assessWhileLive: true } });
    const s = scenario({ adapter });

    await runVerifyStep(s.deps, s.input);
    expect(adapter.calls).toEqual(['verify', 'describe', 'activity']);
    const records = await respond(s);

    expect(adapter.calls).toEqual(['verify', 'describe', 'activity', 'revoke']);
    expect(records.activity?.status).toBe('done');
  });

  it('otherwise asks for the activity after revoking', async () => {
    const adapter = fakeAdapter({ verify: LIVE, describe: SCOPES, revoke: REVOKED, activity: USED });
    const s = scenario({ adapter });

    await respond(s);

    expect(adapter.calls).toEqual(['verify', 'describe', 'revoke', 'activity']);
  });
});
