// Google OAuth 2.0 client secrets (https://support.google.com/cloud/answer/15549257, Manage OAuth
// clients): the secret Google shows once when a web or desktop client is created, and the
// `client_secret` of a downloaded client_secret.json
// (https://developers.google.com/api-client-library/dotnet/guide/aaa_client_secrets). Secrets
// issued today start `GOCSPX-` followed by 28 base64url characters (as the console shows them);
// older secrets have no prefix and are left to the generic rules.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const clientSecret: Rule = {
  id: 'google-oauth-client-secret',
  provider: 'google-oauth',
  title: 'Google OAuth client secret',
  severity: 'high',
  keywords: ['GOCSPX-'],
  prefixes: ['GOCSPX-'],
  window: { before: 0, after: 35 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  remediation:
    "Add a new secret to the OAuth client and delete the leaked one on the Google Auth Platform Clients page (https://console.cloud.google.com/auth/clients), deploy the new secret, and review the consent grants the client holds.",
  samples: {
    positive: [
      'GOOGLE_CLIENT_SECRET=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',
      '{"web":{"client_id":"83764704-abc.apps.googleusercontent.com","client_secret":"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","redirect_uris":["https://example.com/cb"]}}',
    ],
    negative: [
      'GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'VALID_CLIENT_SECRET = "GOCSPX-test-secret"',
      // One character short.
      'GOOGLE_CLIENT_SECRET=GOCSPX-esvqdsjsCRyVBLprVxLxMdU4ptf',
      // One character too many.
      'GOOGLE_CLIENT_SECRET=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X',
    ],
  },
};

export const googleOauth: ProviderDefinition = { id: 'google-oauth', name: 'Google OAuth', rules: [clientSecret] };
