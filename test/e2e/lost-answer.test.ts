// End to end, the app as `leakstop start` builds it (Probot's octokit with its retries on): GitHub
// creates the check run and the incident issue but answers each create with a 502. The app must not
// send either create again; it looks each up (the run by external_id on the head SHA, the issue by
// its fingerprint marker) and carries on, with one check run and one issue. nock fails the test on
// any request it was not told about, a second create included, and on any lookup never made.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import nock from 'nock';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { startAppProcess, type AppProcess } from '../../src/process/app-process.js';
import { deleteKeysWithPrefix, describeWithRedis, testRedis, uniquePrefix } from '../queue/redis.js';
import { deliver } from '../webhooks/helpers.js';
import { API, captureLog, commitWithToken, guardNetwork, installationTokenResponse, OWNER, pushOf, randomSha, recordRequests, REPO, testAppEnv, waitFor, type RecordedRequest } from './helpers.js';

const CHECK_RUN_ID = 5151;
const ISSUE_NUMBER = 23;
const LIST_QUERY = { labels: 'leakstop', state: 'all', sort: 'created', direction: 'asc', per_page: '100', page: '1' };

describeWithRedis('GitHub creates, but its answer is lost', () => {
  let prefix: string;
  let inspector: Redis;
  let running: AppProcess | undefined;
  let github: nock.Scope;
  let requests: RecordedRequest[];
  const network = guardNetwork();

  beforeEach(async () => {
    network.start();
    prefix = uniquePrefix();
    inspector = testRedis();
    github = nock(API);
    requests = recordRequests(github);
    running = await startAppProcess('start', testAppEnv(prefix, { LEAKSTOP_RESPONSE: 'off' }), { log: captureLog().log, host: '127.0.0.1', worker: { retry: { baseDelayMs: 50, maxDelayMs: 200 } } });
  });

  afterEach(async () => {
    await running?.close();
    await deleteKeysWithPrefix(inspector, prefix);
    await inspector.quit();
    expect(network.stop()).toEqual([]);
  });

  it('writes one check run and opens one incident issue when both creates are answered 502', async () => {
    const token = generateGithubStyleToken('ghp_');
    const before = randomSha();
    const commit = randomSha();
    const created: { run?: { external_id: string }; issue?: { title: string; body: string } } = {};
    github
      .post('/app/installations/1/access_tokens')
      .reply(201, installationTokenResponse())
      .get(`/repos/${OWNER}/${REPO}/commits/${commit}/check-runs`)
      .query({ check_name: 'leakstop', filter: 'latest', per_page: '100' })
      .reply(200, { total_count: 0, check_runs: [] })
      .post(`/repos/${OWNER}/${REPO}/check-runs`)
      .reply(502, (_uri, body) => {
        created.run = body as { external_id: string };
        return { message: 'Server Error' };
      })
      .get(`/repos/${OWNER}/${REPO}/commits/${commit}/check-runs`)
      .query({ check_name: 'leakstop', filter: 'latest', per_page: '100' })
      .reply(200, () => ({ total_count: 1, check_runs: [{ id: CHECK_RUN_ID, name: 'leakstop', head_sha: commit, status: 'completed', conclusion: 'failure', external_id: created.run?.external_id }] }))
      .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fleakstop.yml`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/${OWNER}/.github/contents/.github%2Fleakstop.yml`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/${OWNER}/${REPO}/commits/${commit}`)
      .reply(200, commitWithToken(commit, before, token))
      .get(`/repos/${OWNER}/${REPO}/issues`)
      .query(LIST_QUERY)
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/issues`)
      .reply(502, (_uri, body) => {
        created.issue = body as { title: string; body: string };
        return { message: 'Server Error' };
      })
      .get(`/repos/${OWNER}/${REPO}/issues`)
      .query(LIST_QUERY)
      .reply(200, () => [{ number: ISSUE_NUMBER, title: created.issue?.title, body: created.issue?.body, state: 'open', updated_at: '2026-12-03T10:00:00Z', labels: [{ name: 'leakstop' }] }]);

    const delivered = await deliver(`http://127.0.0.1:${running?.port ?? 0}`, { event: 'push', payload: pushOf(commit, before), id: randomUUID() });
    expect(delivered.status).toBe(200);

    await waitFor('the scan report job to complete', async () => ((await running?.queues?.scanReport.getJobCounts('completed'))?.completed === 1 ? true : undefined), 30_000);
    expect(github.pendingMocks()).toEqual([]);
    const creates = requests.filter((r) => r.method === 'POST' && !r.path.includes('/access_tokens')).map((r) => r.path);
    expect(creates).toEqual([`/repos/${OWNER}/${REPO}/check-runs`, `/repos/${OWNER}/${REPO}/issues`]);
    expect(await running?.queues?.scanReport.getJobCounts('failed')).toMatchObject({ failed: 0 });
  });
});
