// Gitea (and Forgejo) access tokens (https://docs.gitea.com/development/api-usage#generating-and-listing-api-tokens):
// 40 hex, the value of the API's `sha1` field. 40 hex alone is a commit id, so it counts only as the
// value of a token, password or key setting within 120 characters of the word "gitea".
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const accessToken: Rule = {
  id: 'gitea-access-token',
  provider: 'gitea',
  title: 'Gitea access token',
  severity: 'high',
  keywords: ['gitea'],
  keywordsIgnoreCase: true,
  window: { before: 120, after: 120 },
  pattern: /(?:token|password|passwd|key)[A-Za-z_]{0,8}["']?[ \t]{0,3}(?:[:=]|=>)?[ \t]{0,3}["']?(?<secret>[0-9a-f]{40})(?![A-Za-z0-9])/i,
  minEntropy: 3,
  remediation:
    'Delete the token on the Gitea instance (Settings → Applications → Manage Access Tokens, /user/settings/applications) and create a new one with only the scopes it needs.',
  samples: {
    positive: [
      'GITEA_TOKEN=8fb5422de982e40c417500857fd4b47767baab71',
      'tea login add --url https://gitea.acme.dev --token 9ff7e9b89f7e0496c449498c215295990fe42b66',
    ],
    negative: [
      // A commit id.
      'Merge https://gitea.acme.dev/ops/infra/commit/bfd16a242162c47e3555f35309b80ec08f61e8ba',
      'GITEA_TOKEN=0000000000000000000000000000000000000000',
      'GITEA_TOKEN=${{ secrets.GITEA_TOKEN }}',
      'GITHUB_TOKEN=bfd16a242162c47e3555f35309b80ec08f61e8ba',
    ],
  },
};

export const gitea: ProviderDefinition = { id: 'gitea', name: 'Gitea', rules: [accessToken] };
