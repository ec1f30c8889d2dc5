// The web process under large deliveries: `leakstop web` as its own process, then 10 signed push
// deliveries of 25 MB each sent at the same moment (GitHub's maximum payload), and the process's
// resident memory before and at its peak (VmHWM), with the answers it gave. Run against another
// build with `node bench/webhook-memory.mjs /path/to/bin/leakstop.js` to compare.
// Needs REDIS_URL (the jobs go under a fresh prefix, removed at the end); nothing leaves loopback.
import { spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { benchPrefix, deleteKeys, waitUntil } from './app-harness.mjs';

const CONCURRENT = 10;
const BODY_BYTES = 25 * 1024 * 1024 - 1024;
const bin = process.argv[2] ?? fileURLToPath(new URL('../bin/leakstop.js', import.meta.url));
const redisUrl = process.env.REDIS_URL;
if (redisUrl === undefined) throw new Error('set REDIS_URL, e.g. REDIS_URL=redis://127.0.0.1:6390');

/** GitHub's example push, its commit message padded so the whole body is `bytes` long. */
function largePush(bytes) {
  const examples = createRequire(import.meta.url)('@octokit/webhooks-examples');
  const payload = structuredClone(examples.find((e) => e.name === 'push').examples.find((p) => p.ref === 'refs/heads/master'));
  payload.installation = { id: 1, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  const base = Buffer.byteLength(JSON.stringify(payload));
  payload.head_commit.message = `${payload.head_commit.message}\n${'x'.repeat(bytes - base - 1)}`;
  return JSON.stringify(payload);
}

/** Resident memory of `pid` now and at its peak, in MB, from /proc. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

function send(port, body, secret) {
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return new Promise((resolve) => {
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/api/github/webhooks',
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-github-event': 'push', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature },
    });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    // A refusal may close the connection before the whole body is written.
    request.on('error', (error) => resolve(`error ${error.code ?? error.message}`));
    request.end(body);
  });
}

async function main() {
  const secret = randomBytes(24).toString('hex');
  const prefix = benchPrefix('webhook-memory');
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const child = spawn(process.execPath, [bin, 'web'], {
    env: {
      PATH: process.env.PATH,
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      PORT: '0',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'info',
      LEAKSTOP_RESPONSE: 'off',
      LEAKSTOP_ALLOW_VOLATILE_REDIS: 'true',
      // To measure another budget: WEBHOOK_BODY_BUDGET_MB=256 npm run bench:webhook-memory
      ...(process.env.WEBHOOK_BODY_BUDGET_MB === undefined ? {} : { WEBHOOK_BODY_BUDGET_MB: process.env.WEBHOOK_BODY_BUDGET_MB }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let port;
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    port ??= /"port":(\d+),"path"/.exec(output)?.[1];
  });
  const redis = new Redis(redisUrl);
  try {
    await waitUntil('leakstop web to listen', () => port !== undefined, 20_000);
    const body = largePush(BODY_BYTES);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = memoryOf(child.pid);
    const started = performance.now();
    const statuses = await Promise.all(Array.from({ length: CONCURRENT }, () => send(Number(port), body, secret)));
    const ms = performance.now() - started;
    const after = memoryOf(child.pid);
    const counts = Object.entries(statuses.reduce((all, status) => ({ ...all, [status]: (all[status] ?? 0) + 1 }), {}))
      .map(([status, count]) => `${count} × ${status}`)
      .join(', ');
    console.log(`${bin}${process.env.WEBHOOK_BODY_BUDGET_MB === undefined ? '' : ` with WEBHOOK_BODY_BUDGET_MB=${process.env.WEBHOOK_BODY_BUDGET_MB}`}`);
    console.log(`${CONCURRENT} concurrent signed pushes of ${(BODY_BYTES / 1024 / 1024).toFixed(1)} MB: ${counts} in ${(ms / 1000).toFixed(1)} s`);
    console.log(`web process RSS: ${before.rssMb.toFixed(0)} MB before, peak ${after.peakMb.toFixed(0)} MB, ${after.rssMb.toFixed(0)} MB after`);
  } finally {
    child.kill('SIGTERM');
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }
}

await main();
