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
// Every loop is bounded by a count or a deadline; nothing leaves the loopback interface.
import { createHmac, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Redis } from 'ioredis';
import { startAppProcess } from '../dist/cli/app-commands.js';
import { createLogger } from '../dist/log.js';

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
const WEBHOOK_SECRET = randomBytes(24).toString('hex');
const OWNER = 'bench-org';
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

if (isMainThread && !REDIS_URL) {
  console.error('bench:load needs a Redis: start one with `redis-server --port 6390 --save "" --daemonize yes` and set REDIS_URL=redis://127.0.0.1:6390');
  process.exit(2);
}

const sha = () => randomBytes(20).toString('hex');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// --- the fake GitHub --------------------------------------------------------------------------

/**
 * Answers the requests a scan job makes, remembering check runs by head SHA. It runs on its own
 * thread (see fakeGitHubThread): on the main thread it would compete with the web server it measures.
 */
function serveFakeGitHub() {
  const commits = new Map(); // sha -> parent sha
  const commitReads = new Map(); // sha -> when its GET was answered
  const runs = new Map(); // check run id -> { headSha, created, completed: number[] }
  const runsBySha = new Map(); // head sha -> check run ids
  const unmatched = [];
  let nextId = 1;

  function commitBody(commitSha) {
    const lines = Array.from({ length: 40 }, (_, i) => `+export const value${i} = compute(${i}, 'bench');`);
    return {
      sha: commitSha,
      parents: [{ sha: commits.get(commitSha) }],
      commit: { author: { name: 'Bench', email: 'bench@example.test', date: '2026-01-01T00:00:00Z' }, message: 'bench' },
      files: [{ sha: null, filename: `src/module-${commitSha.slice(0, 6)}.ts`, status: 'added', additions: lines.length, deletions: 0, changes: lines.length, patch: `@@ -0,0 +1,${lines.length} @@\n${lines.join('\n')}` }],
    };
  }

  function route(method, path, body) {
    let m;
    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return [201, { token: `ghs_${randomBytes(18).toString('hex')}`, expires_at: new Date(Date.now() + 3_600_000).toISOString() }];
    }
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})\/check-runs$/.exec(path))) {
      const ids = runsBySha.get(m[1]) ?? [];
      return [200, { total_count: ids.length, check_runs: ids.map((id) => ({ id, name: 'leakstop', status: runs.get(id).completed.length ? 'completed' : 'in_progress', external_id: runs.get(id).externalId })) }];
    }
    if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path)) {
      const id = nextId++;
      // A quick scan creates its run already completed (one request), as GitHub allows.
      const completed = body.status === 'completed' ? [now()] : [];
      runs.set(id, { headSha: body.head_sha, created: now(), completed, externalId: body.external_id ?? null });
      runsBySha.set(body.head_sha, [...(runsBySha.get(body.head_sha) ?? []), id]);
      return [201, { id, name: 'leakstop', head_sha: body.head_sha, status: body.status ?? 'queued' }];
    }
    if (method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(path))) {
      const run = runs.get(Number(m[1]));
      if (!run) return [404, { message: 'Not Found' }];
      if (body.status === 'completed') run.completed.push(now());
      return [200, { id: Number(m[1]) }];
    }
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/check-runs\/\d+\/annotations$/.test(path)) return [200, []];
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/contents\//.test(path)) return [404, { message: 'Not Found' }];
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})$/.exec(path))) {
      if (!commits.has(m[1])) return [404, { message: 'No commit found' }];
      commitReads.set(m[1], now());
      return [200, commitBody(m[1])];
    }
    unmatched.push(`${method} ${path}`);
    return [404, { message: 'Not Found' }];
  }

  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = new URL(request.url, 'http://127.0.0.1').pathname.replace(/^\/api\/v3/, '');
      const [status, payload] = route(request.method, decodeURIComponent(path), text ? JSON.parse(text) : {});
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        host: `127.0.0.1:${server.address().port}`,
        addCommits: (shas, parent) => shas.forEach((s, i) => commits.set(s, i === 0 ? parent : shas[i - 1])),
        runsFor: (headSha) => (runsBySha.get(headSha) ?? []).map((id) => runs.get(id)),
        lastRead: (shas) => Math.max(...shas.map((commitSha) => commitReads.get(commitSha) ?? NaN)),
        unmatched,
      });
    });
  });
}

