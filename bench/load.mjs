// `npm run bench:load`: the GitHub App under load and under faults. Each phase starts `leakstop start`
// in this process (web server and worker) against a real Redis and a fresh fake GitHub on 127.0.0.1
// (reached as a GitHub Enterprise host, GHE_HOST; app-harness.mjs), with a fresh key prefix, sends
// signed push deliveries, and prints one line of figures; a table of every phase ends the run.
//
// Lost: an acknowledged (2xx) delivery without exactly one completed check run, or (for a push
// carrying a leaked GitHub token) without its incident issue or its revocation, when the phase's
// deadline passes. Duplicated: a second check run, completion, incident issue or revocation for one
// push. The bench exits 1 if any phase loses or duplicates anything (or misses a target marked so).
//
// Phases (BENCH_PHASES, comma-separated; default all, in this order):
//   load           BENCH_DELIVERIES (default 1000) pushes at BENCH_RATE/s (200) from BENCH_INSTALLATIONS
//                  (100), 10% of them redelivered with the same delivery id; webhook response p50/p99
//                  (client side, loopback, target p99 < 50 ms), scans per second; then the delivery →
//                  completed check run time of a 20-commit push, p50 of BENCH_LATENCY_RUNS (7). Worker
//                  concurrency BENCH_CONCURRENCY (64).
//   lost-answer    BENCH_FAULT_PUSHES (20) pushes, each with a leaked token: the fake GitHub performs the
//                  first POST …/check-runs and POST …/issues of each, then answers 502 or closes the
//                  connection (alternately); the provider performs the first revocation of each token
//                  and answers 502, closes, or answers after 16 s (past leakstop's 15 s timeout).
//   slow-body      BENCH_SLOW_PUSHES (3) signed deliveries whose body trickles in over BENCH_SLOW_BODY_MS
//                  (12 s), past the 9 s after which the webhooks middleware answers 202, while 5 ordinary
//                  ones are sent; a 2xx is a promise the push gets checked.
//   redis-restart  a redis-server of its own (appendonly yes, appendfsync everysec, a free loopback port,
//                  a temp dir): BENCH_RESTART_PUSHES (40) leaked pushes over 8 s; a third of the way in
//                  Redis is stopped with SHUTDOWN, two thirds in with kill -9, each time started again on
//                  the same dir after BENCH_REDIS_DOWN_MS (1000). REDIS_SERVER names the binary.
//   hung           worker concurrency BENCH_HUNG_CONCURRENCY (4): as many pushes whose first commit read
//                  is held forever, 2 whose check run creation is, then 10 healthy pushes (2 from the
//                  installation whose write is held); the healthy pushes' delivery → check run, and
//                  what is checked within BENCH_HUNG_DEADLINE_MS (60 s). Then the held connections are
//                  reset.
//   flood          BENCH_FLOOD (2000) pushes from one installation at BENCH_FLOOD_RATE/s (400); halfway
//                  through, one push from another installation: its delivery → completed check run
//                  (target < 5 s, gating; not checked within BENCH_FLOOD_DEADLINE_MS, 90 s, is lost).
//                  The flood itself is not waited for (GitHub's write spacing makes 2,000 check runs
//                  of one installation take half an hour): only duplicates among its runs count.
// Fault phases share BENCH_FAULT_DEADLINE_MS (90 s): how long acknowledged pushes may take.
// Env: REDIS_URL (required: the shared Redis every phase but redis-restart uses). The web process's
// error log goes to a file per phase in the temp dir (its size is reported); the worker thread's to
// stdout at BENCH_WORKER_LOG_LEVEL (default fatal).
// Every loop is bounded by a count or a deadline; nothing leaves the loopback interface.
//
// Measured before the fixes of issue 12 on 2026-12-03 (main at a7ace86; `BENCH_DELIVERIES=200`, the
// other settings default; 2 cores shared with other work, load average 14-16, so times are slow):
//   load           0 lost, 0 duplicated; webhook p99 5.6 s (the machine's load: 27 ms when idle),
//                  5.1 scans/s, 20-commit push checked p50 941 ms.
//   lost-answer    20 of 20 pushes duplicated: a second check run, a second incident issue and a
//                  second revocation for every push (56 answers lost: 502 ×28, closed ×27, late ×1).
//   slow-body      3 of 3 slow bodies answered 202 after 9.0 s and never checked (lost 3); the 5
//                  ordinary deliveries beside them answered in 13 ms p50 and were checked.
//   redis-restart  0 lost, 0 duplicated (40 pushes, 10 refused while Redis was down 1.3 s after
//                  SHUTDOWN and 1.8 s after kill -9, none redelivered); check run p50 10.9 s, max 14.9 s;
//                  revocation p50 4.4 s, max 62.8 s. Two runs of 20 pushes duplicated 7 check runs, and
//                  4 check runs and 2 revocations (after kill -9, AOF's last second is gone).
//   hung           16 of 16 pushes not checked within 60 s, the 10 healthy ones included, although
//                  only 2 commit reads and 2 check run creations were held (2 of 4 scan slots): one
//                  held write stops every installation's writes. leakstop then did not shut down within 17 s.
//   flood          the other installation's push not checked within 90 s (lost); 2,000 pushes sent in
//                  51 s, 177 unanswered within 30 s, webhook p99 46 s; 21 of the flood checked by then.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { generateGithubStyleToken } from '../dist/detect/checksum.js';
import { benchPrefix, closeDeliveries, deleteKeys, now, percentile, PROVIDER_API_PATH, pushDelivery, send, sleep, startFakeGitHub, startLeakstop, waitUntil } from './app-harness.mjs';

