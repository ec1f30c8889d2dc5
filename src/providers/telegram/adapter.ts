// What leakstop can do about a leaked Telegram bot token: getMe (https://core.telegram.org/bots/api#getme)
// names the bot; 401 means the token is revoked. The Bot API answers 429 with
// parameters.retry_after and a Retry-After header when flooded (https://core.telegram.org/bots/faq).
// Only @BotFather can revoke a token (/revoke). The token is part of the URL path, as the Bot API
// requires: summaries name the method, never the URL.
import { z } from 'zod';
import type { TelegramSettings } from './settings.js';
import { httpAdapter } from '../http-adapter.js';

const MANUAL_URL = 'https://core.telegram.org/bots/features#botfather';

const getMeSchema = z.object({
  ok: z.literal(true),
  result: z.object({ id: z.number(), is_bot: z.boolean(), first_name: z.string(), username: z.string().optional() }),
});

export const telegramAdapter = httpAdapter({
  provider: 'telegram',
  manualRevokeUrl: MANUAL_URL,
  inspect: {
    what: 'Telegram getMe',
    url: (settings: TelegramSettings, token) => `${settings.apiUrl}/bot${token}/getMe`,
    auth: { inUrl: true },
    schema: getMeSchema,
    identity: ({ result: bot }) => {
      const name = bot.username ? `@${bot.username}` : bot.first_name;
      return { data: { account: `${name} (${bot.id})`, type: 'bot token' }, summary: `live Telegram bot token of ${name}` };
    },
  },
});
