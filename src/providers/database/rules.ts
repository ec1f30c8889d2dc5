// Passwords in database and broker connection URLs: scheme://user:password@host. The secret is the
// password. Templates, placeholders and local development defaults (postgres:postgres@localhost)
// are not findings: a connection string is only worth reporting when its password is real.
import { ASCII_SPACE, type Candidate, type ProviderDefinition, type Rule, type Validation } from '../../detect/rule.js';

/** Passwords that stand for "put yours here" rather than being one. Compared lower-cased. */
const PLACEHOLDER_PASSWORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'changeme',
  'change_me',
  'change-me',
  'root',
  'example',
  'test',
  'xxx',
  'mypassword',
  'my_password',
  'yourpassword',
  'your_password',
  'your-password',
  'db_password',
  'dbpassword',
  'db_pass',
  'user_password',
  'redacted',
  'hidden',
  'masked',
]);

/** Defaults of official images and tutorials; harmless against a local or compose-network host. */
const DEV_PASSWORDS = new Set([
  'postgres',
  'mysql',
  'mariadb',
  'mongo',
  'mongodb',
  'redis',
  'guest',
  'admin',
  'dev',
  'development',
  'local',
  'docker',
  'sa',
  'test123',
  'password1',
  'password123',
  '123456',
  '12345678',
]);

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]', 'host.docker.internal']);

/**
 * Template syntax of shells, compose, Helm, Jinja, Python and printf (${VAR}, $VAR, $(cmd),
 * {password}, {{ .Values.pw }}, <password>, %s, %(pw)s) and masked values (****, ...).
 */
const TEMPLATE = /\$[{(]|^\$[A-Za-z_][A-Za-z0-9_]*$|[{}<>]|%s|%\([^)]*\)|^\*+$|\.\.\./;

function decodePassword(password: string): string {
  try {
    return decodeURIComponent(password);
  } catch {
    return password;
  }
}

/** A host only a developer's machine or a compose network resolves: localhost, `db`, `redis`. */
function isLocalHost(host: string): boolean {
  const name = host.toLowerCase();
  return LOCAL_HOSTS.has(name) || !name.includes('.');
}

/** Documentation hosts: example.com and friends (RFC 2606), `host`, `hostname`. */
function isDocumentationHost(host: string): boolean {
  const name = host.toLowerCase();
  return /(?:^|\.)example(?:\.(?:com|org|net))?$|\.(?:test|invalid|example)$|^(?:host|hostname|your[-_]?host|server|db[-_]?host)$/.test(name);
}

function checkPassword({ secret, groups }: Candidate): Validation {
  const password = decodePassword(secret);
  const lower = password.toLowerCase();
  const user = decodePassword(groups['user'] ?? '').toLowerCase();
  const host = groups['host'] ?? '';
  const scheme = (groups['scheme'] ?? '').toLowerCase();
  if (TEMPLATE.test(password)) return { valid: false, reason: 'template or masked value' };
  if (PLACEHOLDER_PASSWORDS.has(lower)) return { valid: false, reason: 'placeholder password' };
  if (/^(.)\1*$/.test(password)) return { valid: false, reason: 'one repeated character' };
  if (isDocumentationHost(host)) return { valid: false, reason: 'documentation host' };
  if (isLocalHost(host) && (lower === user || DEV_PASSWORDS.has(lower))) {
    return { valid: false, reason: 'local development default' };
  }
  return { valid: true, details: { databaseScheme: scheme, databaseHost: host } };
}

const connectionString: Rule = {
  id: 'database-connection-string',
  provider: 'database',
  title: 'Password in a database connection string',
  severity: 'high',
  keywords: ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver'],
  keywordsIgnoreCase: true,
  // The URL starts at the scheme keyword; user, password and host fit in a few hundred characters.
  window: { before: 0, after: 500 },
  anchor: 'keyword',
  pattern: new RegExp(
    String.raw`(?<![A-Za-z0-9+.-])(?<scheme>postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver)` +
      // SQLAlchemy-style driver suffix: postgresql+psycopg2://, mysql+pymysql://
      String.raw`(?:\+[a-z0-9]{1,20})?://` +
      String.raw`(?<user>[^${ASCII_SPACE}:@/?#'"\x60]{0,128}):(?<secret>[^${ASCII_SPACE}@/?#'"\x60]{1,256})@` +
      String.raw`(?<host>\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9._-]{1,253})`,
    'i',
  ),
  validate: checkPassword,
  remediation:
    "Change the database user's password now (e.g. ALTER USER … PASSWORD in PostgreSQL, ALTER USER … IDENTIFIED BY in MySQL, or the managed service's console), update the services that use it from a secret store, and review the database's access logs since the commit.",
  samples: {
    positive: [
      'DATABASE_URL=postgres://app_user:VdZosLOV4Te4ILrtEEdR@db-prod.c9xk2ab1.eu-west-1.rds.amazonaws.com:5432/app',
      'MONGO_URI="mongodb+srv://svc-orders:0nFxcYY2g45VQYYy7rax@cluster0.x1y2z.mongodb.net/orders?retryWrites=true"',
      "engine = create_engine('mysql+pymysql://reporting:OWUf0TPj3ktCrRSVkErz@10.20.4.17:3306/analytics')",
      'REDIS_URL=rediss://default:p7pjYbZtoC6GDB5QqHuI@apt-lemur-41230.upstash.io:6379',
      'CELERY_BROKER_URL = "amqps://worker:9wGp6fKkoaUd6X8IRXlu@b-1a2b3c.mq.us-east-1.amazonaws.com:5671"',
    ],
    negative: [
      'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_dev',
      'DATABASE_URL=postgresql://${DB_USER}:${DB_PASSWORD}@${DB_HOST}:5432/${DB_NAME}',
      'DATABASE_URL=postgres://user:password@db.internal:5432/app',
      'MONGO_URI=mongodb://admin:<password>@cluster0.mongodb.net/test',
      'REDIS_URL=redis://:changeme@redis.prod.internal:6379/0',
      "url = f'mysql://{user}:{password}@{host}/{db}'",
      'AMQP_URL=amqp://guest:guest@rabbitmq:5672/',
      'DATABASE_URL=postgres://app:****@db.internal:5432/app',
      'DATABASE_URL=postgres://app:%s@db.internal:5432/app',
      // No password at all.
      'DATABASE_URL=postgres://app@db.internal:5432/app',
      'DATABASE_URL=postgres://app:VdZosLOV4Te4ILrtEEdR@db.example.com:5432/app',
    ],
  },
};

export const database: ProviderDefinition = { id: 'database', name: 'Databases', rules: [connectionString] };
