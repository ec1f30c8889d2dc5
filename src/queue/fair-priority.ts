// Fairness between installations on one BullMQ queue (scan, backfill, report, respond). BullMQ's
// groups are BullMQ Pro only, so each job gets a priority from start-time fair queueing (a
// round-robin over installations kept in one Redis hash): an installation's k-th job still waiting
// is served in round k, after at most one job of every other installation per round. One
// organisation's flood or backfill of thousands of jobs then delays another's push by at most one job
// per installation that has work waiting, instead of by the whole flood.
//
// How a priority (the job's "round") is chosen, atomically in one script at enqueue:
//   floor = the round now being served: the lowest priority still waiting in the queue, never
//           lower than the floor seen before (a retried or recovered job's old, low priority must
//           not pull the rounds back);
//   round = max(floor, this installation's last round + 1), capped at BullMQ's highest priority.
// A quiet installation's first job gets the current round and goes to the front (behind the jobs of
// that round already queued, one per installation at most); a flooding installation's jobs get
// rounds 1, 2, 3 ... and are served in their own order, one per round, so every one of them is still
// served (nothing starves). Jobs of equal priority are served first in, first out (BullMQ's priority
// counter).
//
// Nothing is counted up and down, so nothing drifts: a worker killed with -9, a retry or a stalled
// job changes no state here (stalled jobs go back to BullMQ's wait list, ahead of every priority;
// retries keep their priority). A redelivery whose job id is already stored leaves the rounds as
// they were. When no job is waiting, every installation's backlog is zero: the rounds start again
// from 1 (the hash is deleted), which also keeps priorities far below BullMQ's limit of 2^21 - 1
// (past it, jobs are served first in, first out). The hash expires a day after the last enqueue.
// A race between two copies of one delivery can cost that installation one round, never a job.
import type { Queue } from 'bullmq';
import { z } from 'zod';
import type { RedisClient } from './redis-connection.js';

/** BullMQ's highest (least urgent) priority: 2^21 - 1 (Job's PRIORITY_LIMIT). */
export const MAX_PRIORITY = 2 ** 21 - 1;

/** The rounds hash outlives the last enqueue by this long, so a queue left idle keeps nothing. */
const ROUNDS_TTL_MS = 24 * 60 * 60 * 1000;

/** Where the rounds live, beside the queue's own keys (same hash tag, so one Redis Cluster slot). */
export function roundsKey(queue: Pick<Queue, 'toKey'>): string {
  return queue.toKey('leakstop-fair-rounds');
}

/** The hash field that keeps the floor; installation ids are positive integers, so it is distinct. */
const FLOOR_FIELD = 'floor';

// KEYS[1] the queue's prioritized set (scores: priority * 2^32 + BullMQ's counter), KEYS[2] the
// rounds hash, KEYS[2 + i] the i-th job's key. ARGV[1] the cap, ARGV[2] the TTL, ARGV[2 + i] the
// i-th job's installation id. Returns the priorities in order.
const ROUNDS_SCRIPT = `
local prioritized, rounds = KEYS[1], KEYS[2]
local cap = tonumber(ARGV[1])
local floor = 1
local first = redis.call('ZRANGE', prioritized, 0, 0, 'WITHSCORES')
if first[2] == nil then
  redis.call('DEL', rounds)
else
  local seen = tonumber(redis.call('HGET', rounds, '${FLOOR_FIELD}') or '1')
  floor = math.max(seen, math.floor(tonumber(first[2]) / 4294967296))
end
redis.call('HSET', rounds, '${FLOOR_FIELD}', floor)
local priorities = {}
for i = 3, #KEYS do
  local installation = ARGV[i]
  local last = tonumber(redis.call('HGET', rounds, installation) or '0')
  local round = math.min(math.max(floor, last + 1), cap)
  if redis.call('EXISTS', KEYS[i]) == 0 then
    redis.call('HSET', rounds, installation, round)
  end
  priorities[#priorities + 1] = round
end
redis.call('PEXPIRE', rounds, ARGV[2])
return priorities
`;

export interface InstallationJob {
  installationId: number;
  /** The BullMQ job id the job will be added with. */
  jobId: string;
}

const prioritiesSchema = z.array(z.number().int().min(1).max(MAX_PRIORITY));

/**
 * The priority each job is to be added to `queue` with, in order (jobs of one installation in one
 * call get consecutive rounds). `redis` is the connection the queue uses. Add the jobs right after:
 * the priorities are meant for them.
 */
export async function fairPriorities(redis: RedisClient, queue: Pick<Queue, 'toKey'>, jobs: readonly InstallationJob[]): Promise<number[]> {
  if (jobs.length === 0) return [];
  const keys = [queue.toKey('prioritized'), roundsKey(queue), ...jobs.map((job) => queue.toKey(job.jobId))];
  const args = [String(MAX_PRIORITY), String(ROUNDS_TTL_MS), ...jobs.map((job) => String(job.installationId))];
  const reply = await redis.eval(ROUNDS_SCRIPT, keys.length, ...keys, ...args);
  return prioritiesSchema.parse(reply);
}
