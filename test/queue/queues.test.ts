// Adding jobs: each to its queue, with the retry and retention options, once per job id; nothing
// that is not a valid ScanJob reaches Redis.
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import type { ScanJob } from '../../src/queue/jobs.js';
import { BACKOFF_TYPE, createQueues, enqueueScanJobs, EnqueueError, KEEP_FINISHED, queueCounts, SCAN_ATTEMPTS, type ScanQueues } from '../../src/queue/queues.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { deleteKeysWithPrefix, describeWithRedis, redisUrl, scanKeys, testRedis, uniquePrefix } from './redis.js';

const HEAD = 'd6fde92930d4715a2b49857d24b940956b26d2d3';

function job(kind: ScanJob['kind'], deliveryId: string, repoId = 42): ScanJob {
  return {
    kind,
    deliveryId,
    installationId: 1,
    repository: { owner: 'octo-org', name: `repo-${repoId}`, id: repoId, defaultBranch: kind === 'backfill' ? '' : 'main', private: true },
    headSha: kind === 'backfill' ? '' : HEAD,
    commitShas: kind === 'push' ? [HEAD] : [],
  };
}

describeWithRedis('the queues', () => {
  let producer: Redis;
  let inspector: Redis;
  let prefix: string;
  let queues: ScanQueues;

  beforeEach(async () => {
    prefix = uniquePrefix();
    producer = createRedisConnection(redisUrl(), 'producer', createLogger({ level: 'silent' }));
    inspector = testRedis();
    queues = createQueues(producer, { prefix });
    await queues.ready();
  });
  afterEach(async () => {
    await queues.close();
    producer.disconnect();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
  });

  it('adds scans and backfills to their own queues with retries and retention', async () => {
    const ids = await enqueueScanJobs(queues, [job('push', 'd1'), job('backfill', 'd2', 7), job('backfill', 'd2', 8)]);
    expect(ids).toEqual([`d1-${HEAD}`, 'd2-repo7', 'd2-repo8']);
    // Prioritized: each job's priority is its installation's turn (fair-priority.ts).
    const [scan] = await queues.scan.getJobs(['prioritized']);
    expect(scan?.opts).toMatchObject({ attempts: SCAN_ATTEMPTS, backoff: { type: BACKOFF_TYPE }, removeOnComplete: KEEP_FINISHED, removeOnFail: KEEP_FINISHED, priority: 1 });
    expect((await queues.backfill.getJobs(['prioritized'])).map((backfill) => [backfill.id, backfill.priority]).sort()).toEqual([
      ['d2-repo7', 1],
      ['d2-repo8', 2],
    ]);
    expect(await queueCounts(queues)).toMatchObject({ scan: { prioritized: 1 }, backfill: { prioritized: 2 } });
    // Keys live under the prefix only, so a hash-tag prefix keeps them in one Redis Cluster slot.
    const keys = await scanKeys(inspector, `*d1-${HEAD}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(`${prefix}:`))).toBe(true);
  });

  it('adds a job id once: a redelivery leaves the stored job as it was', async () => {
    await enqueueScanJobs(queues, [job('push', 'same')]);
    const first = await queues.scan.getJob(`same-${HEAD}`);
    await enqueueScanJobs(queues, [{ ...job('push', 'same'), pusher: 'someone-else' }]);
    expect(await queues.scan.count()).toBe(1);
    expect((await queues.scan.getJob(`same-${HEAD}`))?.timestamp).toBe(first?.timestamp);
    expect((await queues.scan.getJob(`same-${HEAD}`))?.data.pusher).toBeUndefined();
  });

  it('refuses what is not a ScanJob before it reaches Redis', async () => {
    const bad = { ...job('push', 'x'), token: 'ghs_notallowed' } as ScanJob;
    await expect(enqueueScanJobs(queues, [bad])).rejects.toThrow(/Unrecognized key/);
    expect(await queues.scan.count()).toBe(0);
  });

  it('turns a Redis that fails into an EnqueueError with status 503', async () => {
    producer.disconnect();
    const error = await enqueueScanJobs(queues, [job('push', 'y')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnqueueError);
    expect(error).toMatchObject({ status: 503 });
  });
});
