// Codecov upload tokens, repository or global (https://docs.codecov.com/docs/codecov-tokens): a UUID,
// set as CODECOV_TOKEN or the codecov action's `token:` input. A UUID alone says nothing, so it counts
// only as the value of a token setting within 150 characters of the word "codecov".
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const uploadToken: Rule = {
  id: 'codecov-upload-token',
  provider: 'codecov',
  title: 'Codecov upload token',
  // Lets anyone upload coverage reports for the repository (or the organization, for a global token).
  severity: 'medium',
  keywords: ['codecov'],
  keywordsIgnoreCase: true,
  window: { before: 150, after: 150 },
  pattern:
    /token[A-Za-z_]{0,8}["']?[ \t]{0,3}(?:[:=]|=>)?[ \t]{0,3}["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/i,
  minEntropy: 3,
  remediation:
    'Regenerate the upload token in Codecov (the repository → Configuration → General, or the organization settings for a global token, https://docs.codecov.com/docs/codecov-tokens) and update the CI secret.',
  samples: {
    positive: [
      'CODECOV_TOKEN=f53f8ac8-86a4-40d4-b65b-88bf8f4c89fc',
      '      - uses: codecov/codecov-action@v4\n        with:\n          token: 99c1124f-0da6-4567-b0cd-cea0bea594c5',
    ],
    negative: [
      'CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}',
      'CODECOV_TOKEN=00000000-0000-0000-0000-000000000000',
      // Not a token setting.
      'codecov report id 2e75c037-a48e-437f-b5a6-7ce77b15281e uploaded',
      'UPLOAD_TOKEN=e9e2cfd4-597f-4787-9760-4f00f3b8c986',
    ],
  },
};

export const codecov: ProviderDefinition = { id: 'codecov', name: 'Codecov', rules: [uploadToken] };
