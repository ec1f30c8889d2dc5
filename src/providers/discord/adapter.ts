// What leakstop can do about a leaked Discord credential (https://discord.com/developers/docs/reference,
// API v10). Discord allows 50 requests a second per bot and answers 429 with Retry-After
// (https://discord.com/developers/docs/topics/rate-limits).
// - Bot tokens: GET /users/@me with `Authorization: Bot <token>` names the bot. Only the Developer
//   Portal can reset a bot token.
// - Webhook URLs: GET /webhooks/{id}/{token} describes the webhook and DELETE /webhooks/{id}/{token}
//   removes it (204); the token in the URL is its own authorisation
//   (https://discord.com/developers/docs/resources/webhook).
import { z } from 'zod';
import type { Credential, Identity, Outcome, ProviderAdapter, AdapterContext, Revocation } from '../contract.js';
import type { DiscordSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';

const PORTAL = 'https://discord.com/developers/applications';
const WEBHOOK_HELP = 'https://support.discord.com/hc/en-us/articles/228383668-Intro-to-Webhooks';
const WEBHOOK_RULE = 'discord-webhook-url';
const SNOWFLAKE = /^[0-9]{17,20}$/;

function webhookUrl(credential: Credential, ctx: AdapterContext<DiscordSettings>): string | undefined {
  const id = credential.details['discordWebhookId'];
  if (id === undefined || !SNOWFLAKE.test(id)) return undefined;
  return `${ctx.settings.apiUrl}/webhooks/${id}/${encodeURIComponent(credential.secret.reveal())}`;
}

function noWebhookId(): Outcome<never> {
  return unsupported('the finding carries no webhook id, so leakstop cannot address the webhook', WEBHOOK_HELP);
}

async function verifyBot(credential: Credential, ctx: AdapterContext<DiscordSettings>): Promise<Outcome<Identity>> {
  const response = await callProvider(ctx, {
    what: 'Discord GET /users/@me',
    url: `${ctx.settings.apiUrl}/users/@me`,
    headers: { authorization: `Bot ${credential.secret.reveal()}` },
    schema: z.object({ id: z.string(), username: z.string(), bot: z.boolean().optional() }),
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  const { username, id } = response.data;
  return { status: 'done', data: { account: `${username} (${id})`, type: 'bot token' }, summary: `live Discord bot token of ${username}` };
}

async function verifyWebhook(credential: Credential, ctx: AdapterContext<DiscordSettings>): Promise<Outcome<Identity>> {
  const url = webhookUrl(credential, ctx);
  if (!url) return noWebhookId();
  const response = await callProvider(ctx, {
    what: 'Discord GET /webhooks/{id}/{token}',
    url,
    schema: z.object({ id: z.string(), name: z.string().nullable(), channel_id: z.string().nullable().optional(), guild_id: z.string().nullable().optional() }),
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  const { name, channel_id: channel, guild_id: guild } = response.data;
  const identity: Identity = {
    account: `webhook "${name ?? response.data.id}"${channel ? ` in channel ${channel}` : ''}`,
    type: 'webhook',
    ...(guild ? { owner: `guild ${guild}` } : {}),
  };
  return { status: 'done', data: identity, summary: `live Discord webhook "${name ?? response.data.id}"` };
}

async function deleteWebhook(credential: Credential, ctx: AdapterContext<DiscordSettings>): Promise<Outcome<Revocation>> {
  const url = webhookUrl(credential, ctx);
  if (!url) return noWebhookId();
  const response = await callProvider(ctx, {
    what: 'Discord DELETE /webhooks/{id}/{token}',
    method: 'DELETE',
    url,
    schema: z.unknown(),
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  return { status: 'done', data: { reversible: false }, summary: 'Discord deleted the webhook; create a new one for the channel' };
}

export const discordAdapter: ProviderAdapter<DiscordSettings> = {
  provider: 'discord',
  manualRevokeUrl: PORTAL,

  verify(credential, ctx) {
    return credential.ruleId === WEBHOOK_RULE ? verifyWebhook(credential, ctx) : verifyBot(credential, ctx);
  },

  revoke(credential, ctx) {
    if (credential.ruleId === WEBHOOK_RULE) return deleteWebhook(credential, ctx);
    return Promise.resolve(unsupported('Discord has no API to reset a bot token: reset it in the Developer Portal (Bot → Reset Token)', PORTAL));
  },
};
