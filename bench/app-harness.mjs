// What the GitHub App benchmarks (bench:load, bench:response) share: a fake GitHub on 127.0.0.1 (its
// REST API on its own thread, reached by leakstop as a GitHub Enterprise host, plus a provider API
// for leaked GitHub tokens under /provider-api), signed push deliveries as GitHub sends them,
// `leakstop start` run in this process against both, and the arithmetic of the reports. The fake
// GitHub can be told to misbehave for chosen requests (github.fault: lose the answer to a write it
// performed, answer late, or hold a request forever) and remembers every delivery sent, so it can
// list and redeliver them as GitHub's /app/hook/deliveries API does.
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
  const revoked = new Set(); // tokens revoked: GET /user with one answers 401, as GitHub does
  const unmatched = [];
  const faults = new Map(); // fault key (see faultKey) -> { action, ms, times }
  const faultsFired = new Map(); // action -> count
  const held = new Set(); // sockets of requests held (never answered) or answered late
  const deliveries = []; // webhook deliveries sent, oldest first (recordDelivery), with body and signature
  const redeliveries = []; // { guid, status_code, at } of each POST /app/hook/deliveries/{id}/attempts
  let nextDeliveryId = 1;
  let webhookUrl;
  let host;
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
      if (revoked.has(token)) return [401, { message: 'Bad credentials' }];
      return [200, { login: 'leaked-user', id: 1, type: 'User' }, { 'x-oauth-scopes': 'repo' }];
    }
    if (method === 'POST' && path === '/credentials/revoke') {
      const credentials = Array.isArray(body.credentials) ? body.credentials : [];
      revocations.push({ at: now(), credentials });
      credentials.forEach((token) => revoked.add(token));
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
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(path))) return runs.has(Number(m[1])) ? [200, checkRunJson(Number(m[1]))] : [404, { message: 'Not Found' }];
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
        // `labels` is a comma-separated list: an issue must carry every one.
        const wanted = label === null ? [] : label.split(',').map((name) => name.trim()).filter(Boolean);
        const matching = list.filter((issue) => (since === null || issue.updatedAt >= since) && wanted.every((name) => issue.labels.includes(name)));
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

  /**
   * GitHub's record of the app's webhook deliveries (GET /app/hook/deliveries, newest first, paged
   * by `cursor` with a `link` header; GET /app/hook/deliveries/{id}), and redelivery (POST
   * /app/hook/deliveries/{id}/attempts: answered 202, then the delivery is sent again with the same
   * GUID, as GitHub does, and recorded as a redelivery).
   */
  function hookRoute(method, path, query) {
    let m;
    if (method === 'GET' && path === '/app/hook/deliveries') {
      const newestFirst = [...deliveries].reverse().filter((d) => query.get('status') === null || (query.get('status') === 'success') === (d.status_code >= 200 && d.status_code < 300));
      const perPage = Math.min(100, Number(query.get('per_page') ?? PER_PAGE_DEFAULT));
      const start = Number(/^v1_(\d+)$/.exec(query.get('cursor') ?? '')?.[1] ?? 0);
      const items = newestFirst.slice(start, start + perPage).map(deliveryItem);
      const headers = start + perPage < newestFirst.length ? { link: `<http://${host}/api/v3/app/hook/deliveries?per_page=${perPage}&cursor=v1_${start + perPage}>; rel="next"` } : {};
      return [200, items, headers];
    }
    if (method === 'GET' && (m = /^\/app\/hook\/deliveries\/(\d+)$/.exec(path))) {
      const delivery = deliveries.find((d) => d.id === Number(m[1]));
      return delivery === undefined ? [404, { message: 'Not Found' }] : [200, { ...deliveryItem(delivery), url: webhookUrl, request: { headers: {}, payload: null }, response: { headers: {}, payload: null } }];
    }
    if (method === 'POST' && (m = /^\/app\/hook\/deliveries\/(\d+)\/attempts$/.exec(path))) {
      const delivery = deliveries.find((d) => d.id === Number(m[1]));
      if (delivery === undefined) return [404, { message: 'Not Found' }];
      setImmediate(() => redeliver(delivery));
      return [202, {}];
    }
    return undefined;
  }

  function deliveryItem(d) {
    return { id: d.id, guid: d.guid, delivered_at: d.delivered_at, redelivery: d.redelivery, duration: d.duration, status: d.status, status_code: d.status_code, event: d.event, action: null, installation_id: d.installation_id, repository_id: d.repository_id };
  }

  /** Sends a recorded delivery again (same GUID, body and signature) and records the attempt. */
  function redeliver(original) {
    const started = now();
    const record = (status_code, status) => {
      deliveries.push({ ...original, id: nextDeliveryId++, redelivery: true, delivered_at: new Date().toISOString(), duration: (now() - started) / 1000, status_code, status });
      redeliveries.push({ guid: original.guid, status_code, at: started });
    };
    const request = httpRequest(webhookUrl, { method: 'POST', agent: false, timeout: 10_000, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(original.body), 'x-github-event': original.event, 'x-github-delivery': original.guid, 'x-hub-signature-256': original.signature } });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => record(response.statusCode, response.statusCode < 300 ? 'OK' : 'Invalid HTTP Response'));
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', () => record(0, 'failed to connect'));
    request.end(original.body);
  }

  /**
   * The key a fault is registered under for this request, if it is one that can be faulted: a
   * check run's creation by head SHA, an issue's creation by repository, a revocation by any of its
   * tokens, a commit's read by SHA.
   */
  function faultKeys(method, path, body) {
    let m;
    if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path)) return [`check-run:${body.head_sha}`];
    if (method === 'POST' && (m = /^\/repos\/([^/]+\/[^/]+)\/issues$/.exec(path))) return [`issue:${m[1]}`];
    if (method === 'POST' && path === `${PROVIDER_API_PATH}/credentials/revoke`) return (Array.isArray(body.credentials) ? body.credentials : []).map((token) => `revoke:${token}`);
    if (method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})$/.exec(path))) return [`commit:${m[1]}`];
    return [];
  }

  /**
   * The fault to play on this request, if one is registered (each fires `times` times). A request
   * under several keys (a revocation of several tokens) plays the first and uses up one time of each.
   */
  function takeFault(method, path, body) {
    let played;
    for (const key of faultKeys(method, path, body)) {
      const fault = faults.get(key);
      if (fault === undefined) continue;
      if (--fault.times <= 0) faults.delete(key);
      played ??= { ...fault, on: key.slice(0, key.indexOf(':')) };
    }
    if (played !== undefined) {
      const name = `${played.action} ${played.on}`;
      faultsFired.set(name, (faultsFired.get(name) ?? 0) + 1);
    }
    return played;
  }

  function answerOf(method, path, body, url, headers) {
    return path.startsWith(`${PROVIDER_API_PATH}/`)
      ? providerRoute(method, path.slice(PROVIDER_API_PATH.length), body, headers)
      : (hookRoute(method, path, url.searchParams) ?? route(method, path, body, url.searchParams));
  }

  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url, 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname).replace(/^\/api\/v3/, '');
      const body = text ? JSON.parse(text) : {};
      const fault = takeFault(request.method, path, body);
      if (fault?.action === 'hold') {
        // Never answered and never performed: the client waits until it gives up (or the bench ends).
        held.add(request.socket);
        return;
      }
      const answer = answerOf(request.method, path, body, url, request.headers);
      if (answer === undefined) unmatched.push(`${request.method} ${path}`);
      const [status, payload, headers = {}] = answer ?? [404, { message: 'Not Found' }];
      const reply = () => {
        held.delete(request.socket);
        if (!response.destroyed) response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(payload));
      };
      // The write is done (the answer computed above); only its answer goes astray.
      if (fault?.action === '502') response.writeHead(502, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ message: 'Server Error' }));
      else if (fault?.action === 'drop') request.socket.destroy();
      else if (fault?.action === 'late') {
        held.add(request.socket);
        setTimeout(reply, fault.ms);
      } else reply();
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
    /** Issues per repository ('owner/repo'), in the order given. */
    issuesFor: (repos) => repos.map((repo) => (issues.get(repo) ?? []).length),
    fault: (key, action, times = 1, ms = 0) => void faults.set(key, { action, times, ms }),
    faultsFired: () => Object.fromEntries(faultsFired),
    /** Ends every held or late request by closing its connection (the client sees it reset). */
    releaseHeld: () => {
      for (const socket of held) socket.destroy();
      const count = held.size;
      held.clear();
      return count;
    },
    recordDelivery: (delivery) => void deliveries.push({ ...delivery, id: nextDeliveryId++, redelivery: false }),
    setWebhookUrl: (url) => void (webhookUrl = url),
    redeliveries: () => redeliveries,
    writes: () => writes,
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      host = `127.0.0.1:${server.address().port}`;
      resolve({ host, calls });
    });
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
    /** Incident issues of each repository ('owner/repo'), in the order given. */
    issuesFor: (repos) => call('issuesFor', [repos]),
    /**
     * Misbehave on the next `times` requests under `key` ('check-run:<head sha>', 'issue:<owner/repo>',
     * 'revoke:<token>', 'commit:<sha>'): '502' (perform the write, answer 502), 'drop' (perform it,
     * close the connection unanswered), 'late' (perform it, answer after `ms`), 'hold' (neither
     * perform nor answer, ever: see releaseHeld).
     */
    fault: (key, action, times = 1, ms = 0) => call('fault', [key, action, times, ms]),
    /** How many requests each fault was played on, by action and request kind ('hold commit': 4). */
    faultsFired: () => call('faultsFired'),
    /** Closes the connections of held and late requests; returns how many there were. */
    releaseHeld: () => call('releaseHeld'),
    /** Where redeliveries go (leakstop's webhook URL). */
    setWebhookUrl: (url) => call('setWebhookUrl', [url]),
    /** Each redelivery asked for through POST /app/hook/deliveries/{id}/attempts: { guid, status_code, at }. */
    redeliveries: () => call('redeliveries'),
    recordDelivery: (delivery) => call('recordDelivery', [delivery]),
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
  return { id: randomUUID(), body: JSON.stringify(payload), headSha, shas, repo: `repo-${repoId}`, fullName: payload.repository.full_name, installationId, repoId };
}