const env = process.env;
const REDIS_URL = env.REDIS_URL;
const DELIVERIES = Number(env.BENCH_DELIVERIES ?? 1000);
const RATE = Number(env.BENCH_RATE ?? 200);
const INSTALLATIONS = Number(env.BENCH_INSTALLATIONS ?? 100);
const CONCURRENCY = Number(env.BENCH_CONCURRENCY ?? 64);
const LATENCY_RUNS = Number(env.BENCH_LATENCY_RUNS ?? 7);
const FAULT_PUSHES = Number(env.BENCH_FAULT_PUSHES ?? 20);
const FAULT_DEADLINE_MS = Number(env.BENCH_FAULT_DEADLINE_MS ?? 90_000);
const SLOW_PUSHES = Number(env.BENCH_SLOW_PUSHES ?? 3);
const SLOW_BODY_MS = Number(env.BENCH_SLOW_BODY_MS ?? 12_000);
const RESTART_PUSHES = Number(env.BENCH_RESTART_PUSHES ?? 40);
const REDIS_DOWN_MS = Number(env.BENCH_REDIS_DOWN_MS ?? 1_000);
const HUNG_CONCURRENCY = Number(env.BENCH_HUNG_CONCURRENCY ?? 4);
const HUNG_DEADLINE_MS = Number(env.BENCH_HUNG_DEADLINE_MS ?? 60_000);
const FLOOD = Number(env.BENCH_FLOOD ?? 2000);
const FLOOD_RATE = Number(env.BENCH_FLOOD_RATE ?? 400);
const FLOOD_DEADLINE_MS = Number(env.BENCH_FLOOD_DEADLINE_MS ?? 90_000);
const FLOOD_TARGET_MS = 5_000;
const REDELIVERY_SHARE = 0.1;
const COMMITS_PER_PUSH = 3;
const LONG_PUSH_COMMITS = 20;
const DRAIN_DEADLINE_MS = 10 * 60 * 1000;
/** Let late duplicates, if any, show up before counting. */
const SETTLE_MS = 2_000;
/** Fault phases hand unfinished jobs back quickly at the end rather than wait the 25 s grace. */
const FAULT_PHASE_GRACE_MS = 2_000;
/** leakstop's SHUTDOWN_GRACE_MS, the drain's grace when a phase sets none. */
const SHUTDOWN_GRACE_MS = 25_000;
/** A shutdown may take this much longer than its grace (closing queues and connections). */
const CLOSE_SLACK_MS = 15_000;
/** Past leakstop's 15 s provider timeout (PROVIDER_TIMEOUT_MS). */
const LATE_REVOKE_MS = 16_000;
const PHASES = ['load', 'lost-answer', 'slow-body', 'redis-restart', 'hung', 'flood'];

if (!REDIS_URL) {
  console.error('bench:load needs a Redis: start one with `redis-server --port 6390 --save "" --daemonize yes` and set REDIS_URL=redis://127.0.0.1:6390');
  process.exit(2);
}
const selected = (env.BENCH_PHASES ?? 'all') === 'all' ? PHASES : env.BENCH_PHASES.split(',').map((p) => p.trim()).filter(Boolean);
const unknown = selected.filter((p) => !PHASES.includes(p));
if (unknown.length > 0 || selected.length === 0) {
  console.error(`bench:load: unknown phase(s) in BENCH_PHASES: ${unknown.join(', ') || '(none given)'}; choose among ${PHASES.join(', ')} or all`);
  process.exit(2);
}

// --- shared by the phases ---------------------------------------------------------------------

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '-');
const seconds = (value) => (Number.isFinite(value) ? `${(value / 1000).toFixed(1)} s` : '-');
const acked = (sent) => sent.status >= 200 && sent.status < 300;

/**
 * Sends the deliveries open-loop at `rate` per second, as GitHub does (it does not wait for one
 * answer before sending the next event), so the response times are those of a server under that
 * load rather than of a queue the benchmark itself builds up. `during(index)` runs before each send.
 */
