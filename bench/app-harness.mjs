// What the GitHub App benchmarks (bench:load, bench:response) share: a fake GitHub on 127.0.0.1 (its
// REST API on its own thread, reached by leakstop as a GitHub Enterprise host, plus a provider API
// for leaked GitHub tokens under /provider-api), signed push deliveries as GitHub sends them,
// `leakstop start` run in this process against both, and the arithmetic of the reports.
// Every loop is bounded by a count or a deadline; nothing leaves the loopback interface.
import { createHmac, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** Where leakstop finds the leaked tokens' API (LEAKSTOP_GITHUB_API_URL), on the fake GitHub. */
export const PROVIDER_API_PATH = '/provider-api';
const OWNER = 'bench-org';
const PER_PAGE_DEFAULT = 30;
const WEBHOOK_SECRET = randomBytes(24).toString('hex');
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export const sha = () => randomBytes(20).toString('hex');
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds on a clock every thread shares (performance.now() starts at each thread's birth). */
export function now() {
  return performance.timeOrigin + performance.now();
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function waitUntil(what, check, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// --- the fake GitHub --------------------------------------------------------------------------

/**
 * Answers the requests a scan job and the leak response make: commits, check runs (remembered by
 * head SHA), incident issues and their comments, and for leaked tokens GET /user and POST
 * /credentials/revoke (each revocation remembered with its arrival time). Any other route answers
 * 404 and is remembered, so a route the app needs and the fake lacks shows in the report. It runs
 * on its own thread (see fakeGitHubThread): on the main thread it would compete with the web
 * server it measures.
 */
function serveFakeGitHub() {
  const commits = new Map(); // sha -> { parent, extraLines }
  const commitReads = new Map(); // sha -> when its GET was answered
  const runs = new Map(); // check run id -> { headSha, created, completed: number[], responseUpdates: number[], ... }
  const runsBySha = new Map(); // head sha -> check run ids
  const issues = new Map(); // 'owner/repo' -> issues, numbered from 1
  const userChecks = new Map(); // token -> GET /user calls made with it
  const revocations = []; // { at, credentials }
  const unmatched = [];
  const writes = []; // { at, kind: 'check-run' | 'issue' | 'issue-edit' | 'comment', repo, headSha?, completed? }, in arrival order
  let nextId = 1;
  let nextCommentId = 1;

  function commitBody(commitSha) {
    const { parent, extraLines } = commits.get(commitSha);
    const lines = [...Array.from({ length: 40 }, (_, i) => `export const value${i} = compute(${i}, 'bench');`), ...extraLines];
    return {
      sha: commitSha,
      parents: [{ sha: parent }],
      commit: { author: { name: 'Bench', email: 'bench@example.test', date: '2026-01-01T00:00:00Z' }, message: 'bench' },
      files: [{ sha: null, filename: `src/module-${commitSha.slice(0, 6)}.ts`, status: 'added', additions: lines.length, deletions: 0, changes: lines.length, patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join('\n')}` }],
    };
  }

  function checkRunJson(id) {
    const run = runs.get(id);
    return { id, name: 'leakstop', head_sha: run.headSha, status: run.status, conclusion: run.conclusion, external_id: run.externalId, output: run.output };
  }

  function issueJson(repo, issue) {
    return { id: issue.number, number: issue.number, title: issue.title, body: issue.body, state: 'open', labels: issue.labels.map((name) => ({ name })), created_at: issue.createdAt, updated_at: issue.updatedAt, html_url: `https://github.example.test/${repo}/issues/${issue.number}`, comments: issue.comments.length };
  }

  function page(items, query) {
    const perPage = Number(query.get('per_page') ?? PER_PAGE_DEFAULT);
    const number = Number(query.get('page') ?? 1);
    return items.slice((number - 1) * perPage, number * perPage);
  }

  /** The provider API of leaked GitHub tokens (LEAKSTOP_GITHUB_API_URL), answering at once. */
  function providerRoute(method, path, body, headers) {
    if (method === 'GET' && path === '/user') {
      const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1] ?? '';
      userChecks.set(token, (userChecks.get(token) ?? 0) + 1);
      return [200, { login: 'leaked-user', id: 1, type: 'User' }, { 'x-oauth-scopes': 'repo' }];
    }
    if (method === 'POST' && path === '/credentials/revoke') {
      revocations.push({ at: now(), credentials: Array.isArray(body.credentials) ? body.credentials : [] });
      return [202, {}];
    }
    return undefined;
  }

  function checkRunRoute(method, path, body) {
    let m;
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})\/check-runs$/.exec(path))) {
      const ids = runsBySha.get(m[1]) ?? [];
      return [200, { total_count: ids.length, check_runs: ids.map(checkRunJson) }];
    }
    if (method === 'POST' && (m = /^\/repos\/([^/]+\/[^/]+)\/check-runs$/.exec(path))) {
      writes.push({ at: now(), kind: 'check-run', repo: m[1], headSha: body.head_sha, completed: body.status === 'completed' });
      const id = nextId++;
      // A quick scan creates its run already completed (one request), as GitHub allows.
      const completed = body.status === 'completed' ? [now()] : [];
      runs.set(id, { headSha: body.head_sha, created: now(), completed, responseUpdates: [], status: body.status ?? 'queued', conclusion: body.conclusion ?? null, externalId: body.external_id ?? null, output: outputOf(body.output) });
      runsBySha.set(body.head_sha, [...(runsBySha.get(body.head_sha) ?? []), id]);
      return [201, checkRunJson(id)];
    }
    if (method === 'PATCH' && (m = /^\/repos\/([^/]+\/[^/]+)\/check-runs\/(\d+)$/.exec(path))) {
      const run = runs.get(Number(m[2]));
      if (!run) return [404, { message: 'Not Found' }];
      writes.push({ at: now(), kind: 'check-run', repo: m[1], headSha: run.headSha, completed: body.status === 'completed' });
      if (body.status === 'completed') run.completed.push(now());
      if (body.status !== undefined) run.status = body.status;
      if (body.conclusion !== undefined) run.conclusion = body.conclusion;
      if (body.external_id !== undefined) run.externalId = body.external_id;
      if (body.output !== undefined) run.output = outputOf(body.output);
      // Every write of a completed run sends its `actions` (the "Revoke now" button, or none).
      if (body.actions !== undefined) run.responseUpdates.push(now());
      return [200, checkRunJson(Number(m[2]))];
    }
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/check-runs\/\d+\/annotations$/.test(path)) return [200, []];
    return undefined;
  }

  function issueRoute(method, path, body, query) {
    let m;
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues$/.exec(path))) {
      const list = issues.get(m[1]) ?? [];
      if (method === 'GET') {
        const since = query.get('since');
        const label = query.get('labels');
        const matching = list.filter((issue) => (since === null || issue.updatedAt >= since) && (label === null || issue.labels.includes(label)));
        return [200, page(matching, query).map((issue) => issueJson(m[1], issue))];
      }
      if (method === 'POST') {
        writes.push({ at: now(), kind: 'issue', repo: m[1] });
        const at = new Date().toISOString();
        const issue = { number: list.length + 1, title: body.title, body: body.body ?? '', labels: body.labels ?? [], createdAt: at, updatedAt: at, comments: [] };
        issues.set(m[1], [...list, issue]);
        return [201, issueJson(m[1], issue)];
      }
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)(\/comments)?$/.exec(path))) {
      const issue = issues.get(m[1])?.[Number(m[2]) - 1];
      if (!issue) return [404, { message: 'Not Found' }];
      if (m[3] === undefined && method === 'GET') return [200, issueJson(m[1], issue)];
      if (m[3] === undefined && method === 'PATCH') {
        writes.push({ at: now(), kind: 'issue-edit', repo: m[1] });
        if (body.body !== undefined) issue.body = body.body;
        issue.updatedAt = new Date().toISOString();
        issue.bodyUpdates = (issue.bodyUpdates ?? 0) + 1;
        return [200, issueJson(m[1], issue)];
      }
      if (m[3] !== undefined && method === 'GET') return [200, page(issue.comments, query)];
      if (m[3] !== undefined && method === 'POST') {
        writes.push({ at: now(), kind: 'comment', repo: m[1] });
        const comment = { id: nextCommentId++, body: body.body, created_at: new Date().toISOString() };
        issue.comments.push(comment);
        return [201, comment];
      }
    }
    return undefined;
  }

  function route(method, path, body, query) {
    let m;
    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return [201, { token: `ghs_${randomBytes(18).toString('hex')}`, expires_at: new Date(Date.now() + 3_600_000).toISOString() }];
    }
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/contents\//.test(path)) return [404, { message: 'Not Found' }];
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})$/.exec(path))) {
      if (!commits.has(m[1])) return [404, { message: 'No commit found' }];
      commitReads.set(m[1], now());
      return [200, commitBody(m[1])];
    }
    return checkRunRoute(method, path, body) ?? issueRoute(method, path, body, query);
  }

  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url, 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      const body = text ? JSON.parse(text) : {};
      const answer = path.startsWith(`${PROVIDER_API_PATH}/`)
        ? providerRoute(request.method, path.slice(PROVIDER_API_PATH.length), body, request.headers)
        : route(request.method, path.replace(/^\/api\/v3/, ''), body, url.searchParams);
      if (answer === undefined) unmatched.push(`${request.method} ${path}`);
      const [status, payload, headers = {}] = answer ?? [404, { message: 'Not Found' }];
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(payload));
    });
  });

  /** What the main thread may ask, by name (see startFakeGitHub). */
  const calls = {
    addCommits: (shas, parent, extraLines = []) => shas.forEach((s, i) => commits.set(s, { parent: i === 0 ? parent : shas[i - 1], extraLines: i === shas.length - 1 ? extraLines : [] })),
    runsFor: (headShas) => headShas.map((headSha) => (runsBySha.get(headSha) ?? []).map((id) => runs.get(id))),
    lastRead: (shas) => Math.max(...shas.map((commitSha) => commitReads.get(commitSha) ?? NaN)),
    revocations: () => revocations,
    userChecks: () => Object.fromEntries(userChecks),
    issueCounts: () => {
      const all = [...issues.values()].flat();
      return { issues: all.length, bodyUpdates: all.reduce((sum, issue) => sum + (issue.bodyUpdates ?? 0), 0), comments: all.reduce((sum, issue) => sum + issue.comments.length, 0) };
    },
    unmatched: () => unmatched,
    writes: () => writes,
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ host: `127.0.0.1:${server.address().port}`, calls }));
  });
}

