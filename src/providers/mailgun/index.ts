// Mailgun keys: the domains they reach; deleted on the API security page.
import type { ProviderModule } from '../provider.js';
import { mailgun } from './rules.js';
import { mailgunSettings } from './settings.js';

export const mailgunProvider: ProviderModule = {
  detection: mailgun,
  settings: mailgunSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://app.mailgun.com/settings/api_security', how: 'Mailgun has no API to revoke the calling key: delete it on the API security page' },
        rotate: 'none',
        describe: 'api',
        activity: 'none',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).mailgunAdapter,
  },
};