/**
 * One signed delivery over node:http with a keep-alive agent: the client shares the server's event
 * loop, so it must be cheap (fetch costs several times more CPU per request than the server does).
 * `at` is when it was sent (just before the request), `ms` how long the answer took; `status` is 0
 * when no answer came (connection refused or reset, or none within `timeoutMs`).
 * Options: `record`, the fake GitHub, to remember the delivery as GitHub does (GET
 * /app/hook/deliveries lists it, with the status it got); `trickleMs`, to send the body in ten
 * pieces spread over that long, on a connection of its own.
 */
export function send(baseUrl, delivery, { record, trickleMs, timeoutMs = 30_000 } = {}) {
  const started = now();
  const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(delivery.body).digest('hex')}`;
  const answered = new Promise((resolve) => {
    const request = httpRequest(`${baseUrl}/api/github/webhooks`, {
      method: 'POST',
      agent: trickleMs === undefined ? agent : false,
      timeout: timeoutMs,
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
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ status: 0, ms: now() - started, at: started, error: error.message }));
    if (trickleMs === undefined) request.end(delivery.body);
    else trickle(request, Buffer.from(delivery.body), trickleMs);
  });
  if (record === undefined) return answered;
  return answered.then(async (result) => {
    await record.recordDelivery({
      guid: delivery.id,
      event: 'push',
      body: delivery.body,
      signature,
      installation_id: delivery.installationId,
      repository_id: delivery.repoId,
      delivered_at: new Date(started).toISOString(),
      duration: result.ms / 1000,
      status_code: result.status,
      status: result.status === 0 ? 'failed to connect' : result.status < 300 ? 'OK' : 'Invalid HTTP Response',
    });
    return result;
  });
}

/** Writes `body` in ten pieces, the last `overMs` after the first (bounded by the count). */
function trickle(request, body, overMs) {
  const pieces = 10;
  const size = Math.ceil(body.length / pieces);
  for (let i = 0; i < pieces; i++) {
    setTimeout(() => {
      if (request.destroyed) return;
      const piece = body.subarray(i * size, (i + 1) * size);
      if (i === pieces - 1) request.end(piece);
      else request.write(piece);
    }, (i * overMs) / (pieces - 1));
  }
}

// --- leakstop ---------------------------------------------------------------------------------

/**
 * `leakstop start` (web server and worker thread) in this process, against the fake GitHub and
 * Redis; `env` adds to or overrides the operator environment (LOG_LEVEL sets the worker thread's,
 * which logs to stdout); the web process logs errors to `logTo` (a stream; stdout when absent).
 * Returns the running process and the base URL of its web server.
 */
export async function startLeakstop({ github, redisUrl, prefix, concurrency, env = {}, shutdownGraceMs, logTo }) {
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
      // The benchmarks' Redis may keep nothing on disk (the shared one does not): a phase that restarts
      // Redis starts its own with AOF. The fake GitHub has no hook deliveries to reconcile.
      LEAKSTOP_ALLOW_VOLATILE_REDIS: 'true',
      LEAKSTOP_RECONCILE_MINUTES: '0',
      ...env,
    },
    { host: '127.0.0.1', log: createLogger({ level: 'error', ...(logTo === undefined ? {} : { destination: logTo }) }), ...(shutdownGraceMs === undefined ? {} : { shutdownGraceMs }) },
  );
  const baseUrl = `http://127.0.0.1:${running.port}`;
  await github.setWebhookUrl(`${baseUrl}/api/github/webhooks`);
  return { running, baseUrl };
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
