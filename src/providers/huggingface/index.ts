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
    },
    loadAdapter: async () => (await import('./adapter.js')).huggingfaceAdapter,
  },
};
