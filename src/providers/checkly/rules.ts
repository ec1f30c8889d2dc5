// Checkly user API keys (https://www.checklyhq.com/docs/integrations/api-keys/ ; CHECKLY_API_KEY,
// used by the CLI, Terraform and Pulumi providers with CHECKLY_ACCOUNT_ID): `cu_` + 32 hex
// characters, as every key observed has.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'checkly-api-key',
  provider: 'checkly',
  title: 'Checkly user API key',
  severity: 'high',
  keywords: ['cu_'],
  prefixes: ['cu_'],
  window: { before: 0, after: 35 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>cu_[0-9a-f]{32})${TOKEN_END}`),
  minEntropy: 3.3,
  remediation:
    'Delete the key in Checkly (User Settings → API keys, https://app.checklyhq.com/settings/user/api-keys), create a new one, and review the account\'s audit log for checks or alert channels changed with it.',
  samples: {
    positive: ['CHECKLY_API_KEY=cu_445423b7e46af15ebb796999d438b2f1', 'export TF_VAR_checkly_api_key=cu_3b61241a4713a352e97612117aa621fb'],
    negative: [
      'CHECKLY_API_KEY=cu_xxx',
      'CHECKLY_API_KEY=cu_00000000000000000000000000000000',
      // Truncated.
      'CHECKLY_API_KEY=cu_445423b7e46af15ebb796999d438b2f',
      // Part of a longer identifier.
      'const lru_445423b7e46af15ebb796999d438b2f1 = 1;',
    ],
  },
};

export const checkly: ProviderDefinition = { id: 'checkly', name: 'Checkly', rules: [apiKey] };
