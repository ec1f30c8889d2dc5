// GitLab tokens: personal access tokens verified, described, revoked and rotated through the token's own API (rotating revokes the old one), runner tokens verified and deleted; the others by hand.
import type { Capabilities, ProviderModule } from '../provider.js';
import { gitlab } from './rules.js';
import { gitlabSettings } from './settings.js';

const TOKENS_PAGE = 'https://docs.gitlab.com/security/tokens/';

/** Runner tokens are verified and deleted through the runners API; nothing more can be read. */
const RUNNER: Partial<Capabilities> = { rotate: 'none', describe: 'none', activity: 'none' };

/** Deploy and trigger tokens and OAuth app secrets: no API takes them alone, a person acts in the settings. */
const BY_HAND: Partial<Capabilities> = {
  verify: { manual: TOKENS_PAGE, how: 'GitLab offers no API to check this kind of token with the token alone' },
  revoke: { manual: TOKENS_PAGE, how: 'GitLab offers no API to revoke this kind of token with the token alone: revoke it in the project or group settings' },
  rotate: { manual: TOKENS_PAGE },
  describe: 'none',
  activity: 'none',
};

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
        'gitlab-runner-token': RUNNER,
        'gitlab-runner-token-routable': RUNNER,
        'gitlab-deploy-token': BY_HAND,
        'gitlab-pipeline-trigger-token': BY_HAND,
        'gitlab-oauth-app-secret': BY_HAND,
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).gitlabAdapter,
  },
};
