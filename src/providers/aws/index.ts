// AWS access keys (and Bedrock API keys, revoked by hand): verified with STS, deactivated and quarantined, replaced, described and traced through CloudTrail, with the operator's credentials for the key's account (LEAKSTOP_AWS_*).
import type { Capabilities, ProviderModule } from '../provider.js';
import { aws } from './rules.js';

/** Bedrock API keys are bearer tokens the adapter does not call with: deleted by hand. */
const BEDROCK_KEY: Capabilities = {
  verify: 'none',
  revoke: { manual: 'https://console.aws.amazon.com/iam/home#/users', how: "delete the key under the IAM user's API keys for Amazon Bedrock (short-term keys: revoke the generating identity's sessions)" },
  rotate: 'none',
  describe: 'none',
  activity: 'none',
};

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
      rules: {
        // A session token alone signs nothing: found with its pair it is part of aws-access-key-pair.
        'aws-session-token': {
          verify: 'none',
          revoke: { manual: 'https://console.aws.amazon.com/iam/home#/roles', how: "revoke the role's active sessions" },
          rotate: 'none',
          describe: 'none',
          activity: 'none',
        },
        'aws-bedrock-long-term-api-key': BEDROCK_KEY,
        'aws-bedrock-short-term-api-key': BEDROCK_KEY,
      },
    },
    // The settings are read now, so a bad LEAKSTOP_AWS_* stops the worker at start-up.
    loadAdapter: async (deps) => {
      const [{ createAwsAdapter }, { parseAwsSettings }] = await Promise.all([import('./adapter.js'), import('./settings.js')]);
      return createAwsAdapter({ settings: parseAwsSettings(deps.env), env: deps.env });
    },
  },
};
