// Linear personal API keys: `lin_api_` + 40 alphanumerics. OAuth access tokens an app receives
// (https://linear.app/developers/oauth-2-0-authentication) are `lin_oauth_` + 64 hex characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const apiKey: Rule = {
  id: 'linear-api-key',
  provider: 'linear',
  title: 'Linear personal API key',
  severity: 'high',
  keywords: ['lin_api_'],
  prefixes: ['lin_api_'],
  window: { before: 0, after: 50 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  remediation:
    'Revoke the key in Linear (Settings → Security & access → Personal API keys, https://linear.app/settings/api) and create a new one; workspace admins can also revoke members\' keys there.',
  samples: {
    positive: [
      'LINEAR_API_KEY=lin_api_FXQSfFrqc54jJIYVuTA3OWzdkTJtjg0SfuLKtYaq',
      "const linear = new LinearClient({ apiKey: 'lin_api_BH9TGnvWo6b0vmvhr1o0Qqe7E2Xfhbbku0BHd6hS' });",
      'headers = {"Authorization": "lin_api_tQ2PBSRxlFJk58BVJphSy0aMF14XN0vu8mA5XtYR"}',
    ],
    negative: [
      'LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'LINEAR_API_KEY=lin_api_xxxxxxxxxxxxx',
      // 39 characters: truncated.
      'LINEAR_API_KEY=lin_api_FXQSfFrqc54jJIYVuTA3OWzdkTJtjg0SfuLKtYa',
      'LINEAR_API_KEY=lin_api_FXQSfFrqc54jJIYVuTA3OWzdkTJtjg0SfuLKtYaq_old',
    ],
  },
};

const oauthToken: Rule = {
  id: 'linear-oauth-token',
  provider: 'linear',
  title: 'Linear OAuth access token',
  severity: 'high',
  keywords: ['lin_oauth_'],
  prefixes: ['lin_oauth_'],
  window: { before: 0, after: 74 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>lin_oauth_[a-f0-9]{64})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  remediation:
    "Revoke the token (POST https://api.linear.app/oauth/revoke with it, https://linear.app/developers/oauth-2-0-authentication), or have the workspace admin remove the app's authorization in Settings → Applications; then authorize again.",
  samples: {
    positive: [
      'LINEAR_OAUTH_TOKEN=lin_oauth_aa15a34a30ec9aea331097aedb7bc07ab903faa6105a47ee1c3c9f7e734e91d4',
      "const linear = new LinearClient({ accessToken: 'lin_oauth_50863da224a7a0753a780777315f0b22ece1e08ecc06212e1ea62379491daca8' });",
    ],
    negative: [
      'LINEAR_OAUTH_TOKEN=lin_oauth_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'LINEAR_OAUTH_TOKEN=lin_oauth_<token>',
      // Cut short.
      'LINEAR_OAUTH_TOKEN=lin_oauth_d323192c17bfaeaf737bfe28259d1192412cc26af513ed73e29a8f6de6ef',
    ],
  },
};

export const linear: ProviderDefinition = { id: 'linear', name: 'Linear', rules: [apiKey, oauthToken] };
