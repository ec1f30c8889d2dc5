// The Redis check run store against a real Redis: a head SHA's record round-trips, expires sooner when
// the scan responds to nothing, reads as absent when damaged, what the run's last write sent is
// remembered, and its lock is the key earlier versions locked the run's response section under (so
// an old and a new worker never write at once).
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RedisCheckRunStore } from '../../src/queue/redis-check-run-store.js';
import type { CheckRunRecord } from '../../src/report/check-run-record.js';
import { deleteKeysWithPrefix, describeWithRedis, testRedis, uniquePrefix } from './redis.js';

const COMMIT = { owner: 'octo-org', repo: 'payments', headSha: '0123456789abcdef0123456789abcdef01234567' };
const RECORD: CheckRunRecord = {
  scanJobId: 'delivery-1-head',
  conclusion: 'failure',
  output: { title: '1 leaked credential found', summary: '## 1 leaked credential found', text: '| critical |' },
  incidentRepo: { owner: 'octo-org', repo: 'payments' },
  credentials: [{ fingerprint: '0123456789abcdef0123456789abcdef', title: 'GitHub personal access token (classic)', redacted: 'ghp_…a1B2 (40 chars)' }],
};
const DAY = 24 * 60 * 60;

describeWithRedis('the Redis check run store', () => {
  let redis: Redis;
  let prefix: string;
  let store: RedisCheckRunStore;
  const recordKey = (): string => `${prefix}:checkrun:${COMMIT.owner}/${COMMIT.repo}@${COMMIT.headSha}`;

  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix();
    store = new RedisCheckRunStore(redis, { prefix });
  });
  afterEach(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  });

  it('keeps one record per head SHA, replaced by the next scan, for a month when it responds to credentials', async () => {
    expect(await store.get(COMMIT)).toBeUndefined();
    await store.save(COMMIT, RECORD);
    expect(await store.get(COMMIT)).toEqual(RECORD);
    expect(await store.get({ ...COMMIT, headSha: 'f'.repeat(40) })).toBeUndefined();
    await store.save(COMMIT, { ...RECORD, scanJobId: 'delivery-2-head' });
    expect((await store.get(COMMIT))?.scanJobId).toBe('delivery-2-head');
    const ttl = await redis.ttl(recordKey());
    expect(ttl).toBeGreaterThan(30 * DAY);
    expect(ttl).toBeLessThanOrEqual(31 * DAY);
  });

  it('keeps the record of a scan that responds to nothing for a day only', async () => {
    await store.save(COMMIT, { ...RECORD, credentials: [] });
    expect(await redis.ttl(recordKey())).toBeLessThanOrEqual(DAY);
  });

  it('reads a damaged record as absent, and refuses to store one that is not a record', async () => {
    await redis.set(recordKey(), '{"scanJobId":');
    expect(await store.get(COMMIT)).toBeUndefined();
    await redis.set(recordKey(), JSON.stringify({ ...RECORD, conclusion: 'maybe' }));
    expect(await store.get(COMMIT)).toBeUndefined();
    await expect(store.save(COMMIT, { ...RECORD, credentials: [{ fingerprint: 'nope', title: 't', redacted: 'r' }] })).rejects.toThrow();
  });

  it('remembers what the last write of the run sent, for a month, until told to forget it', async () => {
    const written = { checkRunId: 88, digest: 'a'.repeat(64) };
    expect(await store.written(COMMIT)).toBeUndefined();
    await store.markWritten(COMMIT, written);
    // Another worker (the one that retries a killed worker's job) reads it from Redis.
    expect(await new RedisCheckRunStore(redis, { prefix }).written(COMMIT)).toEqual(written);
    expect(await redis.ttl(`${prefix}:checkrun-written:${COMMIT.owner}/${COMMIT.repo}@${COMMIT.headSha}`)).toBeGreaterThan(30 * DAY);
    await store.forgetWritten(COMMIT);
    expect(await store.written(COMMIT)).toBeUndefined();
    await redis.set(`${prefix}:checkrun-written:${COMMIT.owner}/${COMMIT.repo}@${COMMIT.headSha}`, '{"checkRunId":');
    expect(await store.written(COMMIT), 'damaged: written again rather than skipped').toBeUndefined();
  });

  it('locks under the key earlier versions used for the run, one holder at a time', async () => {
    const timeline: string[] = [];
    const work = (name: string) => async (): Promise<void> => {
      timeline.push(`${name} in`);
      expect(await redis.exists(`${prefix}:incident-lock:checkrun:${COMMIT.owner}/${COMMIT.repo}@${COMMIT.headSha}`)).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      timeline.push(`${name} out`);
    };
    await Promise.all([store.lock(COMMIT, work('a')), new RedisCheckRunStore(redis, { prefix }).lock(COMMIT, work('b'))]);
    expect(timeline.map((entry) => entry.split(' ')[1])).toEqual(['in', 'out', 'in', 'out']);
  });

  it('frees the lock of a holder that died within 10 s, not the minute of the other locks', async () => {
    const key = `${prefix}:incident-lock:checkrun:${COMMIT.owner}/${COMMIT.repo}@${COMMIT.headSha}`;
    await store.lock(COMMIT, async () => {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(5_000);
      expect(ttl).toBeLessThanOrEqual(10_000);
    });
  });
});
