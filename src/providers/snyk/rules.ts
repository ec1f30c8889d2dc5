// Snyk API tokens, personal and service account (https://docs.snyk.io/snyk-api/rest-api/authentication-for-api,
// https://docs.snyk.io/getting-started/how-to-obtain-and-authenticate-with-your-snyk-api-token): a UUID,
// used as SNYK_TOKEN or with `snyk auth`. A UUID alone says nothing (Snyk's own org and project ids
// are UUIDs too), so it counts only as the value of a token, key or auth setting within 120 characters
// of the word "snyk".
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const apiToken: Rule = {
  id: 'snyk-api-token',
  provider: 'snyk',
  title: 'Snyk API token',
  severity: 'high',
  keywords: ['snyk'],
  keywordsIgnoreCase: true,
  window: { before: 120, after: 120 },
  pattern:
    /(?:token|key|auth)[A-Za-z_]{0,8}["']?[ \t]{0,3}(?:[:=]|=>)?[ \t]{0,3}["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/i,
  minEntropy: 3,
  remediation:
    'Revoke and regenerate the token in Snyk (Account settings → General → Auth Token, https://app.snyk.io/account; for a service account, its organization or group settings), then update the CI secrets that used it.',
  samples: {
    positive: [
      'SNYK_TOKEN=99c1124f-0da6-4567-b0cd-cea0bea594c5',
      'snyk auth 2e75c037-a48e-437f-b5a6-7ce77b15281e',
      '  - name: snyk\n    env:\n      SNYK_TOKEN: "e9e2cfd4-597f-4787-9760-4f00f3b8c986"',
    ],
    negative: [
      // An organization id, not a token.
      'snyk monitor --org=d5de4904-36c0-422b-9d6f-3868b884a82e',
      'SNYK_TOKEN=00000000-0000-0000-0000-000000000000',
      'SNYK_TOKEN=${{ secrets.SNYK_TOKEN }}',
      // A token-looking UUID with no Snyk context.
      'API_TOKEN=398050f4-2df7-4137-b4f8-79c25a6dfff4',
    ],
  },
};

export const snyk: ProviderDefinition = { id: 'snyk', name: 'Snyk', rules: [apiToken] };
