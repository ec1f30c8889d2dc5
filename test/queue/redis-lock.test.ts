// The Redis lock against a real Redis: one holder at a time across connections, released on a throw,
// taken over once a dead holder's TTL runs out, given up after waitMs, and renewed for a slow holder.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LockTimeoutError, withRedisLock } from '../../src/queue/redis-lock.js';
import { deleteKeysWithPrefix, describeWithRedis, testRedis, uniquePrefix } from './redis.js';

const LONG = { ttlMs: 60_000, waitMs: 10_000 };

/** Resolves once `key` exists: the other holder has the lock. */
async function heldBySomeone(redis: Redis, key: string): Promise<void> {
  while ((await redis.exists(key)) === 0) await sleep(5);
}

describeWithRedis('withRedisLock', () => {
  let redis: Redis;
  let other: Redis;
  let prefix: string;
  let lockKey: string;

  beforeEach(() => {
    redis = testRedis();
    other = testRedis();
    prefix = uniquePrefix();
    lockKey = `${prefix}:lock:0123456789abcdef`;
  });
  afterEach(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await Promise.all([redis.quit(), other.quit()]);
  });

  it('lets one holder in at a time across two connections, and deletes the key when done', async () => {
    const timeline: string[] = [];
    const work = (name: string) => async (): Promise<string> => {
      timeline.push(`${name} in`);
      await sleep(80);
      timeline.push(`${name} out`);
      return name;
    };
    const results = await Promise.all([withRedisLock(redis, lockKey, LONG, work('a')), withRedisLock(other, lockKey, LONG, work('b'))]);
    expect(results).toEqual(['a', 'b']);
    const first = timeline[0]?.slice(0, 1);
    const second = first === 'a' ? 'b' : 'a';
    expect(timeline).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
    expect(await redis.exists(lockKey)).toBe(0);
  });

  it('releases the lock when the work throws, passing the error on', async () => {
    await expect(withRedisLock(redis, lockKey, LONG, () => Promise.reject(new Error('GitHub said 502')))).rejects.toThrow('GitHub said 502');
    expect(await redis.exists(lockKey)).toBe(0);
    const started = Date.now();
    expect(await withRedisLock(other, lockKey, LONG, () => Promise.resolve('next'))).toBe('next');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("takes over a lock whose holder died, once the holder's TTL has run out", async () => {
    // The holder's connection dies mid-work: no renewal, no release.
    const dying = testRedis();
    let finishDeadWork = (): void => undefined;
    const dead = withRedisLock(dying, lockKey, { ttlMs: 300, waitMs: 1_000 }, () => new Promise<void>((resolve) => (finishDeadWork = resolve)));
    await heldBySomeone(redis, lockKey);
    dying.disconnect();
    const started = Date.now();
    expect(await withRedisLock(redis, lockKey, { ttlMs: 60_000, waitMs: 2_000 }, () => Promise.resolve('took over'))).toBe('took over');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    finishDeadWork();
    // Its release cannot reach Redis; the TTL was what freed the lock.
    await expect(dead).rejects.toThrow();
  });

  it('gives up with LockTimeoutError after waitMs, having tried until then', async () => {
    let release = (): void => undefined;
    const holder = withRedisLock(other, lockKey, LONG, () => new Promise<void>((resolve) => (release = resolve)));
    await heldBySomeone(redis, lockKey);
    const started = Date.now();
    const error: unknown = await withRedisLock(redis, lockKey, { ttlMs: 60_000, waitMs: 300 }, () => Promise.resolve('never')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect((error as Error).message).toContain(lockKey);
    expect(Date.now() - started).toBeGreaterThanOrEqual(295);
    release();
    await holder;
  });

  it('takes a lock freed just before its deadline', async () => {
    // Polls back off (20, 40, 80, 160 ms...): the last one must still land on the deadline.
    const holder = withRedisLock(other, lockKey, LONG, () => sleep(170));
    await heldBySomeone(redis, lockKey);
    expect(await withRedisLock(redis, lockKey, { ttlMs: 60_000, waitMs: 200 }, () => Promise.resolve('just in time'))).toBe('just in time');
    await holder;
  });

  it("keeps renewing a slow holder's lock past its TTL, so no one else gets in", async () => {
    const slow = withRedisLock(other, lockKey, { ttlMs: 150, waitMs: 1_000 }, async () => {
      await sleep(600);
      return 'slow done';
    });
    await heldBySomeone(redis, lockKey);
    await sleep(300); // twice the TTL: without renewal the lock would be gone
    await expect(withRedisLock(redis, lockKey, { ttlMs: 150, waitMs: 100 }, () => Promise.resolve('cut in'))).rejects.toBeInstanceOf(LockTimeoutError);
    expect(await slow).toBe('slow done');
    expect(await redis.exists(lockKey)).toBe(0);
  });

  it('does not delete a lock another holder took over after ours expired', async () => {
    await withRedisLock(redis, lockKey, LONG, async () => {
      // Our lock expired mid-work and another worker took it.
      await other.set(lockKey, 'other-holder');
    });
    expect(await redis.get(lockKey)).toBe('other-holder');
  });
});