function outputOf(output) {
  return output === undefined ? { title: null, summary: null, text: null } : { title: output.title ?? null, summary: output.summary ?? null, text: output.text ?? null };
}

/** The fake GitHub's thread: serves, and answers the main thread's questions by message. */
async function fakeGitHubThread() {
  const github = await serveFakeGitHub();
  parentPort.on('message', ({ id, call, args }) => parentPort.postMessage({ id, result: github.calls[call](...args) }));
  parentPort.postMessage({ id: 0, result: github.host });
}

/** Starts the fake GitHub thread and returns an async handle to it. */
export async function startFakeGitHub() {
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
    /** New commits on top of `parent`; `extraLines` are added to the last one's file. */
    addCommits: (shas, parent, extraLines) => call('addCommits', [shas, parent, extraLines]),
    /** Check runs of each head SHA, in the order given. */
    runsFor: (headShas) => call('runsFor', [headShas]),
    /** When the last of these commits was read. */
    lastRead: (shas) => call('lastRead', [shas]),
    /** Every POST /credentials/revoke: { at, credentials }, in arrival order. */
    revocations: () => call('revocations'),
    /** GET /user calls per token. */
    userChecks: () => call('userChecks'),
    issueCounts: () => call('issueCounts'),
    unmatched: () => call('unmatched'),
    /** Every write (check run, issue, issue edit, comment) with its arrival time, in order. */
    writes: () => call('writes'),
    close: () => thread.terminate(),
  };
}

