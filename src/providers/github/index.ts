// GitHub tokens: verified and described with GET /user (on GitHub Enterprise Server first when GHE_HOST is set, then github.com), classic and fine-grained ones revoked through the batched credential revocation API of the host where they are live (authenticated on GHES 3.19, unauthenticated on github.com), installation tokens with DELETE /installation/token; what they did from an organization's audit log.
import type { ProviderModule } from '../provider.js';
import { github } from './rules.js';
import { ghesUrls, githubSettings } from './settings.js';

export const githubProvider: ProviderModule = {
  detection: github,
  settings: githubSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: 'api',
        rotate: 'none',
        describe: 'api',
        activity: 'api',
      },
      rules: {
        'github-oauth-token': {
          revoke: { manual: 'https://github.com/settings/applications', how: 'GitHub\'s revocation API does not take OAuth app tokens (their app\'s client secret does): revoke the authorization by hand' },
        },
        'github-user-to-server-token': {
          revoke: { manual: 'https://github.com/settings/apps/authorizations', how: 'GitHub\'s revocation API does not take GitHub App user tokens: revoke the authorization by hand' },
        },
        'github-refresh-token': {
          verify: { manual: 'https://github.com/settings/apps/authorizations', how: 'a refresh token cannot call the API; only its app can use it' },
          revoke: { manual: 'https://github.com/settings/apps/authorizations', how: 'a refresh token is revoked with its app\'s authorization: revoke it by hand' },
          describe: 'none',
        },
      },
    },
    loadAdapter: async (deps) =>
      (await import('./adapter.js')).createGithubAdapter({
        ...(deps.githubRevokeBudget === undefined ? {} : { revoker: { budget: deps.githubRevokeBudget } }),
        // With GHES, revoking by hand starts on GHES's token page (the settings check GHE_HOST at start-up).
        ...(deps.env.GHE_HOST ? { webUrl: ghesUrls(deps.env.GHE_HOST, deps.env.GHE_PROTOCOL === 'http' ? 'http' : 'https').webUrl } : {}),
      }),
  },
};
