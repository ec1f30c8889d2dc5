// Twilio auth tokens (verified with their Account SID) and API keys; both replaced by hand in the Console.
import type { ProviderModule } from '../provider.js';
import { twilio } from './rules.js';
import { twilioSettings } from './settings.js';

export const twilioProvider: ProviderModule = {
  detection: twilio,
  settings: twilioSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://console.twilio.com/us1/account/keys-credentials/api-keys', how: 'an auth token is replaced, not revoked: create a secondary auth token in the Console, move the applications to it, then promote it so the leaked one stops working' },
        rotate: 'none',
        describe: 'none',
        activity: 'none',
      },
      rules: {
        'twilio-api-key-secret': {
          verify: { manual: 'https://console.twilio.com/us1/account/keys-credentials/api-keys', how: 'Twilio cannot tell a live Standard API key from a dead one by its secret alone: check the key in the Console' },
          revoke: { manual: 'https://console.twilio.com/us1/account/keys-credentials/api-keys', how: 'a Twilio API key cannot delete itself (only the account’s auth token or a Main key may): delete the key in the Console' },
        },
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).twilioAdapter,
  },
};
