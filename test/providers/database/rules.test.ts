// Connection strings: only a real password is a finding, and the password is all that is reported.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { database } from '../../../src/providers/database/rules.js';

const engine = createEngine({ providers: [database] });

const passwordsIn = (text: string): string[] => engine.scanText(text).findings.map((f) => f.secret.reveal());

describe('database-connection-string rule', () => {
  it.each([
    ['postgres', 'postgres://app:hT4kqP9wZx2LmV7n@db-1.prod.internal:5432/app'],
    ['postgresql + driver', 'postgresql+asyncpg://app:hT4kqP9wZx2LmV7n@10.0.3.12/app'],
    ['mysql', 'mysql://app:hT4kqP9wZx2LmV7n@mysql.prod.internal:3306/app'],
    ['mariadb', 'mariadb://app:hT4kqP9wZx2LmV7n@maria.prod.internal/app'],
    ['mongodb', 'mongodb://app:hT4kqP9wZx2LmV7n@mongo-0.prod.internal:27017,mongo-1.prod.internal:27017/app'],
    ['mongodb+srv', 'mongodb+srv://app:hT4kqP9wZx2LmV7n@cluster0.ab12c.mongodb.net/app'],
    ['redis without user', 'redis://:hT4kqP9wZx2LmV7n@cache.prod.internal:6379/0'],
    ['rediss', 'rediss://default:hT4kqP9wZx2LmV7n@cache.prod.internal:6380'],
    ['amqp', 'amqp://app:hT4kqP9wZx2LmV7n@mq.prod.internal:5672/vhost'],
    ['amqps', 'amqps://app:hT4kqP9wZx2LmV7n@b-1.mq.eu-west-1.amazonaws.com:5671'],
    ['mssql', 'mssql://sa:hT4kqP9wZx2LmV7n@sql.prod.internal:1433/app'],
    ['sqlserver', 'sqlserver://app:hT4kqP9wZx2LmV7n@sql.prod.internal:1433'],
    ['IPv6 host', 'postgres://app:hT4kqP9wZx2LmV7n@[2001:db8::12]:5432/app'],
  ])('reports the password of a %s URL', (_scheme, url) => {
    expect(passwordsIn(`DATABASE_URL="${url}"`)).toEqual(['hT4kqP9wZx2LmV7n']);
  });

  it('reports a URL-encoded password as written', () => {
    expect(passwordsIn('DATABASE_URL=postgres://app:hT4k%40qP9w%2FZx2@db.prod.internal/app')).toEqual(['hT4k%40qP9w%2FZx2']);
  });

  it('names the scheme and host, which are safe to show', () => {
    const [finding] = engine.scanText('url: mongodb+srv://app:hT4kqP9wZx2LmV7n@cluster0.ab12c.mongodb.net/app').findings;
    expect(finding?.details).toEqual({ databaseScheme: 'mongodb+srv', databaseHost: 'cluster0.ab12c.mongodb.net' });
  });

  it.each([
    '',
    'password',
    'Password',
    'pass',
    'secret',
    'changeme',
    'root',
    'example',
    '${DB_PASSWORD}',
    '$DB_PASSWORD',
    '%s',
    '%(password)s',
    '{password}',
    '{{ .Values.db.password }}',
    '<password>',
    '****',
    '********',
    'xxx',
    'xxxxxxxx',
    '...',
    'your_password',
  ])('ignores the placeholder password %j', (password) => {
    expect(passwordsIn(`DATABASE_URL=postgres://app:${password}@db.prod.internal:5432/app`)).toEqual([]);
  });

  it.each([
    'postgres://postgres:postgres@localhost:5432/app_dev',
    'postgresql://app:app@127.0.0.1/app_test',
    'mysql://root:mysql@db:3306/app',
    'mongodb://mongo:mongo@mongo:27017',
    'redis://default:redis@redis:6379',
    'amqp://guest:guest@rabbitmq:5672/',
    'mssql://sa:admin@host.docker.internal:1433',
  ])('ignores the local development default %s', (url) => {
    expect(passwordsIn(url)).toEqual([]);
  });

  it('still reports a real password on a local host', () => {
    expect(passwordsIn('postgres://app:hT4kqP9wZx2LmV7n@localhost:5432/app')).toEqual(['hT4kqP9wZx2LmV7n']);
  });

  it.each([
    'postgres://db.prod.internal:5432/app',
    'postgres://app@db.prod.internal:5432/app',
    'https://app:hT4kqP9wZx2LmV7n@git.prod.internal/repo.git',
    'postgres://app:hT4kqP9wZx2LmV7n@db.example.com/app',
  ])('ignores %s', (url) => {
    expect(passwordsIn(url)).toEqual([]);
  });
});
