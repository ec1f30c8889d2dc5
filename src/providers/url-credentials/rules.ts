// Passwords in URLs with user info (RFC 3986 §3.2.1, `scheme://user:password@host`, deprecated for
// exactly this reason): FTP and SMTP URLs, and HTTPS git remotes as a git credential store keeps them
// (~/.git-credentials, one `https://user:token@host` a line, as git-credential-store documents).
// Database and broker URLs are the database provider's. The same checks as there: templates,
// placeholders, documentation hosts and local defaults are not findings, and a URL with only a user
// is none.
//
// Not every `https://user:password@host`: the only literal such a URL must contain is `https://`,
// the most frequent string of any tree (90,000 times in the benchmark's 78 MB of npm packages), and
// as a keyword it made the whole scan a third slower, whatever the pattern. HTTPS URLs are taken
// where a git host or a git token user name says what they are.
import { ASCII_SPACE, type Candidate, type ProviderDefinition, type Rule, type Validation } from '../../detect/rule.js';
import { checkUrlCredential } from '../database/url-password.js';

/**
 * URLs with user info fill tests and docs of URL parsers (`https://cherry:durian@…`,
 * `admin:abc-123@…`): a password must look chosen or issued, 8 characters at least, mixing letters
 * and digits or three kinds of character. Tokens (`ghp_…`, `glpat-…`) and generated passwords do.
 */
function looksIssued(written: string): boolean {
  let password = written;
  try {
    password = decodeURIComponent(written);
  } catch {
    // Kept as written: a stray % is a character of the password.
  }
  if (password.length < 8) return false;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password)).length;
  return (/[A-Za-z]/.test(password) && /[0-9]/.test(password)) || kinds >= 3;
}

function checkPassword({ secret, groups }: Candidate): Validation {
  if (!looksIssued(secret)) return { valid: false, reason: 'too short or too plain for a real password' };
  const host = groups['host'] ?? '';
  const scheme = (groups['scheme'] ?? '').toLowerCase();
  return checkUrlCredential({ password: secret, user: groups['user'] ?? '', host }, { urlScheme: scheme, urlHost: host });
}

const USER_INFO_END = String.raw`${ASCII_SPACE}:@/?#'"\x60<>()\[\]{}\\`;

/** User info: user and password, taken atomically (lookahead + backreference) so a URL without fails fast. */
const USER_INFO = String.raw`(?=(?<user>[^${USER_INFO_END}]{0,64}))\k<user>:(?=(?<secret>[^${USER_INFO_END}]{1,128}))\k<secret>@`;
const HOST = String.raw`(?<host>\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9.-]{1,100})`;

const passwordInUrl: Rule = {
  id: 'url-password',
  provider: 'url-credentials',
  title: 'Password in an FTP or SMTP URL',
  severity: 'high',
  keywords: ['ftp://', 'ftps://', 'sftp://', 'smtp://', 'smtps://'],
  window: { before: 0, after: 310 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9+.-])(?<scheme>s?ftps?|smtps?)://${USER_INFO}${HOST}`),
  validate: checkPassword,
  remediation:
    "Change the account's password at the server the URL points to (for a mail relay's API key: its provider's key settings), pass credentials through the environment or a secret store instead of the URL, and check the server's log since the commit.",
  samples: {
    positive: [
      'MAIL_URL=smtps://alerts%40acme.io:Vb7q2Rk9xT4mWz@smtp.mailgun.org:465',
      'wget ftp://backup:m4Qz8TvL2kRp@files.acme-hosting.de/nightly/db.sql.gz',
      'lftp sftp://deploy:Tq9xW2mLk7Vz@sftp.acme-hosting.de',
    ],
    negative: [
      'SMTP_URL=smtp://apikey:****@smtp.sendgrid.net:587',
      'SMTP_URL=smtp://user:password@smtp.acme.io:587',
      'ftp://anonymous@ftp.gnu.org/gnu/',
      'wget ftp://backup:m4Qz8TvL2kRp@ftp.example.com/db.sql.gz',
      "smtp://mailer:${SMTP_PASSWORD}@smtp.acme.io:587",
    ],
  },
};

/** Hosted git services, and the user names git hosts document for tokens in HTTPS remotes. */
const GIT_HOSTS = ['github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com', 'codeberg.org'];
const TOKEN_USERS = ['x-access-token', 'oauth2', 'x-token-auth', 'gitlab-ci-token'];

const gitRemotePassword: Rule = {
  id: 'git-url-password',
  provider: 'url-credentials',
  title: 'Password or token in an HTTPS git remote (git credentials)',
  severity: 'high',
  // Lower case, as hosts and these user names are written.
  keywords: [...GIT_HOSTS.map((host) => `@${host}`), ...TOKEN_USERS.map((user) => `${user}:`)],
  // The URL starts up to ~200 characters before `@github.com`, and just before `oauth2:`.
  window: { before: 210, after: 320 },
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9+.-])(?<scheme>https?)://${USER_INFO}${HOST}`, 'i'),
  validate: checkPassword,
  remediation:
    "Revoke the token or change the password at the git host (GitHub: Settings → Developer settings; GitLab: Access tokens; Bitbucket: App passwords / access tokens), then keep it in a credential helper (git config credential.helper) instead of the remote URL or a committed .git-credentials, and review the host's audit log since the commit.",
  samples: {
    positive: [
      'https://ci-bot:Zq7vN2kXw9LpR4tMhX93kqLm2vPz8WtYb4Nq@github.com\n',
      'git remote add origin https://deploy:hX93kqLm2vPz8WtY@bitbucket.org/acme/app.git',
      'git clone https://oauth2:Wq7zT2xK9mLv4RpN8cB3@git.corp.acme.io/platform/api.git',
    ],
    negative: [
      'https://user:password@github.com/acme/app.git',
      'git clone https://x-access-token:${GITHUB_TOKEN}@github.com/acme/app.git',
      'https://username:<token>@gitlab.com/acme/app.git',
      // Only a user, and SSH remotes: no password.
      'git clone https://deploy@bitbucket.org/acme/app.git',
      '"url": "git+ssh://git@github.com/acme/app.git"',
      'https://admin:Zq7vN2kXw9LpR4tM@github.example.com/admin',
    ],
  },
};

export const urlCredentials: ProviderDefinition = {
  id: 'url-credentials',
  name: 'Credentials in URLs',
  rules: [passwordInUrl, gitRemotePassword],
};