async function sendAll(baseUrl, deliveries, rate, { record, during } = {}) {
  const started = performance.now();
  const pending = [];
  for (let index = 0; index < deliveries.length; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (during !== undefined) await during(index);
    pending.push(send(baseUrl, deliveries[index], record === undefined ? {} : { record }));
  }
  const results = await Promise.all(pending);
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** The provider API of leaked GitHub tokens on the fake GitHub, and a seal key: the leak response on. */
function responseEnv(github) {
  return { LEAKSTOP_GITHUB_API_URL: `http://${github.host}${PROVIDER_API_PATH}`, LEAKSTOP_SEAL_KEY: randomBytes(32).toString('base64') };
}

/** A one-commit push adding a fresh checksum-valid classic token (never printed). */
async function leakedPush(github, installationId, repoId) {
  const token = generateGithubStyleToken('ghp_');
  const delivery = await pushDelivery(github, installationId, repoId, 1, [`const octokit = new Octokit({ auth: '${token}' });`]);
  return { ...delivery, token };
}

/**
 * A fresh fake GitHub and `leakstop start` on a fresh key prefix for `run`; afterwards held
 * connections are reset, leakstop closed and the prefix's keys deleted.
 */
async function withApp({ name, redisUrl = REDIS_URL, concurrency, response = false, shutdownGraceMs = FAULT_PHASE_GRACE_MS }, run) {
  const github = await startFakeGitHub();
  const prefix = benchPrefix(name);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  // Redis going away is what the redis-restart phase is about: the inspector reconnects quietly.
  redis.on('error', () => undefined);
  const log = webLog(name);
  const workerLog = { LOG_LEVEL: env.BENCH_WORKER_LOG_LEVEL ?? 'fatal' };
  let app;
  let closed = true;
  try {
    app = await startLeakstop({ github, redisUrl, prefix, concurrency, env: { ...workerLog, ...(response ? responseEnv(github) : {}) }, shutdownGraceMs, logTo: log.stream });
    const result = await run({ github, prefix, redis, ...app });
    const unmatched = [...new Set(await github.unmatched())];
    const noRoute = unmatched.length === 0 ? '' : `the fake GitHub has no route for ${unmatched.slice(0, 3).join(', ')}${unmatched.length > 3 ? ', …' : ''} (add it to app-harness.mjs)`;
    await github.releaseHeld();
    closed = await closeWithin(app.running, shutdownGraceMs);
    const notClosed = closed ? '' : `leakstop did not shut down within ${seconds(closeDeadline(shutdownGraceMs))} of its ${seconds(shutdownGraceMs ?? SHUTDOWN_GRACE_MS)} grace (left running)`;
    return { ...result, failed: result.failed || !closed, figures: [result.figures, noRoute, log.describe(), notClosed].filter(Boolean).join('; ') };
  } finally {
    await github.releaseHeld();
    if (closed) await closeWithin(app?.running, shutdownGraceMs);
    await deleteKeys(redis, prefix).catch(() => undefined);
    redis.disconnect();
    await github.close();
    log.stream.end();
  }
}

const closeDeadline = (graceMs) => (graceMs ?? SHUTDOWN_GRACE_MS) + CLOSE_SLACK_MS;

/** Closes leakstop (safe to repeat); false if it has not finished by its grace and some slack. */
async function closeWithin(running, graceMs) {
  if (running === undefined) return true;
  return Promise.race([running.close().then(() => true), sleep(closeDeadline(graceMs)).then(() => false)]);
}

/**
 * Where the web process's error log goes: a file per phase (faults make it log a lot), counted; the
 * worker thread's goes to stdout at BENCH_WORKER_LOG_LEVEL (default fatal: none).
 */
function webLog(phase) {
  const path = join(tmpdir(), `leakstop-bench-load-${process.pid}-${phase}.log`);
  const file = createWriteStream(path);
  let lines = 0;
  let bytes = 0;
  const stream = {
    write(line) {
      lines++;
      bytes += Buffer.byteLength(line);
      file.write(line);
    },
    end: () => file.end(),
  };
  return { stream, describe: () => (lines === 0 ? '' : `web process logged ${lines} error line(s), ${(bytes / 1024).toFixed(0)} KiB (${path})`) };
}

/** Whether a push's check runs show it checked: some run completed. */
const checked = (runs) => runs.some((run) => run.completed.length > 0);

/** When each token's first revocation request arrived, and how many requests carried it. */
function revocationsByToken(revocations) {
  const byToken = new Map();
  for (const { at, credentials } of revocations) {
    for (const token of credentials) {
      const seen = byToken.get(token);
      byToken.set(token, { at: seen?.at ?? at, count: (seen?.count ?? 0) + 1 });
    }
  }
  return byToken;
}

/** Everything a phase's pushes should have got, as the fake GitHub saw it. */
async function outcomes(github, pushes) {
  const [runs, issues, revocations] = await Promise.all([github.runsFor(pushes.map((p) => p.delivery.headSha)), github.issuesFor(pushes.map((p) => p.delivery.fullName)), github.revocations()]);
  const byToken = revocationsByToken(revocations);
  return pushes.map((p, i) => ({ ...p, runs: runs[i], issues: issues[i], revocation: p.delivery.token === undefined ? undefined : byToken.get(p.delivery.token) }));
}

/** Done: checked, and for a leaked token its issue opened and the token revoked. */
const complete = (o) => checked(o.runs) && (o.delivery.token === undefined || (o.issues > 0 && o.revocation !== undefined));

/** Whether `check` holds before `deadline` (a time); it is tried at least once. */
async function holdsWithin(check, deadline) {
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
}

/** BullMQ's lists of jobs still to run, whatever the queue (a fix may add queues). */
const BUSY_LISTS = /:(wait|active|paused|prioritized|delayed|waiting-children)$/;

/** Jobs waiting, running or due to retry in every queue under `prefix` (SCAN, bounded by the cursor). */
async function busyJobs(redis, prefix) {
  const pattern = `${prefix.replace(/[{}*?[\]\\]/g, (c) => `\\${c}`)}:*`;
  let cursor = '0';
  let busy = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    for (const key of keys.filter((k) => BUSY_LISTS.test(k))) {
      const type = await redis.type(key);
      busy += type === 'list' ? await redis.llen(key) : type === 'zset' ? await redis.zcard(key) : 0;
    }
    cursor = next;
  } while (cursor !== '0');
  return busy;
}

