// LaunchDarkly keys (https://launchdarkly.com/docs/home/account/api, https://launchdarkly.com/docs/sdk/concepts/client-side-server-side#keys):
// REST API access tokens are `api-` + a UUID, server-side SDK keys `sdk-` + a UUID. Mobile keys
// (`mob-`) ship inside apps and client-side ids are public: neither is a finding. The UUID right
// after the prefix is what the pattern demands; `api-` alone is everywhere in code.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const accessToken: Rule = {
  id: 'launchdarkly-access-token',
  provider: 'launchdarkly',
  title: 'LaunchDarkly API access token',
  severity: 'high',
  keywords: ['api-'],
  prefixes: ['api-'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>api-${UUID})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Reset or delete the token in LaunchDarkly (Organization settings → Authorization → Access tokens, https://app.launchdarkly.com/settings/authorization), and review the audit log for flag changes made with it.',
  samples: {
    positive: ['LD_API_TOKEN=api-418c19b1-d443-427b-bb4c-d3839d92d86c', 'curl https://app.launchdarkly.com/api/v2/flags/default -H "Authorization: api-d5ff746d-2441-4378-bb3c-859fd18d8ab5"'],
    negative: [
      'LD_API_TOKEN=api-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'LD_API_TOKEN=api-00000000-0000-0000-0000-000000000000',
      'const url = `${base}/x-api-418c19b1-d443-427b-bb4c-d3839d92d86c`;',
      // A route, not a token: the UUID is cut short.
      'GET /api-418c19b1-d443-427b-bb4c',
    ],
  },
};

const sdkKey: Rule = {
  id: 'launchdarkly-sdk-key',
  provider: 'launchdarkly',
  title: 'LaunchDarkly server-side SDK key',
  severity: 'high',
  keywords: ['sdk-'],
  prefixes: ['sdk-'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sdk-${UUID})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    "Reset the environment's SDK key in LaunchDarkly (Projects → the project → Environments → ⋯ → Reset SDK key, https://launchdarkly.com/docs/home/account/environment/keys), with an expiry that lets servers move to the new key.",
  samples: {
    positive: ['LAUNCHDARKLY_SDK_KEY=sdk-81a8672a-765d-4b6b-9951-2ff3b3372486', 'client = ldclient.LDClient(Config("sdk-e5f38090-6cc3-479d-9432-8de2bd2be3b9"))'],
    negative: [
      // Mobile keys ship inside apps.
      'LAUNCHDARKLY_MOBILE_KEY=mob-8eb51435-929b-45fc-a264-2ba9e5197493',
      'LAUNCHDARKLY_SDK_KEY=sdk-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'LAUNCHDARKLY_SDK_KEY=sdk-<your key>',
      'const id = "aws-sdk-e5f38090-6cc3-479d-9432-8de2bd2be3b9";',
    ],
  },
};

export const launchdarkly: ProviderDefinition = { id: 'launchdarkly', name: 'LaunchDarkly', rules: [accessToken, sdkKey] };
