// `npm run bench:response`: how fast a leaked GitHub token is revoked. Starts `leakstop start` in this
// process against a real Redis (REDIS_URL) and the fake GitHub of app-harness.mjs, whose provider API
// (LEAKSTOP_GITHUB_API_URL) answers GET /user and POST /credentials/revoke at once. Each round sends
// BENCH_PUSHES signed push deliveries at the same moment, each adding a fresh checksum-valid classic
// token (ghp_), waits until every token is revoked and the queues are drained, then the next round
// starts with fresh tokens. Reports:
//   - latency per push: webhook sent (client side) → the POST /credentials/revoke holding its token
//     arrived; p50/p95/p99/max over every round (target p50 < 2 s, p99 < 5 s at 50 pushes),
//   - pushes whose token was never revoked, and tokens revoked more than once: both must be 0,
//   - POST /credentials/revoke requests and the tokens in them (the revoker batches for 250 ms and
//     shares a budget of 60 requests an hour in Redis: a fresh QUEUE_PREFIX gives a fresh budget),
//   - where the time goes, per stage, from BullMQ's own timestamps of the scan and response jobs,
//   - requests the fake GitHub had no route for (answered 404).
// Env: REDIS_URL (required), BENCH_PUSHES (default 50), BENCH_ROUNDS (default 3),
// WORKER_CONCURRENCY (scan jobs at once, default 16), BENCH_INSTALLATIONS (organisations the pushes
// come from, default 50: octokit spaces GitHub writes 1 s apart per installation, so fewer
// installations make scan jobs hold their worker slot longer; the response itself writes nothing
// to GitHub before revoking).
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { generateGithubStyleToken } from '../dist/detect/checksum.js';
import { RESPONSE_QUEUE } from '../dist/queue/response-jobs.js';
import { benchPrefix, closeDeliveries, deleteKeys, percentile, PROVIDER_API_PATH, pushDelivery, send, sleep, startFakeGitHub, startLeakstop, waitUntil } from './app-harness.mjs';

const REDIS_URL = process.env.REDIS_URL;
const PUSHES = Number(process.env.BENCH_PUSHES ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 16);
const INSTALLATIONS = Number(process.env.BENCH_INSTALLATIONS ?? 50);
const TARGET_P50_MS = 2_000;
const TARGET_P99_MS = 5_000;
/** The response retries for about two minutes in all: a token not revoked by then never will be. */
const REVOKE_DEADLINE_MS = 150_000;
const DRAIN_DEADLINE_MS = 5 * 60 * 1000;
/** Let a late duplicate revocation or job show up before counting. */
const SETTLE_MS = 1_000;
const BUSY_STATES = ['waiting', 'active', 'delayed', 'waiting-children', 'prioritized', 'paused'];

if (!REDIS_URL) {
  console.error('bench:response needs a Redis: start one with `redis-server --port 6390 --save "" --daemonize yes` and set REDIS_URL=redis://127.0.0.1:6390');
  process.exit(2);
}

/** One push per credential: a fresh repository of installation 1000 + i % INSTALLATIONS. */
async function leakedPushes(github, round) {
  return Promise.all(
    Array.from({ length: PUSHES }, async (_, i) => {
      const token = generateGithubStyleToken('ghp_');
      const delivery = await pushDelivery(github, 1_000 + (i % INSTALLATIONS), 100_000 + round * 10_000 + i, 1, [`const octokit = new Octokit({ auth: '${token}' });`]);
      return { token, delivery };
    }),
  );
}

/** When each token's POST /credentials/revoke arrived (the first, should there be more). */
function revokedAt(revocations) {
  const first = new Map();
  for (const { at, credentials } of revocations) for (const token of credentials) if (!first.has(token)) first.set(token, at);
  return first;
}

async function busyJobs(queues) {
  const counts = await Promise.all(queues.map((queue) => queue.getJobCounts(...BUSY_STATES)));
  return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
}

/** One round: every push at once, then wait for every revocation and for the queues to drain. */
async function runRound(round, { github, baseUrl, queues }) {
  const pushes = await leakedPushes(github, round);
  const sent = await Promise.all(pushes.map(({ delivery }) => send(baseUrl, delivery)));
  const tokens = new Set(pushes.map((p) => p.token));
  const allRevoked = async () => {
    const revoked = revokedAt(await github.revocations());
    return [...tokens].every((token) => revoked.has(token));
  };
  // A token still unrevoked at the deadline is counted as never revoked, not thrown.
  await waitUntil('every token to be revoked', allRevoked, REVOKE_DEADLINE_MS).catch(() => undefined);
  let drained = true;
  await waitUntil('the scan and response queues to drain', async () => (await busyJobs(queues)) === 0, DRAIN_DEADLINE_MS).catch(() => (drained = false));
  await sleep(SETTLE_MS);
  const revoked = revokedAt(await github.revocations());
  return { drained, pushes: pushes.map(({ token, delivery }, i) => ({ round, token, delivery, sent: sent[i], revokedAt: revoked.get(token) })) };
}

