// End to end: a signed push webhook over HTTP to `leakstop start` running in this process, a real
// Redis, the worker, and GitHub mocked with nock. The pushed commit adds a checksum-valid GitHub
// token; the check run must fail with an annotation, an incident issue must open, and the raw token
// must appear in no request sent to GitHub, no log line and nothing stored in Redis.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import nock from 'nock';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../../src/process/app-process.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { fingerprint } from '../../src/detect/secret.js';
import { requestBodyProblems } from '../openapi.js';
import { deleteKeysWithPrefix, describeWithRedis, everythingStored, testRedis, uniquePrefix } from '../queue/redis.js';
import { deliver, WEBHOOK_SECRET } from '../webhooks/helpers.js';
import { API, captureLog, guardNetwork, testAppEnv, commitWithToken, installationTokenResponse, OWNER, pushOf, randomSha, recordRequests, REPO, waitFor, type CapturedLog, type RecordedRequest } from './helpers.js';

const CHECK_RUN_ID = 4242;
const ISSUE_NUMBER = 17;

describeWithRedis('a push that leaks a GitHub token, end to end', () => {
  let prefix: string;
  let inspector: Redis;
  let running: AppProcess | undefined;
  let captured: CapturedLog;
  let github: nock.Scope;
  let requests: RecordedRequest[];
  const network = guardNetwork();

  beforeEach(async () => {
    network.start();
    prefix = uniquePrefix();
    inspector = testRedis();
    captured = captureLog();
    github = nock(API);
    requests = recordRequests(github);
    running = await startAppProcess(
      'start',
      testAppEnv(prefix, {
        // Reporting alone: the leak response has its own end-to-end test (push-to-revocation).
        LEAKSTOP_RESPONSE: 'off',
      }),
      { log: captured.log, host: '127.0.0.1', worker: { retry: { baseDelayMs: 50, maxDelayMs: 200 } } },
    );
  });

  afterEach(async () => {
    await running?.close();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
    expect(network.stop()).toEqual([]);
  });

  it('fails the check run with an annotation, opens one incident, and never lets the token out', async () => {
    const token = generateGithubStyleToken('ghp_');
    const before = randomSha();
    const commit = randomSha();
    const checkRunBodies: unknown[] = [];
    github
      .post('/app/installations/1/access_tokens')
      .reply(201, installationTokenResponse())
      .get(`/repos/${OWNER}/${REPO}/commits/${commit}/check-runs`)
      .query({ check_name: 'leakstop', filter: 'latest', per_page: '100' })
      .reply(200, { total_count: 0, check_runs: [] })
      .post(`/repos/${OWNER}/${REPO}/check-runs`, (body: unknown) => checkRunBodies.push(body) > 0)
      .reply(201, { id: CHECK_RUN_ID, name: 'leakstop', head_sha: commit, status: 'completed', conclusion: 'failure' })
      .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fleakstop.yml`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/${OWNER}/.github/contents/.github%2Fleakstop.yml`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/${OWNER}/${REPO}/commits/${commit}`)
      .reply(200, commitWithToken(commit, before, token))
      .get(`/repos/${OWNER}/${REPO}/issues`)
      .query({ labels: 'leakstop', state: 'all', sort: 'created', direction: 'asc', per_page: '100', page: '1' })
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/issues`)
      .reply(201, { number: ISSUE_NUMBER, html_url: `https://github.com/${OWNER}/${REPO}/issues/${ISSUE_NUMBER}` });

    const delivered = await deliver(`http://127.0.0.1:${running?.port ?? 0}`, { event: 'push', payload: pushOf(commit, before), id: randomUUID() });
    expect(delivered.status).toBe(200);

    const queue = running?.queues?.scan;
    await waitFor('the scan job to complete', async () => ((await queue?.getJobCounts('completed'))?.completed === 1 ? true : undefined));
    // The check run and the incident are written by the scan's report job, which frees the scan's slot.
    await waitFor('the scan report job to complete', async () => ((await running?.queues?.scanReport.getJobCounts('completed'))?.completed === 1 ? true : undefined));
    expect(github.pendingMocks()).toEqual([]);

    // The check run: a quick scan creates it already completed, a failure with the finding, in one
    // request (a slow scan shows it in progress first: test/queue/worker-kill.test.ts).
    expect(checkRunBodies).toHaveLength(1);
    expect(checkRunBodies[0]).toMatchObject({ name: 'leakstop', head_sha: commit, status: 'completed' });
    const completed = checkRunBodies[0] as { conclusion: string; output: { annotations: { path: string; start_line: number; message: string }[] } };
    expect(completed.conclusion).toBe('failure');
    expect(completed.output.annotations).toHaveLength(1);
    expect(completed.output.annotations[0]).toMatchObject({ path: 'config/deploy.env', start_line: 2 });

    // The incident issue: the finding's fingerprint, labels, the redacted value only.
    const issue = requests.find((request) => request.method === 'POST' && request.path.endsWith('/issues'));
    const issueBody = JSON.parse(issue?.body ?? '{}') as { title: string; body: string; labels: string[] };
    expect(issueBody.labels).toContain('leakstop');
    expect(issueBody.body).toContain(fingerprint('github-pat-classic', token));
    expect(issueBody.title).toContain('ghp_');

    // Every body sent to GitHub is one GitHub's OpenAPI schema accepts.
    for (const request of requests.filter((r) => r.body !== '')) {
      const path = request.path.split('?')[0] ?? request.path;
      expect(requestBodyProblems(request.method, path, JSON.parse(request.body))).toEqual([]);
    }

    // The token itself: in no request to GitHub, no log line, nothing in Redis.
    expect(requests.length).toBeGreaterThanOrEqual(8);
    for (const request of requests) expect(request.body).not.toContain(token);
    expect(captured.lines.length).toBeGreaterThan(5);
    expect(captured.lines.join('\n')).not.toContain(token);
    expect(captured.lines.join('\n')).not.toContain(WEBHOOK_SECRET);
    const stored = await everythingStored(inspector, prefix);
    expect(stored).toContain(`${OWNER}/${REPO}`);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(4));
  });
});
