// Akamai EdgeGrid credentials (https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials),
// the `.edgerc` section an API client is created with: `client_secret` (44 base64 characters, the
// key that signs requests), `access_token` and `client_token` (`akab-…`) and `host`
// (`akab-….luna.akamaiapis.net`). The client secret is a finding when an `akab-` value is near.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const clientSecret: Rule = {
  id: 'akamai-edgegrid-client-secret',
  provider: 'akamai',
  title: 'Akamai EdgeGrid client secret',
  severity: 'critical',
  keywords: ['akab-'],
  window: { before: 400, after: 400 },
  pattern: /client[_-]?secret["']?[\t ]{0,4}[:=][\t ]{0,4}["']?(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/i,
  minEntropy: 4,
  remediation:
    'Delete the API client\'s credential in Akamai Control Center (Identity and Access Management → API clients, https://control.akamai.com/apps/identity-management/#/tabs/users/list), check the audit of the APIs it could call, and create a new credential.',
  samples: {
    positive: [
      '[default]\nclient_secret = ATbCXHxpYP36PGlpPL7aLhyHG/CBtqXCjT9xD9t8SHM=\nhost = akab-f7xli8umbyqe3noaxa0vq1f8nl18b-punaep4jvz3knqj4.luna.akamaiapis.net\naccess_token = akab-bwv2gazs92ccuspc-zcf6kf6c669pplay\nclient_token = akab-cq4l2ypvn7xmjrfe-0ahq9b3z5u1sdt8w',
      'edgegrid:\n  host: akab-f7xli8umbyqe3noaxa0vq1f8nl18b-punaep4jvz3knqj4.luna.akamaiapis.net\n  client_token: akab-cq4l2ypvn7xmjrfe-0ahq9b3z5u1sdt8w\n  client_secret: "AvhaZ8QQW+J0u6GRmnaloMIcCR9HCWdKYlmR9xmZwqk="',
    ],
    negative: [
      // No EdgeGrid token near: some other client secret.
      'client_secret = ATbCXHxpYP36PGlpPL7aLhyHG/CBtqXCjT9xD9t8SHM=',
      '[default]\nclient_secret = xxxx\nhost = akab-xxxx.luna.akamaiapis.net\naccess_token = akab-xxxx\nclient_token = akab-xxxx',
      '[default]\nclient_secret = ${AKAMAI_CLIENT_SECRET}\nhost = akab-f7xli8umbyqe3noaxa0vq1f8nl18b-punaep4jvz3knqj4.luna.akamaiapis.net',
    ],
  },
};

export const akamai: ProviderDefinition = { id: 'akamai', name: 'Akamai', rules: [clientSecret] };
