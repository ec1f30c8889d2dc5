// Postman API keys: GET /me; deleted on the API keys page.
import type { ProviderModule } from '../provider.js';
import { postman } from './rules.js';
import { postmanSettings } from './settings.js';

export const postmanProvider: ProviderModule = {
  detection: postman,
  settings: postmanSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://go.postman.co/settings/me/api-keys', how: 'Postman has no API to revoke an API key: delete it on the API keys page' },
        rotate: 'none',
        describe: 'none',
        activity: 'none',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).postmanAdapter,
  },
};
