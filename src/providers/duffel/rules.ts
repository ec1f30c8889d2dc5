// Duffel access tokens (https://duffel.com/docs/api/overview/making-requests/authentication):
// `duffel_live_` or `duffel_test_` + 43 base64url characters, sent as Bearer tokens. Live tokens
// book real flights and stays; test tokens are not findings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const liveToken: Rule = {
  id: 'duffel-live-token',
  provider: 'duffel',
  title: 'Duffel live access token',
  severity: 'high',
  keywords: ['duffel_live_'],
  prefixes: ['duffel_live_'],
  window: { before: 0, after: 55 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>duffel_live_[A-Za-z0-9_-]{43})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Delete the token in the Duffel Dashboard (Developers → Access tokens, https://app.duffel.com/), create a new live token, deploy it, and check for orders you did not place.',
  samples: {
    positive: [
      'DUFFEL_ACCESS_TOKEN=duffel_live_IY3BZOxd3anagwQMtR--v0za_MwvgaxBJvapU_egXxH',
      "const duffel = new Duffel({ token: 'duffel_live_zCXA2iL4Op0pc8jhZ3WBY8z8hLc51NCY4l0EVPcOAGm' });",
    ],
    negative: [
      // Test mode.
      'DUFFEL_ACCESS_TOKEN=duffel_test_IY3BZOxd3anagwQMtR--v0za_MwvgaxBJvapU_egXxH',
      "if (token.startsWith('duffel_live_')) mode = 'live';",
      'DUFFEL_ACCESS_TOKEN=duffel_live_iJC1b_lJOgAS4ePxV4YMpXfR6vU_3Ca6SvOfhlSbfK',
      'DUFFEL_ACCESS_TOKEN=duffel_live_supersecret',
    ],
  },
};

export const duffel: ProviderDefinition = { id: 'duffel', name: 'Duffel', rules: [liveToken] };
