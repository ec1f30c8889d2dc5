// Labelled items (see bench/labelled-set.mjs) for the rules of group 2 of the breadth work, built
// from each provider's published format with the kit's helpers, never from leakstop's rule samples.
// random: this module's seeded stream (int, pick, chars, number, bytes, shuffle); kit: KIT in
// bench/labelled-set.mjs (alphabets, encodings, forms, positive() and negative()).
import { createPrivateKey, createPublicKey } from 'node:crypto';

/** The DER start of a PKCS#8 Ed25519 private key (RFC 8410), before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = '302e020100300506032b657004220420';

export function items(random, kit) {
  const { DIGITS, UPPER, LOWER, ALNUM, HEX, BASE32, BASE64URL, Buffer, uuid, base64url } = kit;
  const { assignment, assignments, code, alone, positive, negative } = kit;
  const hex = (n) => random.chars(HEX, n);
  /** Random characters of `alphabet` holding a lower-case letter, an upper-case letter and a digit, as issued keys do. */
  const mixed = (alphabet, n) => {
    for (;;) {
      const value = random.chars(alphabet, n);
      if (/[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value)) return value;
    }
  };
  const alnum = (n) => mixed(ALNUM, n);
  /** Letters of both cases (Logz.io shipping tokens have no digits). */
  const letters = (n) => {
    for (;;) {
      const value = random.chars(UPPER + LOWER, n);
      if (/[a-z]/.test(value) && /[A-Z]/.test(value)) return value;
    }
  };
  const b64url = (n) => mixed(BASE64URL, n);
  // Languages for rules that read a provider-named assignment: not TypeScript's `name: string = "…"`
  // nor an XML appSettings `key="…" value="…"` pair, which those rules do not parse (see the report).
  const NAMED_LANGS = ['env', 'sh', 'yaml', 'dockerfile', 'python', 'json', 'js', 'go', 'java', 'toml', 'ini', 'tf', 'ruby', 'php', 'cs', 'properties'];
  const found = [];
  const add = (...list) => found.push(...list);

  // --- Cohere: 40 alphanumerics, named after the provider -------------------------------------
  add(
    positive('cohere', 'cohere-api-key', 'Cohere key in .env', assignment('COHERE_API_KEY', alnum(40), ['env', 'sh', 'yaml', 'dockerfile', 'toml'])),
    positive('cohere', 'cohere-api-key', 'Cohere client in code', code({ python: `co = cohere.ClientV2(api_key="${alnum(40)}")`, ts: `const cohere = new CohereClient({ token: '${alnum(40)}' });` })),
    negative('placeholder', 'cohere', 'Cohere key placeholder', assignment('COHERE_API_KEY', '<your-cohere-api-key>')),
  );

  // --- Coinbase CDP: base64 of an Ed25519 seed followed by its public key -----------------------
  const cdpSecret = () => {
    const seed = random.bytes(32);
    const key = createPrivateKey({ key: Buffer.concat([Buffer.from(ED25519_PKCS8_PREFIX, 'hex'), seed]), format: 'der', type: 'pkcs8' });
    const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
    return Buffer.concat([seed, publicKey]).toString('base64');
  };
  const cdpKeyName = () => `organizations/${uuid(random)}/apiKeys/${uuid(random)}`;
  add(
    alone('keys/cdp_api_key.json', 'json', positive('coinbase', 'coinbase-cdp-secret-api-key', 'CDP key file downloaded from the portal', code({ json: { lines: ['{', `  "id": "${uuid(random)}",`, `  "privateKey": "${cdpSecret()}"`, '}'], primary: 2 } }))),
    positive('coinbase', 'coinbase-cdp-secret-api-key', 'CDP secret in .env', code({ env: { lines: [`CDP_API_KEY_ID=${uuid(random)}`, `CDP_API_KEY_SECRET=${cdpSecret()}`], primary: 1 }, sh: { lines: [`export CDP_API_KEY_NAME="${cdpKeyName()}"`, `export CDP_API_KEY_SECRET="${cdpSecret()}"`], primary: 1 } })),
    positive('coinbase', 'coinbase-cdp-secret-api-key', 'CDP client in code', code({ ts: { lines: ['// Coinbase Developer Platform client', `const cdp = new CdpClient({ apiKeySecret: '${cdpSecret()}' });`], primary: 1 }, python: { lines: ['# Coinbase CDP credentials', `cdp = CdpClient(api_key_secret="${cdpSecret()}")`], primary: 1 } })),
    negative('truncated', 'coinbase', 'CDP secret cut in a log line', code({ md: `The CDP secret starts \`${cdpSecret().slice(0, 12)}\`… (coinbase portal).`, python: `# coinbase CDP key ${cdpSecret().slice(0, 10)}… rotated` })),
  );

  // --- Confluent Cloud: 64 base64 characters, named or in a JAAS login -------------------------
  const confluentKey = () => random.chars(UPPER + DIGITS, 16);
  const confluentSecret = () => mixed(ALNUM + '+/', 64);
  add(
    positive('confluent', 'confluent-cloud-api-secret', 'Confluent API secret in .env', assignments([['CONFLUENT_CLOUD_API_KEY', confluentKey()], ['CONFLUENT_CLOUD_API_SECRET', confluentSecret()]], 1)),
    positive('confluent', 'confluent-cloud-api-secret', 'Kafka client JAAS login to Confluent Cloud', code({
      properties: { lines: [`bootstrap.servers=pkc-${random.chars(LOWER + DIGITS, 5)}.eu-west-1.aws.confluent.cloud:9092`, 'security.protocol=SASL_SSL', 'sasl.mechanism=PLAIN', `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${confluentKey()}" password="${confluentSecret()}";`], primary: 3 },
      ini: { lines: [`bootstrap.servers = pkc-${random.chars(LOWER + DIGITS, 5)}.us-east-2.aws.confluent.cloud:9092`, `sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username='${confluentKey()}' password='${confluentSecret()}';`], primary: 1 },
    })),
    negative('template', 'confluent', 'Confluent secret from the environment', code({ properties: 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${CONFLUENT_API_KEY}" password="${CONFLUENT_API_SECRET}";', yaml: '      CONFLUENT_CLOUD_API_SECRET: ${{ secrets.CONFLUENT_CLOUD_API_SECRET }}' })),
  );

  // --- Contentful: CFPAT- personal tokens, 43-character delivery/preview keys --------------------
  const spaceId = () => random.chars(LOWER + DIGITS, 12);
  add(
    positive('contentful', 'contentful-personal-access-token', 'CMA token in .env', assignment('CONTENTFUL_MANAGEMENT_TOKEN', `CFPAT-${b64url(43)}`)),
    positive('contentful', 'contentful-personal-access-token', 'CMA token in the CLI and client', code({ sh: `contentful space export --space-id ${spaceId()} --management-token CFPAT-${b64url(43)}`, js: `const client = contentfulManagement.createClient({ accessToken: 'CFPAT-${b64url(43)}' });` })),
    positive('contentful', 'contentful-delivery-token', 'Delivery API key in .env', assignment('CONTENTFUL_DELIVERY_TOKEN', b64url(43), ['env', 'sh', 'yaml', 'dockerfile', 'toml', 'python'])),
    positive('contentful', 'contentful-delivery-token', 'Delivery client in code', code({ js: `const client = contentful.createClient({ space: '${spaceId()}', accessToken: '${b64url(43)}' });`, ts: { lines: ['// Contentful delivery client', `export const cms = createClient({ space: '${spaceId()}', environment: 'master', accessToken: '${b64url(43)}' });`], primary: 1 } })),
    positive('contentful', 'contentful-delivery-token', 'Preview API key in YAML', code({ yaml: `  contentful_preview_token: "${b64url(43)}"` })),
    negative('placeholder', 'contentful', 'CMA token placeholder', assignment('CONTENTFUL_MANAGEMENT_TOKEN', 'CFPAT-<your-personal-access-token>')),
  );

  // --- Contentstack: cs + 24 hex next to the provider's name -------------------------------------
  add(
    positive('contentstack', 'contentstack-token', 'delivery token in .env', assignment('CONTENTSTACK_DELIVERY_TOKEN', `cs${hex(24)}`)),
    positive('contentstack', 'contentstack-token', 'management token in code', code({ js: `const stack = contentstack.client().stack({ api_key: 'blt${hex(16)}', management_token: 'cs${hex(24)}' });`, python: `stack = contentstack.Stack(api_key="blt${hex(16)}", delivery_token="cs${hex(24)}", environment="production")` })),
    negative('placeholder', 'contentstack', 'delivery token placeholder', assignment('CONTENTSTACK_DELIVERY_TOKEN', 'csxxxxxxxxxxxxxxxxxxxxxxxx')),
  );

  // --- crates.io: cio + 32 alphanumerics --------------------------------------------------------
  add(
    positive('cratesio', 'cratesio-api-token', 'cargo registry token in CI', assignment('CARGO_REGISTRY_TOKEN', `cio${alnum(32)}`)),
    positive('cratesio', 'cratesio-api-token', 'cargo credentials and login', code({ toml: { lines: ['[registry]', `token = "cio${alnum(32)}"`], primary: 1 }, sh: `cargo login cio${alnum(32)}`, md: `    cargo publish --token cio${alnum(32)}` })),
    negative('template', 'cratesio', 'cargo token from secrets', code({ yaml: '          CARGO_REGISTRY_TOKEN: ${{ secrets.CRATES_IO_TOKEN }}', sh: 'cargo publish --token "$CARGO_REGISTRY_TOKEN"' })),
  );

  // --- Databases: JDBC URLs and ADO.NET/ODBC connection strings ---------------------------------
  const dbPassword = () => mixed(ALNUM, random.int(16, 24));
  add(
    positive('database', 'database-jdbc-password', 'JDBC PostgreSQL URL with password', code({ properties: `spring.datasource.url=jdbc:postgresql://billing-db.${random.chars(LOWER + DIGITS, 8)}.eu-west-1.rds.amazonaws.com:5432/billing?user=billing_app&password=${dbPassword()}&sslmode=require`, yaml: `    url: jdbc:mysql://mysql-prod-2.acme.internal:3306/orders?user=orders&password=${dbPassword()}&useSSL=true` })),
    positive('database', 'database-jdbc-password', 'JDBC SQL Server URL with password', code({ java: `    private static final String REPORTS_URL = "jdbc:sqlserver://sql-prod-01.acme.corp:1433;databaseName=reports;user=svc_reports;password=${dbPassword()};encrypt=true";`, properties: `reports.datasource.url=jdbc:sqlserver://sql-prod-01.acme.corp:1433;databaseName=reports;user=svc_reports;password=${dbPassword()}` })),
    positive('database', 'database-connection-string-password', 'ADO.NET connection string', code({ json: `    "DefaultConnection": "Server=tcp:acme-prod.database.windows.net,1433;Initial Catalog=orders;User ID=orders_api;Password=${dbPassword()};Encrypt=True;",`, cs: `        public const string OrdersDb = "Data Source=sql-prod-01.acme.corp;Initial Catalog=orders;User Id=orders_api;Password=${dbPassword()};TrustServerCertificate=True";` })),
    positive('database', 'database-connection-string-password', 'ODBC connection string', code({ python: `conn = pyodbc.connect("DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql-prod-01.acme.corp;DATABASE=warehouse;UID=etl;PWD=${dbPassword()}")`, xml: `    <add name="Warehouse" connectionString="Server=sql-prod-02.acme.corp;Database=warehouse;User Id=etl;Password=${dbPassword()};" providerName="System.Data.SqlClient" />` })),
    negative('template', 'database', 'JDBC URL with a variable password', code({ properties: 'spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}', yaml: '    url: jdbc:mysql://mysql:3306/app?user=app&password=${MYSQL_PASSWORD}' })),
    negative('placeholder', 'database', 'connection string with a placeholder password', code({ json: '    "DefaultConnection": "Server=tcp:yourserver.database.windows.net,1433;Initial Catalog=yourdb;User ID=youruser;Password={your_password};",', cs: '        public const string Db = "Server=localhost;Database=app;User Id=sa;Password=<YourStrong@Passw0rd>;";' })),
  );

  // --- Datadog: 32-hex API keys, 40-hex application keys -----------------------------------------
  add(
    positive('datadog', 'datadog-api-key', 'DD_API_KEY in .env', assignment('DD_API_KEY', hex(32), ['env', 'sh', 'yaml', 'dockerfile', 'python', 'json', 'js', 'go', 'cs', 'toml', 'ini'])),
    positive('datadog', 'datadog-api-key', 'Datadog Helm values', code({ yaml: { lines: ['datadog:', `  apiKey: ${hex(32)}`, '  site: datadoghq.eu'], primary: 1 }, tf: { lines: ['provider "datadog" {', `  api_key = "${hex(32)}"`, '}'], primary: 1 } })),
    positive('datadog', 'datadog-application-key', 'DD_APP_KEY in .env', assignment('DD_APP_KEY', hex(40), ['env', 'sh', 'yaml', 'dockerfile', 'python', 'json', 'js', 'go', 'cs', 'toml', 'ini'])),
    positive('datadog', 'datadog-application-key', 'Datadog application key in code', code({ python: `DATADOG_APP_KEY = "${hex(40)}"`, tf: { lines: ['provider "datadog" {', `  api_key = var.datadog_api_key`, `  app_key = "${hex(40)}"`, '}'], primary: 2 }, yaml: `  datadog_application_key: ${hex(40)}` })),
    negative('placeholder', 'datadog', 'Datadog key placeholder', assignment('DD_API_KEY', '<DATADOG_API_KEY>')),
  );

  // --- Deepgram, DeepSeek, Deno Deploy ---------------------------------------------------------
  add(
    positive('deepgram', 'deepgram-api-key', 'Deepgram key in .env', assignment('DEEPGRAM_API_KEY', hex(40), NAMED_LANGS)),
    positive('deepgram', 'deepgram-api-key', 'Deepgram client in code', code({ python: `deepgram = DeepgramClient(api_key="${hex(40)}")`, yaml: { lines: ['  deepgram:', `    api_key: ${hex(40)}`], primary: 1 } })),
    negative('template', 'deepgram', 'Deepgram key from the environment', code({ python: 'deepgram = DeepgramClient(os.getenv("DEEPGRAM_API_KEY"))', js: 'const deepgram = createClient(process.env.DEEPGRAM_API_KEY);' })),
    positive('deepseek', 'deepseek-api-key', 'DeepSeek key in .env', assignment('DEEPSEEK_API_KEY', `sk-${hex(32)}`, NAMED_LANGS)),
    positive('deepseek', 'deepseek-api-key', 'OpenAI client pointed at DeepSeek', code({ python: `client = OpenAI(api_key="sk-${hex(32)}", base_url="https://api.deepseek.com")`, js: `const deepseek = new OpenAI({ apiKey: 'sk-${hex(32)}', baseURL: 'https://api.deepseek.com' });` })),
    negative('placeholder', 'deepseek', 'DeepSeek key placeholder', code({ python: 'client = OpenAI(api_key="<DeepSeek API Key>", base_url="https://api.deepseek.com")', md: '    export DEEPSEEK_API_KEY=sk-your-deepseek-key' })),
    positive('deno', 'deno-deploy-token', 'Deno Deploy token in CI', assignment('DENO_DEPLOY_TOKEN', `ddp_${alnum(36)}`)),
    positive('deno', 'deno-deploy-token', 'deployctl with a token', code({ sh: `deployctl deploy --project=acme-edge --token=ddp_${alnum(36)} main.ts`, md: `    deployctl deploy --project=acme-docs --token ddo_${alnum(36)} server.ts` })),
    negative('truncated', 'deno', 'Deno token shown truncated', code({ md: `Tokens look like \`ddp_${random.chars(ALNUM, 8)}…\`.` })),
  );

  // --- Django: 50 characters of get_random_secret_key()'s alphabet -------------------------------
  const DJANGO = LOWER + DIGITS + '!@#%^&*(-_=+)';
  const djangoKey = () => {
    for (;;) {
      const key = random.chars(DJANGO, 50);
      // A key holding '%s' reads as a printf template to the shared placeholder check (see the report of this module's commit).
      if (/[a-z]/.test(key) && /[0-9]/.test(key) && /[^a-z0-9]/.test(key) && !key.includes('%s')) return key;
    }
  };
  add(
    positive('django', 'django-secret-key', 'SECRET_KEY in settings.py', code({ python: `SECRET_KEY = '${djangoKey()}'` })),
    positive('django', 'django-secret-key', 'DJANGO_SECRET_KEY in .env', code({ env: `DJANGO_SECRET_KEY=${djangoKey()}`, sh: `export DJANGO_SECRET_KEY='${djangoKey()}'` })),
    positive('django', 'django-insecure-secret-key', 'startproject key left in settings.py', code({ python: `SECRET_KEY = 'django-insecure-${djangoKey()}'` })),
    positive('django', 'django-insecure-secret-key', 'startproject key copied to compose', code({ yaml: `      DJANGO_SECRET_KEY: "django-insecure-${djangoKey()}"`, env: `SECRET_KEY="django-insecure-${djangoKey()}"` })),
    negative('template', 'django', 'SECRET_KEY from the environment', code({ python: 'SECRET_KEY = env("DJANGO_SECRET_KEY", default="")' })),
  );

  // --- Docker Hub tokens and Docker config auths ------------------------------------------------
  const dockerAuth = (user) => Buffer.from(`${user}:${mixed(ALNUM + '!#%', 20)}`).toString('base64');
  add(
    positive('docker', 'docker-hub-pat', 'Docker Hub PAT in a login', code({ sh: `echo "dckr_pat_${b64url(27)}" | docker login -u acmebuild --password-stdin`, md: `    docker login -u acmebuild -p dckr_pat_${b64url(27)}` })),
    positive('docker', 'docker-hub-pat', 'Docker Hub PAT in CI', assignment('DOCKERHUB_TOKEN', `dckr_pat_${b64url(27)}`)),
    positive('docker', 'docker-hub-oat', 'Docker Hub organization token', assignment('DOCKER_ORG_TOKEN', `dckr_oat_${b64url(32)}`)),
    positive('docker', 'docker-hub-oat', 'organization token in a login', code({ sh: `echo "dckr_oat_${b64url(32)}" | docker login -u acme --password-stdin`, yaml: `          password: dckr_oat_${b64url(32)}` })),
    negative('placeholder', 'docker', 'Docker Hub PAT placeholder', assignment('DOCKERHUB_TOKEN', 'dckr_pat_<your-access-token>')),
    alone('deploy/docker/config.json', 'json', positive('docker-config', 'docker-config-auth', 'Docker config.json with an auth', code({ json: { lines: ['{', '  "auths": {', '    "https://index.docker.io/v1/": {', `      "auth": "${dockerAuth('acmebuild')}"`, '    }', '  }', '}'], primary: 3 } }))),
    alone('ci/registry-auth.json', 'json', positive('docker-config', 'docker-config-auth', 'registry auth for a private registry', code({ json: { lines: ['{', '  "auths": {', '    "registry.acme.io": {', `      "auth": "${Buffer.from(`deploy-bot:${mixed(ALNUM, 24)}`).toString('base64')}"`, '    }', '  },', '  "credsStore": ""', '}'], primary: 3 } }))),
    alone('ci/ghcr-auth.json', 'json', negative('template', 'docker-config', 'Docker config with a credential helper', code({ json: { lines: ['{', '  "auths": {', '    "ghcr.io": {}', '  },', '  "credsStore": "desktop"', '}'], primary: 2 } }))),
  );

  // --- DocuSign, Dropbox, Duffel, Dynatrace, EasyPost -------------------------------------------
  add(
    positive('docusign', 'docusign-secret-key', 'DocuSign secret key in .env', assignment('DOCUSIGN_CLIENT_SECRET', uuid(random), ['env', 'sh', 'yaml', 'toml', 'dockerfile'])),
    positive('docusign', 'docusign-secret-key', 'DocuSign secret key in config', code({ yaml: `  docusign_secret_key: ${uuid(random)}`, ini: `docusign_secret = ${uuid(random)}` })),
    negative('identifier', 'docusign', 'DocuSign integration key (client id)', assignment('DOCUSIGN_INTEGRATION_KEY', uuid(random))),
  );
  const dropboxLong = () => `${b64url(11)}AAAAAAAAA${b64url(44)}`;
  add(
    positive('dropbox', 'dropbox-short-lived-token', 'short-lived token', assignment('DROPBOX_ACCESS_TOKEN', `sl.B${b64url(135)}`)),
    positive('dropbox', 'dropbox-short-lived-token', 'short-lived token (sl.u.) in code', code({ python: `dbx = dropbox.Dropbox("sl.u.AF${b64url(900)}")`, js: `const dbx = new Dropbox({ accessToken: 'sl.u.AF${b64url(900)}' });` })),
    positive('dropbox', 'dropbox-long-lived-token', 'long-lived token in .env', assignment('DROPBOX_TOKEN', dropboxLong())),
    positive('dropbox', 'dropbox-long-lived-token', 'long-lived token in code', code({ python: `dbx = dropbox.Dropbox("${dropboxLong()}")`, php: `    'dropbox' => ['token' => '${dropboxLong()}'],` })),
    negative('placeholder', 'dropbox', 'Dropbox token placeholder', assignment('DROPBOX_ACCESS_TOKEN', 'sl.xxxxxxxxxxxxxxxx')),
  );
  add(
    positive('duffel', 'duffel-live-token', 'Duffel live token', assignment('DUFFEL_ACCESS_TOKEN', `duffel_live_${b64url(43)}`)),
    positive('duffel', 'duffel-live-token', 'Duffel client in code', code({ js: `const duffel = new Duffel({ token: 'duffel_live_${b64url(43)}' });`, python: `client = Duffel(access_token="duffel_live_${b64url(43)}")` })),
    negative('test-mode', 'duffel', 'Duffel test token', assignment('DUFFEL_TEST_TOKEN', `duffel_test_${b64url(43)}`)),
  );
  const dynatrace = () => `dt0c01.${random.chars(BASE32, 24)}.${random.chars(BASE32, 64)}`;
  add(
    positive('dynatrace', 'dynatrace-access-token', 'Dynatrace API token', assignment('DT_API_TOKEN', dynatrace())),
    positive('dynatrace', 'dynatrace-access-token', 'Dynatrace token in an API call', code({ sh: `curl -H "Authorization: Api-Token ${dynatrace()}" https://abc12345.live.dynatrace.com/api/v2/metrics`, yaml: `    apiToken: ${dynatrace()}` })),
    negative('truncated', 'dynatrace', 'Dynatrace token id only (public part)', code({ md: `Token \`dt0c01.${random.chars(BASE32, 24)}\` was revoked.` })),
  );
  add(
    positive('easypost', 'easypost-production-key', 'EasyPost production key', assignment('EASYPOST_API_KEY', `EZAK${hex(32)}${alnum(22)}`)),
    positive('easypost', 'easypost-production-key', 'EasyPost client in code', code({ ruby: `client = EasyPost::Client.new(api_key: 'EZAK${hex(32)}${alnum(22)}')`, python: `client = easypost.EasyPostClient("EZAK${hex(32)}${alnum(22)}")` })),
    negative('test-mode', 'easypost', 'EasyPost test key', assignment('EASYPOST_TEST_KEY', `EZTK${hex(32)}${alnum(22)}`)),
  );

  // --- Elastic: base64 of <id>:<key> -----------------------------------------------------------
  const elasticKey = () => Buffer.from(`${b64url(20)}:${b64url(22)}`).toString('base64');
  add(
    positive('elastic', 'elastic-api-key', 'Elastic API key in .env', assignment('ELASTIC_API_KEY', elasticKey(), ['env', 'sh', 'yaml', 'dockerfile', 'python'])),
    positive('elastic', 'elastic-api-key', 'Elastic API key in a request', code({ sh: `curl -H "Authorization: ApiKey ${elasticKey()}" https://acme-prod.es.eu-west-1.aws.elastic.cloud/_cat/indices`, python: `es = Elasticsearch("https://acme-prod.es.eu-west-1.aws.elastic.cloud:443", api_key="${elasticKey()}")` })),
    negative('placeholder', 'elastic', 'Elastic API key placeholder', code({ md: '    curl -H "Authorization: ApiKey ${ES_API_KEY}" https://localhost:9200/', yaml: '  elasticsearch_api_key: "<base64-encoded-api-key>"' })),
  );

  // --- ElevenLabs, Exoscale, Fastly, Figma, Firecrawl, Fireworks, Flutterwave ---------------------
  add(
    positive('elevenlabs', 'elevenlabs-api-key', 'ElevenLabs key', assignment('ELEVENLABS_API_KEY', `sk_${hex(48)}`)),
    positive('elevenlabs', 'elevenlabs-api-key', 'ElevenLabs key in a request', code({ sh: `curl https://api.elevenlabs.io/v1/voices -H "xi-api-key: sk_${hex(48)}"`, python: `client = ElevenLabs(api_key="sk_${hex(48)}")` })),
    negative('placeholder', 'elevenlabs', 'ElevenLabs key placeholder', code({ sh: 'curl https://api.elevenlabs.io/v1/user -H "xi-api-key: $ELEVENLABS_API_KEY"' })),
    positive('exoscale', 'exoscale-api-secret', 'Exoscale API secret', assignments([['EXOSCALE_API_KEY', `EXO${hex(24)}`], ['EXOSCALE_API_SECRET', b64url(43)]], 1)),
    positive('exoscale', 'exoscale-api-secret', 'Exoscale secret in Terraform vars', code({ tf: `  exoscale_secret = "${b64url(43)}"`, yaml: `  exoscale_api_secret: ${b64url(43)}` })),
    negative('template', 'exoscale', 'Exoscale secret from a variable', code({ tf: '  exoscale_secret = var.exoscale_secret', sh: 'export EXOSCALE_API_SECRET="$(pass show exoscale/secret)"' })),
    positive('fastly', 'fastly-api-token', 'Fastly API token', assignment('FASTLY_API_TOKEN', b64url(32), NAMED_LANGS)),
    positive('fastly', 'fastly-api-token', 'Fastly key in config', code({ yaml: `  fastly_api_key: "${b64url(32)}"`, sh: `export FASTLY_API_TOKEN=${b64url(32)}` })),
    negative('identifier', 'fastly', 'Fastly service id', assignment('FASTLY_SERVICE_ID', alnum(22))),
    positive('figma', 'figma-personal-access-token', 'Figma PAT', assignment('FIGMA_TOKEN', `figd_${b64url(40)}`)),
    positive('figma', 'figma-personal-access-token', 'Figma PAT in a request', code({ sh: `curl -H 'X-Figma-Token: figd_${b64url(40)}' https://api.figma.com/v1/files/${alnum(22)}`, js: `const figma = new Figma.Api({ personalAccessToken: 'figd_${b64url(40)}' });` })),
    negative('placeholder', 'figma', 'Figma PAT placeholder', assignment('FIGMA_TOKEN', 'figd_YOUR_PERSONAL_ACCESS_TOKEN')),
    positive('firecrawl', 'firecrawl-api-key', 'Firecrawl key', assignment('FIRECRAWL_API_KEY', `fc-${hex(32)}`)),
    positive('firecrawl', 'firecrawl-api-key', 'Firecrawl client in code', code({ python: `app = FirecrawlApp(api_key="fc-${hex(32)}")`, ts: `const app = new FirecrawlApp({ apiKey: 'fc-${hex(32)}' });` })),
    negative('placeholder', 'firecrawl', 'Firecrawl key placeholder', code({ python: 'app = FirecrawlApp(api_key="fc-YOUR_API_KEY")', md: '    export FIRECRAWL_API_KEY=fc-YOUR-API-KEY' })),
    positive('fireworks', 'fireworks-api-key', 'Fireworks key', assignment('FIREWORKS_API_KEY', `fw_${alnum(24)}`)),
    positive('fireworks', 'fireworks-api-key', 'Fireworks key in a request', code({ sh: `curl https://api.fireworks.ai/inference/v1/chat/completions -H "Authorization: Bearer fw_${alnum(24)}"`, python: `llm = Fireworks(api_key="fw_${alnum(24)}")` })),
    negative('placeholder', 'fireworks', 'Fireworks key placeholder', assignment('FIREWORKS_API_KEY', 'fw_<your-api-key>')),
    positive('flutterwave', 'flutterwave-secret-key', 'Flutterwave live secret key', assignment('FLW_SECRET_KEY', `FLWSECK-${hex(32)}-X`)),
    positive('flutterwave', 'flutterwave-secret-key', 'Flutterwave key with its hash part', code({ js: `const flw = new Flutterwave('FLWPUBK-${hex(32)}-X', 'FLWSECK-${hex(32)}-${random.chars(LOWER + DIGITS, 12)}-X');`, php: `    'flutterwave' => ['secret_key' => 'FLWSECK-${hex(32)}-X'],` })),
    negative('test-mode', 'flutterwave', 'Flutterwave test secret key', assignment('FLW_TEST_SECRET_KEY', `FLWSECK_TEST-${hex(32)}-X`)),
  );

  // --- Fly.io: FlyV1 fm2_ MessagePack macaroons -------------------------------------------------
  const msgBin = (bytes) => Buffer.concat([Buffer.from([0xc4, bytes.length]), bytes]);
  const msgStr = (text) => Buffer.concat([Buffer.from([0xa0 | text.length]), Buffer.from(text)]);
  const macaroon = (location) => {
    const nonce = Buffer.concat([Buffer.from([0x93]), msgBin(random.bytes(16)), msgBin(random.bytes(32)), Buffer.from([0xc3])]);
    const orgId = Buffer.alloc(5);
    orgId[0] = 0xce;
    orgId.writeUInt32BE(random.int(100_000, 4_000_000), 1);
    const caveats = Buffer.concat([Buffer.from([0x94, 0x04, 0x91]), orgId, Buffer.from([0x0a, 0x91, 0xce]), random.bytes(4)]);
    return Buffer.concat([Buffer.from([0x94]), nonce, msgStr(location), caveats, msgBin(random.bytes(32))]).toString('base64');
  };
  const flyToken = () => `FlyV1 fm2_${macaroon('fly.io')},fm2_${macaroon('https://api.fly.io/aaa/v1')}`;
  add(
    positive('fly', 'fly-api-token', 'Fly deploy token in CI', code({ env: `FLY_API_TOKEN="${flyToken()}"`, sh: `fly secrets set --app acme-api FLY_API_TOKEN="${flyToken()}"` })),
    positive('fly', 'fly-api-token', 'Fly token in a GitHub Actions env', code({ yaml: `          FLY_API_TOKEN: "${flyToken()}"`, sh: `flyctl deploy --remote-only --access-token "${flyToken()}"` })),
    negative('template', 'fly', 'Fly token from secrets', code({ yaml: '          FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}' })),
  );

  // --- Frame.io, Gitea, GoCardless, Google ------------------------------------------------------
  add(
    positive('frameio', 'frameio-developer-token', 'Frame.io developer token', assignment('FRAMEIO_TOKEN', `fio-u-${b64url(64)}`)),
    positive('frameio', 'frameio-developer-token', 'Frame.io token in a request', code({ sh: `curl -H "Authorization: Bearer fio-u-${b64url(64)}" https://api.frame.io/v2/me`, python: `client = FrameioClient("fio-u-${b64url(64)}")` })),
    negative('placeholder', 'frameio', 'Frame.io token placeholder', assignment('FRAMEIO_TOKEN', 'fio-u-<your-developer-token>')),
    positive('gitea', 'gitea-access-token', 'Gitea token in .env', assignment('GITEA_TOKEN', hex(40), ['env', 'sh', 'yaml', 'dockerfile', 'python'])),
    positive('gitea', 'gitea-access-token', 'tea login with a token', code({ sh: `tea login add --name acme --url https://gitea.acme.dev --token ${hex(40)}`, yaml: { lines: ['  gitea:', '    url: https://gitea.acme.dev', `    token: ${hex(40)}`], primary: 2 } })),
    negative('hash', 'gitea', 'Gitea commit SHA', code({ md: `Fixed on gitea in commit \`${hex(40)}\`.`, yaml: `    gitea_ref: ${hex(40)}` })),
    positive('gocardless', 'gocardless-live-access-token', 'GoCardless live token', assignment('GOCARDLESS_ACCESS_TOKEN', `live_${b64url(40)}`)),
    positive('gocardless', 'gocardless-live-access-token', 'GoCardless client in code', code({ ruby: `@client = GoCardlessPro::Client.new(access_token: 'live_${b64url(40)}', environment: :live)`, python: `client = gocardless_pro.Client(access_token="live_${b64url(40)}", environment="live")` })),
    negative('test-mode', 'gocardless', 'GoCardless sandbox token', assignment('GOCARDLESS_TEST_TOKEN', `sandbox_${b64url(40)}`)),
    positive('google', 'google-auth-key', 'Gemini authentication key', assignment('GEMINI_API_KEY', `AQ.Ab${b64url(random.int(48, 60))}`)),
    positive('google', 'google-auth-key', 'Gemini authentication key in code', code({ python: `client = genai.Client(api_key="AQ.Ab${b64url(random.int(48, 60))}")`, ts: `const ai = new GoogleGenAI({ apiKey: 'AQ.Ab${b64url(random.int(48, 60))}' });` })),
    negative('truncated', 'google', 'Gemini key prefix in docs', code({ md: 'Keys created since 2026 start with `AQ.Ab` instead of `AIza`.' })),
    positive('google-oauth', 'google-oauth-client-secret', 'OAuth client secret in .env', assignment('GOOGLE_CLIENT_SECRET', `GOCSPX-${b64url(28)}`)),
    alone('config/client_secret.json', 'json', positive('google-oauth', 'google-oauth-client-secret', 'client_secret.json downloaded from the console', code({ json: { lines: [`{"web":{"client_id":"${random.number(12)}-${random.chars(LOWER + DIGITS, 32)}.apps.googleusercontent.com","project_id":"acme-web-${random.number(6)}","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token","client_secret":"GOCSPX-${b64url(28)}","redirect_uris":["https://app.acme.dev/auth/callback"]}}`], primary: 0 } }))),
    negative('identifier', 'google-oauth', 'OAuth client id', assignment('GOOGLE_CLIENT_ID', `${random.number(12)}-${random.chars(LOWER + DIGITS, 32)}.apps.googleusercontent.com`)),
  );

  // --- Groq, Harness, Heroku, Hetzner -----------------------------------------------------------
  const groq = () => `gsk_${alnum(20)}WGdyb3FY${alnum(24)}`;
  add(
    positive('groq', 'groq-api-key', 'Groq key', assignment('GROQ_API_KEY', groq())),
    positive('groq', 'groq-api-key', 'Groq client in code', code({ python: `client = Groq(api_key="${groq()}")`, ts: `const groq = new Groq({ apiKey: '${groq()}' });` })),
    negative('checksum-invalid', 'groq', 'gsk_ without the Groq marker', assignment('GROQ_API_KEY', `gsk_${alnum(52)}`)),
  );
  const harness = (kind) => `${kind}.${b64url(22)}.${hex(24)}.${alnum(20)}`;
  add(
    positive('harness', 'harness-api-key-token', 'Harness PAT', assignment('HARNESS_API_KEY', harness('pat'))),
    positive('harness', 'harness-api-key-token', 'Harness service account token in a request', code({ sh: `curl -H "x-api-key: ${harness('sat')}" "https://app.harness.io/ng/api/projects?accountIdentifier=${b64url(22)}"`, yaml: `    harness_platform_api_key: ${harness('sat')}` })),
    negative('placeholder', 'harness', 'Harness token placeholder', assignment('HARNESS_API_KEY', 'pat.<account-id>.<token-id>.<secret>')),
  );
  add(
    positive('heroku', 'heroku-api-key', 'Heroku API key', assignment('HEROKU_API_KEY', `HRKU-AA${b64url(58)}`)),
    positive('heroku', 'heroku-api-key', 'Heroku key in a .netrc', code({ sh: { lines: ['cat >> ~/.netrc <<EOF', 'machine api.heroku.com', `  password HRKU-AA${b64url(58)}`, 'EOF'], primary: 2 }, yaml: `          heroku_api_key: HRKU-AA${b64url(58)}` })),
    positive('heroku', 'heroku-api-key-legacy', 'legacy Heroku key', assignment('HEROKU_API_KEY', uuid(random), ['env', 'sh', 'yaml', 'dockerfile', 'toml', 'python'])),
    positive('heroku', 'heroku-api-key-legacy', 'legacy Heroku key in a deploy step', code({ yaml: `          heroku_api_key: "${uuid(random)}"`, ruby: `HEROKU_TOKEN = '${uuid(random)}'` })),
    negative('identifier', 'heroku', 'Heroku app id', code({ yaml: `  heroku_app_id: ${uuid(random)}`, json: `  "herokuAppId": "${uuid(random)}",` })),
  );
  add(
    positive('hetzner', 'hetzner-cloud-api-token', 'hcloud token', assignment('HCLOUD_TOKEN', alnum(64), ['env', 'sh', 'yaml', 'dockerfile', 'python', 'go', 'java', 'toml', 'tf'])),
    positive('hetzner', 'hetzner-cloud-api-token', 'hcloud token in Terraform', code({ tf: `  hcloud_token = "${alnum(64)}"`, yaml: `  hetzner_token: ${alnum(64)}` })),
    negative('hash', 'hetzner', 'SHA-256 named after hcloud', assignment('HCLOUD_TOKEN_SHA256', hex(64), ['env', 'yaml'])),
  );

  // --- Honeycomb ---------------------------------------------------------------------------------
  const hcId = () => random.chars(LOWER + DIGITS, 26);
  const hcSecret = () => random.chars(LOWER + DIGITS, 32);
  add(
    positive('honeycomb', 'honeycomb-ingest-key', 'ingest key', assignment('HONEYCOMB_INGEST_KEY', `hcaik_${hcId()}${hcSecret()}`)),
    positive('honeycomb', 'honeycomb-ingest-key', 'ingest key in OTel exporter headers', code({ env: `OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=hcaik_${hcId()}${hcSecret()}`, yaml: `        x-honeycomb-team: hcaic_${hcId()}${hcSecret()}` })),
    positive('honeycomb', 'honeycomb-management-key', 'management key', assignment('HONEYCOMB_MANAGEMENT_KEY', `hcamk_${hcId()}:${hcSecret()}`)),
    positive('honeycomb', 'honeycomb-management-key', 'management key in a request', code({ sh: `curl -H "Authorization: Bearer hcamk_${hcId()}:${hcSecret()}" https://api.honeycomb.io/2/teams/acme/environments` })),
    positive('honeycomb', 'honeycomb-configuration-key', 'configuration key', assignment('HONEYCOMB_API_KEY', alnum(22), ['env', 'sh', 'yaml', 'dockerfile', 'python'])),
    positive('honeycomb', 'honeycomb-configuration-key', 'configuration key in a header', code({ sh: `curl https://api.honeycomb.io/1/auth -H "X-Honeycomb-Team: ${alnum(22)}"`, yaml: `        x-honeycomb-team: "${alnum(22)}"` })),
    negative('template', 'honeycomb', 'Honeycomb key from the environment', code({ yaml: '        x-honeycomb-team: ${env:HONEYCOMB_API_KEY}', env: 'OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=${HONEYCOMB_API_KEY}' })),
  );

  // --- HubSpot, Hugging Face, IBM Cloud, Infisical, Infobip, Intercom -----------------------------
  const uuid4 = () => uuid(random);
  add(
    positive('hubspot', 'hubspot-private-app-token', 'HubSpot private app token', assignment('HUBSPOT_ACCESS_TOKEN', `pat-na1-${uuid4()}`)),
    positive('hubspot', 'hubspot-private-app-token', 'HubSpot client in code', code({ js: `const hubspotClient = new hubspot.Client({ accessToken: 'pat-eu1-${uuid4()}' });`, python: `api_client = HubSpot(access_token="pat-na2-${uuid4()}")` })),
    negative('placeholder', 'hubspot', 'HubSpot token placeholder', assignment('HUBSPOT_ACCESS_TOKEN', 'pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx')),
  );
  const hfOrg = () => {
    for (;;) {
      const body = random.chars(UPPER + LOWER, 34);
      if (/[a-z]/.test(body) && /[A-Z]/.test(body)) return `api_org_${body}`;
    }
  };
  add(
    positive('huggingface', 'huggingface-org-token', 'Hugging Face org token', assignment('HF_ORG_TOKEN', hfOrg())),
    positive('huggingface', 'huggingface-org-token', 'Hugging Face org token in code', code({ python: `api = HfApi(token="${hfOrg()}")`, sh: `huggingface-cli login --token ${hfOrg()}` })),
    negative('identifier', 'huggingface', 'api_org_ in a function name', code({ python: 'def api_org_members(session, org):', js: 'export async function api_org_settings(req, res) {' })),
  );
  add(
    positive('ibm', 'ibm-cloud-api-key', 'IBM Cloud API key', assignment('IBMCLOUD_API_KEY', b64url(44), NAMED_LANGS.filter((lang) => lang !== 'properties'))),
    positive('ibm', 'ibm-cloud-api-key', 'IBM Cloud key for Terraform and the CLI', code({ tf: `  ibmcloud_api_key = "${b64url(44)}"`, sh: `export IC_API_KEY=${b64url(44)}` })),
    alone('config/ibm-cos-credentials.json', 'json', positive('ibm', 'ibm-cloud-api-key', 'service credentials JSON', code({ json: { lines: ['{', `  "apikey": "${b64url(44)}",`, `  "endpoints": "https://control.cloud-object-storage.cloud.ibm.com/v2/endpoints",`, `  "iam_apikey_description": "Auto-generated for key crn:v1:bluemix:public:cloud-object-storage:global:a/${hex(32)}",`, `  "iam_apikey_name": "cos-writer",`, `  "resource_instance_id": "crn:v1:bluemix:public:cloud-object-storage:global:a/${hex(32)}:${uuid4()}::"`, '}'], primary: 1 } }))),
    negative('template', 'ibm', 'IBM Cloud key from a variable', code({ tf: '  ibmcloud_api_key = var.ibmcloud_api_key', sh: 'export IBMCLOUD_API_KEY="$(vault kv get -field=apikey secret/ibm)"' })),
  );
  add(
    positive('infisical', 'infisical-service-token', 'Infisical service token', assignment('INFISICAL_TOKEN', `st.${uuid4()}.${hex(32)}.${hex(32)}`)),
    positive('infisical', 'infisical-service-token', 'Infisical token in a run command', code({ sh: `infisical run --token st.${hex(24)}.${hex(32)}.${hex(32)} -- npm start`, dockerfile: `ENV INFISICAL_TOKEN=st.${uuid4()}.${hex(32)}.${hex(32)}` })),
    negative('placeholder', 'infisical', 'Infisical token placeholder', assignment('INFISICAL_TOKEN', 'st.<service-token-id>.<secret>')),
  );
  const infobip = () => `${hex(32)}-${uuid4()}`;
  add(
    positive('infobip', 'infobip-api-key', 'Infobip API key', assignment('INFOBIP_API_KEY', infobip())),
    positive('infobip', 'infobip-api-key', 'Infobip key in a request', code({ sh: `curl https://${random.chars(LOWER + DIGITS, 6)}.api.infobip.com/sms/2/text/advanced -H "Authorization: App ${infobip()}"`, python: `configuration = Configuration(host="${random.chars(LOWER + DIGITS, 6)}.api.infobip.com", api_key={"APIKeyHeader": "${infobip()}"})` })),
    negative('identifier', 'infobip', 'Infobip message id', code({ json: `  "infobipMessageId": "${uuid4()}",` })),
  );
  const intercom = () => {
    const id = `${hex(8)}_${hex(4)}_${hex(4)}_${hex(4)}_${hex(12)}`;
    return Buffer.from(`tok:${id}:1:0`).toString('base64');
  };
  add(
    positive('intercom', 'intercom-access-token', 'Intercom access token', assignment('INTERCOM_ACCESS_TOKEN', intercom())),
    positive('intercom', 'intercom-access-token', 'Intercom client in code', code({ js: `const client = new IntercomClient({ token: '${intercom()}' });`, ruby: `intercom = Intercom::Client.new(token: '${intercom()}')` })),
    negative('placeholder', 'intercom', 'Intercom token placeholder', assignment('INTERCOM_ACCESS_TOKEN', '<your-intercom-access-token>')),
  );

  // --- JFrog, Jina, Jotform, Langfuse, LangSmith, Laravel, LaunchDarkly -------------------------------
  const jfrog = () => {
    for (;;) {
      const expiry = random.pick(['0000000000', String(1_780_000_000 + random.int(0, 60_000_000))]);
      const encoded = Buffer.from(`reftkn:01:${expiry}:${alnum(27)}`).toString('base64');
      if (/^[A-Za-z0-9]+$/.test(encoded)) return encoded;
    }
  };
  add(
    positive('jfrog', 'jfrog-reference-token', 'JFrog reference token', assignment('JFROG_ACCESS_TOKEN', jfrog())),
    positive('jfrog', 'jfrog-reference-token', 'JFrog token in .npmrc and the CLI', code({ npmrc: `//acme.jfrog.io/artifactory/api/npm/npm-virtual/:_authToken=${jfrog()}`, sh: `jf config add acme --url https://acme.jfrog.io --access-token ${jfrog()} --interactive=false` })),
    negative('placeholder', 'jfrog', 'JFrog token placeholder', code({ npmrc: '//acme.jfrog.io/artifactory/api/npm/npm-virtual/:_authToken=${JFROG_TOKEN}' })),
  );
  add(
    positive('jina', 'jina-api-key', 'Jina key', assignment('JINA_API_KEY', `jina_${hex(32)}${b64url(28)}`)),
    positive('jina', 'jina-api-key', 'Jina key in a request', code({ sh: `curl https://r.jina.ai/https://acme.dev -H "Authorization: Bearer jina_${hex(32)}${b64url(27)}"`, python: `headers = {"Authorization": "Bearer jina_${hex(32)}${b64url(28)}"}` })),
    negative('truncated', 'jina', 'Jina key shown truncated', code({ md: `Keys look like \`jina_${hex(12)}…\`.` })),
    positive('jotform', 'jotform-api-key', 'Jotform key', assignment('JOTFORM_API_KEY', hex(32), NAMED_LANGS)),
    positive('jotform', 'jotform-api-key', 'Jotform client in code', code({ js: `const jotform = new Jotform({ apiKey: '${hex(32)}' });`, php: `    'jotform' => ['api_key' => '${hex(32)}'],` })),
    negative('identifier', 'jotform', 'Jotform form id', assignment('JOTFORM_FORM_ID', random.number(15))),
  );
  add(
    positive('langfuse', 'langfuse-secret-key', 'Langfuse secret key', assignments([['LANGFUSE_PUBLIC_KEY', `pk-lf-${uuid4()}`], ['LANGFUSE_SECRET_KEY', `sk-lf-${uuid4()}`]], 1)),
    positive('langfuse', 'langfuse-secret-key', 'Langfuse client in code', code({ python: `langfuse = Langfuse(public_key="pk-lf-${uuid4()}", secret_key="sk-lf-${uuid4()}", host="https://cloud.langfuse.com")`, ts: `const langfuse = new Langfuse({ secretKey: 'sk-lf-${uuid4()}', publicKey: 'pk-lf-${uuid4()}' });` })),
    negative('public-key', 'langfuse', 'Langfuse public key', assignment('LANGFUSE_PUBLIC_KEY', `pk-lf-${uuid4()}`)),
    positive('langsmith', 'langsmith-api-key', 'LangSmith key', assignment('LANGSMITH_API_KEY', `lsv2_pt_${hex(32)}_${hex(10)}`)),
    positive('langsmith', 'langsmith-api-key', 'LangSmith service key in code', code({ python: `client = Client(api_key="lsv2_sk_${hex(32)}_${hex(10)}")`, sh: `export LANGCHAIN_API_KEY=lsv2_pt_${hex(32)}_${hex(10)}` })),
    negative('placeholder', 'langsmith', 'LangSmith key placeholder', assignment('LANGSMITH_API_KEY', 'lsv2_pt_...')),
  );
  const laravelKey = () => `base64:${random.bytes(32).toString('base64')}`;
  add(
    positive('laravel', 'laravel-app-key', 'Laravel APP_KEY in .env', code({ env: `APP_KEY=${laravelKey()}`, dockerfile: `ENV APP_KEY=${laravelKey()}` })),
    positive('laravel', 'laravel-app-key', 'Laravel APP_KEY in deployment config', code({ yaml: `      APP_KEY: "${laravelKey()}"`, sh: `export APP_KEY="${laravelKey()}"` })),
    negative('template', 'laravel', 'APP_KEY read from the environment', code({ php: "    'key' => env('APP_KEY'),", env: 'APP_KEY=' })),
  );
  add(
    positive('launchdarkly', 'launchdarkly-access-token', 'LaunchDarkly API access token', assignment('LAUNCHDARKLY_ACCESS_TOKEN', `api-${uuid4()}`)),
    positive('launchdarkly', 'launchdarkly-access-token', 'LaunchDarkly token in a request', code({ sh: `curl -H "Authorization: api-${uuid4()}" https://app.launchdarkly.com/api/v2/flags/default`, tf: `  access_token = "api-${uuid4()}"` })),
    positive('launchdarkly', 'launchdarkly-sdk-key', 'LaunchDarkly SDK key', assignment('LAUNCHDARKLY_SDK_KEY', `sdk-${uuid4()}`)),
    positive('launchdarkly', 'launchdarkly-sdk-key', 'LaunchDarkly server SDK init', code({ js: `const ldClient = LaunchDarkly.init('sdk-${uuid4()}');`, go: `\tldClient, _ := ld.MakeClient("sdk-${uuid4()}", 5*time.Second)` })),
    negative('public-key', 'launchdarkly', 'LaunchDarkly client-side id (public by design)', assignment('LAUNCHDARKLY_CLIENT_SIDE_ID', hex(24))),
  );

  // --- Lemon Squeezy: RS256 JWTs with subject and token id ------------------------------------------
  const lemon = () => {
    const iat = 1_760_000_000 + random.int(0, 9_000_000);
    const claims = { aud: uuid4(), jti: hex(80), iat, nbf: iat, exp: iat + 31_536_000 * 4, sub: random.number(6), scopes: [] };
    return `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${base64url(JSON.stringify(claims))}.${b64url(683)}`;
  };
  add(
    positive('lemonsqueezy', 'lemonsqueezy-api-key', 'Lemon Squeezy API key', assignment('LEMONSQUEEZY_API_KEY', lemon(), ['env', 'sh', 'yaml', 'dockerfile', 'python'])),
    positive('lemonsqueezy', 'lemonsqueezy-api-key', 'Lemon Squeezy SDK setup', code({ ts: `lemonSqueezySetup({ apiKey: '${lemon()}' });`, js: `lemonSqueezySetup({ apiKey: '${lemon()}' });` })),
    negative('placeholder', 'lemonsqueezy', 'Lemon Squeezy key placeholder', assignment('LEMONSQUEEZY_API_KEY', 'your-lemon-squeezy-api-key')),
  );

  // --- Linear, Linode, Logz.io, Mailchimp, Mailjet, Mandrill, Mapbox --------------------------------
  add(
    positive('linear', 'linear-oauth-token', 'Linear OAuth token', assignment('LINEAR_OAUTH_TOKEN', `lin_oauth_${hex(64)}`)),
    positive('linear', 'linear-oauth-token', 'Linear OAuth token in code', code({ ts: `const linear = new LinearClient({ accessToken: 'lin_oauth_${hex(64)}' });`, python: `headers = {"Authorization": "Bearer lin_oauth_${hex(64)}"}` })),
    negative('template', 'linear', 'Linear token from the environment', code({ ts: 'const linear = new LinearClient({ accessToken: process.env.LINEAR_OAUTH_TOKEN });' })),
    positive('linode', 'linode-personal-access-token', 'Linode token', assignment('LINODE_TOKEN', hex(64), NAMED_LANGS)),
    positive('linode', 'linode-personal-access-token', 'Linode CLI token', code({ sh: `export LINODE_CLI_TOKEN=${hex(64)}`, yaml: `  linode_api_token: ${hex(64)}` })),
    negative('hash', 'linode', 'image checksum named after Linode', code({ yaml: `  linode_image_sha256sum: ${hex(64)}` })),
    positive('logzio', 'logzio-token', 'Logz.io shipping token', assignment('LOGZIO_TOKEN', letters(32), NAMED_LANGS)),
    positive('logzio', 'logzio-token', 'Logz.io API token', code({ yaml: `  logzio_api_token: ${uuid4()}`, sh: `export LOGZIO_API_TOKEN=${uuid4()}` })),
    negative('identifier', 'logzio', 'Logz.io listener host', assignment('LOGZIO_LISTENER', 'listener-eu.logz.io:8071')),
  );
  const mailchimp = () => `${hex(32)}-us${random.int(1, 21)}`;
  add(
    positive('mailchimp', 'mailchimp-api-key', 'Mailchimp API key', assignment('MAILCHIMP_API_KEY', mailchimp())),
    positive('mailchimp', 'mailchimp-api-key', 'Mailchimp client in code', code({ js: `mailchimp.setConfig({ apiKey: '${mailchimp()}', server: 'us6' });`, python: { lines: ['client = MailchimpMarketing.Client()', `client.set_config({"api_key": "${mailchimp()}", "server": "us19"})`], primary: 1 } })),
    negative('placeholder', 'mailchimp', 'Mailchimp key placeholder', assignment('MAILCHIMP_API_KEY', 'your-api-key-us6')),
  );
  add(
    positive('mailjet', 'mailjet-secret-key', 'Mailjet secret key', assignments([['MAILJET_API_KEY', hex(32)], ['MAILJET_SECRET_KEY', hex(32)]], 1)),
    positive('mailjet', 'mailjet-secret-key', 'Mailjet client in code', code({ python: `mailjet = Client(auth=("${hex(32)}", "${hex(32)}"), version="v3.1")`, js: `const mailjet = Mailjet.apiConnect('${hex(32)}', '${hex(32)}');` })),
    negative('template', 'mailjet', 'Mailjet keys from the environment', code({ js: 'const mailjet = Mailjet.apiConnect(process.env.MJ_APIKEY_PUBLIC, process.env.MJ_APIKEY_PRIVATE);' })),
  );
  add(
    positive('mandrill', 'mandrill-api-key', 'Mandrill key', assignment('MANDRILL_API_KEY', `md-${b64url(22)}`)),
    positive('mandrill', 'mandrill-api-key', 'Mandrill client in code', code({ python: `mandrill_client = MailchimpTransactional.Client("md-${b64url(22)}")  # mandrill`, php: `    'mandrill' => ['secret' => 'md-${b64url(22)}'],` })),
    negative('placeholder', 'mandrill', 'Mandrill key placeholder', assignment('MANDRILL_API_KEY', 'md-XXXXXXXXXXXXXXXXXXXXXX')),
  );
  const mapbox = () => `sk.${base64url(JSON.stringify({ u: random.pick(['acme-maps', 'acmegeo', 'fleet-ops']), a: `cl${random.chars(LOWER + DIGITS, 23)}` }))}.${b64url(22)}`;
  add(
    positive('mapbox', 'mapbox-secret-token', 'Mapbox secret token', assignment('MAPBOX_SECRET_TOKEN', mapbox())),
    positive('mapbox', 'mapbox-secret-token', 'Mapbox download token', code({ properties: `MAPBOX_DOWNLOADS_TOKEN=${mapbox()}`, sh: `curl "https://api.mapbox.com/uploads/v1/acme-maps?access_token=${mapbox()}"` })),
    negative('public-key', 'mapbox', 'Mapbox public token (pk.)', assignment('MAPBOX_PUBLIC_TOKEN', `pk.${base64url(JSON.stringify({ u: 'acme-maps', a: `cl${random.chars(LOWER + DIGITS, 23)}` }))}.${b64url(22)}`)),
  );

  // --- More hard negatives, so that this group's items stay about half credentials ------------------
  // [provider, variable name, type prefix, body length]: the variable as its users name it, a
  // placeholder of the documented shape, a secret reference in CI, and a prefix shown cut short.
  const shapes = [
    ['contentful', 'CONTENTFUL_MANAGEMENT_TOKEN', 'CFPAT-', 43],
    ['cratesio', 'CARGO_REGISTRY_TOKEN', 'cio', 32],
    ['deno', 'DENO_DEPLOY_TOKEN', 'ddp_', 36],
    ['docker', 'DOCKER_ORG_TOKEN', 'dckr_oat_', 32],
    ['duffel', 'DUFFEL_ACCESS_TOKEN', 'duffel_live_', 43],
    ['dynatrace', 'DT_API_TOKEN', 'dt0c01.', 89],
    ['easypost', 'EASYPOST_API_KEY', 'EZAK', 54],
    ['elevenlabs', 'ELEVENLABS_API_KEY', 'sk_', 48],
    ['figma', 'FIGMA_TOKEN', 'figd_', 40],
    ['firecrawl', 'FIRECRAWL_API_KEY', 'fc-', 32],
    ['fireworks', 'FIREWORKS_API_KEY', 'fw_', 24],
    ['flutterwave', 'FLW_SECRET_KEY', 'FLWSECK-', 34],
    ['frameio', 'FRAMEIO_TOKEN', 'fio-u-', 64],
    ['groq', 'GROQ_API_KEY', 'gsk_', 52],
    ['heroku', 'HEROKU_API_KEY', 'HRKU-AA', 58],
    ['honeycomb', 'HONEYCOMB_INGEST_KEY', 'hcaik_', 58],
    ['hubspot', 'HUBSPOT_ACCESS_TOKEN', 'pat-na1-', 36],
    ['huggingface', 'HF_ORG_TOKEN', 'api_org_', 34],
    ['jina', 'JINA_API_KEY', 'jina_', 60],
    ['langfuse', 'LANGFUSE_SECRET_KEY', 'sk-lf-', 36],
    ['langsmith', 'LANGSMITH_API_KEY', 'lsv2_pt_', 43],
    ['launchdarkly', 'LAUNCHDARKLY_SDK_KEY', 'sdk-', 36],
    ['linear', 'LINEAR_OAUTH_TOKEN', 'lin_oauth_', 64],
    ['mandrill', 'MANDRILL_API_KEY', 'md-', 22],
    ['google-oauth', 'GOOGLE_CLIENT_SECRET', 'GOCSPX-', 28],
    ['google', 'GEMINI_API_KEY', 'AQ.Ab', 50],
    ['infisical', 'INFISICAL_TOKEN', 'st.', 100],
    ['gocardless', 'GOCARDLESS_ACCESS_TOKEN', 'live_', 40],
    ['harness', 'HARNESS_API_KEY', 'pat.', 68],
    ['mapbox', 'MAPBOX_SECRET_TOKEN', 'sk.eyJ', 80],
  ];
  for (const [provider, name, prefix, length] of shapes) {
    add(
      negative('placeholder', provider, `${name} placeholder of the documented length`, assignment(name, `${prefix}${'x'.repeat(length)}`)),
      negative('template', provider, `${name} from CI secrets`, code({ yaml: `          ${name}: \${{ secrets.${name} }}`, sh: `export ${name}="\${${name}:?set ${name} first}"`, dockerfile: `ARG ${name}` })),
    );
  }
  for (const [provider, name, prefix] of shapes.slice(0, 16)) {
    add(negative('truncated', provider, `${name} shown cut short in docs`, code({ md: `Set \`${name}\`; the value starts with \`${prefix}${random.chars(LOWER + DIGITS, 4)}…\` and is shown only once.` })));
  }

  // --- Kubernetes: service account tokens, RS256 JWTs whose subject is system:serviceaccount:… -------
  {
    const namespaces = ['payments', 'ci', 'monitoring', 'ingress-nginx', 'data-platform'];
    const accounts = ['deployer', 'ledger-sync', 'prometheus', 'argocd-application-controller', 'backup-runner'];
    const json = (value) => base64url(JSON.stringify(value));
    const signature = () => random.bytes(256).toString('base64url');
    const boundToken = () => {
      const [namespace, name] = [random.pick(namespaces), random.pick(accounts)];
      const issued = 1_760_000_000 + random.int(0, 5_000_000);
      const payload = {
        aud: ['https://kubernetes.default.svc.cluster.local'], exp: issued + 31_536_000, iat: issued,
        iss: 'https://kubernetes.default.svc.cluster.local', jti: uuid(random),
        'kubernetes.io': { namespace, serviceaccount: { name, uid: uuid(random) } }, nbf: issued,
        sub: `system:serviceaccount:${namespace}:${name}`,
      };
      return `${json({ alg: 'RS256', kid: random.chars(BASE64URL, 43) })}.${json(payload)}.${signature()}`;
    };
    const legacyToken = () => {
      const [namespace, name] = [random.pick(namespaces), random.pick(accounts)];
      const payload = {
        iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': namespace,
        'kubernetes.io/serviceaccount/secret.name': `${name}-token-${random.chars(LOWER + DIGITS, 5)}`,
        'kubernetes.io/serviceaccount/service-account.name': name, 'kubernetes.io/serviceaccount/service-account.uid': uuid(random),
        sub: `system:serviceaccount:${namespace}:${name}`,
      };
      return `${json({ alg: 'RS256', kid: '' })}.${json(payload)}.${signature()}`;
    };
    found.push(
      positive('kubernetes', 'kubernetes-service-account-token', 'bound token in a kubeconfig', code({
        yaml: `    token: ${boundToken()}`,
        sh: `kubectl --server=https://10.0.0.1:6443 --token=${boundToken()} get pods -A`,
      })),
      positive('kubernetes', 'kubernetes-service-account-token', 'legacy token in a CI variable', code({
        env: `K8S_TOKEN=${legacyToken()}`,
        sh: `curl -sk -H "Authorization: Bearer ${legacyToken()}" https://10.0.0.1:6443/api/v1/namespaces`,
      })),
      negative('identifier', 'kubernetes', 'an OIDC ID token (another issuer, a user subject)', code({
        env: `OIDC_ID_TOKEN=${json({ alg: 'RS256', kid: random.chars(BASE64URL, 43) })}.${json({ iss: 'https://accounts.example-idp.com', sub: `user-${random.number(6)}`, aud: 'web', exp: 1_790_000_000 })}.${signature()}`,
      })),
    );
  }

  return found;
}

