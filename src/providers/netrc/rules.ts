// .netrc (and _netrc) entries, the login file of ftp, curl, git, pip and Heroku's CLI: tokens
// separated by spaces, tabs or newlines, `machine <host> login <user> password <password>`, in that
// order as every tool writes it (the `default` entry takes the place of `machine <host>`). The
// password is the secret; templates, placeholders and documentation hosts are not findings.
import { ASCII_SPACE, type Candidate, type ProviderDefinition, type Rule, type Validation } from '../../detect/rule.js';
import { checkUrlCredential } from '../database/url-password.js';

function checkEntry({ secret, groups }: Candidate): Validation {
  const host = groups['host'] ?? 'default';
  return checkUrlCredential({ password: secret, user: groups['user'] ?? '', host }, { netrcMachine: host });
}

const SPACE = `[${ASCII_SPACE}]`;
const NOT_SPACE = `[^${ASCII_SPACE}]`;

const netrcPassword: Rule = {
  id: 'netrc-password',
  provider: 'netrc',
  title: 'Password in a .netrc entry',
  severity: 'high',
  // `machine` is a common word (state machine, machine learning): the entry must follow at once.
  keywords: ['machine', 'default login'],
  window: { before: 0, after: 700 },
  anchor: 'keyword',
  pattern: new RegExp(
    String.raw`(?<![A-Za-z0-9_.-])(?:machine${SPACE}{1,20}(?<host>[A-Za-z0-9._:\[\]-]{1,253})|default)${SPACE}{1,20}` +
      String.raw`login${SPACE}{1,20}(?<user>${NOT_SPACE}{1,128})${SPACE}{1,20}` +
      String.raw`password${SPACE}{1,20}(?<secret>${NOT_SPACE}{1,256})(?!${NOT_SPACE})`,
  ),
  validate: checkEntry,
  remediation:
    'Change the password or revoke the token at the machine the entry names (for a git host or Heroku: its access-token settings), keep .netrc out of the repository (chmod 600 in the home directory), and check that service for use since the commit.',
  samples: {
    positive: [
      'machine api.heroku.com\n  login ops@acme.io\n  password 3f8Kq2LmZx9vRt7WpB4n\n',
      'machine git.corp.acme.io login ci-bot password Hq8zW2mKx4Lv9TrP',
      'default login anonymous password Rk7mQ2xZp9vL',
    ],
    negative: [
      'machine api.github.com login <user> password <token>',
      'machine example.com login user password pass',
      'machine git.corp.acme.io login ci password $GIT_TOKEN',
      // Not an entry: prose around the words.
      'the state machine login flow checks the password before anything else',
      'machine git.corp.acme.io login ci-bot',
    ],
  },
};

export const netrc: ProviderDefinition = { id: 'netrc', name: '.netrc', rules: [netrcPassword] };
