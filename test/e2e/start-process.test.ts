// `leakstop start` in its own process, scan workers on a worker thread: a signed push over HTTP is
// scanned into a failed check run and an incident issue on a fake GitHub Enterprise host, and
// SIGTERM drains the web server, the thread's workers and Redis, then exits 0.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { startFakeGitHub, type FakeGitHub } from '../queue/fake-github-server.js';
import { deleteKeysWithPrefix, describeWithRedis, everythingStored, testRedis, uniquePrefix } from '../queue/redis.js';
import { deliver } from '../webhooks/helpers.js';
import { commitWithToken, pushOf, randomSha, testAppEnv, waitFor } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describeWithRedis('`leakstop start` as a process', () => {
  let github: FakeGitHub;
  let inspector: Redis;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    github = await startFakeGitHub();
    inspector = testRedis();
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
    await github.close();
  });

  it('scans a push on its worker thread and drains on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', './test/queue/register-ts.mjs', 'test/e2e/start-process.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...testAppEnv(prefix, { GHE_HOST: github.host, GHE_PROTOCOL: 'http', LOG_LEVEL: 'info' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await waitFor(
        'the web server to listen',
        async () => {
          const line = output.join('').split('\n').find((l) => l.includes('"receiving webhooks"'));
          return line === undefined ? undefined : (JSON.parse(line) as { port: number }).port;
        },
        30_000,
      );
      await waitFor('the worker thread to start', async () => (output.join('').includes('scan workers run on a worker thread') ? true : undefined), 30_000);

      const token = generateGithubStyleToken('ghp_');
      const before = randomSha();
      const commit = randomSha();
      github.setCommit(commit, commitWithToken(commit, before, token));
      const response = await deliver(`http://127.0.0.1:${port}`, { event: 'push', payload: pushOf(commit, before), id: randomUUID() });
      expect(response.status).toBe(200);

      await waitFor('the incident issue', async () => (github.issues.length === 1 ? true : undefined), 30_000);
      expect(github.checkRuns).toEqual([expect.objectContaining({ head_sha: commit, status: 'completed', conclusion: 'failure' })]);
      expect(github.unmatched).toEqual([]);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output.join('')).toContain('shut down cleanly');
      const everything = [...github.requests.map((r) => r.body), ...output, await everythingStored(inspector, prefix)].join('\n');
      expect(everything).not.toContain(token);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
