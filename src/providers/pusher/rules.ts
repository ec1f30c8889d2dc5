// Pusher Channels app credentials (https://pusher.com/docs/channels/server_api/authenticating-users/):
// an app id, a public key and a secret, the key and secret 20 hex characters each. The secret signs
// private-channel authorizations and server API calls; it has no prefix, so it counts only where it
// is named as Pusher's (PUSHER_APP_SECRET, `new Pusher({ …, secret: '…' })`).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

const appSecret: Rule = {
  id: 'pusher-app-secret',
  provider: 'pusher',
  title: 'Pusher Channels app secret',
  severity: 'high',
  keywords: ['pusher'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(String.raw`pusher[\w.:\s"'{}()=,-]{0,120}?secret[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}(?<secret>[0-9a-f]{20})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation:
    'Create a new key pair for the app in the Pusher dashboard (Channels → the app → App Keys → Create new, https://dashboard.pusher.com/), move the server and clients to it, then delete the leaked key.',
  samples: {
    positive: [
      'PUSHER_APP_ID=4815216\nPUSHER_APP_KEY=5a8ffb80ca06a236deac\nPUSHER_APP_SECRET=960a5f7ade3d1ae12514\nPUSHER_APP_CLUSTER=us2',
      "const pusher = new Pusher({\n  appId: '3301877',\n  key: 'bfe630226652f723561b',\n  secret: 'a7c1e9d04b3f82e6d5c0',\n  cluster: 'eu',\n});",
      // pusher-http-python's keyword arguments.
      'pusher_client = pusher.Pusher(app_id="1927455", key="7762623e5b4990807ebf", secret="75a3c1031b4abcc9ad36", cluster="ap1", ssl=True)',
    ],
    negative: [
      'PUSHER_APP_SECRET=your_app_secret',
      'PUSHER_APP_SECRET=${pusher_secret}',
      // The public key.
      'PUSHER_APP_KEY=5a8ffb80ca06a236deac',
      // No Pusher context.
      'APP_SECRET=960a5f7ade3d1ae12514',
      'PUSHER_APP_SECRET=960a5f7ade3d1ae1251',
    ],
  },
};

export const pusher: ProviderDefinition = { id: 'pusher', name: 'Pusher', rules: [appSecret] };
