// Linear API keys: viewer query; revoked in the settings.
import type { ProviderModule } from '../provider.js';
import { linear } from './rules.js';
import { linearSettings } from './settings.js';

export const linearProvider: ProviderModule = {
  detection: linear,
  settings: linearSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://linear.app/settings/account/security', how: 'Linear has no API to revoke a personal API key: revoke it in Settings → Security & access' },
        rotate: 'none',
        describe: 'none',
        activity: 'none',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).linearAdapter,
  },
};
