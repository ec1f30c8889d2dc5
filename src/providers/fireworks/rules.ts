// Fireworks AI API keys (https://docs.fireworks.ai/api-reference/introduction; FIREWORKS_API_KEY,
// sent as a Bearer token): `fw_` + 24 base62 characters, as every key observed has.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'fireworks-api-key',
  provider: 'fireworks',
  title: 'Fireworks AI API key',
  severity: 'high',
  keywords: ['fw_'],
  prefixes: ['fw_'],
  window: { before: 0, after: 27 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>fw_[A-Za-z0-9]{24})${TOKEN_END}`),
  minEntropy: 3.5,
  // Random keys mix cases and digits; identifiers after a `fw_` (firmware names) do not.
  validate: ({ secret }) =>
    /[a-z]/.test(secret.slice(3)) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' },
  remediation:
    'Delete the key in Fireworks (Settings → API Keys, https://app.fireworks.ai/settings/users/api-keys; service account keys under the account\'s service accounts), create a new one, and check usage and deployments for activity you did not start.',
  samples: {
    positive: [
      'FIREWORKS_API_KEY=fw_7b8lOpexjoSp2rjyp0G7cMjg',
      'llm = ChatFireworks(model="accounts/fireworks/models/llama-v3p1-70b-instruct", api_key="fw_K13vI7r3vmYxjDxmPq6KcYVA")',
      'firectl set-api-key fw_sCQl0AIPVdUyeO2Vgo7vjUPw',
    ],
    negative: [
      'export FIREWORKS_API_KEY="fw_..."',
      'FIREWORKS_API_KEY=fw_your_fireworks_api_key',
      // Truncated.
      'FIREWORKS_API_KEY=fw_7b8lOpexjoSp2rjyp0G7cMj',
      // A firmware identifier.
      '#define fw_versionstringsupportedlist 1',
    ],
  },
};

export const fireworks: ProviderDefinition = { id: 'fireworks', name: 'Fireworks AI', rules: [apiKey] };
