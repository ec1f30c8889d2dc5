// HashiCorp Vault tokens: looked up and revoked on the operator's own Vault (LEAKSTOP_VAULT_URL).
import type { ProviderModule } from '../provider.js';
import { vault } from './rules.js';
import { vaultSettings } from './settings.js';

export const vaultProvider: ProviderModule = {
  detection: vault,
  settings: vaultSettings,
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
    loadAdapter: async () => (await import('./adapter.js')).vaultAdapter,
  },
};
