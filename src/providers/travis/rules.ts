// Travis CI API tokens (https://docs.travis-ci.com/user/migrate/travis-migrate-to-apps-gem-guide/#get-your-api-token,
// `travis token`, sent as `Authorization: token …`): 22 base64url characters, no prefix, so a
// token is a finding only when named as Travis CI's.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkMix({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiToken: Rule = {
  id: 'travis-ci-api-token',
  provider: 'travis',
  title: 'Travis CI API token',
  severity: 'high',
  keywords: ['travis'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 80 },
  pattern: new RegExp(String.raw`travis[A-Za-z0-9_.-]{0,20}(?:api[_.-]?)?(?:token|key)${ASSIGN}(?<secret>[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.8,
  validate: checkMix,
  remediation:
    'Regenerate the token on your Travis CI profile (Settings → API authentication, https://app.travis-ci.com/account/preferences), which invalidates the old one, and check the repositories\' settings and environment variables for changes.',
  samples: {
    positive: ['TRAVIS_API_TOKEN=iiT6pXO4OcFfxMOUBTyo0p', 'travis_token: "wGp02XqUTm6DCqyQM8l5vl"'],
    negative: [
      'TRAVIS_API_TOKEN=${TRAVIS_API_TOKEN}',
      'TRAVIS_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxx',
      // An encrypted .travis.yml value is long base64, not a token.
      'travis_secure_key: "kM3y9aQ2WJH7QpV1fYc3LwqzN0bT5xRg8uEoD4sIhAvZ6mKjPnXeUlBtCyGrFiOa"',
      // Lower-case identifiers.
      'TRAVIS_JOB_KEY=build_matrix_linux_node',
    ],
  },
};

export const travis: ProviderDefinition = { id: 'travis', name: 'Travis CI', rules: [apiToken] };