/**
 * BullMQ's timestamps (queued, started, finished) of each push's jobs: its scan job (by delivery
 * id) and its verify / revoke / response report jobs (by repository: one per push); and the jobs
 * that failed for good.
 */
async function jobTimes(scanQueue, respondQueue) {
  const [scans, responses, failed] = await Promise.all([scanQueue.getJobs(['completed', 'failed']), respondQueue.getJobs(['completed', 'failed']), Promise.all([scanQueue.getJobCountByTypes('failed'), respondQueue.getJobCountByTypes('failed')])]);
  const times = (job) => ({ queued: job.timestamp, started: job.processedOn, finished: job.finishedOn });
  const scanByDelivery = new Map(scans.map((job) => [job.data.deliveryId, times(job)]));
  const responseByRepo = new Map(responses.map((job) => [`${job.name} ${job.data.source?.repo}`, times(job)]));
  return { scan: (p) => scanByDelivery.get(p.delivery.id), step: (name, p) => responseByRepo.get(`${name} ${p.delivery.repo}`), failed: failed[0] + failed[1] };
}

/**
 * Where the time to revocation goes: per stage, when it happened (ms after the webhook was sent)
 * and how long it took after the stage it waits for (`after`), per push.
 */
function breakdown(pushes, jobs) {
  const stages = [
    { name: 'webhook answered', at: (p) => p.sent.at + p.sent.ms },
    { name: 'scan job started', at: (p) => jobs.scan(p)?.started, after: 'webhook answered' },
    { name: 'response queued (in scan)', at: (p) => jobs.step('verify', p)?.queued, after: 'scan job started' },
    { name: 'verify job started', at: (p) => jobs.step('verify', p)?.started, after: 'response queued (in scan)' },
    { name: 'verify job finished', at: (p) => jobs.step('verify', p)?.finished, after: 'verify job started' },
    { name: 'revoke job started', at: (p) => jobs.step('revoke', p)?.started, after: 'verify job finished' },
    { name: 'revoke request received', at: (p) => p.revokedAt, after: 'revoke job started' },
    { name: 'revoke job finished', at: (p) => jobs.step('revoke', p)?.finished, after: 'revoke request received' },
    { name: 'scan job finished', at: (p) => jobs.scan(p)?.finished, after: 'response queued (in scan)' },
    { name: 'response report finished', at: (p) => jobs.step('response-report', p)?.finished, after: 'revoke job finished' },
  ];
  const atOf = new Map(stages.map((stage) => [stage.name, stage.at]));
  const stats = (values) => ({ count: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });
  return stages.map((stage) => {
    const since = pushes.map((p) => stage.at(p) - p.sent.at).filter(Number.isFinite);
    const took = stage.after === undefined ? [] : pushes.map((p) => stage.at(p) - atOf.get(stage.after)(p)).filter(Number.isFinite);
    return { name: stage.name, after: stage.after, since: stats(since), took: stats(took) };
  });
}

