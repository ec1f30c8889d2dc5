// RubyGems.org API keys (https://guides.rubygems.org/api-key-scopes/, which shows them as
// `GEM_HOST_API_KEY=rubygems_…`): `rubygems_` + 48 hex (observed on keys issued since 2022).
// Legacy keys (bare 32 hex) have no prefix and are left to the generic rules.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'rubygems-api-key',
  provider: 'rubygems',
  title: 'RubyGems.org API key',
  // Pushing gem versions others install: a supply-chain compromise.
  severity: 'critical',
  keywords: ['rubygems_'],
  prefixes: ['rubygems_'],
  window: { before: 0, after: 60 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>rubygems_[a-f0-9]{48})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Delete the key on RubyGems.org (Settings → API keys, https://rubygems.org/profile/api_keys), check the gems it could push for versions you did not release (yank them), and prefer trusted publishing.',
  samples: {
    positive: [
      'GEM_HOST_API_KEY=rubygems_c1fcd1cd3af4738b2ef1245c8f597c44c527b739e2df6d0d gem push acme-1.2.3.gem',
      '---\n:rubygems_api_key: rubygems_359a053e4959835d9fb0f8d26e9c7d0431ee41f36a6516fa',
    ],
    negative: [
      // The guide's example.
      'GEM_HOST_API_KEY=rubygems_123456 gem push example-1.2.3.gem',
      ':rubygems_api_key: rubygems_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // 47 hex: truncated.
      'GEM_HOST_API_KEY=rubygems_2f53f5b4bca1beafa559277a7c8f962a77718303fbb7e22',
      'config.rubygems_2f53f5b4bca1beafa559277a7c8f962a77718303fbb7e22b_cache = true',
    ],
  },
};

export const rubygems: ProviderDefinition = { id: 'rubygems', name: 'RubyGems', rules: [apiKey] };
