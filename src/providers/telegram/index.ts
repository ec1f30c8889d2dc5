// Telegram bot tokens: getMe; revoked through @BotFather.
import type { ProviderModule } from '../provider.js';
import { telegram } from './rules.js';
import { telegramSettings } from './settings.js';

export const telegramProvider: ProviderModule = {
  detection: telegram,
  settings: telegramSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://core.telegram.org/bots/features#botfather', how: 'Telegram has no API to revoke a bot token: send /revoke to @BotFather' },
        rotate: 'none',
        describe: 'none',
        activity: 'none',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).telegramAdapter,
  },
};
