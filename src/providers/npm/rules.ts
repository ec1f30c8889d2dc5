// npm access tokens: npm_ + 30 random base62 characters + a 6-character CRC32 checksum, the same
// format as GitHub's tokens (https://github.blog/2021-09-23-announcing-npms-new-access-token-format/).
// Older tokens were bare UUIDs and are left to the generic rules.
import { hasValidGithubStyleChecksum } from '../../detect/checksum.js';
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const accessToken: Rule = {
  id: 'npm-access-token',
  provider: 'npm',
  title: 'npm access token',
  // Publishing rights on a package are a supply-chain compromise.
  severity: 'critical',
  keywords: ['npm_'],
  prefixes: ['npm_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
  validate: ({ secret }) =>
    hasValidGithubStyleChecksum(secret) ? { valid: true, confidence: 'checksum' } : { valid: false, reason: 'CRC32 checksum does not match' },
  remediation:
    "Delete the token on your account's Access Tokens page (https://www.npmjs.com/settings/<username>/tokens) or with `npm token revoke <id>`, check the packages it could publish for versions you did not release, and use a granular token or trusted publishing instead.",
  samples: {
    positive: [
      '//registry.npmjs.org/:_authToken=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',
      '      NODE_AUTH_TOKEN: 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',
    ],
    negative: [
      // One character changed: the checksum no longer matches.
      '//registry.npmjs.org/:_authToken=npm_9eJTO6aKPDXtVUhLjlKlOiPhDSV4Kq1iBOWV',
      '//registry.npmjs.org/:_authToken=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      '//registry.npmjs.org/:_authToken=npm_2KjUHybpX1MWwnzqTgsuCX4OF1XMLe0v7ej',
      'const pnpm_2KjUHybpX1MWwnzqTgsuCX4OF1XMLe0v7eju = 1;',
    ],
  },
};

export const npm: ProviderDefinition = { id: 'npm', name: 'npm', rules: [accessToken] };
