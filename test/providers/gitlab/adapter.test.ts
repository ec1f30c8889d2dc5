import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { generateGitlabRoutableToken } from '../../../src/detect/checksum.js';
import { gitlabAdapter } from '../../../src/providers/gitlab/adapter.js';
import { credential, expectContained, expectDone, RETRYABLE_RATE_LIMIT, RETRYABLE_SERVER_ERROR, useAdapterHarness } from '../adapter-kit.js';
import { GITLAB_TOKEN_SELF } from './fixtures.js';

const GITLAB = 'https://gitlab.acme.test';
const harness = useAdapterHarness('gitlab', { LEAKSTOP_GITLAB_URL: `${GITLAB}/` });

function pat(): { raw: string; cred: ReturnType<typeof credential> } {
  const raw = generateGitlabRoutableToken('glpat-', 'o:1\nu:2');
  return { raw, cred: credential('gitlab-pat-routable', raw) };
}

const SELF = GITLAB_TOKEN_SELF;

describe('gitlab adapter', () => {
  it('verifies, describes and reports the last use of a live token from GET /personal_access_tokens/self', async () => {
    const { raw, cred } = pat();
    nock(GITLAB).get('/api/v4/personal_access_tokens/self').matchHeader('private-token', raw).times(3).reply(200, SELF);

    const verified = await gitlabAdapter.verify!(cred, harness.ctx);
    const described = await gitlabAdapter.describe!(cred, harness.ctx);
    const activity = await gitlabAdapter.activity!(cred, harness.ctx);

    expect(expectDone(verified)).toEqual({ account: 'GitLab user #77', type: 'personal access token "deploy-bot"', expiresAt: '2027-01-31T00:00:00.000Z' });
    expect(expectDone(described)).toEqual({ scopes: ['api', 'read_repository'], notes: ['the token can rotate itself'] });
    expect(expectDone(activity)).toMatchObject({ lastUsedAt: '2026-11-23T11:50:12.000Z', events: [] });
    expectContained(harness, raw, GITLAB, [verified, described, activity]);
  });

  it('reports a revoked token as not live, whether GitLab answers 401 or shows it revoked', async () => {
    const { cred } = pat();
    nock(GITLAB).get('/api/v4/personal_access_tokens/self').reply(401, { message: '401 Unauthorized' });
    nock(GITLAB).get('/api/v4/personal_access_tokens/self').reply(200, { ...SELF, revoked: true, active: false });
    expect((await gitlabAdapter.verify!(cred, harness.ctx)).status).toBe('not-live');
    expect((await gitlabAdapter.verify!(cred, harness.ctx)).status).toBe('not-live');
  });

  it('passes on Retry-After from a 429 and retries a 503', async () => {
    const { cred } = pat();
    nock(GITLAB).get('/api/v4/personal_access_tokens/self').reply(429, 'Retry later', { 'retry-after': '30' });
    nock(GITLAB).get('/api/v4/personal_access_tokens/self').reply(503, 'maintenance');
    expect(await gitlabAdapter.verify!(cred, harness.ctx)).toMatchObject(RETRYABLE_RATE_LIMIT);
    expect(await gitlabAdapter.verify!(cred, harness.ctx)).toMatchObject(RETRYABLE_SERVER_ERROR);
  });

  it('revokes the token with DELETE self, and calls an already revoked token not live', async () => {
    const { raw, cred } = pat();
    nock(GITLAB).delete('/api/v4/personal_access_tokens/self').matchHeader('private-token', raw).reply(204);
    nock(GITLAB).delete('/api/v4/personal_access_tokens/self').reply(401, { message: '401 Unauthorized' });
    const revoked = await gitlabAdapter.revoke!(cred, harness.ctx);
    expect(revoked).toMatchObject({ status: 'done', data: { reversible: false } });
    expect((await gitlabAdapter.revoke!(cred, harness.ctx)).status).toBe('not-live');
    expectContained(harness, raw, GITLAB, [revoked]);
  });

  it('rotates the token with POST self/rotate and keeps the new token wrapped', async () => {
    const { raw, cred } = pat();
    const fresh = generateGitlabRoutableToken('glpat-', 'o:1\nu:2');
    nock(GITLAB)
      .post('/api/v4/personal_access_tokens/self/rotate')
      .matchHeader('private-token', raw)
      .reply(200, { ...SELF, id: 4243, expires_at: '2026-11-30', token: fresh });
    const outcome = await gitlabAdapter.rotate!(cred, harness.ctx);
    const rotation = expectDone(outcome);
    expect(rotation.replacement.reveal()).toBe(fresh);
    expect(rotation).toMatchObject({ revokedOriginal: true, consumerHint: 'same name and scopes as before; the new token expires on 2026-11-30' });
    expect(JSON.stringify(outcome)).not.toContain(fresh);
    expectContained(harness, raw, GITLAB, [outcome]);
  });

  it('explains a refused rotation (403: no api or self_rotate scope)', async () => {
    const { cred } = pat();
    nock(GITLAB).post('/api/v4/personal_access_tokens/self/rotate').reply(403, { message: '403 Forbidden' });
    const outcome = await gitlabAdapter.rotate!(cred, harness.ctx);
    expect(outcome).toMatchObject({ status: 'failed', retryable: false });
    expect(outcome.summary).toContain('self_rotate');
  });

  it('verifies and deletes a runner with its authentication token', async () => {
    const raw = generateGitlabRoutableToken('glrt-', 'o:1\nt:3');
    const cred = credential('gitlab-runner-token-routable', raw);
    nock(GITLAB).post('/api/v4/runners/verify', { token: raw }).reply(200, { id: 12, token: raw, token_expires_at: null });
    nock(GITLAB).delete('/api/v4/runners', { token: raw }).reply(204);
    expect(expectDone(await gitlabAdapter.verify!(cred, harness.ctx))).toEqual({ account: 'GitLab runner #12', type: 'runner authentication token' });
    expect((await gitlabAdapter.revoke!(cred, harness.ctx)).status).toBe('done');
  });

  it('sends deploy tokens to a human', async () => {
    const outcome = await gitlabAdapter.revoke!(credential('gitlab-deploy-token', 'gldt-2bQy9NfPzJx8kR4mW7cV'), harness.ctx);
    expect(outcome).toMatchObject({ status: 'unsupported', manualUrl: 'https://docs.gitlab.com/user/project/deploy_tokens/#revoke-a-deploy-token' });
    expect(harness.sent).toEqual([]);
  });
});
