// Labelled items (see bench/labelled-set.mjs) for the rules of group 4 of the breadth work, built
// from each provider's published format with the kit's helpers, never from leakstop's rule samples.
// random: this module's seeded stream (int, pick, chars, number, bytes, shuffle); kit: KIT in
// bench/labelled-set.mjs (alphabets, encodings, forms, positive() and negative()).
export function items(random, kit) {
  const { ALNUM, HEX, UPPER, LOWER, DIGITS, BASE64URL, Buffer, uuid, assignment, assignments, code, alone, positive, negative } = kit;
  const hex = (n) => random.chars(HEX, n);
  const an = (n) => random.chars(ALNUM, n);
  const HEX_UPPER = '0123456789ABCDEF';
  /** Random characters holding a lower-case letter, an upper-case letter and a digit, as issued tokens do. */
  const mixed = (n, alphabet = ALNUM) => {
    for (;;) {
      const value = random.chars(alphabet, n);
      if (/[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value)) return value;
    }
  };
  const b64 = (bytes) => Buffer.from(bytes).toString('base64');
  /**
   * Names written as `NAME = value` (every language but XML appSettings, and TypeScript, whose
   * `name: string = value` no context rule of this group reads: see the report of this group).
   */
  const NAMED = ['env', 'yaml', 'json', 'python', 'js', 'go', 'java', 'sh', 'dockerfile', 'tf', 'toml', 'ruby', 'php', 'cs', 'ini', 'md'];
  const SNAKE = ['env', 'yaml', 'python', 'sh', 'dockerfile', 'toml', 'ini', 'ruby', 'md'];

  const found = [];
  const add = (...list) => found.push(...list);

  // --- Shippo: shippo_live_ + 40 hex (shippo_test_ for test mode) ---
  add(
    positive('shippo', 'shippo-live-token', 'live token', assignment('SHIPPO_API_KEY', `shippo_live_${hex(40)}`)),
    positive('shippo', 'shippo-live-token', 'live token in code', code({
      python: `shippo.config.api_key = "shippo_live_${hex(40)}"`,
      js: `const shippo = new Shippo({ apiKeyHeader: 'ShippoToken shippo_live_${hex(40)}' });`,
      sh: `curl https://api.goshippo.com/shipments/ -H "Authorization: ShippoToken shippo_live_${hex(40)}"`,
    })),
    negative('truncated', 'shippo', 'live token cut short', code({ md: `Live tokens start with \`shippo_live_${hex(8)}\`; never paste the rest.` })),
  );

  // --- Sinch: 32-hex SMS API token next to the service plan id ---
  add(
    positive('sinch', 'sinch-api-token', 'SMS API token', assignment('SINCH_API_TOKEN', hex(32), NAMED)),
    positive('sinch', 'sinch-api-token', 'SMS API token in a YAML section', code({ yaml: { lines: ['  sinch:', `    service_plan_id: ${hex(32)}`, `    api_token: ${hex(32)}`], primary: 2 } })),
    negative('placeholder', 'sinch', 'Sinch token placeholder', assignment('SINCH_API_TOKEN', 'your-sinch-api-token', SNAKE)),
  );

  // --- Snowflake: snowflake://user:password@account ---
  const snowflakeAccount = () => `${random.chars(LOWER, 2)}${random.number(5)}.${random.pick(['eu-central-1', 'us-east-2.aws', 'west-europe.azure'])}`;
  add(
    positive('snowflake', 'snowflake-connection-url', 'SQLAlchemy URL', code({
      python: `engine = create_engine("snowflake://etl_loader:${mixed(20)}@${snowflakeAccount()}/ANALYTICS/PUBLIC?warehouse=LOAD_WH")`,
      js: `const url = 'snowflake://etl_loader:${mixed(20)}@${snowflakeAccount()}/ANALYTICS/PUBLIC?warehouse=LOAD_WH';`,
    })),
    positive('snowflake', 'snowflake-connection-url', 'connection URL in config', assignment('SNOWFLAKE_URL', `snowflake://dbt_runner:${mixed(18)}@${snowflakeAccount()}/RAW`, SNAKE)),
    negative('template', 'snowflake', 'URL built from variables', code({ sh: 'export SNOWFLAKE_URL="snowflake://${SNOWFLAKE_USER}:${SNOWFLAKE_PASSWORD}@${SNOWFLAKE_ACCOUNT}/RAW"', python: 'url = f"snowflake://{os.environ[\'SF_USER\']}:{os.environ[\'SF_PASSWORD\']}@{account}/RAW"' })),
  );

  // --- Snyk: a UUID API token near the word snyk ---
  add(
    positive('snyk', 'snyk-api-token', 'API token', assignment('SNYK_TOKEN', uuid(random), NAMED)),
    positive('snyk', 'snyk-api-token', 'snyk auth on the command line', code({ sh: `snyk auth ${uuid(random)}`, md: `    snyk auth ${uuid(random)}`, dockerfile: `RUN snyk auth ${uuid(random)} && snyk test --severity-threshold=high` })),
    negative('identifier', 'snyk', 'Snyk organization id', assignment('SNYK_ORG_ID', uuid(random), ['env', 'yaml', 'sh'])),
  );

  // --- SonarQube: squ_/sqp_/sqa_ + 40 hex ---
  add(
    positive('sonarqube', 'sonarqube-user-token', 'user token', assignment('SONAR_TOKEN', `squ_${hex(40)}`)),
    positive('sonarqube', 'sonarqube-user-token', 'user token on the scanner command line', code({ sh: `sonar-scanner -Dsonar.host.url=https://sonar.acme.io -Dsonar.token=squ_${hex(40)}`, md: `    mvn sonar:sonar -Dsonar.token=squ_${hex(40)}` })),
    positive('sonarqube', 'sonarqube-project-analysis-token', 'project analysis token', code({ properties: `sonar.token=sqp_${hex(40)}`, sh: `./gradlew sonar -Dsonar.projectKey=acme-api -Dsonar.token=sqp_${hex(40)}` })),
    positive('sonarqube', 'sonarqube-project-analysis-token', 'project analysis token', assignment('SONAR_TOKEN', `sqp_${hex(40)}`, ['env', 'yaml', 'sh', 'dockerfile'])),
    positive('sonarqube', 'sonarqube-global-analysis-token', 'global analysis token', assignment('SONARQUBE_GLOBAL_TOKEN', `sqa_${hex(40)}`)),
    positive('sonarqube', 'sonarqube-global-analysis-token', 'global analysis token in CI', code({ yaml: `      SONAR_TOKEN: sqa_${hex(40)}`, properties: `systemProp.sonar.token=sqa_${hex(40)}` })),
    negative('placeholder', 'sonarqube', 'analysis token placeholder', assignment('SONAR_TOKEN', 'sqa_<global-analysis-token>', SNAKE)),
  );

  // --- Sourcegraph: sgp_[16 hex_]40 hex ---
  add(
    positive('sourcegraph', 'sourcegraph-access-token', 'access token with instance id', assignment('SRC_ACCESS_TOKEN', `sgp_${hex(16)}_${hex(40)}`)),
    positive('sourcegraph', 'sourcegraph-access-token', 'local access token', code({ sh: `SRC_ENDPOINT=https://sourcegraph.acme.io SRC_ACCESS_TOKEN=sgp_local_${hex(40)} src search 'repo:acme/api TODO'`, md: `    export SRC_ACCESS_TOKEN=sgp_${hex(40)}` })),
    negative('truncated', 'sourcegraph', 'token shown cut', code({ md: `The token starts with \`sgp_${hex(16)}_\`; revoke it in user settings.` })),
  );

  // --- SparkPost: 40 hex near sparkpost ---
  add(
    positive('sparkpost', 'sparkpost-api-key', 'API key', assignment('SPARKPOST_API_KEY', hex(40), NAMED)),
    positive('sparkpost', 'sparkpost-api-key', 'API key in the client constructor', code({ js: `const sparky = new SparkPost('${hex(40)}', { origin: 'https://api.eu.sparkpost.com:443' });` })),
    negative('template', 'sparkpost', 'key from the environment', code({ js: 'const client = new SparkPost(process.env.SPARKPOST_API_KEY);', python: 'sp = SparkPost(os.environ["SPARKPOST_API_KEY"])' })),
  );

  // --- Splunk: HEC GUID token, Observability 22-character token ---
  const guid = () => uuid(random).toUpperCase();
  add(
    positive('splunk', 'splunk-hec-token', 'HEC token in a curl header', code({ sh: `curl -k https://splunk.acme.io:8088/services/collector/event -H "Authorization: Splunk ${guid()}" -d '{"event": "deploy"}'`, md: `    curl https://hec.acme.io:8088/services/collector -H "Authorization: Splunk ${guid()}" -d '{"event":"hello"}'` })),
    positive('splunk', 'splunk-hec-token', 'HEC token', assignment('SPLUNK_HEC_TOKEN', guid(), NAMED)),
    positive('splunk', 'splunk-observability-token', 'Observability access token', assignment('SPLUNK_ACCESS_TOKEN', mixed(22, BASE64URL), ['env', 'yaml', 'python', 'sh', 'dockerfile', 'toml', 'ini'])),
    positive('splunk', 'splunk-observability-token', 'Observability token', code({
      sh: `curl -X POST https://ingest.us1.signalfx.com/v2/datapoint -H "X-SF-Token: ${mixed(22, BASE64URL)}" -d @metrics.json`,
      yaml: { lines: ['  signalfx:', `    access_token: "${mixed(22, BASE64URL)}"`, '    realm: us1'], primary: 1 },
    })),
    negative('placeholder', 'splunk', 'HEC token placeholder', code({ md: '    curl https://splunk.example.com:8088/services/collector -H "Authorization: Splunk <hec-token>"' })),
  );

  // --- Square ---
  add(
    positive('square', 'square-access-token', 'production access token', assignment('SQUARE_ACCESS_TOKEN', `EAAA${random.pick(['l', 'E'])}${random.chars(BASE64URL, 59)}`)),
    positive('square', 'square-access-token', 'access token in the SDK client', code({ js: `const client = new SquareClient({ token: 'EAAA${random.pick(['l', 'E'])}${random.chars(BASE64URL, 59)}', environment: SquareEnvironment.Production });`, python: `client = Square(token="EAAA${random.pick(['l', 'E'])}${random.chars(BASE64URL, 59)}")` })),
    positive('square', 'square-application-secret', 'OAuth application secret', assignment('SQUARE_APPLICATION_SECRET', `sq0csp-${random.chars(BASE64URL, 43)}`)),
    positive('square', 'square-application-secret', 'OAuth application secret', code({ yaml: `    square_oauth_secret: sq0csp-${random.chars(BASE64URL, 43)}`, ruby: `SQUARE_OAUTH = { client_secret: 'sq0csp-${random.chars(BASE64URL, 43)}' }.freeze` })),
    positive('square', 'square-legacy-access-token', 'legacy access token', assignment('SQUARE_ACCESS_TOKEN', `sq0atp-${random.chars(BASE64URL, 22)}`)),
    positive('square', 'square-legacy-access-token', 'legacy access token in code', code({ python: `client = Client(access_token="sq0atp-${random.chars(BASE64URL, 22)}", environment="production")`, php: `    'square_token' => 'sq0atp-${random.chars(BASE64URL, 22)}',` })),
    negative('identifier', 'square', 'application id (public)', assignment('SQUARE_APPLICATION_ID', `sq0idp-${random.chars(BASE64URL, 22)}`)),
  );

  // --- Stability AI: sk- + 48 near the word stability ---
  add(
    positive('stability', 'stability-api-key', 'API key', assignment('STABILITY_API_KEY', `sk-${mixed(48)}`, NAMED)),
    positive('stability', 'stability-api-key', 'API key in the SDK client', code({ python: `stability_api = client.StabilityInference(key="sk-${mixed(48)}", verbose=True, engine="stable-diffusion-xl-1024-v1-0")` })),
    negative('placeholder', 'stability', 'key placeholder', assignment('STABILITY_API_KEY', 'sk-...', SNAKE)),
  );

  // --- Storyblok: 22 characters + tt ---
  add(
    positive('storyblok', 'storyblok-access-token', 'preview token', assignment('STORYBLOK_ACCESS_TOKEN', `${mixed(22)}tt`)),
    positive('storyblok', 'storyblok-access-token', 'token in storyblokInit', code({ js: `storyblokInit({ accessToken: '${mixed(22)}tt', use: [apiPlugin], apiOptions: { region: 'eu' } });`, ts: `export const storyblokApi = storyblokInit({ accessToken: '${mixed(22)}tt', use: [apiPlugin] });` })),
    negative('template', 'storyblok', 'token from the environment', code({ js: 'storyblokInit({ accessToken: process.env.STORYBLOK_TOKEN, use: [apiPlugin] });' })),
  );

  // --- Stripe webhook signing secret ---
  add(
    positive('stripe', 'stripe-webhook-secret', 'webhook signing secret', assignment('STRIPE_WEBHOOK_SECRET', `whsec_${an(32)}`)),
    positive('stripe', 'stripe-webhook-secret', 'signing secret in constructEvent', code({ js: `  const event = stripe.webhooks.constructEvent(req.body, signature, 'whsec_${an(32)}');`, python: `    event = stripe.Webhook.construct_event(payload, sig_header, "whsec_${an(32)}")` })),
    negative('placeholder', 'stripe', 'signing secret placeholder', assignment('STRIPE_WEBHOOK_SECRET', 'whsec_your_signing_secret', SNAKE)),
  );

  // --- Stytch: secret-live- + base64url ---
  const stytchSecret = (mode) => {
    for (;;) {
      const body = Buffer.from(random.bytes(27)).toString('base64url');
      if (/[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body)) return `secret-${mode}-${body}`;
    }
  };
  add(
    positive('stytch', 'stytch-live-secret', 'live project secret', assignment('STYTCH_SECRET', stytchSecret('live'))),
    positive('stytch', 'stytch-live-secret', 'live secret in the client', code({ js: `const stytchClient = new stytch.Client({ project_id: 'project-live-${uuid(random)}', secret: '${stytchSecret('live')}' });`, python: `client = Client(project_id="project-live-${uuid(random)}", secret="${stytchSecret('live')}")` })),
    negative('truncated', 'stytch', 'live secret cut short', code({ md: `The old secret (\`secret-live-${an(8)}…\`) was rotated.` })),
  );

  // --- Sumo Logic ---
  const sumoUrl = () => `https://endpoint${random.int(1, 9)}.collection.${random.pick(['us2', 'eu', 'au'])}.sumologic.com/receiver/v1/http/${random.chars(BASE64URL, 94)}==`;
  add(
    positive('sumologic', 'sumologic-access-key', 'access key', assignment('SUMO_ACCESS_KEY', mixed(64), ['env', 'yaml', 'json', 'python', 'js', 'sh', 'dockerfile', 'toml', 'ini'])),
    positive('sumologic', 'sumologic-access-key', 'access key next to its id', code({
      tf: { lines: ['  sumologic = {', `    access_id  = "su${an(12)}"`, `    access_key = "${mixed(64)}"`, '  }'], primary: 2 },
      yaml: { lines: ['  sumologic:', `    access_id: su${an(12)}`, `    access_key: ${mixed(64)}`], primary: 2 },
    })),
    positive('sumologic', 'sumologic-http-source-url', 'HTTP source URL', assignment('SUMO_HTTP_SOURCE_URL', sumoUrl())),
    positive('sumologic', 'sumologic-http-source-url', 'HTTP source URL in a curl call', code({ sh: `curl -X POST -T /var/log/app.log ${sumoUrl()}`, md: `    curl -X POST -d 'deploy finished' ${sumoUrl()}` })),
    negative('docs-example', 'sumologic', 'HTTP source URL template from the docs', code({ md: 'Send logs to `https://[SumoEndpoint]/receiver/v1/http/[UniqueHTTPCollectorCode]`.' })),
  );

  // --- Supabase ---
  const supabaseJwt = (role) => {
    const iat = 1_700_000_000 + random.int(0, 40_000_000);
    const payload = JSON.stringify({ iss: 'supabase', ref: random.chars(LOWER, 20), role, iat, exp: iat + 315_360_000 });
    return `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}.${random.chars(BASE64URL, 43)}`;
  };
  add(
    positive('supabase', 'supabase-secret-key', 'secret API key', assignment('SUPABASE_SECRET_KEY', `sb_secret_${an(22)}_${an(8)}`)),
    positive('supabase', 'supabase-secret-key', 'secret key in an admin client', code({ ts: `export const supabaseAdmin = createClient(SUPABASE_URL, 'sb_secret_${an(22)}_${an(8)}', { auth: { persistSession: false } });`, python: `supabase = create_client(url, "sb_secret_${an(22)}_${an(8)}")` })),
    positive('supabase', 'supabase-service-role-jwt', 'legacy service_role key', assignment('SUPABASE_SERVICE_ROLE_KEY', supabaseJwt('service_role'))),
    positive('supabase', 'supabase-service-role-jwt', 'legacy service_role key', assignment('SUPABASE_SERVICE_KEY', supabaseJwt('service_role'), ['env', 'yaml', 'sh', 'dockerfile', 'toml'])),
    negative('public-key', 'supabase', 'publishable key (public by design)', assignment('NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY', `sb_publishable_${an(22)}_${an(8)}`)),
    negative('public-key', 'supabase', 'legacy anon key (public by design)', assignment('NEXT_PUBLIC_SUPABASE_ANON_KEY', supabaseJwt('anon'), ['env', 'yaml', 'sh'])),
  );

  // --- Tailscale: tskey-<type>-<key id>CNTRL-<secret> ---
  const tskey = (type) => `tskey-${type}-k${an(random.int(6, 11))}CNTRL-${an(33)}`;
  add(
    positive('tailscale', 'tailscale-api-key', 'API access token', assignment('TAILSCALE_API_KEY', tskey('api'))),
    positive('tailscale', 'tailscale-api-key', 'API access token in the Terraform provider', code({ tf: `  api_key = "${tskey('api')}"`, sh: `curl -u "${tskey('api')}:" https://api.tailscale.com/api/v2/tailnet/-/devices` })),
    positive('tailscale', 'tailscale-auth-key', 'auth key', assignment('TS_AUTHKEY', tskey('auth'))),
    positive('tailscale', 'tailscale-auth-key', 'auth key on tailscale up', code({ sh: `tailscale up --authkey=${tskey('auth')} --hostname=ci-runner --advertise-tags=tag:ci`, dockerfile: `RUN tailscaled --tun=userspace-networking & tailscale up --authkey=${tskey('auth')}` })),
    positive('tailscale', 'tailscale-client-key', 'OAuth client secret', assignment('TS_OAUTH_CLIENT_SECRET', tskey('client'))),
    positive('tailscale', 'tailscale-client-key', 'OAuth client secret in config', code({ yaml: `    oauth_client_secret: ${tskey('client')}`, tf: `  oauth_client_secret = "${tskey('client')}"` })),
    positive('tailscale', 'tailscale-scim-key', 'SCIM key', assignment('TAILSCALE_SCIM_TOKEN', tskey('scim'))),
    positive('tailscale', 'tailscale-scim-key', 'SCIM key for the identity provider', assignment('OKTA_TAILSCALE_SCIM_KEY', tskey('scim'), ['env', 'yaml', 'json', 'ts'])),
    positive('tailscale', 'tailscale-webhook-key', 'webhook secret', assignment('TAILSCALE_WEBHOOK_SECRET', tskey('webhook'))),
    positive('tailscale', 'tailscale-webhook-key', 'webhook secret in the handler', code({ js: `const WEBHOOK_SECRET = '${tskey('webhook')}';`, go: `\twebhookSecret = "${tskey('webhook')}"` })),
    negative('truncated', 'tailscale', 'auth key id only', code({ md: `The key \`tskey-auth-k${an(8)}CNTRL\` expired; create a new one.` })),
    negative('placeholder', 'tailscale', 'auth key placeholder', assignment('TS_AUTHKEY', 'tskey-auth-<your-auth-key>', SNAKE)),
  );

  // --- Tavily: tvly-[dev-|prod-] + 32 ---
  add(
    positive('tavily', 'tavily-api-key', 'API key', assignment('TAVILY_API_KEY', `tvly-${mixed(32)}`)),
    positive('tavily', 'tavily-api-key', 'dev API key in code', code({ python: `tavily_client = TavilyClient(api_key="tvly-dev-${mixed(32)}")`, ts: `const tvly = tavily({ apiKey: 'tvly-dev-${mixed(32)}' });` })),
    negative('placeholder', 'tavily', 'key placeholder', assignment('TAVILY_API_KEY', 'tvly-YOUR_API_KEY', SNAKE)),
  );

  // --- TeamCity: eyJ0eXAiOiAiVENWMiJ9.base64(27-char id).base64(UUID) ---
  const teamcity = (id = b64(random.chars(BASE64URL, 27)), tail = b64(uuid(random))) => `eyJ0eXAiOiAiVENWMiJ9.${id}.${tail}`;
  add(
    positive('teamcity', 'teamcity-access-token', 'access token', assignment('TEAMCITY_TOKEN', teamcity())),
    positive('teamcity', 'teamcity-access-token', 'access token in a REST call', code({ sh: `curl -H "Authorization: Bearer ${teamcity()}" https://teamcity.acme.io/app/rest/builds?locator=running:true`, python: `    headers = {"Authorization": "Bearer ${teamcity()}"}` })),
    negative('checksum-invalid', 'teamcity', 'token whose last part is no UUID', assignment('TEAMCITY_TOKEN', teamcity(undefined, b64(random.chars(ALNUM, 36))))),
  );

  // --- Telnyx: KEY01 + 30 hex + _ + 22 ---
  add(
    positive('telnyx', 'telnyx-api-key', 'API key', assignment('TELNYX_API_KEY', `KEY01${random.chars(HEX_UPPER, 30)}_${an(22)}`)),
    positive('telnyx', 'telnyx-api-key', 'API key in code', code({ python: `telnyx.api_key = "KEY01${random.chars(HEX_UPPER, 30)}_${an(22)}"`, js: `const telnyx = new Telnyx('KEY01${random.chars(HEX_UPPER, 30)}_${an(22)}');` })),
    negative('truncated', 'telnyx', 'API key cut before its secret part', code({ md: `Key \`KEY01${random.chars(HEX_UPPER, 30)}\` was revoked.` })),
  );

  // --- Tencent Cloud: AKID + 32, SecretKey 32 ---
  const akid = () => `AKID${an(32)}`;
  add(
    alone('deploy/tencent/.env', 'env', positive('tencent', 'tencent-secret-id', 'SecretId alone', assignment('TENCENTCLOUD_SECRET_ID', akid()))),
    alone('deploy/tencent/cos.yaml', 'yaml', positive('tencent', 'tencent-secret-id', 'SecretId alone', code({ yaml: { lines: ['cos:', '  region: ap-guangzhou', `  secret_id: ${akid()}`, '  bucket: assets-1250000000'], primary: 2 } }))),
    positive('tencent', 'tencent-secret-key', 'SecretKey after its SecretId', code({ python: `cred = credential.Credential("${akid()}", "${mixed(32)}")`, go: `\tcredential := common.NewCredential("${akid()}", "${mixed(32)}")` })),
    positive('tencent', 'tencent-secret-key', 'SecretId and SecretKey on consecutive lines', assignments([['TENCENTCLOUD_SECRET_ID', akid()], ['TENCENTCLOUD_SECRET_KEY', mixed(32)]], 1)),
    negative('truncated', 'tencent', 'SecretId cut short', code({ md: `SecretId \`AKID${an(10)}\`… belongs to the CI sub-user.` })),
  );

  // --- HCP Terraform: 14 + .atlasv1. + 67 ---
  const atlas = () => `${an(14)}.atlasv1.${random.chars(BASE64URL, 67)}`;
  add(
    positive('terraform', 'terraform-cloud-api-token', 'API token', assignment('TF_TOKEN_app_terraform_io', atlas(), ['env', 'sh', 'dockerfile', 'md'])),
    positive('terraform', 'terraform-cloud-api-token', 'API token in CLI config', code({ tf: `  token = "${atlas()}"`, json: `  "token": "${atlas()}",` })),
    negative('placeholder', 'terraform', 'token placeholder', assignment('TFE_TOKEN', 'xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', SNAKE)),
  );

  // --- Tigris: tid_ key id, tsec_ secret ---
  const tsec = () => `tsec_${random.chars(ALNUM + '_+-', 64)}`;
  add(
    positive('tigris', 'tigris-secret-access-key', 'secret next to its key id', assignments([['TIGRIS_STORAGE_ACCESS_KEY_ID', `tid_${an(40)}`], ['TIGRIS_STORAGE_SECRET_ACCESS_KEY', tsec()]], 1)),
    positive('tigris', 'tigris-secret-access-key', 'secret in an S3 client', code({ js: `const s3 = new S3Client({ endpoint: 'https://t3.storage.dev', region: 'auto', credentials: { accessKeyId: 'tid_${an(40)}', secretAccessKey: '${tsec()}' } });`, python: `s3 = boto3.client("s3", endpoint_url="https://t3.storage.dev", aws_access_key_id="tid_${an(40)}", aws_secret_access_key="${tsec()}")` })),
    negative('truncated', 'tigris', 'secret cut short', code({ md: `The secret (\`tsec_${an(8)}…\`) is shown once.` })),
  );

  // --- Together AI ---
  add(
    positive('together', 'together-api-key', 'API key', assignment('TOGETHER_API_KEY', `tgp_v1_${random.chars(BASE64URL, 43)}`)),
    positive('together', 'together-api-key', 'API key in code', code({ python: `client = Together(api_key="tgp_v1_${random.chars(BASE64URL, 43)}")`, ts: `const together = new Together({ apiKey: 'tgp_v1_${random.chars(BASE64URL, 43)}' });` })),
  );

  // --- Travis CI: 22-character API token ---
  add(
    positive('travis', 'travis-ci-api-token', 'API token', assignment('TRAVIS_API_TOKEN', mixed(22, BASE64URL), NAMED)),
    positive('travis', 'travis-ci-api-token', 'API token', assignment('TRAVIS_TOKEN', mixed(22, BASE64URL), ['env', 'yaml', 'sh', 'python', 'dockerfile'])),
    negative('template', 'travis', 'token from the environment', code({ sh: 'travis login --github-token "$GITHUB_TOKEN" --pro', yaml: '    travis_token: "{{ vault_travis_token }}"' })),
  );

  // --- Trello: ATTA + 64 hex + 8 upper hex ---
  const trello = () => `ATTA${hex(64)}${random.chars(HEX_UPPER, 8)}`;
  add(
    positive('trello', 'trello-user-token', 'user token', assignment('TRELLO_TOKEN', trello())),
    positive('trello', 'trello-user-token', 'user token in a REST call', code({ sh: `curl "https://api.trello.com/1/members/me/boards?key=${hex(32)}&token=${trello()}"`, js: `const res = await fetch(\`https://api.trello.com/1/cards?key=\${TRELLO_KEY}&token=${trello()}\`, { method: 'POST' });` })),
    negative('truncated', 'trello', 'token cut short', code({ md: `Tokens start with \`ATTA${hex(12)}\`…` })),
  );

  // --- Twitch: 30 lower-case alphanumerics ---
  const twitch = () => {
    for (;;) {
      const value = random.chars(DIGITS + LOWER, 30);
      if (/[a-z]/.test(value) && /[0-9]/.test(value)) return value;
    }
  };
  add(
    positive('twitch', 'twitch-oauth-token', 'client secret', assignment('TWITCH_CLIENT_SECRET', twitch(), NAMED)),
    positive('twitch', 'twitch-oauth-token', 'chat bot OAuth token', code({ js: `const chat = new tmi.Client({ identity: { username: 'acme_twitch_bot', password: 'oauth:${twitch()}' }, channels: ['acme'] });`, python: `bot = TwitchBot(token="oauth:${twitch()}", prefix="!", initial_channels=["acme"])` })),
    negative('identifier', 'twitch', 'client id (public)', assignment('TWITCH_CLIENT_ID', twitch(), ['env', 'yaml', 'sh'])),
  );

  // --- X (Twitter) ---
  const bearer = () => {
    const noA = ALNUM.replace('A', '');
    const encoded = `${an(10)}%2B${an(14)}%2F${an(9)}%3D`;
    return `${'A'.repeat(22)}${random.pick([...noA])}${an(4)}AAAAAAAA${encoded}${mixed(50)}`;
  };
  add(
    positive('twitter', 'twitter-bearer-token', 'app-only bearer token', assignment('TWITTER_BEARER_TOKEN', bearer())),
    positive('twitter', 'twitter-bearer-token', 'bearer token in tweepy', code({ python: `client = tweepy.Client(bearer_token="${bearer()}")`, js: `const client = new TwitterApi('${bearer()}');` })),
    positive('twitter', 'twitter-api-secret', 'API key secret', assignment('TWITTER_API_SECRET', mixed(50), ['env', 'yaml', 'json', 'python', 'js', 'sh', 'dockerfile', 'toml', 'ruby', 'ini'])),
    positive('twitter', 'twitter-api-secret', 'access token secret', assignment('TWITTER_ACCESS_TOKEN_SECRET', mixed(45), ['env', 'yaml', 'python', 'sh', 'dockerfile', 'toml', 'ini'])),
    positive('twitter', 'twitter-access-token', 'user access token', assignment('TWITTER_ACCESS_TOKEN', `${random.number(19)}-${mixed(40)}`, ['env', 'yaml', 'json', 'python', 'js', 'sh', 'dockerfile', 'toml', 'ini'])),
    positive('twitter', 'twitter-access-token', 'user access token in a section', code({ yaml: { lines: ['  twitter:', `    access_token: "${random.number(10)}-${mixed(40)}"`], primary: 1 }, toml: { lines: ['[twitter]', `access_token = "${random.number(18)}-${mixed(40)}"`], primary: 1 } })),
    negative('template', 'twitter', 'credentials from the environment', code({ python: 'client = tweepy.Client(bearer_token=os.environ["TWITTER_BEARER_TOKEN"])', js: 'const client = new TwitterApi(process.env.TWITTER_BEARER_TOKEN);' })),
  );

  // --- Typeform: tfp_ + 44 + _ + 14 ---
  const typeform = () => `tfp_${mixed(44)}_${an(14)}`;
  add(
    positive('typeform', 'typeform-personal-access-token', 'personal access token', assignment('TYPEFORM_TOKEN', typeform())),
    positive('typeform', 'typeform-personal-access-token', 'token in an API call', code({ sh: `curl https://api.typeform.com/forms -H "Authorization: Bearer ${typeform()}"`, js: `const typeformAPI = createClient({ token: '${typeform()}' });` })),
    negative('docs-example', 'typeform', 'Typeform documentation token', code({ md: '    curl https://api.typeform.com/me -H "Authorization: bearer tfp_943af478d3ff3d4d760020c11af102b79c440513"' })),
  );

  // --- Upstash ---
  const qstash = () => b64(JSON.stringify({ UserID: uuid(random), Password: hex(32) }));
  const upstashRest = () => {
    for (;;) {
      const value = `A${random.pick(['X', 'Y', 'Z'])}${an(2)}ASQg${b64(random.bytes(60)).replace(/=+$/, '')}`;
      if (/[a-z]/.test(value) && /[0-9]/.test(value)) return value;
    }
  };
  add(
    positive('upstash', 'upstash-qstash-token', 'QStash token', assignment('QSTASH_TOKEN', qstash())),
    positive('upstash', 'upstash-qstash-token', 'QStash token in a client', code({ ts: `const qstash = new Client({ token: '${qstash()}' });`, python: `qstash = QStash("${qstash()}")` })),
    positive('upstash', 'upstash-redis-rest-token', 'Redis REST token', assignment('UPSTASH_REDIS_REST_TOKEN', upstashRest(), NAMED)),
    positive('upstash', 'upstash-redis-rest-token', 'Redis REST token', assignment('UPSTASH_REDIS_TOKEN', upstashRest(), ['env', 'yaml', 'json', 'sh', 'toml'])),
    negative('template', 'upstash', 'token from CI secrets', code({ yaml: '          UPSTASH_REDIS_REST_TOKEN: ${{ secrets.UPSTASH_REDIS_REST_TOKEN }}' })),
  );

  // --- Passwords in FTP/SMTP URLs and git remotes ---
  const password = () => mixed(random.int(14, 24));
  add(
    positive('url-credentials', 'url-password', 'SMTP URL with a password', assignment('MAIL_URL', `smtp://postmaster%40mg.acme-mail.io:${password()}@smtp.mailgun.org:587`, ['env', 'yaml', 'python', 'sh', 'toml', 'ini'])),
    positive('url-credentials', 'url-password', 'SFTP URL in a deploy command', code({ sh: `lftp -e "mirror -R dist /www; quit" sftp://deploy:${password()}@files.acme-hosting.net`, python: `    ftp_url = "ftp://backup:${password()}@ftp.acme-hosting.net/nightly/"` })),
    positive('url-credentials', 'git-url-password', 'git remote with a password', code({ sh: `git clone https://ci-bot:${password()}@bitbucket.org/acme/infra.git`, dockerfile: `RUN git clone https://deploy:${password()}@gitlab.com/acme/charts.git /opt/charts` })),
    positive('url-credentials', 'git-url-password', 'git remote with an app password', assignment('CHARTS_REPO_URL', `https://release-bot:${password()}@bitbucket.org/acme/charts.git`, ['env', 'yaml', 'sh', 'python'])),
    negative('placeholder', 'url-credentials', 'SMTP URL with placeholder credentials', assignment('MAIL_URL', 'smtp://user:password@smtp.example.com:587', SNAKE)),
    negative('template', 'url-credentials', 'git remote with a variable', code({ sh: 'git clone "https://x-access-token:${GITHUB_TOKEN}@github.com/acme/site.git"' })),
  );

  // --- Vercel: vcp_/vci_/vca_/vcr_/vck_ + base62 ---
  const vercel = (prefix) => `${prefix}${mixed(56)}`;
  add(
    positive('vercel', 'vercel-personal-access-token', 'personal access token', assignment('VERCEL_TOKEN', vercel('vcp_'))),
    positive('vercel', 'vercel-personal-access-token', 'token on the CLI', code({ sh: `vercel deploy --prod --token ${vercel('vcp_')}`, yaml: `      - run: npx vercel deploy --prod --token=${vercel('vcp_')}` })),
    positive('vercel', 'vercel-integration-token', 'integration token', assignment('VERCEL_INTEGRATION_TOKEN', vercel('vci_'))),
    positive('vercel', 'vercel-integration-token', 'integration token in a response fixture', code({ json: `  "access_token": "${vercel('vci_')}",`, python: `    token_response = {"access_token": "${vercel('vci_')}", "token_type": "Bearer"}` })),
    positive('vercel', 'vercel-app-access-token', 'app access token', assignment('VERCEL_APP_ACCESS_TOKEN', vercel('vca_'))),
    positive('vercel', 'vercel-app-access-token', 'app access token in the SDK', code({ ts: `const vercel = new Vercel({ bearerToken: '${vercel('vca_')}' });`, js: `const vercel = new Vercel({ bearerToken: '${vercel('vca_')}' });` })),
    positive('vercel', 'vercel-app-refresh-token', 'app refresh token', assignment('VERCEL_REFRESH_TOKEN', vercel('vcr_'))),
    positive('vercel', 'vercel-app-refresh-token', 'app refresh token in a session', code({ json: `  "refresh_token": "${vercel('vcr_')}",`, ts: `const session = { refreshToken: '${vercel('vcr_')}', expiresIn: 3600 };` })),
    positive('vercel', 'vercel-api-key', 'API key', assignment('VERCEL_API_KEY', vercel('vck_'))),
    positive('vercel', 'vercel-api-key', 'API key in a header', code({ sh: `curl https://api.vercel.com/v9/projects -H "Authorization: Bearer ${vercel('vck_')}"`, python: `    headers = {"Authorization": "Bearer ${vercel('vck_')}"}` })),
    negative('identifier', 'vercel', 'token prefixes in code', code({ ts: "const VERCEL_TOKEN_PREFIXES = ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'];", python: 'VERCEL_PREFIXES = ("vcp_", "vci_", "vca_", "vcr_", "vck_")' })),
  );

  // --- Vonage: 16-character API secret ---
  add(
    positive('vonage', 'vonage-api-secret', 'API secret', assignment('VONAGE_API_SECRET', mixed(16), NAMED)),
    positive('vonage', 'vonage-api-secret', 'Nexmo API secret in YAML', code({ yaml: { lines: ['  nexmo:', `    api_key: ${hex(8)}`, `    api_secret: ${mixed(16)}`], primary: 2 } })),
    negative('identifier', 'vonage', 'API key (an account id)', assignment('VONAGE_API_KEY', hex(8), SNAKE)),
  );

  // --- Voyage AI: pa- + 43 ---
  add(
    positive('voyage', 'voyage-api-key', 'API key', assignment('VOYAGE_API_KEY', `pa-${mixed(43, BASE64URL)}`)),
    positive('voyage', 'voyage-api-key', 'API key in the client', code({ python: `vo = voyageai.Client(api_key="pa-${mixed(43, BASE64URL)}")`, ts: `const voyage = new VoyageAIClient({ apiKey: 'pa-${mixed(43, BASE64URL)}' });` })),
    negative('truncated', 'voyage', 'key cut short', code({ md: `Keys start with \`pa-${an(6)}\`.` })),
  );

  // --- Vultr: 36 upper-case alphanumerics ---
  const vultr = () => {
    for (;;) {
      const value = random.chars(UPPER + DIGITS, 36);
      if (/[A-Z]/.test(value) && /[0-9]/.test(value)) return value;
    }
  };
  add(
    positive('vultr', 'vultr-api-key', 'API key', assignment('VULTR_API_KEY', vultr(), NAMED)),
    positive('vultr', 'vultr-api-key', 'API key as a Terraform variable default', code({ tf: { lines: ['  variable "vultr_api_key" {', `    default = "${vultr()}"`, '  }'], primary: 1 }, sh: `export VULTR_API_KEY=${vultr()}` })),
    negative('placeholder', 'vultr', 'key placeholder', assignment('VULTR_API_KEY', 'YOUR_VULTR_API_KEY', SNAKE)),
  );

  // --- Weights & Biases ---
  add(
    positive('wandb', 'wandb-api-key', 'API key', assignment('WANDB_API_KEY', `wandb_v1_${an(27)}_${an(49)}`)),
    positive('wandb', 'wandb-api-key', 'API key in wandb.login', code({ python: `wandb.login(key="wandb_v1_${an(27)}_${an(49)}")`, sh: `wandb login wandb_v1_${an(27)}_${an(49)}` })),
    positive('wandb', 'wandb-legacy-api-key', '40-hex API key', assignment('WANDB_API_KEY', hex(40), NAMED)),
    positive('wandb', 'wandb-legacy-api-key', '40-hex key in login or .netrc', code({ python: `wandb.login(key="${hex(40)}")`, md: { lines: ['machine api.wandb.ai', '  login user', `  password ${hex(40)}`], primary: 2 } })),
    negative('template', 'wandb', 'key from the environment', code({ python: 'wandb.login(key=os.environ["WANDB_API_KEY"])' })),
  );

  // --- Webflow: 64 hex ---
  add(
    positive('webflow', 'webflow-api-token', 'API token', assignment('WEBFLOW_API_TOKEN', hex(64), NAMED)),
    positive('webflow', 'webflow-api-token', 'API token in the client', code({ js: `const webflow = new WebflowClient({ accessToken: '${hex(64)}' });`, ts: `export const webflow = new WebflowClient({ accessToken: '${hex(64)}' });` })),
    negative('identifier', 'webflow', 'site id', assignment('WEBFLOW_SITE_ID', hex(24), SNAKE)),
  );

  // --- Wise: UUID v4 personal token ---
  add(
    positive('wise', 'wise-api-token', 'personal API token', assignment('WISE_API_TOKEN', uuid(random), NAMED)),
    positive('wise', 'wise-api-token', 'TransferWise API key', assignment('TRANSFERWISE_API_KEY', uuid(random), ['env', 'yaml', 'python', 'sh', 'toml', 'ini'])),
    negative('identifier', 'wise', 'profile id', assignment('WISE_PROFILE_ID', random.number(8), SNAKE)),
  );

  // --- WorkOS: sk_live_ + base64("key_<ULID>,<secret>") ---
  const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const workos = () => `sk_live_${b64(`key_01${random.chars(CROCKFORD, 24)},${an(30)}`).replace(/=+$/, '')}`;
  add(
    positive('workos', 'workos-api-key', 'API key', assignment('WORKOS_API_KEY', workos())),
    positive('workos', 'workos-api-key', 'API key in the client', code({ ts: `const workos = new WorkOS('${workos()}');`, python: `workos_client = WorkOSClient(api_key="${workos()}", client_id="client_01${random.chars(CROCKFORD, 24)}")` })),
  );

  // --- xAI: xai- + 80 ---
  add(
    positive('xai', 'xai-api-key', 'API key', assignment('XAI_API_KEY', `xai-${an(80)}`)),
    positive('xai', 'xai-api-key', 'API key in an OpenAI-compatible client', code({ python: `client = OpenAI(api_key="xai-${an(80)}", base_url="https://api.x.ai/v1")`, ts: `const xai = createXai({ apiKey: 'xai-${an(80)}' });` })),
    negative('placeholder', 'xai', 'key placeholder', assignment('XAI_API_KEY', 'xai-your-api-key', SNAKE)),
  );

  // --- Xata: xau_ + 33 ---
  add(
    positive('xata', 'xata-api-key', 'API key', assignment('XATA_API_KEY', `xau_${mixed(33)}`)),
    positive('xata', 'xata-api-key', 'API key in a client', code({ ts: `const xata = new XataClient({ apiKey: 'xau_${mixed(33)}', branch: 'main' });`, ini: `apiKey = xau_${mixed(33)}` })),
  );

  // --- Yandex Cloud ---
  const ycId = () => `YCAJ${random.chars(BASE64URL, 21)}`;
  const ycSecret = () => {
    for (;;) {
      const value = `YC${random.chars(BASE64URL, 38)}`;
      if (!value.startsWith('YCAJ')) return value;
    }
  };
  add(
    positive('yandex', 'yandex-cloud-api-key', 'API key', assignment('YC_API_KEY', `AQVN${random.chars(BASE64URL, 36)}`)),
    positive('yandex', 'yandex-cloud-api-key', 'API key in a request', code({ sh: `curl -H "Authorization: Api-Key AQVN${random.chars(BASE64URL, 36)}" https://llm.api.cloud.yandex.net/foundationModels/v1/completion -d @prompt.json`, python: `    headers = {"Authorization": "Api-Key AQVN${random.chars(BASE64URL, 36)}"}` })),
    positive('yandex', 'yandex-cloud-static-secret-key', 'static key secret next to its id', code({ ini: { lines: ['[yandex]', `aws_access_key_id = ${ycId()}`, `aws_secret_access_key = ${ycSecret()}`], primary: 2 }, toml: { lines: ['[storage]', `access_key = "${ycId()}"`, `secret_key = "${ycSecret()}"`], primary: 2 } })),
    positive('yandex', 'yandex-cloud-static-secret-key', 'static key secret', assignments([['YC_STORAGE_ACCESS_KEY', ycId()], ['YC_STORAGE_SECRET_KEY', ycSecret()]], 1)),
    negative('identifier', 'yandex', 'static key id alone', assignment('YC_STORAGE_KEY_ID', ycId(), SNAKE)),
  );

  // --- Zapier catch hook ---
  const zap = () => `https://hooks.zapier.com/hooks/catch/${random.number(8)}/${random.chars(LOWER + DIGITS, 7)}/`;
  add(
    positive('zapier', 'zapier-webhook-url', 'catch hook URL', assignment('ZAPIER_WEBHOOK_URL', zap())),
    positive('zapier', 'zapier-webhook-url', 'catch hook in code', code({ js: `  await fetch('${zap()}', { method: 'POST', body: JSON.stringify(order) });`, python: `    requests.post("${zap()}", json=lead)` })),
    negative('placeholder', 'zapier', 'hook URL placeholder', code({ md: 'Paste your hook URL (`https://hooks.zapier.com/hooks/catch/<account>/<hook>/`).' })),
  );

  // --- Zendesk: 40-character API token ---
  add(
    positive('zendesk', 'zendesk-api-token', 'API token', assignment('ZENDESK_API_TOKEN', mixed(40), NAMED)),
    positive('zendesk', 'zendesk-api-token', 'API token in basic auth', code({ sh: `curl https://acme.zendesk.com/api/v2/tickets.json -u support-bot@acme.io/token:${mixed(40)}`, python: `zendesk_client = Zenpy(subdomain="acme", email="support-bot@acme.io", token="${mixed(40)}")` })),
    negative('template', 'zendesk', 'token from the environment', code({ sh: 'curl https://acme.zendesk.com/api/v2/users/me.json -u "$ZENDESK_EMAIL/token:$ZENDESK_API_TOKEN"' })),
  );

  // --- Zoom: 32-character client secret ---
  add(
    positive('zoom', 'zoom-client-secret', 'client secret', assignment('ZOOM_CLIENT_SECRET', mixed(32), NAMED)),
    positive('zoom', 'zoom-client-secret', 'OAuth client secret', assignment('ZOOM_OAUTH_CLIENT_SECRET', mixed(32), ['env', 'yaml', 'python', 'js', 'sh', 'toml'])),
    negative('identifier', 'zoom', 'client id (public)', assignment('ZOOM_CLIENT_ID', mixed(22), SNAKE)),
  );

  return found;
}
