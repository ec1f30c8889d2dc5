// `npm run build && node bench/check-runs.mjs`: how soon a push's check run is written while the same
// installation's incident issues and timelines are still being written. Starts `leakstop start` in
// this process against a real Redis (REDIS_URL) and the fake GitHub of app-harness.mjs (whose
// provider API answers GET /user and POST /credentials/revoke at once, so every leak runs the whole
// response and its report). Each round, from a fresh installation:
//   1. a burst of BENCH_BURST pushes sent at once, each adding a fresh leaked GitHub token (so each
//      opens an incident issue, and its response report edits the timeline and writes the check run
//      again);
//   2. as soon as the burst's check runs are written, BENCH_SINGLES single leaked pushes one after
//      another (each waits for its check run, then 0.7 s), while the burst's incident writes go on;
//   3. wait until every queue is drained.
// Reports: webhook sent → the push's check run written with its result (a slow scan's in-progress
// write before it does not count), for the burst (by rank: the k-th
// written) and for the single pushes after it; and whether any incident write (issue, timeline edit,
// comment) of a burst reached GitHub before the last check run of that burst.
// Env: REDIS_URL (required), BENCH_ROUNDS (default 5), BENCH_BURST (default 7), BENCH_SINGLES
// (default 3), WORKER_CONCURRENCY (default 4, the operator default).
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { generateGithubStyleToken } from '../dist/detect/checksum.js';
import { SCAN_REPORT_QUEUE } from '../dist/queue/queues.js';
import { RESPONSE_QUEUE } from '../dist/queue/response-jobs.js';
import { benchPrefix, closeDeliveries, deleteKeys, percentile, PROVIDER_API_PATH, pushDelivery, send, sleep, startFakeGitHub, startLeakstop, waitUntil } from './app-harness.mjs';

const REDIS_URL = process.env.REDIS_URL;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BURST = Number(process.env.BENCH_BURST ?? 7);
const SINGLES = Number(process.env.BENCH_SINGLES ?? 3);
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 4);
const CHECK_DEADLINE_MS = 60_000;
const DRAIN_DEADLINE_MS = 3 * 60_000;
const BUSY_STATES = ['waiting', 'active', 'delayed', 'waiting-children', 'prioritized', 'paused'];
const INCIDENT_WRITES = new Set(['issue', 'issue-edit', 'comment']);

if (!REDIS_URL) {
  console.error('bench/check-runs.mjs needs a Redis: start one with `redis-server --port 6390 --save "" --daemonize yes` and set REDIS_URL=redis://127.0.0.1:6390');
  process.exit(2);
}

let nextRepo = 500_000;

async function leakedPush(github, installationId) {
  const token = generateGithubStyleToken('ghp_');
  return pushDelivery(github, installationId, nextRepo++, 1, [`const octokit = new Octokit({ auth: '${token}' });`]);
}

/** When the push's check run first showed its result (created or completed as such), on the fake GitHub's clock. */
async function firstCheckRunWrite(github, delivery) {
  const writes = await github.writes();
  return writes.find((w) => w.kind === 'check-run' && w.completed && w.headSha === delivery.headSha)?.at;
}

async function waitForCheckRun(github, delivery) {
  let at;
  await waitUntil(`the check run of ${delivery.repo}`, async () => (at = await firstCheckRunWrite(github, delivery)) !== undefined, CHECK_DEADLINE_MS);
  return at;
}

async function busyJobs(queues) {
  const counts = await Promise.all(queues.map((queue) => queue.getJobCounts(...BUSY_STATES)));
  return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
}

