// SparkPost API keys (https://developers.sparkpost.com/api/#header-authentication): 40 hex
// characters sent as the Authorization header. With no prefix, a key counts only where it is
// named as SparkPost's: a SparkPost-named variable or setting, or the argument of `new SparkPost(…)`.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

const apiKey: Rule = {
  id: 'sparkpost-api-key',
  provider: 'sparkpost',
  title: 'SparkPost API key',
  severity: 'high',
  keywords: ['sparkpost'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(
    String.raw`sparkpost(?:[\w.:\s"'{},-]{0,80}?(?:api[_.-]?)?key[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}|\(\s{0,4}["'\x60])(?<secret>[0-9a-f]{40})(?![0-9a-z])`,
    'i',
  ),
  minEntropy: 3,
  remediation:
    'Delete the key in SparkPost (Configuration → API Keys, https://app.sparkpost.com/account/api-keys; app.eu.sparkpost.com for EU accounts), create a new one with only the grants it needs, deploy it, and check the message events for mail you did not send.',
  samples: {
    positive: [
      'SPARKPOST_API_KEY=bb894755f466e937fce659c18b7bb78e187c2d9f',
      "const SparkPost = require('sparkpost');\nconst client = new SparkPost('7b04b11c5c90d7343554c18c06382a536cac09e6');",
    ],
    negative: [
      'SPARKPOST_API_KEY=<your api key>',
      'SPARKPOST_API_KEY=0000000000000000000000000000000000000000',
      // A commit hash with no SparkPost name.
      'commit a00afc337c85ef527fdd235dab18b0aa4b5ac58d',
      'SPARKPOST_API_KEY=a00afc337c85ef527fdd235dab18b0aa4b5ac58',
    ],
  },
};

export const sparkpost: ProviderDefinition = { id: 'sparkpost', name: 'SparkPost', rules: [apiKey] };
