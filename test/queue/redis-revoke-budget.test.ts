// The GitHub revoke budget shared through a real Redis: the limit holds across workers under
// concurrency, the window slides, refusals say exactly when to retry, the one key expires, and two
// revokers sharing it send one request between them where the limit is one.
import type { Redis } from 'ioredis';
import nock from 'nock';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { Secret } from '../../src/detect/secret.js';
import { createLogger } from '../../src/log.js';
import { GithubCredentialRevoker } from '../../src/providers/github/revoker.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { RedisRevokeBudget } from '../../src/queue/redis-revoke-budget.js';
import { NOW, useAdapterHarness } from '../providers/adapter-kit.js';
import { deleteKeysWithPrefix, describeWithRedis, keysWithPrefix, startRedisProxy, testRedis, uniquePrefix } from './redis.js';

const API = 'https://api.github.com';
const T0 = NOW.getTime();
const HOUR_MS = 3_600_000;
const silent = createLogger({ level: 'silent' });
const harness = useAdapterHarness('github');

describeWithRedis('the Redis revoke budget', () => {
  let redis: Redis;
  let prefix: string;
  /** Further connections a test opens, closed after it. */
  let extra: Redis[];

  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix();
    extra = [];
  });
  afterEach(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await Promise.all([redis, ...extra].map((connection) => connection.quit()));
  });

  function secondConnection(): Redis {
    const other = testRedis();
    extra.push(other);
    return other;
  }

  it('grants exactly `limit` of 100 concurrent requests from two workers on two connections', async () => {
    const budgets = [new RedisRevokeBudget(redis, { prefix, limit: 7 }), new RedisRevokeBudget(secondConnection(), { prefix, limit: 7 })];
    // All in the same millisecond: members must still be unique, or grants would collapse into one.
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => budgets[i % 2]!.take(T0)));
    expect(answers.filter((a) => a.granted)).toHaveLength(7);
    expect(answers.filter((a) => !a.granted)).toEqual(Array.from({ length: 93 }, () => ({ granted: false, retryAfterSeconds: 3600 })));
    expect(await redis.zcard(`${prefix}:github-credentials-revoke`)).toBe(7);
  });

  it('slides: a grant leaves the window exactly windowMs after it was made', async () => {
    const budget = new RedisRevokeBudget(redis, { prefix, limit: 2, windowMs: 10_000 });
    expect(await budget.take(T0)).toEqual({ granted: true });
    expect(await budget.take(T0 + 4_000)).toEqual({ granted: true });
    expect(await budget.take(T0 + 5_000)).toEqual({ granted: false, retryAfterSeconds: 5 });
    expect(await budget.take(T0 + 10_000)).toEqual({ granted: true });
    // The window now holds T0 + 4 s and T0 + 10 s.
    expect(await budget.take(T0 + 10_001)).toEqual({ granted: false, retryAfterSeconds: 4 });
    expect(await budget.take(T0 + 14_000)).toEqual({ granted: true });
  });

  it('answers the exact seconds until the oldest request leaves the window, rounded up, at least 1', async () => {
    const budget = new RedisRevokeBudget(redis, { prefix, limit: 1 });
    expect(await budget.take(T0)).toEqual({ granted: true });
    expect(await budget.take(T0)).toEqual({ granted: false, retryAfterSeconds: 3600 });
    expect(await budget.take(T0 + 1_000)).toEqual({ granted: false, retryAfterSeconds: 3599 });
    expect(await budget.take(T0 + 1_999)).toEqual({ granted: false, retryAfterSeconds: 3599 });
    expect(await budget.take(T0 + 2_000)).toEqual({ granted: false, retryAfterSeconds: 3598 });
    expect(await budget.take(T0 + HOUR_MS - 1)).toEqual({ granted: false, retryAfterSeconds: 1 });
    // A refusal spends nothing: the next grant comes as soon as the first leaves the window.
    expect(await budget.take(T0 + HOUR_MS)).toEqual({ granted: true });
  });

  it('keeps one key, a sorted set that expires one window after the last grant', async () => {
    const budget = new RedisRevokeBudget(redis, { prefix, limit: 1, windowMs: 60_000 });
    const key = `${prefix}:github-credentials-revoke`;
    await budget.take(T0);
    await budget.take(T0 + 1);
    expect(await keysWithPrefix(redis, prefix)).toEqual([key]);
    expect(await redis.type(key)).toBe('zset');
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('counts each GitHub Enterprise Server host in its own key, beside github.com’s unchanged one', async () => {
    const budget = new RedisRevokeBudget(redis, { prefix, limit: 1 });
    expect(await budget.take(T0)).toEqual({ granted: true });
    // github.com's hour is spent; a GHES host's is its own, and the second GHES's too.
    expect(await budget.take(T0, 'github.acme.test')).toEqual({ granted: true });
    expect(await budget.take(T0, 'github.acme.test')).toEqual({ granted: false, retryAfterSeconds: 3600 });
    expect(await budget.take(T0, 'ghe.other.test:8443')).toEqual({ granted: true });
    expect(await budget.take(T0)).toEqual({ granted: false, retryAfterSeconds: 3600 });
    expect((await keysWithPrefix(redis, prefix)).sort()).toEqual(
      [`${prefix}:github-credentials-revoke`, `${prefix}:github-credentials-revoke:github.acme.test`, `${prefix}:github-credentials-revoke:ghe.other.test:8443`].sort(),
    );
  });

  it('refuses a limit that could never grant', () => {
    expect(() => new RedisRevokeBudget(redis, { prefix, limit: 0 })).toThrow(/at least 1/);
  });

  it('rejects when Redis is down, and a revoker then answers a retryable failure without sending', async () => {
    const proxy = await startRedisProxy();
    const viaProxy = createRedisConnection(proxy.url, 'client', silent);
    try {
      const budget = new RedisRevokeBudget(viaProxy, { prefix, limit: 5 });
      expect(await budget.take(T0)).toEqual({ granted: true });
      await proxy.stop();
      await expect(budget.take(T0 + 1)).rejects.toThrow();
      const outcome = await new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 1, budget }).revoke(new Secret(generateGithubStyleToken('ghp_')));
      expect(outcome).toMatchObject({ status: 'failed', retryable: true });
      expect(outcome.summary).toContain('budget store is unreachable');
      expect(harness.sent).toEqual([]);
    } finally {
      viaProxy.disconnect();
    }
  });

  it('lets two revokers on two connections send one POST /credentials/revoke between them when the limit is 1', async () => {
    const scope = nock(API).post('/credentials/revoke').reply(202, {});
    const first = new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 60_000, budget: new RedisRevokeBudget(redis, { prefix, limit: 1 }) });
    const second = new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 60_000, budget: new RedisRevokeBudget(secondConnection(), { prefix, limit: 1 }) });

    const sent = first.revoke(new Secret(generateGithubStyleToken('ghp_')));
    await first.flush();
    expect(await sent).toMatchObject({ status: 'done' });
    expect(scope.isDone()).toBe(true);

    const refused = second.revoke(new Secret(generateGithubStyleToken('ghp_')));
    await second.flush();
    expect(await refused).toMatchObject({ status: 'failed', retryable: true, retryAfterSeconds: 3600 });
    expect(harness.sent).toHaveLength(1);
  });
});
