// A worker killed with SIGKILL in the middle of a scan: after its lock expires another worker
// process picks the job up (stalled-job recovery) and finishes it, and the effects stay single: one
// check run, one incident issue. Then SIGTERM drains the second worker and it exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createLogger } from '../../src/log.js';
import { scanJobId, type ScanJob } from '../../src/queue/jobs.js';
import { createQueues, type ScanQueues } from '../../src/queue/queues.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { commitWithToken, waitFor } from '../e2e/helpers.js';
import { APP_ID, testPrivateKey } from '../webhooks/helpers.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github-server.js';
import { deleteKeysWithPrefix, describeWithRedis, everythingStored, redisUrl, testRedis, uniquePrefix } from './redis.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HEAD = '6666666666666666666666666666666666666666';
const BEFORE = '7777777777777777777777777777777777777777';

interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

describeWithRedis('a worker killed mid-job', () => {
  let github: FakeGitHub;
  let prefix: string;
  let producer: Redis;
  let inspector: Redis;
  let queues: ScanQueues;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    github = await startFakeGitHub();
    prefix = uniquePrefix();
    producer = createRedisConnection(redisUrl(), 'producer', createLogger({ level: 'silent' }));
    inspector = testRedis();
    queues = createQueues(producer, { prefix });
    await queues.ready();
  });

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await queues.close();
    producer.disconnect();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
    await github.close();
  });

  function startWorker(): WorkerProcess {
    const child = spawn(process.execPath, ['--import', './test/queue/register-ts.mjs', 'test/queue/worker-process.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        APP_ID: String(APP_ID),
        PRIVATE_KEY: testPrivateKey(),
        REDIS_URL: redisUrl(),
        QUEUE_PREFIX: prefix,
        GHE_HOST: github.host,
        GHE_PROTOCOL: 'http',
        LOG_LEVEL: 'info',
        WORKER_CONCURRENCY: '1',
        LEAKSTOP_ALLOW_VOLATILE_REDIS: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const worker = { child, output, exited };
    workers.push(worker);
    return worker;
  }

  async function started(worker: WorkerProcess): Promise<void> {
    await waitFor('the worker to start', async () => (worker.output.join('').includes('leakstop started') ? true : undefined), 30_000);
  }

  it('is recovered by another worker, with one check run and one issue', async () => {
    const token = generateGithubStyleToken('ghp_');
    github.setCommit(HEAD, commitWithToken(HEAD, BEFORE, token));
    const hold = github.holdCommits();

    const first = startWorker();
    await started(first);
    const job: ScanJob = {
      kind: 'push',
      deliveryId: 'kill-test',
      installationId: 5,
      repository: { owner: 'octo-org', name: 'payments', id: 9, defaultBranch: 'main', private: true },
      headSha: HEAD,
      ref: 'refs/heads/main',
      before: BEFORE,
      createdBranch: false,
      commitShas: [HEAD],
      pusher: 'mona',
    };
    await queues.scan.add(job.kind, job, { jobId: scanJobId(job) });

    // The first worker is reading the commit, held, so the scan is slow enough to show an
    // in-progress check run: kill it there.
    await hold.requested;
    await waitFor('the in-progress check run', async () => (github.checkRuns.length === 1 ? true : undefined), 10_000);
    expect(github.checkRuns[0]).toMatchObject({ status: 'in_progress' });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    hold.release();

    const second = startWorker();
    await started(second);
    await waitFor('the recovered job to complete', async () => ((await queues.scan.getJobCounts('completed')).completed === 1 ? true : undefined), 30_000);
    await waitFor('its report (check run, incident) to be written', async () => ((await queues.scanReport.getJobCounts('completed')).completed === 1 ? true : undefined), 30_000);

    expect(github.unmatched).toEqual([]);
    expect(github.checkRuns).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure', annotations: [expect.objectContaining({ path: 'config/deploy.env' })] })]);
    expect(github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs'))).toHaveLength(1);
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]?.comments).toEqual([]);
    expect(second.output.join('')).toMatch(/job stalled/);

    // SIGTERM: the second worker drains and exits 0.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output.join('')).toContain('shut down cleanly');

    const everything = [...github.requests.map((r) => r.body), ...first.output, ...second.output, await everythingStored(inspector, prefix)].join('\n');
    expect(everything).not.toContain(token);
  }, 60_000);
});