function countBy(items) {
  const counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

async function main() {
  const github = await startFakeGitHub();
  const prefix = benchPrefix('response');
  const { running, baseUrl } = await startLeakstop({
    github,
    redisUrl: REDIS_URL,
    prefix,
    concurrency: CONCURRENCY,
    env: { LEAKSTOP_GITHUB_API_URL: `http://${github.host}${PROVIDER_API_PATH}`, LEAKSTOP_SEAL_KEY: randomBytes(32).toString('base64') },
  });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const respondQueue = new Queue(RESPONSE_QUEUE, { connection: redis, prefix });
  const queues = [running.queues.scan, respondQueue];
  try {
    console.log(`${ROUNDS} round(s) of ${PUSHES} leaked pushes sent at once, from ${Math.min(INSTALLATIONS, PUSHES)} installation(s); scan worker concurrency ${CONCURRENCY}`);
    const pushes = [];
    let undrained = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const { drained, pushes: results } = await runRound(round, { github, baseUrl, queues });
      pushes.push(...results);
      const latencies = results.filter((p) => p.revokedAt !== undefined).map((p) => p.revokedAt - p.sent.at);
      console.log(`  round ${round}: p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}, never revoked ${results.length - latencies.length}${drained ? '' : `; queues not drained after ${DRAIN_DEADLINE_MS / 1000} s`}`);
      if (!drained) {
        // A backlog would only slow the next round: the figures would measure it, not the response.
        undrained++;
        console.log(`  stopping: ${await busyJobs(queues)} job(s) still queued or running`);
        break;
      }
    }

    const latencies = pushes.filter((p) => p.revokedAt !== undefined).map((p) => p.revokedAt - p.sent.at);
    const neverRevoked = pushes.length - latencies.length;
    const revocations = await github.revocations();
    const sentTokens = revocations.flatMap((r) => r.credentials);
    const ours = new Set(pushes.map((p) => p.token));
    const strangers = sentTokens.filter((token) => !ours.has(token)).length;
    const revokedCounts = countBy(sentTokens);
    const doubleRevoked = [...revokedCounts.values()].filter((n) => n > 1).length;
    const refused = pushes.filter((p) => p.sent.status !== 200).length;
    const userChecks = Object.values(await github.userChecks()).reduce((a, b) => a + b, 0);
    const issueCounts = await github.issueCounts();
    const runs = (await github.runsFor(pushes.map((p) => p.delivery.headSha))).flat();
    // The section is in every write of the run; the last shows the response's outcome.
    const reported = runs.filter((run) => run.output.summary?.includes('## Leak response') === true).length;
    const unmatched = countBy(await github.unmatched());
    const jobs = await jobTimes(running.queues.scan, respondQueue);
    const stages = breakdown(pushes, jobs);
    const p = (q) => percentile(latencies, q);
    const targetMet = neverRevoked === 0 && p(50) < TARGET_P50_MS && p(99) < TARGET_P99_MS;

    console.log('');
    console.log('leakstop bench:response');
    console.log(`  pushes                         ${pushes.length} (${pushes.length / PUSHES} × ${PUSHES}, sent at once), non-200 answers ${refused}`);
    console.log(`  webhook → revoke request p50   ${ms(p(50))}   (target < ${TARGET_P50_MS} ms)`);
    console.log(`                           p95   ${ms(p(95))}`);
    console.log(`                           p99   ${ms(p(99))}   (target < ${TARGET_P99_MS} ms)`);
    console.log(`                           max   ${ms(Math.max(...latencies))}`);
    console.log(`  never revoked                  ${neverRevoked}   (must be 0)`);
    console.log(`  POST /credentials/revoke       ${revocations.length} request(s), ${sentTokens.length} token(s) (${revocations.map((r) => r.credentials.length).join(' + ')})`);
    console.log(`  tokens revoked more than once  ${doubleRevoked}   (must be 0)`);
    console.log(`  tokens not from this run       ${strangers}   (must be 0)`);
    console.log(`  GET /user (verify, describe)  ${userChecks}`);
    console.log(`  incident issues / timeline updates / comments   ${issueCounts.issues} / ${issueCounts.bodyUpdates} / ${issueCounts.comments}`);
    console.log(`  check runs with the response section            ${reported} of ${runs.length}`);
    console.log(`  jobs failed for good           ${jobs.failed}`);
    console.log(`  rounds not drained in ${DRAIN_DEADLINE_MS / 60_000} min   ${undrained}   (must be 0)`);
    console.log(`  fake GitHub unmatched requests ${[...unmatched.values()].reduce((a, b) => a + b, 0)}${[...unmatched].map(([route, n]) => `\n    ${n} × ${route}`).join('')}`);
    console.log('');
    console.log('  where the time goes (ms; BullMQ job timestamps and the fake GitHub\'s clock; all rounds):');
    console.log(`    ${'stage'.padEnd(27)}${'after webhook sent'.padStart(27)}   ${'after the previous stage'.padStart(27)}`);
    console.log(`    ${''.padEnd(27)}${['p50', 'p95', 'max', 'p50', 'p95', 'max'].map((h, i) => h.padStart(9) + (i === 2 ? '   ' : '')).join('')}`);
    for (const { name, after, since, took } of stages) {
      const missing = since.count < pushes.length ? `   (${since.count} of ${pushes.length})` : '';
      const previous = after === undefined ? '' : `${num(took.p50)}${num(took.p95)}${num(took.max)}   after ${after}`;
      console.log(`    ${name.padEnd(27)}${num(since.p50)}${num(since.p95)}${num(since.max)}   ${previous}${missing}`);
    }
    console.log('');
    const summary = {
      bench: 'response',
      pushes: PUSHES,
      rounds: ROUNDS,
      installations: Math.min(INSTALLATIONS, PUSHES),
      workerConcurrency: CONCURRENCY,
      p50Ms: round1(p(50)),
      p95Ms: round1(p(95)),
      p99Ms: round1(p(99)),
      maxMs: round1(Math.max(...latencies)),
      neverRevoked,
      revokeRequests: revocations.length,
      tokensInRevokeRequests: sentTokens.length,
      doubleRevoked,
      unknownTokens: strangers,
      failedJobs: jobs.failed,
      undrainedRounds: undrained,
      unmatchedRequests: [...unmatched.values()].reduce((a, b) => a + b, 0),
      targetMet,
    };
    console.log(JSON.stringify(summary));
    if (neverRevoked > 0 || doubleRevoked > 0 || sentTokens.length !== pushes.length || strangers > 0 || refused > 0 || jobs.failed > 0 || undrained > 0) process.exitCode = 1;
  } finally {
    await running.close();
    await respondQueue.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    closeDeliveries();
    await github.close();
  }
}

const ms = (value) => `${value.toFixed(1)} ms`;
const num = (value) => (Number.isFinite(value) ? value.toFixed(0) : '-').padStart(9);
const round1 = (value) => Math.round(value * 10) / 10;

await main();
