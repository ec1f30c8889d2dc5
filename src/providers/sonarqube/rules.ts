// SonarQube Server tokens (https://docs.sonarsource.com/sonarqube-server/2026.2/user-guide/managing-tokens):
// user tokens, project analysis tokens and global analysis tokens, issued since SonarQube 9.5 with a
// type prefix, `squ_`, `sqp_` and `sqa_`, then 40 hex (observed). SonarQube Cloud tokens are 40 hex
// without a prefix and are left to the generic rules: 40 hex alone is a commit id.
import type { ProviderDefinition, Rule, Severity } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

interface TokenType {
  prefix: 'squ_' | 'sqp_' | 'sqa_';
  id: string;
  title: string;
  severity: Severity;
  positive: readonly string[];
}

const TOKEN_TYPES: readonly TokenType[] = [
  {
    prefix: 'squ_',
    id: 'sonarqube-user-token',
    title: 'SonarQube user token',
    // Everything the user can do on the instance, through the Web API.
    severity: 'high',
    positive: ['SONAR_TOKEN=squ_64aa4d7d767b39e62a8c6183f94e2d1c9bb5eb37', 'curl -u squ_e3a8b79032d8f5b97b92caa334623ed4b8db39e5: https://sonar.acme.dev/api/projects/search'],
  },
  {
    prefix: 'sqp_',
    id: 'sonarqube-project-analysis-token',
    title: 'SonarQube project analysis token',
    severity: 'medium',
    positive: ['  -e SONAR_TOKEN=sqp_4637235aa51e140fb5c9fb1e13249666afe1c8f1 \\', 'sonar.token=sqp_7d390aba24d07231c2f0475ad802afe5fe047ea6'],
  },
  {
    prefix: 'sqa_',
    id: 'sonarqube-global-analysis-token',
    title: 'SonarQube global analysis token',
    severity: 'high',
    positive: ['SONAR_TOKEN: sqa_a502311c6e836010d0ee7b67ef7233df4e2b5b82', "sonarToken = 'sqa_a3131148733f6f2b57741970bf8c0cf259d3ff56'"],
  },
];

function tokenRule({ prefix, id, title, severity, positive }: TokenType): Rule {
  return {
    id,
    provider: 'sonarqube',
    title,
    severity,
    keywords: [prefix],
    prefixes: [prefix],
    window: { before: 0, after: 44 },
    anchor: 'keyword',
    pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>${prefix}[a-f0-9]{40})${TOKEN_END}`),
    minEntropy: 3,
    remediation:
      'Revoke the token in SonarQube (My Account → Security, or Administration → Security → Users for another user\'s, https://docs.sonarsource.com/sonarqube-server/2026.2/user-guide/managing-tokens) and generate a new one with an expiry.',
    samples: {
      positive,
      negative: [
        `SONAR_TOKEN=${prefix}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
        `SONAR_TOKEN=${prefix}your_token`,
        // 39 hex: truncated.
        `SONAR_TOKEN=${prefix}${positive[0]!.slice(-40, -1)}`,
        `const a${prefix}${positive[0]!.slice(-40)} = 1;`,
      ],
    },
  };
}

export const sonarqube: ProviderDefinition = { id: 'sonarqube', name: 'SonarQube', rules: TOKEN_TYPES.map(tokenRule) };