/**
 * Waits (up to `deadlineMs`) until every acknowledged push is complete and, with `idle`, until no
 * job is left to run or retry (a duplicate often comes from a retry long after the first success),
 * lets late writes show, then counts lost and duplicated pushes and the delivery → check run /
 * revocation times.
 */
async function judge(github, pushes, deadlineMs, idle) {
  const deadline = Date.now() + deadlineMs;
  const waited = pushes.filter((p) => acked(p.sent));
  const finished = await holdsWithin(async () => (await outcomes(github, waited)).every(complete), deadline);
  const drained = idle === undefined ? undefined : await holdsWithin(async () => (await busyJobs(idle.redis, idle.prefix)) === 0, deadline);
  await sleep(SETTLE_MS);
  const all = await outcomes(github, pushes);
  const ackedOnes = all.filter((o) => acked(o.sent));
  const leaked = ackedOnes.filter((o) => o.delivery.token !== undefined);
  const lost = {
    checkRuns: ackedOnes.filter((o) => !checked(o.runs)).length,
    issues: leaked.filter((o) => o.issues === 0).length,
    revocations: leaked.filter((o) => o.revocation === undefined).length,
  };
  const duplicated = {
    checkRuns: all.filter((o) => o.runs.length > 1 || o.runs.some((run) => run.completed.length > 1)).length,
    issues: all.filter((o) => o.issues > 1).length,
    revocations: all.filter((o) => (o.revocation?.count ?? 0) > 1).length,
  };
  const checkRunMs = ackedOnes.filter((o) => checked(o.runs)).map((o) => Math.min(...o.runs.flatMap((run) => run.completed)) - o.sent.at);
  const revokedMs = leaked.filter((o) => o.revocation !== undefined).map((o) => o.revocation.at - o.sent.at);
  return {
    finished,
    drained,
    pushes: pushes.length,
    acked: ackedOnes.length,
    lost: ackedOnes.filter((o) => !complete(o)).length,
    lostBy: lost,
    duplicated: all.filter((o) => o.runs.length > 1 || o.runs.some((run) => run.completed.length > 1) || o.issues > 1 || (o.revocation?.count ?? 0) > 1).length,
    duplicatedBy: duplicated,
    checkRunMs,
    revokedMs,
    // Not acknowledged (5xx, reset, no answer): GitHub shows these as failed deliveries, which only a
    // redelivery (by hand, or the app reconciling GET /app/hook/deliveries) brings back.
    refused: all.length - ackedOnes.length,
    refusedRecovered: all.filter((o) => !acked(o.sent) && complete(o)).length,
  };
}

/** "lost 2 (check runs 1, issues 0, revocations 1)". */
function lostLine(verdict) {
  const parts = (by) => `check runs ${by.checkRuns}, issues ${by.issues}, revocations ${by.revocations}`;
  return `lost ${verdict.lost} (${parts(verdict.lostBy)}), duplicated ${verdict.duplicated} (${parts(verdict.duplicatedBy)})`;
}

