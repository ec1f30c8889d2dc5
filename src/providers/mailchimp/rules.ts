// Mailchimp Marketing API keys: 32 hex characters, `-`, and the account's data center (`us1`…`us21`),
// which is also the API's server prefix (https://mailchimp.com/developer/marketing/guides/quick-start/).
// The key has no prefix, and finding it by its `-us` suffix would make the prefilter stop on every
// `-use`, so a key counts only near the word "mailchimp".
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';

const apiKey: Rule = {
  id: 'mailchimp-api-key',
  provider: 'mailchimp',
  title: 'Mailchimp API key',
  severity: 'high',
  keywords: ['mailchimp'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9_-')}(?<secret>[0-9a-f]{32}-us[1-9][0-9]?)${notBefore('A-Za-z0-9_-')}`),
  minEntropy: 3,
  remediation:
    'Disable the key in Mailchimp (Profile → Extras → API keys, https://us1.admin.mailchimp.com/account/api/), create a new one, and check the audience and campaign activity for changes you did not make.',
  samples: {
    positive: [
      'MAILCHIMP_API_KEY=6f46051e8049473ac12a8881503deac9-us12',
      "mailchimp.setConfig({\n  apiKey: 'ff79735efc556d97eb25580409b2ba60-us1',\n  server: 'us1',\n});",
    ],
    negative: [
      'MAILCHIMP_API_KEY=yourkey-us19',
      'MAILCHIMP_API_KEY=00000000000000000000000000000000-us6',
      // No Mailchimp context.
      'cache_key = "263818bad06b05470fc4f67d72687f01-us6"',
      // Truncated.
      'MAILCHIMP_API_KEY=263818bad06b05470fc4f67d72687f0-us6',
    ],
  },
};

export const mailchimp: ProviderDefinition = { id: 'mailchimp', name: 'Mailchimp', rules: [apiKey] };
