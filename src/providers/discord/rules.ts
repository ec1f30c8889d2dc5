// Discord credentials: bot tokens (base64 of the bot's user id, a timestamp part and an HMAC, joined
// by dots) and webhook URLs (https://discord.com/api/webhooks/<id>/<token>).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** Discord user ids are snowflakes: 17 to 20 decimal digits. */
const SNOWFLAKE = /^[1-9][0-9]{16,19}$/;

/** The first part of a bot token is the bot's user id in base64: decoding it proves the shape. */
function checkBotToken({ secret }: Candidate): Validation {
  const userId = Buffer.from(secret.slice(0, secret.indexOf('.')), 'base64url').toString('latin1');
  if (!SNOWFLAKE.test(userId)) return { valid: false, reason: 'first part is not a base64 user id' };
  return { valid: true, confidence: 'structure', details: { discordBotUserId: userId } };
}

const botToken: Rule = {
  id: 'discord-bot-token',
  provider: 'discord',
  title: 'Discord bot token',
  severity: 'high',
  // The token itself has no fixed prefix: look near where bots are configured.
  keywords: ['discord', 'bot_token', 'bottoken', '.login('],
  keywordsIgnoreCase: true,
  window: { before: 400, after: 400 },
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])/,
  minEntropy: 3.5,
  validate: checkBotToken,
  remediation:
    'Reset the token in the Discord Developer Portal (Applications → your app → Bot → Reset Token, https://discord.com/developers/applications); the old token stops working immediately.',
  samples: {
    positive: [
      'DISCORD_BOT_TOKEN=MTc2MDczNTE1NDM5NTM4ODYz.223j8o.jExGA0oQtNBd19_ROu4ZwlUTPnymdthufZ-kxx',
      "const { Client } = require('discord.js');\nconst client = new Client({ intents: [] });\nclient.login('MTY5NDM3MjIzNjMxNTIxNTAz.Bdi6D6.zW6--kl5hC3zB5vodd9y795QdSnNVOdtL4ueZB');",
    ],
    negative: [
      // First part does not decode to a numeric user id.
      'DISCORD_BOT_TOKEN=MZ1yGvKTjE0rY0cV8i47CjAa.Gx9kQe.u4mWl0sPq8ZrT2vXyB6nC3dE5fH7jK9LmNo',
      'DISCORD_BOT_TOKEN=your-bot-token-here',
      'DISCORD_BOT_TOKEN=MTc2MDczNTE1NDM5NTM4ODYz.223j8o.jExGA0oQtNBd19',
      // No Discord context: a dotted base64 string elsewhere is not reported by this rule.
      'session = "MTc2MDczNTE1NDM5NTM4ODYz.223j8o.jExGA0oQtNBd19_ROu4ZwlUTPnymdthufZ-kxx"',
    ],
  },
};

const WEBHOOK_ID = /\/webhooks\/(\d{17,20})\//;

/** The webhook id is public (it names the webhook); only the token after it is secret. */
function checkWebhook({ match }: Candidate): Validation {
  const id = WEBHOOK_ID.exec(match)?.[1];
  if (!id) return { valid: false, reason: 'no webhook id' };
  return { valid: true, confidence: 'structure', details: { discordWebhookId: id } };
}

const webhookUrl: Rule = {
  id: 'discord-webhook-url',
  provider: 'discord',
  title: 'Discord webhook URL',
  severity: 'medium',
  keywords: ['discord.com/api', 'discordapp.com/api'],
  window: { before: 20, after: 150 },
  pattern:
    /https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/\d{17,20}\/(?<secret>[A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: checkWebhook,
  remediation:
    'Delete the webhook in Discord (Server Settings → Integrations → Webhooks, or Edit Channel → Integrations) and create a new one; anyone with the URL can post to the channel until then.',
  samples: {
    positive: [
      'DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/1708223902350749370/2iSmSZycncn2kcZacJaTQzLvRK5qhrJGANF2sOYTd95xVATzZmRIO53EH07lmZdWmnwq',
      'requests.post("https://discordapp.com/api/webhooks/2008642339306424344/_ypvKNeofjTPVYT3GDhA1t9g4o7WouYqWd8mWkiVLrhVA06LxyPGprOXJhetB8M1SHwu", json=payload)',
    ],
    negative: [
      'DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/<id>/<token>',
      'DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/1708223902350749370/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // API documentation URL without a token.
      'See https://discord.com/api/webhooks/{webhook.id}/{webhook.token} for the endpoint.',
      'https://discord.com/api/webhooks/1708223902350749370/2iSmSZycncn2kcZacJaTQz',
    ],
  },
};

export const discord: ProviderDefinition = { id: 'discord', name: 'Discord', rules: [botToken, webhookUrl] };
