// Slack tokens: auth.test tells who they are and what they may do, auth.revoke ends them; incoming webhooks are checked without posting and removed by hand.
import type { ProviderModule } from '../provider.js';
import { slack } from './rules.js';
import { slackSettings } from './settings.js';

export const slackProvider: ProviderModule = {
  detection: slack,
  settings: slackSettings,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: 'api',
        rotate: 'none',
        describe: 'api',
        activity: 'none',
      },
      rules: {
        'slack-webhook-url': {
          revoke: { manual: 'https://api.slack.com/apps', how: 'Slack has no API to remove an incoming webhook: remove it from the app’s Incoming Webhooks page' },
          describe: 'none',
        },
      },
    },
    loadAdapter: async () => (await import('./adapter.js')).slackAdapter,
  },
};
