// AWS access keys: verified with STS, deactivated and quarantined, replaced, described and traced through CloudTrail, with the operator's credentials for the key's account (LEAKSTOP_AWS_*).
import type { ProviderModule } from '../provider.js';
import { aws } from './rules.js';

export const awsProvider: ProviderModule = {
  detection: aws,
  response: {
    capabilities: {
      default: {
        verify: 'api',
        revoke: 'api',
        rotate: 'api',
        describe: 'api',
        activity: 'api',
      },
    },
    // The settings are read now, so a bad LEAKSTOP_AWS_* stops the worker at start-up.
    loadAdapter: async (deps) => {
      const [{ createAwsAdapter }, { parseAwsSettings }] = await Promise.all([import('./adapter.js'), import('./settings.js')]);
      return createAwsAdapter({ settings: parseAwsSettings(deps.env), env: deps.env });
    },
  },
};
