// Anthropic keys: verified with the key; disabled, described and their usage read with the operator's Admin API key.
import type { ProviderModule } from '../provider.js';
import { anthropic } from './rules.js';
import { anthropicSettings } from './settings.js';

export const anthropicProvider: ProviderModule = {
  detection: anthropic,
  settings: anthropicSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: 'api',
        rotate: 'none',
        describe: 'api',
        activity: 'api',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).anthropicAdapter,
  },
};