function timesLine(verdict) {
  const revoked = verdict.revokedMs.length === 0 ? '' : `; → revocation p50 ${seconds(percentile(verdict.revokedMs, 50))}, max ${seconds(Math.max(...verdict.revokedMs))}`;
  return `delivery → check run p50 ${seconds(percentile(verdict.checkRunMs, 50))}, max ${seconds(Math.max(...verdict.checkRunMs))}${revoked}`;
}

const faultsLine = (fired) => Object.entries(fired).map(([action, n]) => `${action} ×${n}`).join(', ') || 'none';

// --- phase: load ------------------------------------------------------------------------------

async function loadPhase() {
  return withApp({ name: 'bench', concurrency: CONCURRENCY, shutdownGraceMs: undefined }, async ({ github, running, baseUrl }) => {
    // 1. The load: unique pushes spread over the installations' repositories, plus redeliveries.
    const redeliveries = Math.round(DELIVERIES * REDELIVERY_SHARE);
    const unique = await Promise.all(Array.from({ length: DELIVERIES - redeliveries }, (_, i) => pushDelivery(github, 1_000 + (i % INSTALLATIONS), 10_000 + i, COMMITS_PER_PUSH)));
    const deliveries = [...unique];
    for (let i = 0; i < redeliveries; i++) {
      // A redelivery repeats an earlier delivery exactly (GitHub keeps the delivery id); put it later in the stream.
      const original = unique[Math.floor((i * unique.length) / redeliveries)];
      deliveries.splice(Math.min(deliveries.length, deliveries.indexOf(original) + 1 + (i % 50)), 0, original);
    }
    console.log(`load: sending ${deliveries.length} deliveries (${unique.length} unique, ${redeliveries} redeliveries) at ${RATE}/s from ${INSTALLATIONS} installations; worker concurrency ${CONCURRENCY}`);
    const loadStart = now();
    const { results: responses, seconds: sendSeconds } = await sendAll(baseUrl, deliveries, RATE);
    const refused = responses.filter((r) => r.status !== 200);
    const heads = unique.map((d) => d.headSha);
    await waitUntil('every unique push to get its completed check run', async () => (await github.runsFor(heads)).every(checked), DRAIN_DEADLINE_MS);
    await sleep(1_500);
    const runsByPush = await github.runsFor(heads);
    const lastCompletion = Math.max(...runsByPush.flat().flatMap((run) => run.completed));
    const loadSeconds = (lastCompletion - loadStart) / 1000;

    const lost = runsByPush.filter((runs) => !checked(runs)).length;
    const duplicated = runsByPush.filter((runs) => runs.length > 1 || runs.some((run) => run.completed.length > 1)).length;
    const counts = await running.queues.scan.getJobCounts('completed', 'failed', 'waiting', 'prioritized', 'active', 'delayed');

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

    const p99 = percentile(responses.map((r) => r.ms), 99);
    console.log('');
    console.log('leakstop bench:load, phase load');
    console.log(`  deliveries sent            ${deliveries.length} (${unique.length} unique + ${redeliveries} redeliveries) in ${sendSeconds.toFixed(1)} s`);
    console.log(`  non-200 responses          ${refused.length}`);
    console.log(`  webhook response p50       ${ms(percentile(responses.map((r) => r.ms), 50))}`);
    console.log(`  webhook response p99       ${ms(p99)}   (target < 50 ms)`);
    console.log(`  scans per second           ${(unique.length / loadSeconds).toFixed(1)}   (${unique.length} pushes of ${COMMITS_PER_PUSH} commits in ${loadSeconds.toFixed(1)} s)`);
    console.log(`  jobs completed / failed    ${counts.completed} / ${counts.failed}`);
    console.log(`  jobs lost                  ${lost}`);
    console.log(`  jobs duplicated            ${duplicated}`);
    console.log(`  20-commit push, delivery → check run completed, p50   ${ms(percentile(latencies, 50))}   (target < 1 s; runs: ${latencies.map((v) => v.toFixed(0)).join(', ')})`);
    console.log(`    of which: all 20 commits read after ${ms(percentile(readAll, 50))}, check run first written after ${ms(percentile(inProgress, 50))}`);
    console.log('    (a scan under 1 s writes its check run once, completed; a longer one shows it in progress first,');
    console.log("    and octokit then spaces writes 1 s apart per installation, as GitHub's secondary rate limit guidance asks)");
    console.log(`  fake GitHub unmatched requests ${(await github.unmatched()).length}`);
    const failed = lost > 0 || duplicated > 0 || refused.length > 0 || counts.failed > 0 || counts.completed !== unique.length;
    return {
      acked: responses.length - refused.length,
      lost,
      duplicated,
      failed,
      figures: `webhook p99 ${ms(p99)}, ${(unique.length / loadSeconds).toFixed(1)} scans/s, 20-commit push p50 ${ms(percentile(latencies, 50))}; non-200 ${refused.length}, jobs failed ${counts.failed}`,
    };
  });
}

