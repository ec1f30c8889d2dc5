// Whether the password of a credential URL or connection string is a real one: templates,
// placeholders, documentation hosts and local development defaults (postgres:postgres@localhost)
// are not. Shared by the database, JDBC/ADO.NET and basic-auth URL rules.
import type { Validation } from '../../detect/rule.js';

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
  // SQL Server's container quickstart.
  'yourstrong(!)password',
  'yourstrongpassword',
  'mypassword123',
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

/** The parts of a credential found in a URL or connection string, as written (URL-encoded or not). */
export interface UrlCredential {
  password: string;
  user: string;
  host: string;
}

/** Why this password is no real one, or undefined when it is. */
export function notARealPassword({ password: written, user: writtenUser, host }: UrlCredential): string | undefined {
  const password = decodePassword(written);
  const lower = password.toLowerCase();
  const user = decodePassword(writtenUser).toLowerCase();
  if (TEMPLATE.test(password)) return 'template or masked value';
  if (PLACEHOLDER_PASSWORDS.has(lower)) return 'placeholder password';
  if (/^(.)\1*$/.test(password)) return 'one repeated character';
  if (isDocumentationHost(host)) return 'documentation host';
  if (isLocalHost(host) && (lower === user || DEV_PASSWORDS.has(lower))) return 'local development default';
  return undefined;
}

/** A validation for a credential URL: details name the scheme and host (safe to show), never the password. */
export function checkUrlCredential(credential: UrlCredential, details: Record<string, string>): Validation {
  const reason = notARealPassword(credential);
  return reason === undefined ? { valid: true, details } : { valid: false, reason };
}
