// Hugging Face tokens: whoami (role, organizations); revoked by hand.
import type { ProviderModule } from '../provider.js';
import { huggingface } from './rules.js';
import { huggingfaceSettings } from './settings.js';

export const huggingfaceProvider: ProviderModule = {
  detection: huggingface,
  settings: huggingfaceSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://huggingface.co/settings/tokens', how: 'Hugging Face has no API to revoke a token: invalidate or delete it on the tokens page' },
        rotate: 'none',
        describe: 'api',
        activity: 'none',
      },
      rules: {
        // whoami answers for user tokens; an organization token is checked and deleted by hand.
        'huggingface-org-token': {
          verify: 'none',
          revoke: { manual: 'https://huggingface.co/organizations', how: "delete the token in the organization's settings" },
          describe: 'none',
        },
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).huggingfaceAdapter,
  },
};
