// The Redis response store against a real Redis: the ResponseStore contract across two connections,
// plus what only Redis does: records and kept values expire, the lock holds across processes' worth
// of connections, and every key sits under the queue prefix (one Redis Cluster slot).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RedisResponseStore } from '../../src/queue/redis-response-store.js';
import { FINGERPRINT, OTHER_FINGERPRINT, responseStoreContract, stepRecord } from '../respond/response-store-contract.js';
import { deleteKeysWithPrefix, describeWithRedis, scanKeys, testRedis, uniquePrefix } from './redis.js';

const RECORD_TTL_SECONDS = 180 * 24 * 60 * 60;

describeWithRedis('the Redis response store', () => {
  let redis: Redis;
  let other: Redis;
  let prefix: string;
  let store: RedisResponseStore;
  let peer: RedisResponseStore;

  beforeEach(() => {
    redis = testRedis();
    other = testRedis();
    prefix = uniquePrefix();
    store = new RedisResponseStore(redis, { prefix });
    peer = new RedisResponseStore(other, { prefix });
  });
  afterEach(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await Promise.all([redis.quit(), other.quit()]);
  });

  // Two instances on two connections, as two worker processes would have.
  responseStoreContract(() => ({ store, peer }));

  it('ignores a stored field that no longer parses', async () => {
    await store.save(FINGERPRINT, stepRecord());
    await redis.hset(`${prefix}:response:${FINGERPRINT}`, 'revoke', '{"step":"revoke","status":"revoked-v0"}', 'rotate', 'not json');
    expect(await store.records(FINGERPRINT)).toEqual({ verify: stepRecord() });
  });

  it('fails a save that Redis refused inside the transaction, rather than pretending it saved', async () => {
    await redis.set(`${prefix}:response:${FINGERPRINT}`, 'not a hash');
    await expect(store.save(FINGERPRINT, stepRecord())).rejects.toThrow(/WRONGTYPE/);
  });

  it('gives the records hash a TTL, renewed by each save', async () => {
    const key = `${prefix}:response:${FINGERPRINT}`;
    await store.save(FINGERPRINT, stepRecord());
    await redis.expire(key, 60);
    await store.save(FINGERPRINT, stepRecord({ step: 'revoke' }));
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(RECORD_TTL_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(RECORD_TTL_SECONDS);
  });

  it('keeps a sealed value for the TTL given, and no longer', async () => {
    await store.keep(FINGERPRINT, 'replacement', 'sealed', 7 * 24 * 60 * 60);
    const ttl = await redis.ttl(`${prefix}:response-kept:${FINGERPRINT}:replacement`);
    expect(ttl).toBeGreaterThan(7 * 24 * 60 * 60 - 5);
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 60 * 60);
    await store.keep(FINGERPRINT, 'approval', 'sealed', 1);
    expect(await store.kept(FINGERPRINT, 'approval')).toBe('sealed');
    await sleep(1_100);
    expect(await peer.kept(FINGERPRINT, 'approval')).toBeUndefined();
  });

  it('serialises read-modify-write under lock across two connections: 20 increments make 20', async () => {
    const increment = (on: RedisResponseStore) => async (): Promise<void> => {
      const count = Number((await on.records(FINGERPRINT)).verify?.summary ?? '0');
      await sleep(Math.random() * 5); // widen the window a lost update needs
      await on.save(FINGERPRINT, stepRecord({ summary: String(count + 1) }));
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : peer)).map((on) => on.lock(FINGERPRINT, increment(on))));
    expect((await store.records(FINGERPRINT)).verify?.summary).toBe('20');
    expect(await redis.exists(`${prefix}:response-lock:${FINGERPRINT}`)).toBe(0);

    // The same increments without the lock lose updates: the test above can fail.
    await Promise.all(Array.from({ length: 20 }, (_, i) => increment(i % 2 === 0 ? store : peer)()));
    expect(Number((await store.records(FINGERPRINT)).verify?.summary)).toBeLessThan(40);
  });

  it('puts every key under the prefix, so they share its Redis Cluster slot', async () => {
    await store.save(FINGERPRINT, stepRecord());
    await store.keep(FINGERPRINT, 'approval', 'sealed', 60);
    const keys = await store.lock(FINGERPRINT, () => scanKeys(redis, `*${FINGERPRINT}*`));
    expect(keys.sort()).toEqual([`${prefix}:response-kept:${FINGERPRINT}:approval`, `${prefix}:response-lock:${FINGERPRINT}`, `${prefix}:response:${FINGERPRINT}`]);
    // The prefix is a hash tag ({...}): Redis Cluster hashes only what is inside it.
    expect(prefix).toMatch(/^\{[^{}]+\}$/);
    expect(await scanKeys(redis, `*${OTHER_FINGERPRINT}*`)).toEqual([]);
  });
});
