// Discord bot tokens (verified; reset by hand) and webhooks (verified and deleted).
import type { ProviderModule } from '../provider.js';
import { discord } from './rules.js';
import { discordSettings } from './settings.js';

export const discordProvider: ProviderModule = {
  detection: discord,
  settings: discordSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://discord.com/developers/applications', how: 'Discord has no API to reset a bot token: reset it in the Developer Portal (Bot → Reset Token)' },
        rotate: 'none',
        describe: 'none',
        activity: 'none',
      },
      rules: {
        'discord-webhook-url': {
          revoke: 'api',
        },
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).discordAdapter,
  },
};
