// What GET /healthz reports: whether Redis answers and how many jobs wait, run and failed. A load
// balancer takes the web process out of rotation on 503 (it could not store webhooks anyway).
import type { RedisClient } from './redis-connection.js';
import { queueCounts, type QueueCounts, type QueueName, type ScanQueues } from './queues.js';

export interface QueueHealth {
  status: 'ok' | 'unavailable';
  redis: { ok: true; latencyMs: number } | { ok: false; error: string };
  queues?: Record<QueueName, QueueCounts>;
}

/** Bounded: a hung Redis must not hang the health check. */
const HEALTH_TIMEOUT_MS = 1_500;

export async function queueHealth(redis: RedisClient, queues: Pick<ScanQueues, 'scan' | 'backfill' | 'scanReport'>): Promise<QueueHealth> {
  const started = performance.now();
  try {
    const [, counts] = await withDeadline(Promise.all([redis.ping(), queueCounts(queues)]));
    return { status: 'ok', redis: { ok: true, latencyMs: Math.round(performance.now() - started) }, queues: counts };
  } catch (error) {
    return { status: 'unavailable', redis: { ok: false, error: error instanceof Error ? error.message : String(error) } };
  }
}

async function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