/** Milliseconds on a clock both threads share (performance.now() starts at each thread's birth). */
function now() {
  return performance.timeOrigin + performance.now();
}

/** The fake GitHub's thread: serves, and answers the main thread's questions by message. */
async function fakeGitHubThread() {
  const github = await serveFakeGitHub();
  parentPort.on('message', ({ id, call, args }) => {
    if (call === 'addCommits') github.addCommits(...args);
    const answers = {
      runsFor: () => args.map((headSha) => github.runsFor(headSha)),
      lastRead: () => github.lastRead(args),
      unmatched: () => github.unmatched,
    };
    const result = answers[call]?.();
    parentPort.postMessage({ id, result });
  });
  parentPort.postMessage({ id: 0, result: github.host });
}

/** Starts the fake GitHub thread and returns an async handle to it. */
async function startFakeGitHub() {
  const thread = new Worker(new URL(import.meta.url), { workerData: { fakeGitHub: true } });
  const waiting = new Map();
  let nextCall = 1;
  thread.on('message', ({ id, result }) => {
    waiting.get(id)?.(result);
    waiting.delete(id);
  });
  const host = await new Promise((resolve) => waiting.set(0, resolve));
  const call = (name, args = []) =>
    new Promise((resolve) => {
      const id = nextCall++;
      waiting.set(id, resolve);
      thread.postMessage({ id, call: name, args });
    });
  return {
    host,
    addCommits: (shas, parent) => call('addCommits', [shas, parent]),
    /** Check runs of each head SHA, in the order given. */
    runsFor: (headShas) => call('runsFor', headShas),
    /** When the last of these commits was read. */
    lastRead: (shas) => call('lastRead', shas),
    unmatched: () => call('unmatched'),
    close: () => thread.terminate(),
  };
}

// --- deliveries -------------------------------------------------------------------------------

/** A push of `count` new commits to an existing branch of repository `repoId` of installation `installationId`. */
async function pushDelivery(github, installationId, repoId, count) {
  const before = sha();
  const shas = Array.from({ length: count }, sha);
  await github.addCommits(shas, before);
  const headSha = shas.at(-1);
  const payload = {
    ref: 'refs/heads/main',
    before,
    after: headSha,
    created: false,
    deleted: false,
    forced: false,
    commits: shas.map((id) => ({ id, distinct: true, message: 'bench', added: [], removed: [], modified: [] })),
    pusher: { name: 'bench-user', email: 'bench@example.test' },
    sender: { login: 'bench-user' },
    repository: { id: repoId, name: `repo-${repoId}`, full_name: `${OWNER}-${installationId}/repo-${repoId}`, private: true, default_branch: 'main', owner: { login: `${OWNER}-${installationId}` } },
    installation: { id: installationId },
  };
  return { id: randomUUID(), body: JSON.stringify(payload), headSha, shas };
}

/**
 * One signed delivery over node:http with a keep-alive agent: the client shares the server's event
 * loop, so it must be cheap (fetch costs several times more CPU per request than the server does).
 */
function send(baseUrl, delivery) {
  const started = now();
  const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(delivery.body).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseUrl}/api/github/webhooks`, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(delivery.body),
        'x-github-event': 'push',
        'x-github-delivery': delivery.id,
        'x-hub-signature-256': signature,
      },
    });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode, ms: now() - started, at: started }));
    });
    request.on('error', reject);
    request.end(delivery.body);
  });
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

async function waitUntil(what, check, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// --- the run ----------------------------------------------------------------------------------

async function main() {
  const github = await startFakeGitHub();
  const prefix = `{leakstop-bench-${randomBytes(4).toString('hex')}}`;
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const running = await startAppProcess(
    'start',
    {
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET,
      PORT: '0',
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'error',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
    },
    { host: '127.0.0.1', log: createLogger({ level: 'error' }) },
  );
  const baseUrl = `http://127.0.0.1:${running.port}`;
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
    agent.destroy();
    await github.close();
  }
}

/** Removes the benchmark's keys (SCAN, bounded by the cursor returning to 0). */
async function deleteKeys(redis, prefix) {
  const pattern = `${prefix.replace(/[{}*?[\]\\]/g, (c) => `\\${c}`)}*`;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

if (isMainThread) await main();
else if (workerData?.fakeGitHub) await fakeGitHubThread();
