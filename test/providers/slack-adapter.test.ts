import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { slackAdapter } from '../../src/providers/slack-adapter.js';
import { credential, expectContained, expectDone, RETRYABLE_RATE_LIMIT, RETRYABLE_SERVER_ERROR, useAdapterHarness } from './adapter-kit.js';

const SLACK = 'https://slack.com';
const harness = useAdapterHarness();

function botToken(): { raw: string; cred: ReturnType<typeof credential> } {
  const raw = `xoxb-996748406151-3968490419247-${randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, 'Q').slice(0, 24)}`;
  return { raw, cred: credential('slack-bot-token', raw) };
}

describe('slack adapter', () => {
  it('verifies and describes a live bot token from auth.test and its x-oauth-scopes header', async () => {
    const { raw, cred } = botToken();
    nock(SLACK)
      .post('/api/auth.test')
      .matchHeader('authorization', `Bearer ${raw}`)
      .times(2)
      .reply(
        200,
        { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'deploybot', team_id: 'T0123', user_id: 'U0456', bot_id: 'B0789', is_enterprise_install: false },
        { 'x-oauth-scopes': 'chat:write,channels:read,users:read' },
      );
    const verified = await slackAdapter.verify!(cred, harness.ctx);
    const described = await slackAdapter.describe!(cred, harness.ctx);
    expect(expectDone(verified)).toEqual({ account: 'deploybot', owner: 'Acme', type: 'bot token' });
    expect(expectDone(described).scopes).toEqual(['chat:write', 'channels:read', 'users:read']);
    expectContained(harness, raw, SLACK, [verified, described]);
  });

  it('reads Slack’s ok:false errors: invalid_auth is not live, others fail for a human', async () => {
    const { cred } = botToken();
    nock(SLACK).post('/api/auth.test').reply(200, { ok: false, error: 'invalid_auth' });
    nock(SLACK).post('/api/auth.test').reply(200, { ok: false, error: 'ekm_access_denied' });
    expect(await slackAdapter.verify!(cred, harness.ctx)).toMatchObject({ status: 'not-live', summary: 'Slack auth.test: Slack says invalid_auth' });
    expect(await slackAdapter.verify!(cred, harness.ctx)).toMatchObject({ status: 'failed', retryable: false });
  });

  it('passes on Retry-After from a 429 and retries a 500', async () => {
    const { cred } = botToken();
    nock(SLACK).post('/api/auth.test').reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' });
    nock(SLACK).post('/api/auth.test').reply(500, 'oops');
    expect(await slackAdapter.verify!(cred, harness.ctx)).toMatchObject(RETRYABLE_RATE_LIMIT);
    expect(await slackAdapter.verify!(cred, harness.ctx)).toMatchObject(RETRYABLE_SERVER_ERROR);
  });

  it('revokes with auth.revoke, and calls an already revoked token not live', async () => {
    const { raw, cred } = botToken();
    nock(SLACK).post('/api/auth.revoke').matchHeader('authorization', `Bearer ${raw}`).reply(200, { ok: true, revoked: true });
    nock(SLACK).post('/api/auth.revoke').reply(200, { ok: false, error: 'token_revoked' });
    const revoked = await slackAdapter.revoke!(cred, harness.ctx);
    expect(revoked).toMatchObject({ status: 'done', data: { reversible: false } });
    expect((await slackAdapter.revoke!(cred, harness.ctx)).status).toBe('not-live');
    expectContained(harness, raw, SLACK, [revoked]);
  });

  it('sends incoming webhooks to a human without calling Slack', async () => {
    const url = 'https://hooks.slack.com/services/T0123ABCD/B0456EFGH/abcdefghijklmnopqrstuvwx';
    const outcome = await slackAdapter.revoke!(credential('slack-webhook-url', url), harness.ctx);
    expect(outcome).toMatchObject({ status: 'unsupported', manualUrl: 'https://api.slack.com/messaging/webhooks' });
    expect(harness.sent).toEqual([]);
  });
});
