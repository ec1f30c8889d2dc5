// Telegram bot tokens from @BotFather: `<bot id>:AA<33 characters>`.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** The token in Telegram's own Bot API documentation, copied into countless tutorials. */
const DOCUMENTATION_EXAMPLES = new Set(['110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw']);

/** Bot ids are positive integers; a leading zero means a number that was never an id. */
function checkBotId({ secret }: Candidate): Validation {
  if (DOCUMENTATION_EXAMPLES.has(secret)) return { valid: false, reason: 'example from the Bot API documentation' };
  return secret.startsWith('0') ? { valid: false, reason: 'bot id has a leading zero' } : { valid: true };
}

const botToken: Rule = {
  id: 'telegram-bot-token',
  provider: 'telegram',
  title: 'Telegram bot token',
  severity: 'high',
  // The `:AA` between the bot id and the secret is constant; the id before it is not.
  keywords: [':AA'],
  window: { before: 12, after: 40 },
  // In API URLs the token follows `/bot` directly: https://api.telegram.org/bot<token>/getMe.
  pattern: /(?:(?<=\/bot)|(?<![A-Za-z0-9_:-]))(?<secret>\d{8,10}:AA[A-Za-z0-9_-]{32,33})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: checkBotId,
  remediation:
    'Revoke the token with @BotFather in Telegram (/mybots → the bot → API Token → Revoke current token, https://core.telegram.org/bots/features#botfather) and deploy the new one.',
  samples: {
    positive: [
      'TELEGRAM_BOT_TOKEN=1387761119:AADKET_rJmF1n33XINJo1O6G1ASKY7eKtpf',
      "bot = telebot.TeleBot('3990735006:AAHsQWn74Y29pW7858oa1h4FLs9ZHUWAqBI')",
      'curl https://api.telegram.org/bot964037622:AAEQ4PLkYAXFVkIcA_J-TDOm4SKrIBduCe/getMe',
    ],
    negative: [
      'TELEGRAM_BOT_TOKEN=123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'TELEGRAM_BOT_TOKEN=<bot id>:AA<secret>',
      // The secret part is cut short.
      'TELEGRAM_BOT_TOKEN=1387761119:AADKET_rJmF1n33XINJo1O6G1ASKY7e',
      // A MAC-address-like run of hex pairs.
      'link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff 12345678:AA:BB:CC:DD',
    ],
  },
};

export const telegram: ProviderDefinition = { id: 'telegram', name: 'Telegram', rules: [botToken] };
