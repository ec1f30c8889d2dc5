// PayPal REST app client secrets (https://developer.paypal.com/api/rest/#link-getclientidandclientsecret):
// 80 base64url characters, exchanged with the client id for an OAuth token. The secret has no
// prefix and the client id beside it is public, so a secret counts only where it is named as
// PayPal's: a PayPal-named variable or setting, or the `client_secret` of a `paypal` configuration.
// Sandbox and live secrets look alike; both are reported.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT, TOKEN_END } from '../boundaries.js';

const clientSecret: Rule = {
  id: 'paypal-client-secret',
  provider: 'paypal',
  title: 'PayPal REST app client secret',
  severity: 'high',
  keywords: ['paypal'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 320 },
  // `paypal`, then up to 200 characters (a prefix, the client id before it), `secret`, an assignment.
  pattern: new RegExp(String.raw`paypal[\w.:\s"'{}(),-]{0,200}?secret[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}(?<secret>[A-Za-z0-9_-]{80})${TOKEN_END}`, 'i'),
  minEntropy: 4,
  remediation:
    'Reset the secret in the PayPal developer dashboard (Apps & Credentials → the app → Secret key → Generate new, then disable the old one, https://developer.paypal.com/dashboard/applications/live), deploy the new one, and review the account\'s recent transactions.',
  samples: {
    positive: [
      'PAYPAL_CLIENT_SECRET=EOH67NmkF6hFIjBsAMmAYK8I6VOHxOS88ozlrSXDalIjJfgUTKg_chE3M-0tsompCCrzgSVvXvNjU_sD',
      "paypal.configure({\n  mode: 'live',\n  client_id: 'AdkdqIn6qF1pHKA9RIf3bQhCYL8sGzw0FNtI_e2rt6GZ7zWVv8dHhKHTNIw9JDjjkKX6xIAZ2OzsnuqP',\n  client_secret: 'EOxkeTSwX6VMr8bupZYx_QWtKqm6mQynoiZJGs3xH9hAmIdBERaosGF702Y_TFUzhuuxeV9xval2MhDT',\n});",
    ],
    negative: [
      'PAYPAL_CLIENT_SECRET=your_paypal_client_secret',
      'PAYPAL_CLIENT_SECRET=${PAYPAL_CLIENT_SECRET}',
      // The client id is public: not a secret.
      'PAYPAL_CLIENT_ID=AdkdqIn6qF1pHKA9RIf3bQhCYL8sGzw0FNtI_e2rt6GZ7zWVv8dHhKHTNIw9JDjjkKX6xIAZ2OzsnuqP',
      // No PayPal context.
      'CLIENT_SECRET=ErkfYXvygjUn3nclUnhaaqvL7K_-LeSTOIXP416IZY36X3zAcQc1mQp-EqM3GCHzt85duVDXt3YUbKrm',
      // Truncated.
      'PAYPAL_CLIENT_SECRET=ErkfYXvygjUn3nclUnhaaqvL7K_-LeSTOIXP416IZY36X3zAcQc1mQp-EqM3GCHzt85duVDXt3YUbKr',
    ],
  },
};

export const paypal: ProviderDefinition = { id: 'paypal', name: 'PayPal', rules: [clientSecret] };
