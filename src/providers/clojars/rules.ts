// Clojars deploy tokens (https://github.com/clojars/clojars-web/wiki/Deploy-Tokens): used as the
// password when deploying; Clojars generates them as `CLOJARS_` + 30 random bytes in lower-case hex
// and accepts nothing else as token-shaped (`^CLOJARS_[0-9a-f]{60}$`, clojars-web src/clojars/db.clj).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const deployToken: Rule = {
  id: 'clojars-deploy-token',
  provider: 'clojars',
  title: 'Clojars deploy token',
  // It publishes new versions of the artifacts it is scoped to: a supply-chain compromise.
  severity: 'critical',
  keywords: ['CLOJARS_'],
  prefixes: ['CLOJARS_'],
  window: { before: 0, after: 68 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>CLOJARS_[0-9a-f]{60})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  remediation:
    'Disable the token on your Clojars profile (https://clojars.org/tokens), check the artifacts it could deploy for versions you did not release, and create a new token scoped to one group or artifact.',
  samples: {
    positive: [
      'export CLOJARS_PASSWORD=CLOJARS_d365edb2731f249362d30320f08713398b8c470f7120a03deca9d13deba3',
      ':deploy-repositories [["clojars" {:url "https://clojars.org/repo" :username "alice" :password "CLOJARS_d72ecbcb30715769c430256fa931d7f5f9d96b9f640347e4b6ad595df8b7"}]]',
    ],
    negative: [
      // An environment variable name, not a token.
      'env CLOJARS_USERNAME=alice CLOJARS_PASSWORD="$TOKEN" clj -T:build deploy',
      'CLOJARS_PASSWORD=CLOJARS_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Upper-case hex: Clojars issues lower case only.
      'CLOJARS_PASSWORD=CLOJARS_D365EDB2731F249362D30320F08713398B8C470F7120A03DECA9D13DEBA3',
      // Truncated.
      'CLOJARS_PASSWORD=CLOJARS_d365edb2731f249362d30320f08713398b8c470f7120a03deca9d13deb',
    ],
  },
};

export const clojars: ProviderDefinition = { id: 'clojars', name: 'Clojars', rules: [deployToken] };
