// GitLab tokens: personal access tokens verified, described, revoked and rotated through the token's own API (rotating revokes the old one), runner tokens verified and deleted; the others by hand.
import type { ProviderModule } from '../provider.js';
import { gitlab } from './rules.js';
import { gitlabSettings } from './settings.js';

export const gitlabProvider: ProviderModule = {
  detection: gitlab,
  settings: gitlabSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: 'api',
        rotate: 'api',
        describe: 'api',
        activity: 'api',
      },
      rules: {
        'gitlab-runner-token': {
          rotate: 'none',
          describe: 'none',
          activity: 'none',
        },
        'gitlab-runner-token-routable': {
          rotate: 'none',
          describe: 'none',
          activity: 'none',
        },
        'gitlab-deploy-token': {
          verify: { manual: 'https://docs.gitlab.com/security/tokens/', how: 'GitLab offers no API to check this kind of token with the token alone' },
          revoke: { manual: 'https://docs.gitlab.com/security/tokens/', how: 'GitLab offers no API to revoke this kind of token with the token alone: revoke it in the project or group settings' },
          rotate: { manual: 'https://docs.gitlab.com/security/tokens/' },
          describe: 'none',
          activity: 'none',
        },
        'gitlab-pipeline-trigger-token': {
          verify: { manual: 'https://docs.gitlab.com/security/tokens/', how: 'GitLab offers no API to check this kind of token with the token alone' },
          revoke: { manual: 'https://docs.gitlab.com/security/tokens/', how: 'GitLab offers no API to revoke this kind of token with the token alone: revoke it in the project or group settings' },
          rotate: { manual: 'https://docs.gitlab.com/security/tokens/' },
          describe: 'none',
          activity: 'none',
        },
        'gitlab-oauth-app-secret': {
          verify: { manual: 'https://docs.gitlab.com/security/tokens/', how: 'GitLab offers no API to check this kind of token with the token alone' },
          revoke: { manual: 'https://docs.gitlab.com/security/tokens/', how: 'GitLab offers no API to revoke this kind of token with the token alone: revoke it in the project or group settings' },
          rotate: { manual: 'https://docs.gitlab.com/security/tokens/' },
          describe: 'none',
          activity: 'none',
        },
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).gitlabAdapter,
  },
};
