// Snowflake connection URLs with a password (https://docs.snowflake.com/en/developer-guide/python-connector/sqlalchemy#connection-parameters):
// `snowflake://<user>:<password>@<account>/…`, the SQLAlchemy and Go driver form. Programmatic
// access tokens are not covered: Snowflake documents how to use them, not their format, and a
// bare `password =` beside an account is the generic rule's.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const connectionUrl: Rule = {
  id: 'snowflake-connection-url',
  provider: 'snowflake',
  title: 'Snowflake connection URL with a password',
  severity: 'critical',
  keywords: ['snowflake://'],
  window: { before: 0, after: 300 },
  anchor: 'keyword',
  pattern: /snowflake:\/\/(?<user>[A-Za-z0-9_.%-]{1,64}):(?<secret>[^@/\s"'`:]{8,128})@(?<account>[A-Za-z0-9_.-]{3,100})/,
  minEntropy: 3,
  remediation:
    'Change the user\'s password in Snowflake (ALTER USER … SET PASSWORD, or Snowsight → Admin → Users & Roles, https://docs.snowflake.com/en/sql-reference/sql/alter-user), check LOGIN_HISTORY and QUERY_HISTORY for sessions you do not recognise, and move the connection to key-pair authentication.',
  samples: {
    positive: [
      'SNOWFLAKE_URL="snowflake://etl_loader:90xc2528TJOmwjKLdb1b@acme-analytics/raw/public?warehouse=LOADING"',
      "engine = create_engine('snowflake://report_user:EXO5HGAyBOmeDZ0cttiwRdKh@xy12345.eu-central-1/sales')",
    ],
    negative: [
      "engine = create_engine('snowflake://{user}:{password}@{account}/')",
      'SNOWFLAKE_URL=snowflake://user:password@account/db',
      'SNOWFLAKE_URL=snowflake://<user>:<password>@<account_identifier>/<database>',
      'SNOWFLAKE_URL=snowflake://etl_loader:${SNOWFLAKE_PASSWORD}@acme-analytics/raw',
    ],
  },
};

export const snowflake: ProviderDefinition = { id: 'snowflake', name: 'Snowflake', rules: [connectionUrl] };