// --- phase: lost-answer -----------------------------------------------------------------------

/** Check runs, issues and revocations are performed but their answers lost (502, closed, late). */
async function lostAnswerPhase() {
  return withApp({ name: 'lost-answer', concurrency: 16, response: true }, async ({ github, baseUrl, redis, prefix }) => {
    const deliveries = await Promise.all(Array.from({ length: FAULT_PUSHES }, (_, i) => leakedPush(github, 2_000 + (i % 10), 20_000 + i)));
    const actions = ['502', 'drop'];
    for (const [i, d] of deliveries.entries()) {
      await github.fault(`check-run:${d.headSha}`, actions[i % 2]);
      await github.fault(`issue:${d.fullName}`, actions[(i + 1) % 2]);
      // The first token is answered after leakstop's provider timeout: an unknown outcome.
      await github.fault(`revoke:${d.token}`, ...(i === 0 ? ['late', 1, LATE_REVOKE_MS] : [actions[i % 2]]));
    }
    // Spread out, so most revocations go in requests of their own (the revoker batches for 250 ms)
    // and each meets its own fault (a request's faults are all used up by the first it meets).
    const { results: sent } = await sendAll(baseUrl, deliveries, 2, { record: github });
    const verdict = await judge(
      github,
      deliveries.map((delivery, i) => ({ delivery, sent: sent[i] })),
      FAULT_DEADLINE_MS,
      { redis, prefix },
    );
    const fired = await github.faultsFired();
    return { ...summary(verdict), figures: `${timesLine(verdict)}; answers lost: ${faultsLine(fired)}` };
  });
}

/** What every fault phase reports in the table. */
function summary(verdict) {
  return {
    acked: verdict.acked,
    lost: verdict.lost,
    duplicated: verdict.duplicated,
    failed: verdict.lost > 0 || verdict.duplicated > 0,
    line: `${verdict.pushes} pushes, ${verdict.acked} acknowledged${verdict.refused === 0 ? '' : ` (of the ${verdict.refused} refused, ${verdict.refusedRecovered} checked after all)`}, ${lostLine(verdict)}${verdict.finished ? '' : ' (deadline passed)'}${verdict.drained === false ? ' (queues not drained by the deadline)' : ''}`,
  };
}

// --- phase: slow-body -------------------------------------------------------------------------

/** Bodies that take longer than the webhooks middleware's 9 s, among ordinary deliveries. */
async function slowBodyPhase() {
  return withApp({ name: 'slow-body', concurrency: 8 }, async ({ github, baseUrl, redis, prefix }) => {
    const slow = await Promise.all(Array.from({ length: SLOW_PUSHES }, (_, i) => pushDelivery(github, 3_000 + i, 30_000 + i, COMMITS_PER_PUSH)));
    const ordinary = await Promise.all(Array.from({ length: 5 }, (_, i) => pushDelivery(github, 3_100 + i, 31_000 + i, COMMITS_PER_PUSH)));
    const slowSent = slow.map((d) => send(baseUrl, d, { record: github, trickleMs: SLOW_BODY_MS }));
    const ordinarySent = [];
    for (const d of ordinary) {
      ordinarySent.push(await send(baseUrl, d, { record: github }));
      await sleep(SLOW_BODY_MS / ordinary.length);
    }
    const slowResults = await Promise.all(slowSent);
    const verdict = await judge(
      github,
      [...slow.map((delivery, i) => ({ delivery, sent: slowResults[i] })), ...ordinary.map((delivery, i) => ({ delivery, sent: ordinarySent[i] }))],
      Math.min(FAULT_DEADLINE_MS, 30_000),
      { redis, prefix },
    );
    const answers = slowResults.map((r) => `${r.status || 'none'} after ${seconds(r.ms)}`).join(', ');
    const redelivered = (await github.redeliveries()).length;
    return { ...summary(verdict), figures: `slow bodies over ${seconds(SLOW_BODY_MS)} answered ${answers}; ordinary deliveries answered p50 ${ms(percentile(ordinarySent.map((r) => r.ms), 50))}; ${timesLine(verdict)}; redeliveries asked ${redelivered}` };
  });
}