async function runRound(round, { github, baseUrl, queues }) {
  const installationId = 7_000 + round;
  const burst = await Promise.all(Array.from({ length: BURST }, () => leakedPush(github, installationId)));
  const sent = await Promise.all(burst.map((delivery) => send(baseUrl, delivery)));
  const written = await Promise.all(burst.map((delivery) => waitForCheckRun(github, delivery)));
  const burstLatencies = written.map((at, i) => at - sent[i].at).sort((a, b) => a - b);
  const singleLatencies = [];
  for (let i = 0; i < SINGLES; i++) {
    const delivery = await leakedPush(github, installationId);
    const { at } = await send(baseUrl, delivery);
    singleLatencies.push((await waitForCheckRun(github, delivery)) - at);
    await sleep(700);
  }
  await waitUntil('the queues to drain', async () => (await busyJobs(queues)) === 0, DRAIN_DEADLINE_MS);
  const repos = new Set(burst.map((delivery) => `bench-org-${installationId}/${delivery.repo}`));
  const writes = (await github.writes()).filter((w) => repos.has(w.repo));
  const lastCheckRun = Math.max(...written);
  const incidentWritesBefore = writes.filter((w) => INCIDENT_WRITES.has(w.kind) && w.at < lastCheckRun).length;
  return { burstLatencies, singleLatencies, incidentWritesBefore };
}

async function main() {
  const github = await startFakeGitHub();
  const prefix = benchPrefix('checks');
  const { running, baseUrl } = await startLeakstop({
    github,
    redisUrl: REDIS_URL,
    prefix,
    concurrency: CONCURRENCY,
    env: { LEAKSTOP_GITHUB_API_URL: `http://${github.host}${PROVIDER_API_PATH}`, LEAKSTOP_SEAL_KEY: randomBytes(32).toString('base64') },
  });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const extra = [new Queue(RESPONSE_QUEUE, { connection: redis, prefix }), new Queue(SCAN_REPORT_QUEUE, { connection: redis, prefix })];
  const queues = [running.queues.scan, ...extra];
  try {
    console.log(`${ROUNDS} round(s): a burst of ${BURST} leaked pushes from one installation, then ${SINGLES} single leaked pushes from it; scan worker concurrency ${CONCURRENCY}`);
    const byRank = Array.from({ length: BURST }, () => []);
    const singles = [];
    let incidentWritesBefore = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const result = await runRound(round, { github, baseUrl, queues });
      result.burstLatencies.forEach((ms, k) => byRank[k].push(ms));
      singles.push(...result.singleLatencies);
      incidentWritesBefore += result.incidentWritesBefore;
      console.log(`  round ${round}: burst check runs ${result.burstLatencies.map((ms) => ms.toFixed(0)).join(' ')} ms; singles after it ${result.singleLatencies.map((ms) => ms.toFixed(0)).join(' ')} ms; incident writes before the burst's last check run ${result.incidentWritesBefore}`);
    }
    const all = byRank.flat();
    console.log('');
    console.log('leakstop check runs after a burst (webhook sent → the push\'s check run written with its result)');
    console.log(`  single push after a burst  p50 ${ms(percentile(singles, 50))}  max ${ms(Math.max(...singles))}  (${singles.length} pushes; target p50 < 1,000 ms)`);
    console.log(`  burst of ${BURST}, all pushes   p50 ${ms(percentile(all, 50))}  max ${ms(Math.max(...all))}`);
    byRank.forEach((values, k) => console.log(`    ${String(k + 1).padStart(2)}. check run written  max ${ms(Math.max(...values))}  p50 ${ms(percentile(values, 50))}  (target < ${(k + 1) * 1000} ms)`));
    console.log(`  incident writes before their burst's last check run  ${incidentWritesBefore}  (target 0)`);
    console.log(`  fake GitHub unmatched requests ${(await github.unmatched()).length}`);
    console.log(JSON.stringify({ bench: 'check-runs', rounds: ROUNDS, burst: BURST, singleP50Ms: round1(percentile(singles, 50)), burstP50Ms: round1(percentile(all, 50)), burstRankMaxMs: byRank.map((v) => round1(Math.max(...v))), incidentWritesBefore }));
  } finally {
    await running.close();
    await Promise.all(extra.map((queue) => queue.close()));
    await deleteKeys(redis, prefix);
    redis.disconnect();
    closeDeliveries();
    await github.close();
  }
}

const ms = (value) => `${value.toFixed(0)} ms`;
const round1 = (value) => Math.round(value * 10) / 10;

await main();
