import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { discordAdapter } from '../../../src/providers/discord/adapter.js';
import { credential, expectContained, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const DISCORD = 'https://discord.com';
const harness = useAdapterHarness('discord');

const botToken = () => credential('discord-bot-token', `MTc2MDczNTE1NDM5NTM4ODYz.${randomChars(6)}.${randomChars(38)}`, { discordBotUserId: '176073515439538863' });
const WEBHOOK_ID = '1708223902350749370';
const webhook = () => credential('discord-webhook-url', randomChars(68), { discordWebhookId: WEBHOOK_ID });

describe('discord adapter: bot tokens', () => {
  verifyContract(harness, {
    adapter: discordAdapter,
    origin: DISCORD,
    credential: botToken,
    request: (scope, raw) => scope.get('/api/v10/users/@me').matchHeader('authorization', `Bot ${raw}`),
    live: { body: { id: '176073515439538863', username: 'deploy-bot', discriminator: '0', bot: true } },
    identity: { account: 'deploy-bot (176073515439538863)', type: 'bot token' },
    dead: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
  });
});

describe('discord adapter: webhooks', () => {
  verifyContract(harness, {
    adapter: discordAdapter,
    origin: DISCORD,
    credential: webhook,
    request: (scope, raw) => scope.get(`/api/v10/webhooks/${WEBHOOK_ID}/${raw}`),
    live: { body: { id: WEBHOOK_ID, type: 1, name: 'CI alerts', channel_id: '1708223902350749000', guild_id: '1708223902350748000', application_id: null } },
    identity: { account: 'webhook "CI alerts" in channel 1708223902350749000', owner: 'guild 1708223902350748000', type: 'webhook' },
    dead: { status: 404, body: { message: 'Unknown Webhook', code: 10015 } },
  });

  it('deletes the webhook with its own URL', async () => {
    const cred = webhook();
    const raw = cred.secret.reveal();
    nock(DISCORD).delete(`/api/v10/webhooks/${WEBHOOK_ID}/${raw}`).reply(204);
    const outcome = await discordAdapter.revoke!(cred, harness.ctx);
    expect(outcome).toMatchObject({ status: 'done', data: { reversible: false } });
    expectContained(harness, raw, DISCORD, [outcome]);
  });

  it('calls an already deleted webhook not live', async () => {
    const cred = webhook();
    nock(DISCORD).delete(`/api/v10/webhooks/${WEBHOOK_ID}/${cred.secret.reveal()}`).reply(404, { message: 'Unknown Webhook', code: 10015 });
    expect((await discordAdapter.revoke!(cred, harness.ctx)).status).toBe('not-live');
  });

  it('sends nothing without a webhook id', async () => {
    const outcome = await discordAdapter.verify!(credential('discord-webhook-url', randomChars(68)), harness.ctx);
    expect(outcome.status).toBe('unsupported');
    expect(harness.sent).toEqual([]);
  });
});