// --- phase: redis-restart ---------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server with AOF on `port` and `dir`, answering PING; its process is the caller's to stop. */
async function startAofRedis(port, dir) {
  const binary = env.REDIS_SERVER ?? 'redis-server';
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--maxmemory-policy', 'noeviction', '--logfile', join(dir, 'redis.log')];
  const child = spawn(binary, args, { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let spawnError;
  child.once('error', (error) => (spawnError = error));
  await waitUntil(`${binary} to answer PING on port ${port}`, async () => {
    if (spawnError !== undefined) throw new Error(`could not start ${binary} (set REDIS_SERVER to its path): ${spawnError.message}`);
    return ping(port);
  }, 15_000);
  return { child, exited };
}

async function ping(port) {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Stops the server (SHUTDOWN, or kill -9) and waits for the process to end. */
async function stopRedis(server, port, how) {
  if (how === 'kill -9') server.child.kill('SIGKILL');
  else {
    const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    await client.call('SHUTDOWN').catch(() => undefined);
    client.disconnect();
  }
  const deadline = sleep(10_000).then(() => 'timeout');
  if ((await Promise.race([server.exited, deadline])) === 'timeout') {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

/** Leaked pushes while Redis (with AOF) is stopped and started again twice: SHUTDOWN, then kill -9. */
async function redisRestartPhase() {
  const dir = mkdtempSync(join(tmpdir(), 'leakstop-bench-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server = await startAofRedis(port, dir);
  try {
    return await withApp({ name: 'redis-restart', redisUrl: url, concurrency: 16, response: true }, async ({ github, baseUrl, redis, prefix }) => {
      const deliveries = await Promise.all(Array.from({ length: RESTART_PUSHES }, (_, i) => leakedPush(github, 4_000 + (i % 10), 40_000 + i)));
      const restarts = new Map([
        [Math.floor(RESTART_PUSHES / 3), 'SHUTDOWN'],
        [Math.floor((2 * RESTART_PUSHES) / 3), 'kill -9'],
      ]);
      const restartLog = [];
      const restart = async (how) => {
        const at = now();
        await stopRedis(server, port, how);
        await sleep(REDIS_DOWN_MS);
        server = await startAofRedis(port, dir);
        restartLog.push(`${how} (down ${seconds(now() - at)})`);
      };
      // Restarts run beside the sending, which goes on while Redis is down.
      const restarting = [];
      const { results } = await sendAll(baseUrl, deliveries, RESTART_PUSHES / 8, {
        record: github,
        during: (index) => void (restarts.has(index) && restarting.push(restart(restarts.get(index)))),
      });
      await Promise.all(restarting);
      const verdict = await judge(
        github,
        deliveries.map((delivery, i) => ({ delivery, sent: results[i] })),
        FAULT_DEADLINE_MS,
        { redis, prefix },
      );
      const redelivered = (await github.redeliveries()).length;
      return { ...summary(verdict), figures: `Redis stopped: ${restartLog.join(', ')}; ${timesLine(verdict)}; redeliveries asked ${redelivered}` };
    });
  } finally {
    await stopRedis(server, port, 'SHUTDOWN');
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- phase: hung ------------------------------------------------------------------------------

/** Requests the fake GitHub never answers: commit reads (scan slots) and check run creations (writes). */
async function hungPhase() {
  return withApp({ name: 'hung', concurrency: HUNG_CONCURRENCY }, async ({ github, baseUrl }) => {
    const writeHeld = 5_001;
    const hungReads = await Promise.all(Array.from({ length: HUNG_CONCURRENCY }, (_, i) => pushDelivery(github, 5_100 + i, 50_000 + i, COMMITS_PER_PUSH)));
    const hungWrites = await Promise.all(Array.from({ length: 2 }, (_, i) => pushDelivery(github, writeHeld, 50_100 + i, COMMITS_PER_PUSH)));
    for (const d of hungReads) await github.fault(`commit:${d.shas[0]}`, 'hold');
    for (const d of hungWrites) await github.fault(`check-run:${d.headSha}`, 'hold');
    const healthy = await Promise.all(Array.from({ length: 10 }, (_, i) => pushDelivery(github, i < 2 ? writeHeld : 5_200 + i, 50_200 + i, COMMITS_PER_PUSH)));
    const faulted = [...hungWrites, ...hungReads];
    // The held requests are made before the healthy pushes arrive: first the writes (while scan
    // slots are free), then the reads that take every slot.
    // (Bounded: a request queued inside leakstop behind a held one never arrives.)
    const holds = (fired) => Object.entries(fired).reduce((sum, [name, n]) => sum + (name.startsWith('hold ') ? n : 0), 0);
    const held = async (n) => waitUntil('the held requests to arrive', async () => holds(await github.faultsFired()) >= n, 10_000).catch(() => undefined);
    const faultedSent = [];
    for (const group of [hungWrites, hungReads]) {
      faultedSent.push(...(await Promise.all(group.map((d) => send(baseUrl, d, { record: github })))));
      await held(faultedSent.length);
    }
    const healthySent = await Promise.all(healthy.map((d) => send(baseUrl, d, { record: github })));
    const pushes = [...faulted.map((delivery, i) => ({ delivery, sent: faultedSent[i] })), ...healthy.map((delivery, i) => ({ delivery, sent: healthySent[i] }))];
    const verdict = await judge(github, pushes, HUNG_DEADLINE_MS);
    const healthyVerdict = await judge(github, pushes.slice(faulted.length), 0);
    const fired = await github.faultsFired();
    return {
      ...summary(verdict),
      line: `${summary(verdict).line}, within ${seconds(HUNG_DEADLINE_MS)}`,
      figures: `held ${fired['hold commit'] ?? 0} of ${hungReads.length} commit reads and ${fired['hold check-run'] ?? 0} of ${hungWrites.length} check run creations set to hang; healthy pushes checked ${healthyVerdict.checkRunMs.length} of ${healthy.length}, ${timesLine(healthyVerdict)}`,
    };
  });
}

// --- phase: flood -----------------------------------------------------------------------------

/** One installation floods; another's push is timed through it. */
async function floodPhase() {
  return withApp({ name: 'flood', concurrency: CONCURRENCY }, async ({ github, baseUrl }) => {
    const flood = await Promise.all(Array.from({ length: FLOOD }, (_, i) => pushDelivery(github, 6_000, 60_000 + (i % 50), 1)));
    const other = await pushDelivery(github, 6_001, 69_999, COMMITS_PER_PUSH);
    let otherSent;
    const { results, seconds: sendSeconds } = await sendAll(baseUrl, flood, FLOOD_RATE, {
      during: (index) => void (index === Math.floor(FLOOD / 2) && (otherSent = send(baseUrl, other, { record: github }))),
    });
    otherSent = await otherSent;
    const verdict = await judge(github, [{ delivery: other, sent: otherSent }], FLOOD_DEADLINE_MS);
    const floodRuns = (await github.runsFor(flood.map((d) => d.headSha))).filter((runs) => runs.length > 0);
    const floodDuplicated = floodRuns.filter((runs) => runs.length > 1 || runs.some((run) => run.completed.length > 1)).length;
    const otherMs = verdict.checkRunMs[0];
    const missed = !(otherMs < FLOOD_TARGET_MS);
    const refused = results.filter((r) => !acked(r)).length;
    return {
      acked: verdict.acked + results.length - refused,
      lost: verdict.lost,
      duplicated: verdict.duplicated + floodDuplicated,
      failed: verdict.lost > 0 || verdict.duplicated + floodDuplicated > 0 || missed,
      line: `other installation's push: ${lostLine(verdict)}; flood: ${results.length - refused} of ${FLOOD} acknowledged, ${floodRuns.filter(checked).length} checked by then, duplicated ${floodDuplicated}`,
      figures: `flood of ${FLOOD} sent in ${sendSeconds.toFixed(1)} s (webhook p99 ${ms(percentile(results.map((r) => r.ms), 99))}); other installation's push delivery → check run ${Number.isFinite(otherMs) ? seconds(otherMs) : `not within ${seconds(FLOOD_DEADLINE_MS)}`} (target < ${seconds(FLOOD_TARGET_MS)}${missed ? ', MISSED' : ''})`,
    };
  });
}

// --- the run ----------------------------------------------------------------------------------

const RUNNERS = { load: loadPhase, 'lost-answer': lostAnswerPhase, 'slow-body': slowBodyPhase, 'redis-restart': redisRestartPhase, hung: hungPhase, flood: floodPhase };

async function main() {
  const rows = [];
  try {
    for (const phase of PHASES.filter((p) => selected.includes(p))) {
      const started = Date.now();
      let row;
      try {
        row = await RUNNERS[phase]();
      } catch (error) {
        row = { acked: NaN, lost: NaN, duplicated: NaN, failed: true, line: `did not finish: ${error instanceof Error ? error.message : String(error)}`, figures: '' };
      }
      row = { phase, took: Date.now() - started, ...row };
      rows.push(row);
      console.log(`phase ${phase}: ${row.line ?? `lost ${row.lost}, duplicated ${row.duplicated}`}${row.figures ? `; ${row.figures}` : ''} (${seconds(row.took)})`);
    }
  } finally {
    closeDeliveries();
  }
  console.log('');
  console.log(`leakstop bench:load, every phase (load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores)`);
  console.log(`  ${'phase'.padEnd(15)}${'acked'.padStart(7)}${'lost'.padStart(7)}${'dup'.padStart(7)}${'took'.padStart(9)}   verdict`);
  for (const row of rows) {
    const n = (value) => (Number.isFinite(value) ? String(value) : '-').padStart(7);
    console.log(`  ${row.phase.padEnd(15)}${n(row.acked)}${n(row.lost)}${n(row.duplicated)}${seconds(row.took).padStart(9)}   ${row.failed ? 'FAIL' : 'ok'}`);
  }
  // A leakstop that did not shut down would keep the process alive: its phase has failed already.
  process.exit(rows.some((row) => row.failed) ? 1 : 0);
}

await main();
