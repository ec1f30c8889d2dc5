// .pypirc, the upload configuration of twine and distutils
// (https://packaging.python.org/en/latest/specifications/pypirc/): a `[pypi]` or `[testpypi]`
// section with `username` and `password` (and `repository`) lines. The password is the secret. A
// PyPI API token there (`pypi-…`) is the pypi provider's, which checks its structure; this rule
// reports the account passwords and the tokens of other indexes.
import { ASCII_SPACE, type Candidate, type ProviderDefinition, type Rule, type Validation } from '../../detect/rule.js';
import { checkUrlCredential } from '../database/url-password.js';

function checkPassword({ secret, groups }: Candidate): Validation {
  if (secret.startsWith('pypi-')) return { valid: false, reason: 'a PyPI API token (the pypi provider reports it)' };
  const section = groups['section'] ?? '';
  const host = section === 'testpypi' ? 'test.pypi.org' : 'upload.pypi.org';
  return checkUrlCredential({ password: secret, user: groups['user'] ?? '', host }, { pypircSection: section });
}

/** One `key = value` line of the section other than the password (repository, username). */
const OTHER_LINE = String.raw`[ \t]{0,8}(?:repository|username)[ \t]{0,8}[:=][^\r\n]{0,200}\r?\n`;

const pypircPassword: Rule = {
  id: 'pypirc-password',
  provider: 'pypirc',
  title: 'Password in a .pypirc file',
  severity: 'high',
  keywords: ['[pypi]', '[testpypi]'],
  window: { before: 0, after: 600 },
  anchor: 'keyword',
  pattern: new RegExp(
    String.raw`\[(?<section>pypi|testpypi)\][ \t]{0,8}\r?\n(?:${OTHER_LINE}){0,3}` +
      String.raw`[ \t]{0,8}password[ \t]{0,8}[:=][ \t]{0,8}(?<secret>[^${ASCII_SPACE}]{1,256})[ \t]{0,8}(?:\r?\n|$)`,
  ),
  validate: checkPassword,
  remediation:
    'Change the account password on the index (and enable two-factor authentication), or delete the token in the index\'s account settings; then use a scoped API token from keyring or the environment (TWINE_PASSWORD) instead of .pypirc in a repository.',
  samples: {
    positive: [
      '[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = acme-release\npassword = Lq7xK2vR9mZt4WpN\n',
      '[testpypi]\nrepository = https://test.pypi.org/legacy/\nusername = acme\npassword = 8vTqW3kLz2RmXp9c',
    ],
    negative: [
      '[pypi]\nusername = __token__\npassword = <PyPI token>\n',
      '[pypi]\nusername = acme\npassword = ${PYPI_PASSWORD}\n',
      '[pypi]\nusername = acme\npassword = your_password\n',
      // No password: twine asks, or reads keyring.
      '[pypi]\nusername = acme-release\n\n[testpypi]\nusername = acme\n',
    ],
  },
};

export const pypirc: ProviderDefinition = { id: 'pypirc', name: '.pypirc', rules: [pypircPassword] };
