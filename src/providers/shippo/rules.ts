// Shippo API tokens (https://docs.goshippo.com/docs/guides_general/authentication/): `shippo_live_`
// or `shippo_test_` + 40 hex characters, sent as `Authorization: ShippoToken <token>`. Live tokens
// buy real postage; test tokens are not findings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const liveToken: Rule = {
  id: 'shippo-live-token',
  provider: 'shippo',
  title: 'Shippo live API token',
  severity: 'high',
  keywords: ['shippo_live_'],
  prefixes: ['shippo_live_'],
  window: { before: 0, after: 52 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>shippo_live_[0-9a-f]{40})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Delete the token and generate a new one in the Shippo app (Settings → Advanced → API, https://apps.goshippo.com/settings/api), deploy it, and check for labels you did not buy.',
  samples: {
    positive: [
      'SHIPPO_API_TOKEN=shippo_live_f0ca3fcfc76492a87afe588b676a7498015f1773',
      'headers: { Authorization: "ShippoToken shippo_live_c40f877755c0926a773744b67ca96f9081a89ccd" },',
    ],
    negative: [
      // Test mode.
      'SHIPPO_API_TOKEN=shippo_test_f0ca3fcfc76492a87afe588b676a7498015f1773',
      'SHIPPO_API_TOKEN=shippo_live_xxx',
      'SHIPPO_API_TOKEN=shippo_live_dfa0f4e36f4d4e8954ccd21cd4c144e1090dfe0',
      'SHIPPO_API_TOKEN=shippo_live_dfa0f4e36f4d4e8954ccd21cd4c144e1090dfe0c0',
    ],
  },
};

export const shippo: ProviderDefinition = { id: 'shippo', name: 'Shippo', rules: [liveToken] };
