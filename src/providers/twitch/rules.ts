// Twitch OAuth tokens and client secrets (https://dev.twitch.tv/docs/authentication/): 30 lower-case
// alphanumerics, nothing else. Chat bots write the token as `oauth:<token>` (the IRC password);
// otherwise a value counts only under a token or secret name near the word "twitch".
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

function looksRandom({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of letters and digits' };
}

const oauthToken: Rule = {
  id: 'twitch-oauth-token',
  provider: 'twitch',
  title: 'Twitch OAuth token or client secret',
  severity: 'high',
  keywords: ['twitch'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: /(?:oauth:|(?:token|secret)["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?:oauth:)?)(?<secret>[a-z0-9]{30})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: looksRandom,
  remediation:
    'Revoke the token (POST https://id.twitch.tv/oauth2/revoke) or, for a client secret, generate a new one in the Twitch developer console (https://dev.twitch.tv/console/apps → the application → New Secret), and deploy the replacement.',
  samples: {
    positive: ['TWITCH_OAUTH_TOKEN=oauth:dzoco0ucok7t4hn2cs5yfrzdigl6jx', "twitch:\n  client_id: 'uo6dggojyb8d6soh92zknwmi5ej1q2'\n  client_secret: 'f3x6exzzcpx5ncumfk9usbct6m4ua5'"],
    negative: [
      // No Twitch context.
      'API_TOKEN=ld8e92xl6acrej1suhl8g7m5gj5c00',
      'TWITCH_OAUTH_TOKEN=oauth:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TWITCH_OAUTH_TOKEN=oauth:<your token>',
      // Cut short.
      'TWITCH_OAUTH_TOKEN=oauth:ld8e92xl6acrej1suhl8g7m5gj',
    ],
  },
};

export const twitch: ProviderDefinition = { id: 'twitch', name: 'Twitch', rules: [oauthToken] };
