// Rails' secret_key_base (https://guides.rubyonrails.org/security.html#custom-credentials): the root
// of every key Rails derives, for signed and encrypted cookies and messages. `rails secret` prints
// SecureRandom.hex(64), 128 hex digits; it lives in credentials.yml.enc or SECRET_KEY_BASE, and in
// old apps in config/secrets.yml, whose generated development and test keys are not findings.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** The value is the key of a `development:` or `test:` block of secrets.yml. */
const LOCAL_ENVIRONMENT_BLOCK = /(?:^|\n)[ \t]{0,8}(?:development|test):[ \t]{0,8}\r?\n[ \t]{0,16}$/;

function checkKey({ before }: Candidate): Validation {
  if (LOCAL_ENVIRONMENT_BLOCK.test(before)) return { valid: false, reason: 'development or test key of secrets.yml' };
  return { valid: true };
}

const secretKeyBase: Rule = {
  id: 'rails-secret-key-base',
  provider: 'rails',
  title: 'Rails secret_key_base',
  severity: 'high',
  keywords: ['secret_key_base', 'SECRET_KEY_BASE'],
  window: { before: 0, after: 170 },
  anchor: 'keyword',
  pattern: /secret_key_base["']?[ \t]{0,8}(?::|=>|=)[ \t]{0,8}["']?(?<secret>[0-9a-f]{128})(?![0-9a-z])/i,
  minEntropy: 3.5,
  validate: checkKey,
  remediation:
    'Generate a new key with `bin/rails secret`, put it in the encrypted credentials or SECRET_KEY_BASE of each deployment, and deploy: cookies and signed messages made with the old key stop verifying. Rotate anything encrypted with keys derived from it.',
  samples: {
    positive: [
      'production:\n  secret_key_base: 3ca955b8a4c949e401aeea79a365d5004a44bf1fe8ee8ce489012d4e5df0c768c73f29a3efcb67c2c19d0959d03d5f9d96322eb5191fd7a68ce337e2723b8dee',
      'SECRET_KEY_BASE=b47fec4452f71374dbec4f07436e6160c1356c63711a704d7c65a3e08a35c43fa594a3a009f281d6061a8a55367fda43b3b28a67b8ed4a451dacdf91b0e601c7',
    ],
    negative: [
      'production:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>',
      'development:\n  secret_key_base: 3ca955b8a4c949e401aeea79a365d5004a44bf1fe8ee8ce489012d4e5df0c768c73f29a3efcb67c2c19d0959d03d5f9d96322eb5191fd7a68ce337e2723b8dee',
      // 127 digits: cut short.
      'SECRET_KEY_BASE=b47fec4452f71374dbec4f07436e6160c1356c63711a704d7c65a3e08a35c43fa594a3a009f281d6061a8a55367fda43b3b28a67b8ed4a451dacdf91b0e601c',
      'SECRET_KEY_BASE=0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000',
    ],
  },
};

export const rails: ProviderDefinition = { id: 'rails', name: 'Ruby on Rails', rules: [secretKeyBase] };
