// OpenAI keys: verified with the key, described, revoked and rotated with the operator's admin key (or an admin key itself), usage per key.
import type { ProviderModule } from '../provider.js';
import { openai } from './rules.js';
import { openaiSettings } from './settings.js';

export const openaiProvider: ProviderModule = {
  detection: openai,
  settings: openaiSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: 'api',
        rotate: 'api',
        describe: 'api',
        activity: 'api',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).openaiAdapter,
  },
};
