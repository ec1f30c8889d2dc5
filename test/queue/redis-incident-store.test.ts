// The Redis incident store against a real Redis: issue numbers persist, and the per-secret lock
// lets one holder in at a time, expires if its holder dies, and is never released by a non-holder.
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LockTimeoutError, RedisIncidentStore } from '../../src/queue/redis-incident-store.js';
import { deleteKeysWithPrefix, describeWithRedis, testRedis, uniquePrefix } from './redis.js';

const KEY = 'octo-org/payments:0123456789abcdef0123456789abcdef';

describeWithRedis('the Redis incident store', () => {
  let redis: Redis;
  let prefix: string;

  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix();
  });
  afterEach(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  });

  it('remembers the issue number of an incident, under the prefix, without expiry', async () => {
    const store = new RedisIncidentStore(redis, { prefix });
    expect(await store.get(KEY)).toBeUndefined();
    await store.set(KEY, 17);
    expect(await store.get(KEY)).toBe(17);
    expect(await new RedisIncidentStore(redis, { prefix }).get(KEY)).toBe(17);
    expect(await redis.ttl(`${prefix}:incident:${KEY}`)).toBe(-1);
  });

  it('lets one holder at a time work on an incident, across store instances', async () => {
    const other = testRedis();
    const stores = [new RedisIncidentStore(redis, { prefix }), new RedisIncidentStore(other, { prefix })];
    const timeline: string[] = [];
    const work = (name: string) => async (): Promise<string> => {
      timeline.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 80));
      timeline.push(`${name} out`);
      return name;
    };
    const results = await Promise.all([stores[0]?.lock(KEY, work('a')), stores[1]?.lock(KEY, work('b'))]);
    expect(results.sort()).toEqual(['a', 'b']);
    // No interleaving: each holder leaves before the other enters.
    expect([timeline.slice(0, 2), timeline.slice(2)].every(([enter, leave]) => enter?.replace(' in', '') === leave?.replace(' out', ''))).toBe(true);
    expect(await redis.exists(`${prefix}:incident-lock:${KEY}`)).toBe(0);
    await other.quit();
  });

  it('releases the lock when the work throws', async () => {
    const store = new RedisIncidentStore(redis, { prefix });
    await expect(store.lock(KEY, () => Promise.reject(new Error('GitHub said 502')))).rejects.toThrow('GitHub said 502');
    expect(await store.lock(KEY, () => Promise.resolve('next'))).toBe('next');
  });

  it('gives up waiting after lockWaitMs, and a dead holder\'s lock expires after its TTL', async () => {
    // A holder that died: the lock key is there with someone else's token and a short TTL.
    await redis.set(`${prefix}:incident-lock:${KEY}`, 'dead-worker-token', 'PX', 300);
    const impatient = new RedisIncidentStore(redis, { prefix, lockWaitMs: 100 });
    await expect(impatient.lock(KEY, () => Promise.resolve('never'))).rejects.toBeInstanceOf(LockTimeoutError);
    const patient = new RedisIncidentStore(redis, { prefix, lockWaitMs: 2_000 });
    expect(await patient.lock(KEY, () => Promise.resolve('after expiry'))).toBe('after expiry');
  });

  it('does not delete a lock that expired and was taken by another holder', async () => {
    const store = new RedisIncidentStore(redis, { prefix, lockTtlMs: 60_000 });
    const lockKey = `${prefix}:incident-lock:${KEY}`;
    await store.lock(KEY, async () => {
      // Simulates our lock expiring mid-work and another worker taking it over.
      await redis.set(lockKey, 'other-holder');
    });
    expect(await redis.get(lockKey)).toBe('other-holder');
  });

  it('keeps renewing a lock whose work outlasts its TTL', async () => {
    const store = new RedisIncidentStore(redis, { prefix, lockTtlMs: 150 });
    const lockKey = `${prefix}:incident-lock:${KEY}`;
    const held = await store.lock(KEY, async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return redis.exists(lockKey);
    });
    expect(held).toBe(1);
  });
});
