// GoCardless access tokens (https://developer.gocardless.com/getting-started/api/making-your-first-request/):
// `live_` or `sandbox_` + 40 base64url characters, sent as Bearer tokens. `live_` is too common a
// start to find tokens by, so a live token counts only near the word "gocardless". Sandbox tokens
// move no money and are not findings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const liveAccessToken: Rule = {
  id: 'gocardless-live-access-token',
  provider: 'gocardless',
  title: 'GoCardless live access token',
  severity: 'critical',
  keywords: ['gocardless'],
  keywordsIgnoreCase: true,
  prefixes: ['live_'],
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>live_[A-Za-z0-9_-]{40})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Revoke the token in the GoCardless Dashboard (Developers → Access tokens, https://manage.gocardless.com/developers/access-tokens), create a new one with the scope it needs, deploy it, and review recent payments and mandates.',
  samples: {
    positive: [
      'GOCARDLESS_ACCESS_TOKEN=live_f9AjutzBaeLhmsFeqqcaXxx_1hguxipR-p5cossN',
      "client = gocardless_pro.Client(access_token='live_O12Vz5kG6rHyPrjF4h_dXLNwAjUnLdhS2sWZRVgu', environment='live')",
    ],
    negative: [
      // Sandbox.
      'GOCARDLESS_ACCESS_TOKEN=sandbox_f9AjutzBaeLhmsFeqqcaXxx_1hguxipR-p5cossN',
      'GOCARDLESS_ACCESS_TOKEN=live_xxxxxxxxxxxxxxxxxxxx',
      // No GoCardless context.
      'STREAM_TOKEN=live_ptICiJgqF7k6XqGP0AimmGJ2BVBgAhX8qbPOsNG7',
      'GOCARDLESS_ACCESS_TOKEN=live_ptICiJgqF7k6XqGP0AimmGJ2BVBgAhX8qbPOsNG',
    ],
  },
};

export const gocardless: ProviderDefinition = { id: 'gocardless', name: 'GoCardless', rules: [liveAccessToken] };
