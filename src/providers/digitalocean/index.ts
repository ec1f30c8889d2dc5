// DigitalOcean tokens: GET /v2/account; deleted in the control panel.
import type { ProviderModule } from '../provider.js';
import { digitalocean } from './rules.js';
import { digitaloceanSettings } from './settings.js';

export const digitaloceanProvider: ProviderModule = {
  detection: digitalocean,
  settings: digitaloceanSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://cloud.digitalocean.com/account/api/tokens', how: 'DigitalOcean has no API to delete a personal access token with the token alone: delete it in the control panel' },
        rotate: 'none',
        describe: 'none',
        activity: 'none',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).digitaloceanAdapter,
  },
};
