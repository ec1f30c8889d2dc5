// Linear personal API keys: `lin_api_` + 40 alphanumerics.
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

export const linear: ProviderDefinition = { id: 'linear', name: 'Linear', rules: [apiKey] };
