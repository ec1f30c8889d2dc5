// Webflow API tokens (https://developers.webflow.com/data/reference/authentication): site tokens and
// OAuth access tokens are 64 hex characters, like any SHA-256, so a token counts only under a
// Webflow name (WEBFLOW_API_TOKEN, webflowToken, webflow accessToken...).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END } from '../boundaries.js';

const apiToken: Rule = {
  id: 'webflow-api-token',
  provider: 'webflow',
  title: 'Webflow API token',
  severity: 'high',
  keywords: ['webflow'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 300 },
  pattern: new RegExp(String.raw`(?:webflow[A-Za-z0-9_.-]{0,30}?(?:token|key)|accessToken|access_token)["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[a-f0-9]{64})${TOKEN_END}`, 'i'),
  minEntropy: 3.2,
  remediation:
    "Delete the token in Webflow (the site → Site settings → Apps & integrations → API access, https://webflow.com/dashboard) or revoke the app's authorization, and create a new one with the least scopes.",
  samples: {
    positive: ['WEBFLOW_API_TOKEN=04f3e116666304f68d7b9ef4f1f9bd9536072b5426c06af456bd881e69fb9bd0', "const webflow = new WebflowClient({ accessToken: 'a6f9d0daea9d7d7196a1957d282432ea3e21962f55468334c9e1f8a0123a638d' });"],
    negative: [
      // A checksum with no Webflow name.
      'sha256=48a90466159016368620dbb68ebc888e749c591f5a03915a26137a97fcf5d1fa',
      'WEBFLOW_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'WEBFLOW_API_TOKEN=<your site token>',
      'WEBFLOW_API_TOKEN=48a90466159016368620dbb68ebc888e749c591f5a03915a26137a97fcf5',
    ],
  },
};

export const webflow: ProviderDefinition = { id: 'webflow', name: 'Webflow', rules: [apiToken] };
