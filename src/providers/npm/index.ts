// npm tokens: whoami, the token list (read-only or publish, CIDR limits) and deletion by key.
import type { ProviderModule } from '../provider.js';
import { npm } from './rules.js';
import { npmSettings } from './settings.js';

export const npmProvider: ProviderModule = {
  detection: npm,
  settings: npmSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: 'api',
        rotate: 'none',
        describe: 'api',
        activity: 'none',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).npmAdapter,
  },
};
