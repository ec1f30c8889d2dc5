// Passwords in URLs with user info (RFC 3986 §3.2.1, `scheme://user:password@host`, deprecated for
// exactly this reason): HTTP(S) basic auth, the lines of a git credential store (~/.git-credentials,
// one `https://user:token@host` a line, as git-credential-store documents), FTP and SMTP. Database
// and broker URLs are the database provider's. The same checks as there: templates, placeholders,
// documentation hosts and local defaults are not findings, and a URL with only a user is none.
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

const passwordInUrl: Rule = {
  id: 'url-password',
  provider: 'url-credentials',
  title: 'Password in a URL (basic auth, git credentials, FTP, SMTP)',
  severity: 'high',
  // Lower case, as URLs are written: case-insensitive keywords cost the prefilter more, and
  // `https://` is already the most frequent keyword of any rule (90,000 on the benchmark's npm tree).
  keywords: ['https://', 'http://', 'ftp://', 'ftps://', 'sftp://', 'smtp://', 'smtps://'],
  window: { before: 0, after: 310 },
  anchor: 'keyword',
  // Tried at every `https://` of a tree (the most common keyword there is): user and password are
  // taken atomically (lookahead + backreference), so a URL without user info fails in a few steps.
  pattern: new RegExp(
    String.raw`(?<![A-Za-z0-9+.-])(?<scheme>https?|s?ftps?|smtps?)://` +
      String.raw`(?=(?<user>[^${USER_INFO_END}]{0,64}))\k<user>:` +
      String.raw`(?=(?<secret>[^${USER_INFO_END}]{1,128}))\k<secret>@` +
      String.raw`(?<host>\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9.-]{1,100})`,
  ),
  validate: checkPassword,
  remediation:
    "Change the password or revoke the token at the service the URL points to (for a git host: its access-token settings), then pass credentials through a credential helper or the environment instead of the URL, and check the service's access log since the commit.",
  samples: {
    positive: [
      'https://ci-bot:Zq7vN2kXw9LpR4tM@git.corp.acme.io\n',
      'git remote add origin https://deploy:hX93kqLm2vPz8WtY@bitbucket.acme-internal.net/scm/app/app.git',
      'MAIL_URL=smtps://alerts%40acme.io:Vb7q2Rk9xT4mWz@smtp.mailgun.org:465',
      'wget ftp://backup:m4Qz8TvL2kRp@files.acme-hosting.de/nightly/db.sql.gz',
    ],
    negative: [
      'https://user:password@git.corp.acme.io',
      'git clone https://x-access-token:${GITHUB_TOKEN}@github.com/acme/app.git',
      'https://username:<token>@gitlab.com/acme/app.git',
      'SMTP_URL=smtp://apikey:****@smtp.sendgrid.net:587',
      // Only a user, and a port: no password.
      'git clone https://deploy@bitbucket.acme-internal.net/scm/app/app.git',
      'curl https://api.acme.io:8443/health',
      'https://admin:Zq7vN2kXw9LpR4tM@example.com/admin',
      'http://admin:admin@localhost:8080/manager',
      // URL parsers' test data: plain words and short passwords.
      "url.parse('https://anonymous:flabada@developer.mozilla.org/en-US/docs/Web/API/URL/password')",
      "expect(url).toHaveProperty('href', 'https://admin:abc-123@10.0.0.7/user')",
    ],
  },
};

export const urlCredentials: ProviderDefinition = { id: 'url-credentials', name: 'Credentials in URLs', rules: [passwordInUrl] };
