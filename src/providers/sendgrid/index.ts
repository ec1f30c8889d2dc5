// SendGrid keys: their scopes, and deletion where the key may delete itself.
import type { ProviderModule } from '../provider.js';
import { sendgrid } from './rules.js';
import { sendgridSettings } from './settings.js';

export const sendgridProvider: ProviderModule = {
  detection: sendgrid,
  settings: sendgridSettings,
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
    loadAdapter: async () => (await import('./adapter.js')).sendgridAdapter,
  },
};