// --- deliveries -------------------------------------------------------------------------------

/**
 * A push of `count` new commits to an existing branch of repository `repoId` of installation
 * `installationId`; `extraLines` go into the last commit (a leaked token, say).
 */
export async function pushDelivery(github, installationId, repoId, count, extraLines = []) {
  const before = sha();
  const shas = Array.from({ length: count }, sha);
  await github.addCommits(shas, before, extraLines);
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
  return { id: randomUUID(), body: JSON.stringify(payload), headSha, shas, repo: `repo-${repoId}` };
}

/**
 * One signed delivery over node:http with a keep-alive agent: the client shares the server's event
 * loop, so it must be cheap (fetch costs several times more CPU per request than the server does).
 * `at` is when it was sent (just before the request), `ms` how long the answer took.
 */
export function send(baseUrl, delivery) {
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

// --- leakstop ---------------------------------------------------------------------------------

/**
 * `leakstop start` (web server and worker thread) in this process, against the fake GitHub and
 * Redis; `env` adds to or overrides the operator environment. Returns the running process and the
 * base URL of its web server.
 */
export async function startLeakstop({ github, redisUrl, prefix, concurrency, env = {} }) {
  // Imported here, not at the top: the fake GitHub's thread loads this module too and needs none of it.
  const { startAppProcess } = await import('../dist/process/app-process.js');
  const { createLogger } = await import('../dist/log.js');
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const running = await startAppProcess(
    'start',
    {
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET,
      PORT: '0',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'error',
      WORKER_CONCURRENCY: String(concurrency),
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      ...env,
    },
    { host: '127.0.0.1', log: createLogger({ level: 'error' }) },
  );
  return { running, baseUrl: `http://127.0.0.1:${running.port}` };
}

/** A fresh Redis key prefix (a hash tag, so a cluster keeps one benchmark's keys together). */
export function benchPrefix(name) {
  return `{leakstop-${name}-${randomBytes(4).toString('hex')}}`;
}

/** Removes the benchmark's keys (SCAN, bounded by the cursor returning to 0). */
export async function deleteKeys(redis, prefix) {
  const pattern = `${prefix.replace(/[{}*?[\]\\]/g, (c) => `\\${c}`)}*`;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Closes the keep-alive sockets the deliveries used. */
export function closeDeliveries() {
  agent.destroy();
}

if (!isMainThread && workerData?.fakeGitHub) await fakeGitHubThread();
