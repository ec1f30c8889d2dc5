// Passwords in database and broker connection URLs: scheme://user:password@host. The secret is the
// password. Templates, placeholders and local development defaults (postgres:postgres@localhost)
// are not findings: a connection string is only worth reporting when its password is real.
import { ASCII_SPACE, type Candidate, type ProviderDefinition, type Rule, type Validation } from '../../detect/rule.js';
import { checkUrlCredential } from './url-password.js';

function checkPassword({ secret, groups }: Candidate): Validation {
  const host = groups['host'] ?? '';
  const scheme = (groups['scheme'] ?? '').toLowerCase();
  return checkUrlCredential({ password: secret, user: groups['user'] ?? '', host }, { databaseScheme: scheme, databaseHost: host });
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

/** A user in a JDBC URL's properties or an ADO.NET/ODBC connection string (User Id=, Uid=, user=). */
const USER_PROPERTY = /(?:^|[;?&])[ \t]*(?:user(?:[ \t]?id|name|[ \t]name)?|uid)[ \t]*=[ \t]*([^;&]*)/i;

/** The server of an ADO.NET/ODBC connection string, without `tcp:` and the port. */
const SERVER_PROPERTY = /(?:^|;)[ \t]*(?:server|data[ \t]source|address|addr|network[ \t]address|host(?:name)?)[ \t]*=[ \t]*(?:tcp:)?([^;,]*)/i;

/** Keys that only a connection string has before its password: the server, database, user or driver. */
const CONNECTION_STRING_KEY = /(?:^|[;"'\s])(?:server|data[ \t]source|address|host|database|initial[ \t]catalog|uid|user(?:[ \t]?id|name)?|driver|dsn)[ \t]*=/i;

function checkJdbcPassword({ secret, groups }: Candidate): Validation {
  const url = groups['url'] ?? '';
  const host = /^\/\/(\[[0-9A-Fa-f:.]{2,45}\]|[^/:;?,]*)/.exec(url)?.[1] ?? /@\/?\/?([^/:;?]*)/.exec(url)?.[1] ?? '';
  const user = USER_PROPERTY.exec(url)?.[1] ?? '';
  const subprotocol = (groups['subprotocol'] ?? '').toLowerCase();
  return checkUrlCredential({ password: secret, user, host }, { databaseScheme: `jdbc:${subprotocol}`, databaseHost: host });
}

function checkConnectionStringPassword({ secret, before }: Candidate): Validation {
  if (!CONNECTION_STRING_KEY.test(before)) return { valid: false, reason: 'not in a connection string' };
  if (/jdbc:/i.test(before)) return { valid: false, reason: 'a JDBC URL (its own rule)' };
  const host = (SERVER_PROPERTY.exec(before)?.[1] ?? '').trim();
  const user = (USER_PROPERTY.exec(before)?.[1] ?? '').trim();
  return checkUrlCredential({ password: secret, user, host }, host === '' ? {} : { databaseHost: host });
}

const jdbcUrl: Rule = {
  id: 'database-jdbc-password',
  provider: 'database',
  title: 'Password in a JDBC URL',
  severity: 'high',
  keywords: ['jdbc:'],
  window: { before: 0, after: 600 },
  anchor: 'keyword',
  // jdbc:<subprotocol>:<anything up to the password property>, as the drivers document it:
  // ?user=…&password=… (MySQL Connector/J, PostgreSQL JDBC), ;user=…;password=… (SQL Server).
  pattern: new RegExp(
    String.raw`jdbc:(?<subprotocol>[a-z0-9]{2,20}):(?<url>[^${ASCII_SPACE}'"\x60<>]{0,300}?)[;?&]password=` +
      String.raw`(?<secret>[^${ASCII_SPACE};&'"\x60<>]{1,256})`,
    'i',
  ),
  validate: checkJdbcPassword,
  remediation:
    "Change the database user's password now (ALTER USER … in the database, or the managed service's console), pass it to the driver from a secret store instead of the URL, and review the database's access logs since the commit.",
  samples: {
    positive: [
      'spring.datasource.url=jdbc:mysql://orders-db.c7r2kq.eu-west-1.rds.amazonaws.com:3306/orders?user=orders_app&password=Qm8vRt2xWz5KpL9n&useSSL=true',
      '<property name="url" value="jdbc:sqlserver://sql-prod-02.corp.acme.io:1433;databaseName=billing;user=billing_svc;password=v7#Hq2Lm!p9Zx4Tr;encrypt=true"/>',
      'DB_URL="jdbc:postgresql://10.42.8.15:5432/ledger?user=ledger&password=H3kf9QpZ2mXv"',
    ],
    negative: [
      'jdbc.url=jdbc:mysql://localhost:3306/test?user=root&password=root',
      'jdbc:sqlserver://localhost:1433;databaseName=app;user=sa;password=${DB_PASSWORD}',
      'jdbc:postgresql://db.example.com:5432/app?user=app&password=Qm8vRt2xWz5KpL9n',
      'jdbc:mysql://db.prod.internal:3306/app?user=app&password=<password>',
      // No password in the URL: the driver gets it separately.
      'spring.datasource.url=jdbc:postgresql://10.42.8.15:5432/ledger?user=ledger&ssl=true',
    ],
  },
};

const adoConnectionString: Rule = {
  id: 'database-connection-string-password',
  provider: 'database',
  title: 'Password in an ADO.NET or ODBC connection string',
  severity: 'high',
  // Case-sensitive spellings: each case-insensitive keyword puts every case of its anchor in the
  // prefilter's table, which costs the whole scan.
  keywords: ['Password=', 'password=', 'PASSWORD=', 'Pwd=', 'pwd=', 'PWD='],
  window: { before: 0, after: 150 },
  anchor: 'keyword',
  // Password=… or Pwd=… after another key of the string: the `;` here (so that a rejected match
  // does not hide the generic rule's finding of an ordinary `password=…`), the key in validate.
  pattern: new RegExp(String.raw`(?<=;[ \t]{0,4})(?:password|pwd)=(?<secret>[^${ASCII_SPACE};'"\x60]{1,128})(?![^${ASCII_SPACE};'"\x60])`, 'i'),
  validate: checkConnectionStringPassword,
  remediation:
    "Change the database login's password now (ALTER LOGIN … WITH PASSWORD in SQL Server, or the managed service's console), keep the connection string in a secret store or use managed identity, and review the server's login audit since the commit.",
  samples: {
    positive: [
      '"DefaultConnection": "Server=tcp:acme-prod.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password=Kd8#vQ2m!Lx7Pz4w;Encrypt=True;"',
      'conn = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=10.8.2.14;Database=crm;Uid=crm_reader;Pwd=Tz4qW9xK2vNm;")',
      '<add name="Billing" connectionString="Data Source=sql02.corp.acme.io;Initial Catalog=Billing;User Id=billing;Password=#gets0m3Rq8x2;" />',
    ],
    negative: [
      '"DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=app;User Id=sa;Password=yourStrong(!)Password;"',
      'Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;',
      'Server=sql.prod.internal;Database=app;User Id=app;Password=${SQL_PASSWORD};',
      'Driver={ODBC Driver 18 for SQL Server};Server=sql.prod.internal;Uid=app;Pwd=<password>;',
      // Not a connection string: a query string and a form field.
      'curl "https://api.acme.io/login?user=me&password=Kd8vQ2mLx7Pz4w"',
    ],
  },
};

export const database: ProviderDefinition = { id: 'database', name: 'Databases', rules: [connectionString, jdbcUrl, adoConnectionString] };
