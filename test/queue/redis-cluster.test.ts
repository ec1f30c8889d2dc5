// The app on a real Redis Cluster: three masters started here (redis-server on loopback ports),
// joined with `redis-cli --cluster create`. A scan job goes through the app's queues and workers,
// the incident store locks and stores across the cluster, and a master that would evict keys is
// refused at start-up. Skipped only when redis-server is not installed (CI installs it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { checkRunAnswer } from '../report/github-api-mock.js';
import { ProbotOctokit } from 'probot';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { scanJobId, type ScanJob } from '../../src/queue/jobs.js';
import { createQueues, enqueueScanJobs } from '../../src/queue/queues.js';
import { checkEvictionPolicy, createRedisConnection, RedisPolicyError, waitForRedis, type RedisClient } from '../../src/queue/redis-connection.js';
import { RedisCheckRunStore } from '../../src/queue/redis-check-run-store.js';
import { RedisIncidentStore } from '../../src/queue/redis-incident-store.js';
import { createScanWorker } from '../../src/queue/worker.js';
import { commitWithToken, waitFor } from '../e2e/helpers.js';
import { OWNER, pushJobOf, REPO } from './push-job.js';

const HAVE_REDIS_SERVER = spawnSync('redis-server', ['--version']).status === 0;
if (!HAVE_REDIS_SERVER) console.warn('redis-server is not on PATH: skipping the Redis Cluster tests (install redis-server to run them)');

const silent = createLogger({ level: 'silent' });
const API = 'https://api.github.com';
const HEAD = '6666666666666666666666666666666666666666';
const BEFORE = '7777777777777777777777777777777777777777';
const CHECK_RUN_ID = 93;

interface TestCluster {
  ports: number[];
  url: string;
  stop(): Promise<void>;
}

/** A port free for both the node and its cluster bus (port + 10000). */
async function freeClusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.has(port) || taken.has(port + 10_000)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) return port;
  }
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function startCluster(): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'leakstop-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((child) => stopProcess(child)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const taken = new Set<number>();
    const ports: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const port = await freeClusterPort(taken);
      taken.add(port).add(port + 10_000);
      ports.push(port);
    }
    for (const port of ports) {
      children.push(
        spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir], { stdio: 'ignore' }),
      );
    }
    await Promise.all(ports.map((port) => waitFor(`redis-server on ${port}`, () => ping(port), 5_000)));
    const created = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8', timeout: 10_000 });
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    await Promise.all(ports.map((port) => waitFor(`cluster_state:ok on ${port}`, () => clusterOk(port), 10_000)));
    return { ports, url: `redis://127.0.0.1:${ports[0] ?? 0}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/** One command on a plain connection to one node; undefined while the node is not up yet. */
async function onNode<T>(port: number, command: (node: Redis) => Promise<T>): Promise<T | undefined> {
  const node = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  node.on('error', () => {});
  try {
    await node.connect();
    return await command(node);
  } catch {
    return undefined;
  } finally {
    node.disconnect();
  }
}

async function ping(port: number): Promise<true | undefined> {
  return (await onNode(port, (node) => node.ping())) === 'PONG' ? true : undefined;
}

async function clusterOk(port: number): Promise<true | undefined> {
  const info = await onNode(port, (node) => node.cluster('INFO'));
  return typeof info === 'string' && info.includes('cluster_state:ok') ? true : undefined;
}

function pushJob(deliveryId: string): ScanJob {
  return pushJobOf(deliveryId, HEAD, BEFORE);
}

/** GitHub's side of scanning one clean commit: a new check run, no repo config, the commit, completion. */
function mockCleanScan(): nock.Scope {
  const commit = { ...commitWithToken(HEAD, BEFORE, 'x'), files: [{ sha: null, filename: 'a.txt', status: 'modified', additions: 1, deletions: 0, changes: 1, patch: '@@ -1,0 +1,1 @@\n+ok' }] };
  return nock(API)
    .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] })
    .post(`/repos/${OWNER}/${REPO}/check-runs`)
    .reply(201, { id: CHECK_RUN_ID })
    .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fleakstop.yml`)
    .reply(404, {})
    .get(`/repos/${OWNER}/.github/contents/.github%2Fleakstop.yml`)
    .reply(404, {})
    .get(`/repos/${OWNER}/${REPO}/commits/${HEAD}`)
    .reply(200, commit)
    .get(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`)
    .reply(200, checkRunAnswer({ id: CHECK_RUN_ID, head_sha: HEAD, status: 'in_progress', output: { title: 'Scanning for leaked credentials', summary: 'leakstop is scanning the new commits for credentials.' } }))
    .get(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}/annotations`)
    .query(true)
    .reply(200, [])
    .patch(`/repos/${OWNER}/${REPO}/check-runs/${CHECK_RUN_ID}`)
    .reply(200, { id: CHECK_RUN_ID });
}

