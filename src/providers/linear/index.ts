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
      // The adapter sends a personal key as it is; an OAuth token needs `Bearer`, so it is not verified.
      rules: {
        'linear-oauth-token': {
          verify: 'none',
          revoke: { manual: 'https://linear.app/settings/applications', how: 'Revoke the token with POST https://api.linear.app/oauth/revoke, or remove the application\'s authorization in Settings → Applications' },
        },
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).linearAdapter,
  },
};
