// Doppler tokens: /v3/me, revoked with POST /v3/auth/revoke, last seen.
import type { ProviderModule } from '../provider.js';
import { doppler } from './rules.js';
import { dopplerSettings } from './settings.js';

export const dopplerProvider: ProviderModule = {
  detection: doppler,
  settings: dopplerSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: 'api',
        rotate: 'none',
        describe: 'none',
        activity: 'api',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).dopplerAdapter,
  },
};