/** A hash-tagged prefix of this test's own, so runs never share keys. */
function uniquePrefix(): string {
  return `{lscluster-${randomUUID().slice(0, 8)}}`;
}

async function quit(redis: RedisClient): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}

describe.skipIf(!HAVE_REDIS_SERVER)('the app on a 3-master Redis Cluster', () => {
  let cluster: TestCluster | undefined;
  let client: RedisClient;

  beforeAll(async () => {
    cluster = await startCluster();
    client = createRedisConnection(cluster.url, 'client', silent, { cluster: true });
    await waitForRedis(client, cluster.url);
  });

  afterAll(async () => {
    if (client !== undefined) await quit(client);
    await cluster?.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('connects as a cluster client to all three masters', () => {
    expect(client).toBeInstanceOf(Cluster);
    expect((client as Cluster).nodes('master')).toHaveLength(3);
  });

  it('enqueues a scan job and a worker completes it', async () => {
    nock.disableNetConnect();
    const github = mockCleanScan();
    const url = cluster?.url ?? '';
    const prefix = uniquePrefix();
    const producer = createRedisConnection(url, 'producer', silent, { cluster: true });
    const queues = createQueues(producer, { prefix });
    const workers = createScanWorker({
      connection: createRedisConnection(url, 'worker', silent, { cluster: true }),
      github: () => Promise.resolve(new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } })),
      incidents: new RedisIncidentStore(client, { prefix }),
      checkRuns: new RedisCheckRunStore(client, { prefix }),
      log: silent,
      endpoints: { apiBaseUrl: API, gitBaseUrl: 'https://github.com', htmlBaseUrl: 'https://github.com' },
      inProgressAfterMs: 0,
      settings: { prefix, concurrency: 1 },
    });
    try {
      await queues.ready();
      const job = pushJob('d-cluster');
      expect(await enqueueScanJobs(queues, [job])).toEqual([scanJobId(job)]);
      await waitFor('the job to complete', async () => ((await queues.scan.getJobCounts('completed')).completed === 1 ? true : undefined), 10_000);
      // The check run is written by the report job the scan hands over to, a moment later.
      await waitFor('the report job to write the check run', () => Promise.resolve(github.isDone() ? true : undefined), 10_000);
      expect(github.pendingMocks()).toEqual([]);
    } finally {
      await workers.close(1_000);
      await queues.close();
      await quit(producer);
    }
  });

  it('stores incidents and serialises lock holders on the cluster', async () => {
    const prefix = uniquePrefix();
    const store = new RedisIncidentStore(client, { prefix, lockTtlMs: 2_000, lockWaitMs: 5_000 });
    await store.set('repo-9:secret-a', 17);
    expect(await store.get('repo-9:secret-a')).toBe(17);
    expect(await store.get('repo-9:secret-b')).toBeUndefined();

    const order: string[] = [];
    const hold = (name: string) => store.lock('repo-9:secret-a', async () => {
      order.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push(`${name} out`);
      return name;
    });
    expect(await Promise.all([hold('first'), hold('second')])).toEqual(['first', 'second']);
    // Never two holders at once: each leaves before the next enters.
    expect(order).toEqual(['first in', 'first out', 'second in', 'second out']);
  });

  it('checks the eviction policy of every master', async () => {
    await expect(checkEvictionPolicy(client, silent)).resolves.toBeUndefined();
    const last = cluster?.ports[2] ?? 0;
    await onNode(last, (node) => node.config('SET', 'maxmemory-policy', 'allkeys-lru'));
    try {
      const error = await checkEvictionPolicy(client, silent).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RedisPolicyError);
      expect((error as Error).message).toContain(`'allkeys-lru' on cluster node 127.0.0.1:${last}`);
    } finally {
      await onNode(last, (node) => node.config('SET', 'maxmemory-policy', 'noeviction'));
    }
  });
});
