// At most one revocation per credential, across worker processes: two response stores on two Redis
// connections (two workers), each with its own GitHub adapter (its own revoker), run the revoke
// step of one leaked token from two repositories at once, and a third store (a worker started
// later) runs it again. GitHub must see exactly one POST /credentials/revoke.
import { setImmediate as nextTick } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import nock from 'nock';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { fingerprint, Secret } from '../../src/detect/secret.js';
import { createGithubAdapter } from '../../src/providers/github/adapter.js';
import { RedisResponseStore } from '../../src/queue/redis-response-store.js';
import type { ProviderContext } from '../../src/providers/contract.js';
import { parseOperatorSettings } from '../../src/providers/index.js';
import { runRevokeStep, runVerifyStep, type StepDeps, type StepInput } from '../../src/respond/respond-steps.js';
import { deleteKeysWithPrefix, describeWithRedis, testRedis, uniquePrefix } from './redis.js';

const GITHUB = 'https://api.github.com';

describeWithRedis('revoking a leaked credential at most once across workers', () => {
  let connections: Redis[];
  let prefix: string;

  beforeEach(() => {
    connections = [testRedis(), testRedis(), testRedis()];
    prefix = uniquePrefix();
  });
  afterEach(async () => {
    await deleteKeysWithPrefix(connections[0]!, prefix);
    await Promise.all(connections.map((c) => c.quit()));
    nock.cleanAll();
  });

  it('sends one POST /credentials/revoke for ten concurrent jobs on two workers, and none for a worker started later', async () => {
    const raw = generateGithubStyleToken('ghp_');
    const ctx: ProviderContext = { fetch: (input, init) => globalThis.fetch(input, init), settings: parseOperatorSettings({}), now: () => new Date() };
    const worker = (connection: Redis): StepDeps => ({
      adapter: createGithubAdapter({ revoker: { maxWaitMs: 5 } }),
      provider: ctx,
      store: new RedisResponseStore(connection, { prefix, lockWaitMs: 10_000 }),
      sink: undefined,
      seal: () => 'unused',
      unseal: () => new Secret('unused'),
    });
    const input = (source: string): StepInput => ({
      credential: { secret: new Secret(raw), ruleId: 'github-pat-classic', fingerprint: fingerprint('github-pat-classic', raw), details: {} },
      providerName: 'GitHub',
      policy: { revoke: 'auto', rotate: 'auto', dryRun: false, revokeSetting: 'response.revoke', rotateSetting: 'response.rotate' },
      source,
      rotationName: 'unused',
      approvalData: '{}',
      lastAttempt: true,
    });
    const [first, second, later] = connections.map(worker) as [StepDeps, StepDeps, StepDeps];
    nock(GITHUB).get('/user').matchHeader('authorization', `Bearer ${raw}`).reply(200, { login: 'octocat', type: 'User' }, { 'x-oauth-scopes': 'repo' });
    let revokeRequests = 0;
    nock(GITHUB)
      .post('/credentials/revoke', (body: { credentials?: string[] }) => body.credentials?.includes(raw) === true)
      .reply(202, () => {
        revokeRequests++;
        return {};
      });

    await runVerifyStep(first, input('acme/api'));
    const runs = Array.from({ length: 10 }, (_, i) => runRevokeStep(i % 2 === 0 ? first : second, input(i % 3 === 0 ? 'acme/web' : 'acme/api')));
    const answers = await Promise.all(runs);
    await nextTick();

    expect(revokeRequests).toBe(1);
    for (const records of answers) expect(records.revoke).toMatchObject({ status: 'done' });
    // A worker started afterwards reads the answer from Redis and asks GitHub nothing.
    expect((await runRevokeStep(later, input('acme/mobile'))).revoke?.status).toBe('done');
    expect(revokeRequests).toBe(1);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
