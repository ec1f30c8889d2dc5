import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../src/providers/slack/adapter.js';
import { credential, expectContained, expectDone, RETRYABLE_RATE_LIMIT, RETRYABLE_SERVER_ERROR, settingsFor, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const SLACK = 'https://slack.com';
const harness = useAdapterHarness('slack');

function botToken(): { raw: string; cred: ReturnType<typeof credential> } {
  const raw = `xoxb-996748406151-3968490419247-${randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, 'Q').slice(0, 24)}`;
  return { raw, cred: credential('slack-bot-token', raw) };
}

describe('slack adapter', () => {
  it('verifies and describes a live bot token from one auth.test and its x-oauth-scopes header', async () => {
    const { raw, cred } = botToken();
    nock(SLACK)
      .post('/api/auth.test')
      .matchHeader('authorization', `Bearer ${raw}`)
      .once()
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
    expect(harness.sent).toHaveLength(1);
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

});

const HOOKS = 'https://hooks.slack.com';
const APPS = 'https://api.slack.com/apps';
const TEAM = 'T04R7KQ2M9X';
const HOOK = 'B05BC8VJ3LP';

interface Webhook {
  token: string;
  path: string;
  cred: ReturnType<typeof credential>;
}

/** A leaked incoming webhook URL, as the slack-webhook-url rule reports it (scheme optional). */
function webhook(prefix = 'https://'): Webhook {
  const token = randomChars(24);
  const path = `/services/${TEAM}/${HOOK}/${token}`;
  return { token, path, cred: credential('slack-webhook-url', `${prefix}hooks.slack.com${path}`) };
}

/** The check: the webhook URL with `{}`, which Slack must refuse without posting anything. */
const check = (scope: nock.Scope, path: string): nock.Interceptor => scope.post(path, (body: unknown) => JSON.stringify(body) === '{}').matchHeader('content-type', 'application/json');

const LIVE_WEBHOOK = { account: `incoming webhook ${HOOK}`, owner: `workspace ${TEAM}`, type: 'incoming webhook' };

describe('slack adapter: incoming webhooks', () => {
  let current = webhook();
  verifyContract(harness, {
    adapter: slackAdapter,
    origin: HOOKS,
    credential: () => (current = webhook()).cred,
    request: (scope) => check(scope, current.path),
    // The kit answers 200; Slack's real answer to `{}` is a 400 refusal, tested below.
    live: { body: 'ok' },
    identity: LIVE_WEBHOOK,
    dead: { status: 404, body: 'no_service' },
  });

  it.each(['no_text', 'missing_text_or_fallback_or_attachments', 'invalid_payload'])('calls a webhook live when Slack refuses the empty payload with 400 %s', async (error) => {
    const { cred, path, token } = webhook();
    nock(HOOKS).post(path).reply(400, error, { 'content-type': 'text/plain' });
    const outcome = await slackAdapter.verify!(cred, harness.ctx);
    expect(expectDone(outcome)).toEqual(LIVE_WEBHOOK);
    expectContained(harness, cred.secret.reveal(), HOOKS, [outcome]);
    expect(outcome.summary).not.toContain(token);
  });

  it.each([
    [400, 'invalid_token'],
    [403, 'invalid_token'],
    [404, 'no_team'],
    [404, 'channel_not_found'],
    [410, 'channel_is_archived'],
  ])('calls a webhook not live on %i %s', async (status, error) => {
    const { cred, path, token } = webhook();
    nock(HOOKS).post(path).reply(status, error);
    const outcome = await slackAdapter.verify!(cred, harness.ctx);
    expect(outcome).toMatchObject({ status: 'not-live', summary: expect.stringContaining(`Slack says ${error}`) });
    expect(outcome.summary).not.toContain(token);
  });

  it('leaves other refusals to a human', async () => {
    const { cred, path } = webhook();
    nock(HOOKS).post(path).reply(403, 'action_prohibited');
    nock(HOOKS).post(path).reply(400, '<html>something else</html>');
    expect(await slackAdapter.verify!(cred, harness.ctx)).toMatchObject({ status: 'failed', retryable: false, summary: expect.stringContaining('action_prohibited') });
    expect(await slackAdapter.verify!(cred, harness.ctx)).toMatchObject({ status: 'failed', retryable: false, summary: expect.stringContaining('an unrecognised answer') });
  });

  it('checks a URL found without its scheme at Slack over https', async () => {
    const { cred, path } = webhook('');
    check(nock(HOOKS), path).reply(400, 'no_text');
    expect((await slackAdapter.verify!(cred, harness.ctx)).status).toBe('done');
    expect(harness.sent.map((request) => request.url)).toEqual([`${HOOKS}${path}`]);
  });

  it('sends the webhook only to the operator’s base URL, built from the path parts', async () => {
    const egress = 'https://slack-egress.acme.test';
    const ctx = { ...harness.ctx, settings: settingsFor('slack', { LEAKSTOP_SLACK_WEBHOOK_URL: egress }) };
    const { cred, path } = webhook();
    check(nock(egress), path).reply(400, 'no_text');
    expect((await slackAdapter.verify!(cred, ctx)).status).toBe('done');
    expect(harness.sent.map((request) => request.url)).toEqual([`${egress}${path}`]);
  });

  it('sends nothing for a URL that is not a Slack incoming webhook', async () => {
    const token = randomChars(24);
    const lookalikes = [
      `https://hooks.slack.com.evil.test/services/${TEAM}/${HOOK}/${token}`,
      `https://evil.test/hooks.slack.com/services/${TEAM}/${HOOK}/${token}`,
      `https://hooks.slack.com/services/${TEAM}/${HOOK}/${token}?next=https://evil.test`,
      `https://hooks.slack.com/services/${TEAM}/${HOOK}/../../${token}`,
    ];
    for (const url of lookalikes) {
      expect(await slackAdapter.verify!(credential('slack-webhook-url', url), harness.ctx)).toMatchObject({ status: 'unsupported', manualUrl: APPS });
    }
    expect(harness.sent).toEqual([]);
  });

  it('never calls a workflow webhook, which would run its workflow', async () => {
    const cred = credential('slack-webhook-url', `https://hooks.slack.com/workflows/${TEAM}/A05BC8VJ3LP/556124069871283745/${randomChars(24)}`);
    const manualUrl = 'https://api.slack.com/automation/triggers/webhook';
    expect(await slackAdapter.verify!(cred, harness.ctx)).toMatchObject({ status: 'unsupported', manualUrl });
    expect(await slackAdapter.revoke!(cred, harness.ctx)).toMatchObject({ status: 'unsupported', manualUrl });
    expect(harness.sent).toEqual([]);
  });

  it('never calls a webhook trigger either, and points at Workflow Builder rather than the apps page', async () => {
    const cred = credential('slack-webhook-url', `https://hooks.slack.com/triggers/${TEAM}/6921846301582/${randomChars(32)}`);
    const manualUrl = 'https://api.slack.com/automation/triggers/webhook';
    expect(await slackAdapter.verify!(cred, harness.ctx)).toMatchObject({ status: 'unsupported', manualUrl });
    expect(harness.sent).toEqual([]);
  });

  it('has no scopes to describe', async () => {
    expect(await slackAdapter.describe!(webhook().cred, harness.ctx)).toMatchObject({ status: 'unsupported', manualUrl: APPS });
    expect(harness.sent).toEqual([]);
  });

});
