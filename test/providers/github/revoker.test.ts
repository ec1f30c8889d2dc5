// The revoker's request budget: the in-memory sliding window, and a revoker asking whatever budget
// it is given before each POST /credentials/revoke (refused or unreachable: nothing is sent).
// Batching and GitHub's answers are tested in github-adapter.test.ts; the Redis budget in
// test/queue/redis-revoke-budget.test.ts.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../../src/detect/checksum.js';
import { Secret } from '../../../src/detect/secret.js';
import { createGithubAdapter } from '../../../src/providers/github/adapter.js';
import { GithubCredentialRevoker, MemoryRevokeBudget, type BudgetAnswer, type RevokeBudget } from '../../../src/providers/github/revoker.js';
import { credential, expectContained, NOW, useAdapterHarness } from '../adapter-kit.js';

const API = 'https://api.github.com';
const harness = useAdapterHarness('github');

/** A budget that answers what the test says and remembers the times it was asked at. */
class ScriptedBudget implements RevokeBudget {
  readonly askedAt: number[] = [];
  readonly #answer: () => Promise<BudgetAnswer>;
  constructor(answer: () => Promise<BudgetAnswer>) {
    this.#answer = answer;
  }
  take(nowMs: number): Promise<BudgetAnswer> {
    this.askedAt.push(nowMs);
    return this.#answer();
  }
}

const token = (): Secret => new Secret(generateGithubStyleToken('ghp_'));

describe('MemoryRevokeBudget', () => {
  const T0 = NOW.getTime();

  it('grants `limit` requests in a window, then refuses with the seconds until the oldest leaves it', async () => {
    const budget = new MemoryRevokeBudget(3, 60_000);
    expect(await budget.take(T0)).toEqual({ granted: true });
    expect(await budget.take(T0 + 1_000)).toEqual({ granted: true });
    expect(await budget.take(T0 + 2_000)).toEqual({ granted: true });
    expect(await budget.take(T0 + 10_500)).toEqual({ granted: false, retryAfterSeconds: 50 });
    // 49.999 s to go rounds up: a retry must never come back before there is room.
    expect(await budget.take(T0 + 10_001)).toEqual({ granted: false, retryAfterSeconds: 50 });
  });

  it('slides: a grant leaves the window exactly windowMs after it was made', async () => {
    const budget = new MemoryRevokeBudget(2, 60_000);
    await budget.take(T0);
    await budget.take(T0 + 30_000);
    expect(await budget.take(T0 + 59_999)).toEqual({ granted: false, retryAfterSeconds: 1 });
    expect(await budget.take(T0 + 60_000)).toEqual({ granted: true });
    // The window now holds T0 + 30 s and T0 + 60 s.
    expect(await budget.take(T0 + 60_001)).toEqual({ granted: false, retryAfterSeconds: 30 });
    expect(await budget.take(T0 + 90_000)).toEqual({ granted: true });
  });

  it('defaults to GitHub’s 60 requests an hour', async () => {
    const budget = new MemoryRevokeBudget();
    for (let i = 0; i < 60; i++) expect(await budget.take(T0 + i)).toEqual({ granted: true });
    expect(await budget.take(T0 + 60)).toEqual({ granted: false, retryAfterSeconds: 3600 });
  });

  it('refuses a limit or window that could never grant', () => {
    expect(() => new MemoryRevokeBudget(0)).toThrow(/at least 1/);
    expect(() => new MemoryRevokeBudget(1.5)).toThrow(/whole number/);
    expect(() => new MemoryRevokeBudget(10, 0)).toThrow(/window/);
  });
});

describe('GithubCredentialRevoker with a custom budget', () => {
  it('asks the budget at the context’s time before each request, and sends when granted', async () => {
    nock(API).post('/credentials/revoke').reply(202, {});
    const budget = new ScriptedBudget(() => Promise.resolve({ granted: true }));
    const outcome = await new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 1, budget }).revoke(token());
    expect(outcome.status).toBe('done');
    expect(budget.askedAt).toEqual([NOW.getTime()]);
  });

  it('sends nothing when the budget refuses, and passes on when to retry', async () => {
    const budget = new ScriptedBudget(() => Promise.resolve({ granted: false, retryAfterSeconds: 42 }));
    const secret = token();
    const outcome = await new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 1, budget }).revoke(secret);
    expect(outcome).toMatchObject({ status: 'failed', retryable: true, retryAfterSeconds: 42 });
    expect(outcome.summary).toContain('budget is spent');
    expect(harness.sent).toEqual([]);
    expectContained(harness, secret.reveal(), API, [outcome]);
  });

  it('sends nothing when the budget store is unreachable, and answers a retryable failure instead of throwing', async () => {
    const budget = new ScriptedBudget(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')));
    const [a, b] = [token(), token()];
    const revoker = new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 1, budget });
    const outcomes = await Promise.all([revoker.revoke(a), revoker.revoke(b)]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 'failed', retryable: true });
      expect(outcome.summary).toMatch(/budget store is unreachable \(connect ECONNREFUSED 127\.0\.0\.1:6379\)/);
    }
    expect(harness.sent).toEqual([]);
    for (const secret of [a, b]) expectContained(harness, secret.reveal(), API, outcomes);
  });

  it('treats a budget that throws outright like one that rejects', async () => {
    const budget: RevokeBudget = {
      take: () => {
        throw new Error('Connection is closed.');
      },
    };
    const outcome = await new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 1, budget }).revoke(token());
    expect(outcome).toMatchObject({ status: 'failed', retryable: true });
    expect(outcome.summary).toContain('budget store is unreachable');
    expect(harness.sent).toEqual([]);
  });

  it('reaches the revoker through createGithubAdapter’s revoker options', async () => {
    const budget = new ScriptedBudget(() => Promise.resolve({ granted: false, retryAfterSeconds: 7 }));
    const adapter = createGithubAdapter({ revoker: { maxWaitMs: 1, budget } });
    const outcome = await adapter.revoke!(credential('github-pat-classic', generateGithubStyleToken('ghp_')), harness.ctx);
    expect(outcome).toMatchObject({ status: 'failed', retryable: true, retryAfterSeconds: 7 });
    expect(budget.askedAt).toHaveLength(1);
    expect(harness.sent).toEqual([]);
  });
});
