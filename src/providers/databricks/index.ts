// Databricks tokens: verified on their own workspace when the finding names a Databricks domain; revoked in the workspace.
import type { ProviderModule } from '../provider.js';
import { databricks } from './rules.js';

export const databricksProvider: ProviderModule = {
  detection: databricks,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: { manual: 'https://docs.databricks.com/en/dev-tools/auth/pat.html', how: 'Databricks needs the token id to revoke it: revoke it in the workspace (Settings → Developer → Access tokens)' },
        rotate: 'none',
        describe: 'none',
        activity: 'none',
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).databricksAdapter,
  },
};
