// Figma personal access tokens: `figd_` + about 40 base64url characters, sent in the X-Figma-Token
// header (https://developers.figma.com/docs/rest-api/personal-access-tokens/). Figma does not
// publish the exact length, so 38 to 46 characters are accepted after the prefix.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const personalAccessToken: Rule = {
  id: 'figma-personal-access-token',
  provider: 'figma',
  title: 'Figma personal access token',
  severity: 'high',
  keywords: ['figd_'],
  prefixes: ['figd_'],
  window: { before: 0, after: 51 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>figd_[A-Za-z0-9_-]{38,46})${TOKEN_END}`),
  minEntropy: 3.5,
  // A random token mixes cases and digits; `figd_test-token-…` style fixtures do not.
  validate: ({ secret }) =>
    /[a-z]/.test(secret.slice(5)) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' },
  remediation:
    'Revoke the token in Figma (Settings → Security → Personal access tokens, https://help.figma.com/hc/en-us/articles/8085703771159-Manage-personal-access-token) and generate a new one with only the scopes it needs.',
  samples: {
    positive: [
      'FIGMA_ACCESS_TOKEN=figd_yJ4UrDBh9G-jt-hF7kk1UE5RycjUE4K8PYCL8lzB',
      "fetch(url, { headers: { 'X-Figma-Token': 'figd_bgTeSO5lfDgqWaQVTHbqC3Jo94ygI4bUifmhy1QS' } })",
    ],
    negative: [
      'FIGMA_PAT=figd_your_token_here',
      'const VALID_TOKEN = "figd_test-token-12345678901234567890";',
      'placeholder="figd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      // Truncated.
      'FIGMA_ACCESS_TOKEN=figd_yJ4UrDBh9G-jt-hF7kk1UE5RycjUE4K8P',
    ],
  },
};

export const figma: ProviderDefinition = { id: 'figma', name: 'Figma', rules: [personalAccessToken] };
