// `npm run bench:load`: the GitHub App under load. Starts `leakstop start` in this process (web
// server and worker) against a real Redis (REDIS_URL) and a fake GitHub on 127.0.0.1 (reached as a
// GitHub Enterprise host, GHE_HOST), sends signed push deliveries (about 10% of them redelivered
// with the same delivery id), and reports:
//   - webhook response time p50/p99 (client side, loopback),
//   - scans per second (unique deliveries completed / time from first delivery to last check run),
//   - jobs lost (a delivery without exactly one completed check run) and duplicated (a second check
//     run or completion for one push): both must be 0,
//   - delivery → completed check run for a 20-commit push, p50 over several runs.
// Env: REDIS_URL (required), BENCH_DELIVERIES (default 1000), BENCH_RATE (deliveries per second,
// default 200), BENCH_INSTALLATIONS (organisations the pushes come from, default 100),
// BENCH_CONCURRENCY (worker jobs at once, default 64), BENCH_LATENCY_RUNS (default 7).
// The fake GitHub, the deliveries and the start-up are shared with bench:response (app-harness.mjs).
// Every loop is bounded by a count or a deadline; nothing leaves the loopback interface.
import { Redis } from 'ioredis';
import { benchPrefix, closeDeliveries, deleteKeys, now, percentile, pushDelivery, send, sleep, startFakeGitHub, startLeakstop, waitUntil } from './app-harness.mjs';

const REDIS_URL = process.env.REDIS_URL;
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const INSTALLATIONS = Number(process.env.BENCH_INSTALLATIONS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 7);
const REDELIVERY_SHARE = 0.1;
const COMMITS_PER_PUSH = 3;
const LONG_PUSH_COMMITS = 20;
const DRAIN_DEADLINE_MS = 10 * 60 * 1000;

if (!REDIS_URL) {
  console.error('bench:load needs a Redis: start one with `redis-server --port 6390 --save "" --daemonize yes` and set REDIS_URL=redis://127.0.0.1:6390');
  process.exit(2);
}

/**
 * Sends the deliveries open-loop at `rate` per second, as GitHub does (it does not wait for one
 * answer before sending the next event), so the response times are those of a server under that
 * load rather than of a queue the benchmark itself builds up.
 */
async function sendAll(baseUrl, deliveries, rate) {
  const started = performance.now();
  const pending = [];
  for (let index = 0; index < deliveries.length; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(send(baseUrl, deliveries[index]));
  }
  const results = await Promise.all(pending);
  return { results, seconds: (performance.now() - started) / 1000 };
}

// --- the run ----------------------------------------------------------------------------------

async function main() {
  const github = await startFakeGitHub();
  const prefix = benchPrefix('bench');
  const { running, baseUrl } = await startLeakstop({ github, redisUrl: REDIS_URL, prefix, concurrency: CONCURRENCY });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    // 1. The load: unique pushes spread over the installations' repositories, plus redeliveries.
    const redeliveries = Math.round(DELIVERIES * REDELIVERY_SHARE);
    const unique = await Promise.all(Array.from({ length: DELIVERIES - redeliveries }, (_, i) => pushDelivery(github, 1_000 + (i % INSTALLATIONS), 10_000 + i, COMMITS_PER_PUSH)));
    const deliveries = [...unique];
    for (let i = 0; i < redeliveries; i++) {
      // A redelivery repeats an earlier delivery exactly (GitHub keeps the delivery id); put it later in the stream.
      const original = unique[Math.floor((i * unique.length) / redeliveries)];
      deliveries.splice(Math.min(deliveries.length, deliveries.indexOf(original) + 1 + (i % 50)), 0, original);
    }
    console.log(`sending ${deliveries.length} deliveries (${unique.length} unique, ${redeliveries} redeliveries) at ${RATE}/s from ${INSTALLATIONS} installations; worker concurrency ${CONCURRENCY}`);
    const loadStart = now();
    const { results: responses, seconds: sendSeconds } = await sendAll(baseUrl, deliveries, RATE);
    const refused = responses.filter((r) => r.status !== 200);
    const heads = unique.map((d) => d.headSha);
    const checked = (runs) => runs.some((run) => run.completed.length > 0);
    await waitUntil('every unique push to get its completed check run', async () => (await github.runsFor(heads)).every(checked), DRAIN_DEADLINE_MS);
    // Let late duplicates, if any, show up before counting.
    await sleep(1_500);
    const runsByPush = await github.runsFor(heads);
    const lastCompletion = Math.max(...runsByPush.flat().flatMap((run) => run.completed));
    const loadSeconds = (lastCompletion - loadStart) / 1000;

    const lost = runsByPush.filter((runs) => !checked(runs)).length;
    const duplicated = runsByPush.filter((runs) => runs.length > 1 || runs.some((run) => run.completed.length > 1)).length;
    const counts = await running.queues.scan.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');

    // 2. Latency of a 20-commit push, the queue otherwise idle.
    const latencies = [];
    const inProgress = [];
    const readAll = [];
    for (let run = 0; run < LATENCY_RUNS; run++) {
      const delivery = await pushDelivery(github, 1_000 + (run % INSTALLATIONS), 90_000 + run, LONG_PUSH_COMMITS);
      const sent = await send(baseUrl, delivery);
      await waitUntil('the 20-commit push to be checked', async () => checked((await github.runsFor([delivery.headSha]))[0]), 60_000);
      const [[checkRun]] = await github.runsFor([delivery.headSha]);
      latencies.push(checkRun.completed[0] - sent.at);
      inProgress.push(checkRun.created - sent.at);
      readAll.push((await github.lastRead(delivery.shas)) - sent.at);
    }

    const ms = (value) => `${value.toFixed(1)} ms`;
    console.log('');
    console.log('leakstop bench:load');
    console.log(`  deliveries sent            ${deliveries.length} (${unique.length} unique + ${redeliveries} redeliveries) in ${sendSeconds.toFixed(1)} s`);
    console.log(`  non-200 responses          ${refused.length}`);
    console.log(`  webhook response p50       ${ms(percentile(responses.map((r) => r.ms), 50))}`);
    console.log(`  webhook response p99       ${ms(percentile(responses.map((r) => r.ms), 99))}   (target < 50 ms)`);
    console.log(`  scans per second           ${(unique.length / loadSeconds).toFixed(1)}   (${unique.length} pushes of ${COMMITS_PER_PUSH} commits in ${loadSeconds.toFixed(1)} s)`);
    console.log(`  jobs completed / failed    ${counts.completed} / ${counts.failed}`);
    console.log(`  jobs lost                  ${lost}`);
    console.log(`  jobs duplicated            ${duplicated}`);
    console.log(`  20-commit push, delivery → check run completed, p50   ${ms(percentile(latencies, 50))}   (target < 1 s; runs: ${latencies.map((v) => v.toFixed(0)).join(', ')})`);
    console.log(`    of which: all 20 commits read after ${ms(percentile(readAll, 50))}, check run first written after ${ms(percentile(inProgress, 50))}`);
    console.log('    (a scan under 1 s writes its check run once, completed; a longer one shows it in progress first,');
    console.log('    and octokit then spaces writes 1 s apart per installation, as GitHub\'s secondary rate limit guidance asks)');
    console.log(`  fake GitHub unmatched requests ${(await github.unmatched()).length}`);
    if (lost > 0 || duplicated > 0 || refused.length > 0 || counts.failed > 0 || counts.completed !== unique.length) process.exitCode = 1;
  } finally {
    await running.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    closeDeliveries();
    await github.close();
  }
}

await main();
