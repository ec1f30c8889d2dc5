// Box developer tokens and client secrets (https://developer.box.com/guides/authentication/tokens/developer-tokens/,
// https://developer.box.com/guides/authentication/jwt/jwt-setup/): both 32 alphanumerics with
// nothing to tell them from any other 32-character value, and `box` is too common a word to be
// context. They count only after names Box's own configuration uses: the `boxAppSettings` block of
// the JSON config file the Developer Console downloads (its `clientSecret`), and variables named
// BOX_CLIENT_SECRET / BOX_DEVELOPER_TOKEN (any case, `_`, `-` or camelCase).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** Random alphanumerics mix cases and digits. */
function looksRandom({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const clientSecret: Rule = {
  id: 'box-client-secret',
  provider: 'box',
  title: 'Box app client secret',
  severity: 'high',
  keywords: ['boxAppSettings', 'box_client_secret', 'box-client-secret', 'boxClientSecret'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 300 },
  pattern: /(?:box[_-]?)?client[_-]?secret["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.8,
  validate: looksRandom,
  remediation:
    "Reset the client secret in the Box Developer Console (the app → Configuration → Client secret → Reset, https://app.box.com/developers/console), deploy the new one, and remove the app's downloaded config file (with its private key) from the repository.",
  samples: {
    positive: [
      '{\n  "boxAppSettings": {\n    "clientID": "ed4rqu1ve5t6ufsyfkc1j0vhzk8pkbqo",\n    "clientSecret": "NjHycrmiD5VUo4j3D6M4iKIOqX5GPxkY",\n    "appAuth": { "publicKeyID": "r3q0w8x2" }\n  }\n}',
      'BOX_CLIENT_SECRET=bh4fPONFuyJ99dzqECg6MEFCFgn4F4US',
    ],
    negative: [
      // The client id alone is public.
      '{ "boxAppSettings": { "clientID": "ed4rqu1ve5t6ufsyfkc1j0vhzk8pkbqo", "clientSecret": "" } }',
      'CLIENT_SECRET=bh4fPONFuyJ99dzqECg6MEFCFgn4F4US',
      'BOX_CLIENT_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'BOX_CLIENT_SECRET=<your client secret>',
    ],
  },
};

const developerToken: Rule = {
  id: 'box-developer-token',
  provider: 'box',
  title: 'Box developer token',
  // A developer token lasts 60 minutes, with its user's full access meanwhile.
  severity: 'medium',
  keywords: ['box_developer_token', 'box-developer-token', 'boxDeveloperToken'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 120 },
  pattern: /box[_-]?developer[_-]?token["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.8,
  validate: looksRandom,
  remediation:
    'Revoke the token (POST https://api.box.com/oauth2/revoke, or let its 60 minutes run out) and generate developer tokens only for local testing, outside the repository (https://developer.box.com/guides/authentication/tokens/developer-tokens/).',
  samples: {
    positive: ['BOX_DEVELOPER_TOKEN=5PWcjWHqLridkz9KQdwUIFBIJMyiyD3P', 'box:\n  box_developer_token: "VyPy0Po3b2bQpqidpE9rOjYWq4aCDYON"'],
    negative: ['DEVELOPER_TOKEN=5PWcjWHqLridkz9KQdwUIFBIJMyiyD3P', 'BOX_DEVELOPER_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'BOX_DEVELOPER_TOKEN=${BOX_TOKEN}'],
  },
};

export const box: ProviderDefinition = { id: 'box', name: 'Box', rules: [clientSecret, developerToken] };
