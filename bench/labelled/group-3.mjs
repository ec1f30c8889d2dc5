// Labelled items (see bench/labelled-set.mjs) for the rules of group 3 of the breadth work, built
// from each provider's published format with the kit's helpers, never from leakstop's rule samples.
// random: this module's seeded stream (int, pick, chars, number, bytes, shuffle); kit: KIT in
// bench/labelled-set.mjs (alphabets, encodings, forms, positive() and negative()).

/** Every assignment style but Web.config's `<add key="…" value="…">`, where no operator follows the name. */
const NAMED_LANGS = ['env', 'yaml', 'json', 'python', 'js', 'ts', 'go', 'java', 'sh', 'dockerfile', 'tf', 'properties', 'toml', 'ruby', 'php', 'cs', 'ini', 'md'];
/** Styles that keep a SCREAMING_SNAKE or snake name's underscores (rules that spell the name with _ or -). */
const SNAKE_LANGS = ['env', 'yaml', 'python', 'java', 'sh', 'dockerfile', 'tf', 'toml', 'ruby', 'php', 'ini', 'md'];

export function items(random, kit) {
  const { DIGITS, UPPER, LOWER, ALNUM, HEX, BASE64URL, Buffer, crc32, uuid, base64url, assignment, assignments, code, alone, positive, negative } = kit;
  const hex = (n) => random.chars(HEX, n);
  /** Random characters that mix upper case, lower case and digits, as a random key of that length does. */
  const mixed = (alphabet, n) => {
    for (;;) {
      const value = random.chars(alphabet, n);
      if (/[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value)) return value;
    }
  };
  const found = [];
  const add = (...list) => found.push(...list);

  // --- MessageBird: 25 alphanumerics (live keys; test keys start test_) --------------------------
  add(
    positive('messagebird', 'messagebird-access-key', 'live access key', assignment('MESSAGEBIRD_ACCESS_KEY', mixed(ALNUM, 25), NAMED_LANGS)),
    positive('messagebird', 'messagebird-access-key', 'live access key passed to the client', code({
      js: `const messagebird = require('messagebird').initClient('${mixed(ALNUM, 25)}');`,
      python: `sms = messagebird.Client("${mixed(ALNUM, 25)}")`,
    })),
    negative('test-mode', 'messagebird', 'test access key in a test', code({ js: `const messagebird = require('messagebird').initClient('test_${mixed(ALNUM, 25)}');`, python: `client = messagebird.Client("test_${mixed(ALNUM, 25)}")` })),
  );

  // --- Meta: EAA user/page/system-user tokens, 32-hex app secrets ---------------------------------
  const graphToken = () => `EAA${mixed(ALNUM, random.int(140, 220))}`;
  add(
    positive('meta', 'meta-access-token', 'page access token', assignment('FACEBOOK_PAGE_ACCESS_TOKEN', graphToken(), NAMED_LANGS)),
    positive('meta', 'meta-access-token', 'Graph API token in a request', code({
      sh: `curl -G "https://graph.facebook.com/v21.0/me/accounts" -d "access_token=${graphToken()}"`,
      python: `    resp = requests.get("https://graph.facebook.com/v21.0/me", params={"access_token": "${graphToken()}"})`,
      md: `    curl "https://graph.facebook.com/v21.0/me?fields=id,name&access_token=${graphToken()}"`,
    })),
    positive('meta', 'meta-access-token', 'WhatsApp Cloud API token', assignment('WHATSAPP_ACCESS_TOKEN', graphToken(), NAMED_LANGS)),
    negative('truncated', 'meta', 'Graph token shown truncated', code({ md: `Facebook page tokens look like \`EAA${mixed(ALNUM, 37)}…\` (shown truncated).`, python: `# facebook token EAA${mixed(ALNUM, 20)}… revoked on 2025-06-02` })),
    positive('meta', 'meta-app-secret', 'app secret', assignment('FACEBOOK_APP_SECRET', hex(32), SNAKE_LANGS.concat(['json', 'js', 'ts', 'cs']))),
    positive('meta', 'meta-app-secret', 'app secret in a config object', code({
      js: `  fbAppSecret: '${hex(32)}',`,
      yaml: `  fb_app_secret: ${hex(32)}`,
      php: `    'facebook_client_secret' => '${hex(32)}',`,
    })),
    negative('placeholder', 'meta', 'app secret placeholder', assignment('FACEBOOK_APP_SECRET', 'your-facebook-app-secret', SNAKE_LANGS)),
  );

  // --- Mezmo (LogDNA): 32-hex ingestion key ------------------------------------------------------
  add(
    positive('mezmo', 'mezmo-ingestion-key', 'ingestion key', assignment('LOGDNA_INGESTION_KEY', hex(32), NAMED_LANGS)),
    positive('mezmo', 'mezmo-ingestion-key', 'ingestion key for the agent', code({
      sh: `kubectl create secret generic logdna-agent-key --from-literal=logdna-agent-key=${hex(32)}`,
      dockerfile: `ENV MZ_INGESTION_KEY=${hex(32)}`,
      yaml: `      MZ_INGESTION_KEY: "${hex(32)}"`,
    })),
    negative('placeholder', 'mezmo', 'ingestion key placeholder', assignment('LOGDNA_INGESTION_KEY', '<YOUR-INGESTION-KEY>', NAMED_LANGS)),
  );

  // --- Microsoft Teams: Incoming Webhook and Workflows (Power Automate) URLs -----------------------
  const teamsWebhook = () =>
    `https://${random.pick(['acme', 'acmecorp', 'contoso-ops'])}.webhook.office.com/webhookb2/${uuid(random)}@${uuid(random)}/IncomingWebhook/${hex(32)}/${uuid(random)}${random.int(0, 1) ? `/V2${random.chars(BASE64URL, 45)}` : ''}`;
  const flowSig = () => random.chars(BASE64URL, 43);
  const logicAppUrl = () => `https://prod-${random.int(10, 99)}.${random.pick(['westeurope', 'northeurope', 'eastus'])}.logic.azure.com:443/workflows/${hex(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${flowSig()}`;
  const powerPlatformUrl = (sig = true) => {
    const tenant = hex(32);
    return `https://default${tenant.slice(0, 30)}.${tenant.slice(30)}.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/${hex(32)}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0${sig ? `&sig=${flowSig()}` : ''}`;
  };
  add(
    positive('microsoft-teams', 'microsoft-teams-incoming-webhook', 'incoming webhook URL', assignment('TEAMS_WEBHOOK_URL', teamsWebhook())),
    positive('microsoft-teams', 'microsoft-teams-incoming-webhook', 'incoming webhook in code', code({
      python: `    requests.post("${teamsWebhook()}", json=card)`,
      cs: `        private const string TeamsWebhook = "${teamsWebhook()}";`,
      yaml: `      teams_webhook_url: '${teamsWebhook()}'`,
    })),
    negative('placeholder', 'microsoft-teams', 'incoming webhook placeholder', assignment('TEAMS_WEBHOOK_URL', 'https://your-tenant.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<connector-id>/<owner-id>')),
    positive('microsoft-teams', 'microsoft-teams-workflow-webhook', 'Workflows webhook URL', assignment('TEAMS_WORKFLOW_URL', powerPlatformUrl())),
    positive('microsoft-teams', 'microsoft-teams-workflow-webhook', 'Logic App trigger URL in code', code({
      python: `    requests.post("${logicAppUrl()}", json=payload)`,
      js: `  await fetch('${logicAppUrl()}', { method: 'POST', body: JSON.stringify(card) });`,
      sh: `curl -X POST -H 'Content-Type: application/json' -d @card.json '${logicAppUrl()}'`,
    })),
    negative('truncated', 'microsoft-teams', 'Workflows URL without its sig', assignment('TEAMS_WORKFLOW_URL', powerPlatformUrl(false))),
  );

  // --- Miro: base64url {"miro.origin":"<region>"} header, _, random tail ----------------------------
  const miro = () => `${base64url(JSON.stringify({ 'miro.origin': random.pick(['eu01', 'us01']) }))}_${random.chars(ALNUM + '-_', 27)}`;
  add(
    positive('miro', 'miro-access-token', 'OAuth access token', assignment('MIRO_ACCESS_TOKEN', miro())),
    positive('miro', 'miro-access-token', 'access token in a REST call', code({
      sh: `curl https://api.miro.com/v2/boards -H "Authorization: Bearer ${miro()}"`,
      js: `const miroApi = new MiroApi('${miro()}');`,
    })),
    negative('placeholder', 'miro', 'access token placeholder', assignment('MIRO_ACCESS_TOKEN', `${base64url('{"miro.origin":"eu01"}')}_${'x'.repeat(27)}`)),
  );

  // --- Mistral: 32 alphanumerics -----------------------------------------------------------------
  add(
    positive('mistral', 'mistral-api-key', 'API key', assignment('MISTRAL_API_KEY', mixed(ALNUM, 32), NAMED_LANGS)),
    positive('mistral', 'mistral-api-key', 'API key passed to the client', code({
      python: `client = Mistral(api_key="${mixed(ALNUM, 32)}")`,
      ts: `const mistral = new Mistral({ apiKey: '${mixed(ALNUM, 32)}' });`,
    })),
    negative('placeholder', 'mistral', 'API key placeholder', assignment('MISTRAL_API_KEY', 'replace-with-your-mistral-key', NAMED_LANGS)),
  );

  // --- Mixpanel: service account username <name>.<hex>.mp-service-account and a 32-character secret -
  const mpAccount = () => `${random.pick(['warehouse-sync', 'dbt-export', 'reporting'])}.${hex(6)}.mp-service-account`;
  add(
    positive('mixpanel', 'mixpanel-service-account-secret', 'service account and secret', assignments([['MIXPANEL_SERVICE_ACCOUNT_USERNAME', mpAccount()], ['MIXPANEL_SERVICE_ACCOUNT_SECRET', mixed(ALNUM, 32)]], 1)),
    positive('mixpanel', 'mixpanel-service-account-secret', 'service account basic auth', code({
      sh: `curl -u "${mpAccount()}:${mixed(ALNUM, 32)}" "https://data.mixpanel.com/api/2.0/export?project_id=${random.number(7)}&from_date=2025-01-01&to_date=2025-01-31"`,
      python: `    auth = HTTPBasicAuth("${mpAccount()}", "${mixed(ALNUM, 32)}")`,
    })),
    negative('placeholder', 'mixpanel', 'service account secret placeholder', assignments([['MIXPANEL_SERVICE_ACCOUNT_USERNAME', mpAccount()], ['MIXPANEL_SERVICE_ACCOUNT_SECRET', '<service-account-secret>']], 1)),
  );

  // --- Modal: token id ak-…, token secret as-… (22 alphanumerics each) ----------------------------
  const modalId = () => `ak-${mixed(ALNUM, 22)}`;
  const modalSecret = () => `as-${mixed(ALNUM, 22)}`;
  add(
    positive('modal', 'modal-token-secret', 'token id and secret', assignments([['MODAL_TOKEN_ID', modalId()], ['MODAL_TOKEN_SECRET', modalSecret()]], 1)),
    positive('modal', 'modal-token-secret', 'token set from the CLI', code({
      sh: `modal token set --token-id ${modalId()} --token-secret ${modalSecret()} --profile ci`,
      md: `    modal token set --token-id ${modalId()} --token-secret ${modalSecret()}`,
      toml: { lines: ['[acme]', `token_id = "${modalId()}"`, `token_secret = "${modalSecret()}"`], primary: 2 },
    })),
    negative('placeholder', 'modal', 'token secret placeholder', assignment('MODAL_TOKEN_SECRET', 'as-xxxxxxxxxxxxxxxxxxxxxx', SNAKE_LANGS)),
  );

  // --- Mollie: live_ + 30 alphanumerics (test_ in test mode) --------------------------------------
  add(
    positive('mollie', 'mollie-live-api-key', 'live API key', assignment('MOLLIE_API_KEY', `live_${mixed(ALNUM, 30)}`)),
    positive('mollie', 'mollie-live-api-key', 'live API key set on the client', code({
      php: `    'mollie' => ['key' => 'live_${mixed(ALNUM, 30)}'],`,
      python: { lines: ['mollie_client = Client()', `mollie_client.set_api_key("live_${mixed(ALNUM, 30)}")`], primary: 1 },
      js: `const mollieClient = createMollieClient({ apiKey: 'live_${mixed(ALNUM, 30)}' });`,
    })),
    negative('test-mode', 'mollie', 'test API key in a test', code({ php: `        $mollie->setApiKey('test_${mixed(ALNUM, 30)}');` })),
  );

  // --- monday.com: HS256 JWT with tid, uid, actid and per claims ----------------------------------
  const mondayToken = () => {
    const payload = { tid: Number(random.number(9)), aai: 11, uid: Number(random.number(8)), iad: `2025-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(10, 28))}T${String(random.int(10, 23))}:${String(random.int(10, 59))}:${String(random.int(10, 59))}.000Z`, per: 'me:write', actid: Number(random.number(8)), rgn: random.pick(['use1', 'euc1']) };
    return `${base64url('{"alg":"HS256"}')}.${base64url(JSON.stringify(payload))}.${random.chars(BASE64URL, 43)}`;
  };
  add(
    positive('monday', 'monday-api-token', 'personal API token', assignment('MONDAY_API_TOKEN', mondayToken())),
    positive('monday', 'monday-api-token', 'token in a GraphQL client', code({
      js: `  headers: { Authorization: '${mondayToken()}', 'API-Version': '2025-04' },`,
      python: `    headers = {"Authorization": "${mondayToken()}", "API-Version": "2025-04"}`,
    })),
    negative('truncated', 'monday', 'token with its payload cut', assignment('MONDAY_API_TOKEN', (() => { const [h, p, s] = mondayToken().split('.'); return `${h}.${p.slice(0, 60)}.${s}`; })())),
  );

  // --- MongoDB Atlas: service account client id mdb_sa_id_ + 24 hex, secret mdb_sa_sk_ + 40 -------
  const atlasSecret = () => `mdb_sa_sk_${mixed(ALNUM + '_-', 40)}`;
  add(
    positive('mongodb-atlas', 'mongodb-atlas-service-account-secret', 'service account secret', assignments([['MONGODB_ATLAS_CLIENT_ID', `mdb_sa_id_${hex(24)}`], ['MONGODB_ATLAS_CLIENT_SECRET', atlasSecret()]], 1)),
    positive('mongodb-atlas', 'mongodb-atlas-service-account-secret', 'service account secret in config', code({
      tf: `  client_secret = "${atlasSecret()}"`,
      sh: `atlas auth login --clientId mdb_sa_id_${hex(24)} --clientSecret ${atlasSecret()}`,
      json: `  "atlasClientSecret": "${atlasSecret()}",`,
    })),
    negative('placeholder', 'mongodb-atlas', 'secret placeholder', assignment('MONGODB_ATLAS_CLIENT_SECRET', 'mdb_sa_sk_<client-secret>')),
  );

  // --- Neon: napi_ + 64 lower-case alphanumerics --------------------------------------------------
  const neon = () => `napi_${random.chars(LOWER + DIGITS, 64)}`;
  add(
    positive('neon', 'neon-api-key', 'API key', assignment('NEON_API_KEY', neon())),
    positive('neon', 'neon-api-key', 'API key in a request', code({
      sh: `curl -s https://console.neon.tech/api/v2/projects -H "Authorization: Bearer ${neon()}"`,
      yaml: `          api_key: ${neon()}`,
    })),
    negative('identifier', 'neon', 'Node-API call in docs', code({ md: '    napi_status status = napi_get_value_string_utf8(env, argv[0], buffer, sizeof(buffer), &copied);' })),
  );

  // --- Netlify: nfp_ personal tokens, nfc_/nfo_/nfu_/nfb_ other tokens (36 base62) -----------------
  const netlify = (kind) => `nf${kind}_${mixed(ALNUM, 36)}`;
  add(
    positive('netlify', 'netlify-personal-access-token', 'personal access token', assignment('NETLIFY_AUTH_TOKEN', netlify('p'))),
    positive('netlify', 'netlify-personal-access-token', 'personal access token on the CLI', code({
      sh: `netlify deploy --prod --dir dist --auth ${netlify('p')}`,
      yaml: `          NETLIFY_AUTH_TOKEN: ${netlify('p')}`,
    })),
    negative('truncated', 'netlify', 'personal access token cut by one', assignment('NETLIFY_AUTH_TOKEN', `nfp_${mixed(ALNUM, 35)}`)),
    positive('netlify', 'netlify-auth-token', 'CLI token in config.json', code({ json: `  "auth": { "token": "${netlify('c')}" },` })),
    positive('netlify', 'netlify-auth-token', 'OAuth token in a request', code({
      js: `  headers: { Authorization: 'Bearer ${netlify('o')}' },`,
      python: `    headers = {"Authorization": "Bearer ${netlify('o')}"}`,
      sh: `curl -H "Authorization: Bearer ${netlify('o')}" https://api.netlify.com/api/v1/sites`,
    })),
  );

  // --- .netrc ------------------------------------------------------------------------------------
  const password = () => mixed(ALNUM, random.int(16, 24));
  add(
    positive('netrc', 'netrc-password', '.netrc entry written by a script', code({
      sh: `printf 'machine artifacts.acme.io login deploy password ${password()}\\n' > ~/.netrc`,
      dockerfile: `RUN echo "machine nexus.acme.internal login ci-reader password ${password()}" > /root/.netrc && chmod 600 /root/.netrc`,
    })),
    alone('ops/netrc', 'ini', positive('netrc', 'netrc-password', '.netrc file', code({ ini: { lines: ['machine registry.acme.io', '  login release-bot', `  password ${password()}`, '', 'machine api.heroku.com', '  login ops@acme.io'], primary: 2 } }))),
    negative('template', 'netrc', '.netrc password from a variable', code({ sh: 'printf "machine git.acme.io login ci password %s\\n" "$GIT_TOKEN" > ~/.netrc', dockerfile: 'RUN echo "machine git.acme.io login ci password ${GIT_TOKEN}" > /root/.netrc' })),
  );

  // --- New Relic: NRAK- user keys, …NRAL license keys, NRII-/NRIQ- Insights keys -------------------
  const nrak = () => `NRAK-${random.chars(UPPER + DIGITS, 27)}`;
  const license = () => (random.int(0, 1) ? `eu01xx${hex(30)}NRAL` : `${hex(36)}NRAL`);
  add(
    positive('newrelic', 'newrelic-user-api-key', 'user API key', assignment('NEW_RELIC_API_KEY', nrak())),
    positive('newrelic', 'newrelic-user-api-key', 'user API key in a NerdGraph call', code({
      sh: `curl https://api.newrelic.com/graphql -H 'Content-Type: application/json' -H 'API-Key: ${nrak()}' -d '{"query":"{ actor { user { name } } }"}'`,
      tf: `  api_key = "${nrak()}"`,
    })),
    negative('placeholder', 'newrelic', 'user API key placeholder', assignment('NEW_RELIC_API_KEY', 'NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX')),
    positive('newrelic', 'newrelic-license-key', 'license key', assignment('NEW_RELIC_LICENSE_KEY', license())),
    positive('newrelic', 'newrelic-license-key', 'license key in newrelic.yml', code({ yaml: `  license_key: '${license()}'`, js: `  license_key: '${license()}',` })),
    positive('newrelic', 'newrelic-insights-key', 'Insights insert key', assignment('NEW_RELIC_INSERT_KEY', `NRII-${random.chars(ALNUM + '_-', 32)}`)),
    positive('newrelic', 'newrelic-insights-key', 'Insights query key', code({ js: `  headers: { 'X-Query-Key': 'NRIQ-${random.chars(ALNUM + '_-', 32)}' },`, python: `    headers = {"X-Query-Key": "NRIQ-${random.chars(ALNUM + '_-', 32)}"}` })),
    negative('truncated', 'newrelic', 'license key missing a character', assignment('NEW_RELIC_LICENSE_KEY', `${hex(35)}NRAL`)),
  );

  // --- ngrok: base62 KSUID (timestamp since 2014-05-13 + 128 random bits), _, random tail ----------
  const BASE62 = DIGITS + UPPER + LOWER;
  const base62 = (value, width) => {
    let out = '';
    for (let n = value; n > 0n; n /= 62n) out = BASE62[Number(n % 62n)] + out;
    return out.padStart(width, '0');
  };
  const ksuid = () => {
    const seconds = BigInt(1_750_000_000 + random.int(0, 40_000_000) - 1_400_000_000);
    return base62((seconds << 128n) | BigInt(`0x${random.bytes(16).toString('hex')}`), 27);
  };
  const ngrok = () => `${ksuid()}_${mixed(ALNUM, random.int(20, 24))}`;
  /** 27 base62 characters that do not decode to a KSUID of a plausible date. */
  const notKsuid = () => `${random.pick([...'stuvwxyz'])}${random.chars(BASE62, 26)}`;
  add(
    positive('ngrok', 'ngrok-credential', 'authtoken added on the CLI', code({ sh: `ngrok config add-authtoken ${ngrok()}`, md: `    ngrok config add-authtoken ${ngrok()}`, dockerfile: `RUN ngrok config add-authtoken ${ngrok()}` })),
    positive('ngrok', 'ngrok-credential', 'authtoken in ngrok.yml', code({ yaml: `  authtoken: ${ngrok()}` })),
    positive('ngrok', 'ngrok-credential', 'API key', assignment('NGROK_API_KEY', ngrok())),
    negative('checksum-invalid', 'ngrok', 'authtoken whose id is no KSUID', assignment('NGROK_AUTHTOKEN', `${notKsuid()}_${mixed(ALNUM, 21)}`)),
  );

  // --- Notion: ntn_ tokens (digits then base62, 46 in all), legacy secret_ + 43 ---------------------
  const ntn = () => `ntn_${random.number(12)}${mixed(ALNUM, 34)}`;
  add(
    positive('notion', 'notion-integration-token', 'integration token', assignment('NOTION_TOKEN', ntn())),
    positive('notion', 'notion-integration-token', 'integration token in the client', code({ js: `const notion = new Client({ auth: '${ntn()}' });`, python: `notion = Client(auth="${ntn()}")` })),
    negative('identifier', 'notion', 'ntn_ column name', code({ php: "    'columns' => ['ntn_reference', 'ntn_issued_at'],", python: 'df = df.rename(columns={"ntn_reference": "tax_number"})' })),
    positive('notion', 'notion-legacy-token', 'legacy integration token', assignment('NOTION_API_KEY', `secret_${mixed(ALNUM, 43)}`)),
    positive('notion', 'notion-legacy-token', 'legacy token in a request', code({
      python: `    headers = {"Authorization": "Bearer secret_${mixed(ALNUM, 43)}", "Notion-Version": "2022-06-28"}`,
      sh: `curl https://api.notion.com/v1/users -H "Authorization: Bearer secret_${mixed(ALNUM, 43)}" -H "Notion-Version: 2022-06-28"`,
    })),
  );

  // --- NuGet: oy2 + 43 lower-case base32-like characters ------------------------------------------
  const nuget = () => `oy2${random.chars(LOWER + DIGITS, 43)}`;
  add(
    positive('nuget', 'nuget-api-key', 'API key on dotnet nuget push', code({ sh: `dotnet nuget push "bin/Release/*.nupkg" --api-key ${nuget()} --source https://api.nuget.org/v3/index.json`, md: `    nuget push Acme.Core.2.1.0.nupkg ${nuget()} -Source https://api.nuget.org/v3/index.json` })),
    positive('nuget', 'nuget-api-key', 'API key', assignment('NUGET_API_KEY', nuget())),
    negative('truncated', 'nuget', 'API key missing a character', assignment('NUGET_API_KEY', `oy2${random.chars(LOWER + DIGITS, 42)}`)),
  );

  // --- NVIDIA: nvapi- + 64 base64url -------------------------------------------------------------
  const nvapi = () => `nvapi-${random.chars(BASE64URL, 64)}`;
  add(
    positive('nvidia', 'nvidia-api-key', 'API key', assignment('NVIDIA_API_KEY', nvapi())),
    positive('nvidia', 'nvidia-api-key', 'API key for NIM or NGC', code({
      python: `client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="${nvapi()}")`,
      sh: `echo "${nvapi()}" | docker login nvcr.io --username '$oauthtoken' --password-stdin`,
    })),
    negative('placeholder', 'nvidia', 'API key placeholder', assignment('NVIDIA_API_KEY', 'nvapi-...')),
  );

  // --- Octopus Deploy: API- + 26–32 upper-case alphanumerics --------------------------------------
  const octopus = () => {
    for (;;) {
      const body = random.chars(UPPER + DIGITS, random.int(26, 30));
      if (/[0-9]/.test(body) && /[A-Z]/.test(body)) return `API-${body}`;
    }
  };
  add(
    positive('octopus', 'octopus-deploy-api-key', 'API key in a header', code({ sh: `curl -H "X-Octopus-ApiKey: ${octopus()}" https://deploy.acme.io/api/projects`, md: `    octo create-release --project Web --server https://deploy.acme.io --apiKey ${octopus()}` })),
    positive('octopus', 'octopus-deploy-api-key', 'API key', assignment('OCTOPUS_API_KEY', octopus())),
    negative('identifier', 'octopus', 'API- error code', code({ ts: "export const RATE_LIMITED = 'API-RATELIMITEXCEEDED';", java: '    private static final String RATE_LIMITED = "API-RATELIMITEXCEEDED";' })),
  );

  // --- Okta: 00 + 40 base64url characters --------------------------------------------------------
  const okta = () => `00${mixed(ALNUM + '_-', 40)}`;
  add(
    positive('okta', 'okta-api-token', 'API token', assignment('OKTA_API_TOKEN', okta())),
    positive('okta', 'okta-api-token', 'SSWS header', code({ sh: `curl https://acme.okta.com/api/v1/users?limit=25 -H "Authorization: SSWS ${okta()}"`, python: `    headers = {"Authorization": "SSWS ${okta()}", "Accept": "application/json"}` })),
    negative('truncated', 'okta', 'API token shown elided', code({ md: `Tokens look like \`SSWS 00${random.chars(ALNUM, 10)}...${random.chars(ALNUM, 6)}\`.` })),
  );

  // --- 1Password: service account tokens (ops_ + base64 JSON), Secret Keys -------------------------
  const OP = '23456789ABCDEFGHJKLMNPQRSTVWXYZ';
  const secretKey = () => `A3-${random.chars(OP, 6)}-${random.chars(OP, 6)}-${[0, 1, 2, 3].map(() => random.chars(OP, 5)).join('-')}`;
  const serviceAccountToken = () => {
    const doc = {
      signInAddress: random.pick(['my.1password.com', 'acme.1password.eu']),
      userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: random.bytes(16).toString('base64url') },
      email: `${random.chars(LOWER + DIGITS, 13)}@1passwordserviceaccounts.com`,
      srpX: hex(64),
      muk: { alg: 'A256GCM', ext: true, k: random.bytes(32).toString('base64url'), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' },
      secretKey: secretKey(),
      throttleSecret: { seed: hex(64), uuid: random.chars(UPPER, 26) },
      deviceUuid: random.chars(LOWER + DIGITS, 26),
    };
    return `ops_${base64url(JSON.stringify(doc))}`;
  };
  add(
    positive('onepassword', 'onepassword-service-account-token', 'service account token', assignment('OP_SERVICE_ACCOUNT_TOKEN', serviceAccountToken())),
    positive('onepassword', 'onepassword-service-account-token', 'service account token in CI', code({ yaml: `          OP_SERVICE_ACCOUNT_TOKEN: ${serviceAccountToken()}`, sh: `export OP_SERVICE_ACCOUNT_TOKEN="${serviceAccountToken()}"` })),
    negative('truncated', 'onepassword', 'service account token cut short', assignment('OP_SERVICE_ACCOUNT_TOKEN', serviceAccountToken().slice(0, 90))),
    positive('onepassword', 'onepassword-secret-key', 'Secret Key', assignment('OP_SECRET_KEY', secretKey())),
    positive('onepassword', 'onepassword-secret-key', 'Secret Key on op account add', code({ sh: `op account add --address acme.1password.com --email ops@acme.io --secret-key ${secretKey()}`, md: `    op account add --address my.1password.com --email ci@acme.io --secret-key ${secretKey()}` })),
    negative('placeholder', 'onepassword', 'Secret Key placeholder', assignment('OP_SECRET_KEY', 'A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX')),
  );

  // --- OpenRouter: sk-or-v1- + 64 hex --------------------------------------------------------------
  const openrouter = () => `sk-or-v1-${hex(64)}`;
  add(
    positive('openrouter', 'openrouter-api-key', 'API key', assignment('OPENROUTER_API_KEY', openrouter())),
    positive('openrouter', 'openrouter-api-key', 'API key with an OpenAI client', code({ python: `client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="${openrouter()}")`, ts: `const openrouter = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: '${openrouter()}' });` })),
    negative('placeholder', 'openrouter', 'API key placeholder', assignment('OPENROUTER_API_KEY', 'sk-or-v1-<your-key>')),
  );

  // --- Opsgenie: UUID API keys ---------------------------------------------------------------------
  add(
    positive('opsgenie', 'opsgenie-api-key', 'API key', assignment('OPSGENIE_API_KEY', uuid(random), NAMED_LANGS)),
    positive('opsgenie', 'opsgenie-api-key', 'GenieKey header', code({ sh: `curl -X POST https://api.opsgenie.com/v2/alerts -H "Content-Type: application/json" -H "Authorization: GenieKey ${uuid(random)}" -d '{"message":"disk full"}'`, python: `    headers = {"Authorization": "GenieKey ${uuid(random)}"}` })),
    positive('opsgenie', 'opsgenie-api-key', 'Alertmanager receiver', code({ yaml: { lines: ['  receivers:', '    - name: oncall', '      opsgenie_configs:', `        - api_key: ${uuid(random)}`], primary: 3 } })),
    negative('identifier', 'opsgenie', 'team id', assignment('OPSGENIE_TEAM_ID', uuid(random), NAMED_LANGS)),
  );

  // --- Oracle Cloud: customer secret key (base64 of 32 bytes) beside an oraclecloud.com endpoint ----
  const ociSecret = () => {
    for (;;) {
      const value = random.bytes(32).toString('base64');
      if (/^[A-Za-z0-9+/]{43}=$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value)) return value;
    }
  };
  const ociEndpoint = () => `https://${random.chars(LOWER + DIGITS, 12)}.compat.objectstorage.${random.pick(['eu-frankfurt-1', 'us-ashburn-1', 'uk-london-1'])}.oraclecloud.com`;
  add(
    positive('oracle', 'oracle-customer-secret-key', 'customer secret key in an S3 profile', code({
      ini: { lines: ['[oci]', `endpoint_url = ${ociEndpoint()}`, `aws_access_key_id = ${hex(40)}`, `aws_secret_access_key = ${ociSecret()}`], primary: 3 },
      toml: { lines: ['[storage.oci]', `endpoint = "${ociEndpoint()}"`, `access_key = "${hex(40)}"`, `secret_key = "${ociSecret()}"`], primary: 3 },
    })),
    positive('oracle', 'oracle-customer-secret-key', 'customer secret key in a client', code({
      python: { lines: [`s3 = boto3.client("s3", endpoint_url="${ociEndpoint()}",`, `    aws_access_key_id="${hex(40)}", aws_secret_access_key="${ociSecret()}")`], primary: 1 },
      js: { lines: [`const s3 = new S3Client({ endpoint: '${ociEndpoint()}', region: 'eu-frankfurt-1', forcePathStyle: true,`, `  credentials: { accessKeyId: '${hex(40)}', secretAccessKey: '${ociSecret()}' } });`], primary: 1 },
    })),
    negative('placeholder', 'oracle', 'customer secret key placeholder', code({ ini: { lines: [`endpoint_url = ${ociEndpoint()}`, 'aws_secret_access_key = <customer-secret-key>'], primary: 1 } })),
  );

  // --- Private Packagist: packagist_(ort|out|uut)_ + 60 hex + CRC32 (8 hex) of what precedes ----------
  const packagist = (kind) => {
    const body = `packagist_${kind}_${hex(60)}`;
    return body + crc32(body).toString(16).padStart(8, '0');
  };
  add(
    positive('packagist', 'packagist-token', 'organization token on composer config', code({ sh: `composer config --global --auth http-basic.repo.packagist.com token ${packagist('ort')}`, dockerfile: `RUN composer config --global --auth http-basic.repo.packagist.com token ${packagist('ort')}` })),
    positive('packagist', 'packagist-token', 'user token in auth.json', code({ json: `  "http-basic": { "repo.packagist.com": { "username": "token", "password": "${packagist('uut')}" } },` })),
    positive('packagist', 'packagist-token', 'update token in COMPOSER_AUTH', assignment('COMPOSER_AUTH', `{"http-basic":{"repo.packagist.com":{"username":"token","password":"${packagist('out')}"}}}`, ['env', 'dockerfile'])),
    negative('checksum-invalid', 'packagist', 'token whose CRC32 does not match', assignment('PACKAGIST_TOKEN', (() => { const t = packagist('ort'); return t.slice(0, 30) + (t[30] === 'a' ? 'b' : 'a') + t.slice(31); })())),
  );

  // --- Paddle: pdl_live_apikey_ + ULID + _ + 22 base62 + _ + 3 base62 --------------------------------
  const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
  const paddle = (env = 'live') => `pdl_${env}_apikey_0${random.chars(CROCKFORD, 25)}_${random.chars(ALNUM, 22)}_${random.chars(ALNUM, 3)}`;
  add(
    positive('paddle', 'paddle-live-api-key', 'live API key', assignment('PADDLE_API_KEY', paddle())),
    positive('paddle', 'paddle-live-api-key', 'live API key in the SDK', code({ ts: `const paddle = new Paddle('${paddle()}', { environment: Environment.production });`, python: `paddle = Client("${paddle()}", options=Options(Environment.PRODUCTION))` })),
    negative('test-mode', 'paddle', 'sandbox API key', code({ ts: `const paddle = new Paddle('${paddle('sdbx')}', { environment: Environment.sandbox });`, js: `const paddle = new Paddle('${paddle('sdbx')}', { environment: Environment.sandbox });` })),
  );

  // --- PagerDuty: 20-character REST keys, 32-character Events integration keys -----------------------
  const pdKey = () => {
    for (;;) {
      const value = random.chars(ALNUM + '_-+', 20);
      if (/[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value)) return value;
    }
  };
  add(
    positive('pagerduty', 'pagerduty-api-key', 'REST API key', assignment('PAGERDUTY_API_KEY', pdKey(), NAMED_LANGS)),
    positive('pagerduty', 'pagerduty-api-key', 'REST API key in a header', code({ sh: `curl https://api.pagerduty.com/services -H "Accept: application/vnd.pagerduty+json;version=2" -H "Authorization: Token token=${pdKey()}"`, python: `    headers = {"Authorization": "Token token=${pdKey()}"}` })),
    negative('placeholder', 'pagerduty', 'REST API key placeholder', assignment('PAGERDUTY_API_KEY', 'your_pagerduty_token', NAMED_LANGS)),
    positive('pagerduty', 'pagerduty-integration-key', 'integration key', assignment('PAGERDUTY_INTEGRATION_KEY', hex(32), NAMED_LANGS)),
    positive('pagerduty', 'pagerduty-integration-key', 'routing key in an event', code({
      sh: `curl -X POST https://events.pagerduty.com/v2/enqueue -H 'Content-Type: application/json' -d '{"routing_key": "${hex(32)}", "event_action": "trigger", "payload": {"summary": "disk full", "source": "db-1", "severity": "critical"}}'`,
      yaml: { lines: ['      pagerduty_configs:', `        - routing_key: ${hex(32)}`], primary: 1 },
    })),
    negative('placeholder', 'pagerduty', 'integration key placeholder', assignment('PAGERDUTY_ROUTING_KEY', '<your-integration-key>', NAMED_LANGS)),
  );

  // --- PayPal: 80-character client secrets (client ids start with A, secrets with E) -----------------
  const paypalSecret = () => `E${random.chars(ALNUM + '_-', 79)}`;
  add(
    positive('paypal', 'paypal-client-secret', 'client secret', assignment('PAYPAL_CLIENT_SECRET', paypalSecret(), NAMED_LANGS)),
    positive('paypal', 'paypal-client-secret', 'client secret in SDK setup', code({
      js: `paypal.configure({ mode: 'live', client_id: 'A${random.chars(ALNUM + '_-', 79)}', client_secret: '${paypalSecret()}' });`,
      python: { lines: ['paypalrestsdk.configure({', '    "mode": "live",', `    "client_id": "A${random.chars(ALNUM + '_-', 79)}",`, `    "client_secret": "${paypalSecret()}",`, '})'], primary: 3 },
    })),
    negative('public-key', 'paypal', 'client id (public)', assignment('PAYPAL_CLIENT_ID', `A${random.chars(ALNUM + '_-', 79)}`, NAMED_LANGS)),
  );

  // --- Paystack: sk_live_ + 40 hex (sk_test_ in test mode) ------------------------------------------
  add(
    positive('paystack', 'paystack-secret-key', 'live secret key', assignment('PAYSTACK_SECRET_KEY', `sk_live_${hex(40)}`)),
    positive('paystack', 'paystack-secret-key', 'live secret key in a request', code({ sh: `curl https://api.paystack.co/transaction/verify/$REF -H "Authorization: Bearer sk_live_${hex(40)}"`, php: `    'paystack' => ['secretKey' => 'sk_live_${hex(40)}'],` })),
    negative('test-mode', 'paystack', 'test secret key', assignment('PAYSTACK_SECRET_KEY', `sk_test_${hex(40)}`)),
  );

  // --- Perplexity: pplx- + 48 base62 ----------------------------------------------------------------
  add(
    positive('perplexity', 'perplexity-api-key', 'API key', assignment('PERPLEXITY_API_KEY', `pplx-${mixed(ALNUM, 48)}`)),
    positive('perplexity', 'perplexity-api-key', 'API key with an OpenAI client', code({ python: `client = OpenAI(api_key="pplx-${mixed(ALNUM, 48)}", base_url="https://api.perplexity.ai")`, sh: `curl https://api.perplexity.ai/chat/completions -H "Authorization: Bearer pplx-${mixed(ALNUM, 48)}" -d @query.json` })),
    negative('placeholder', 'perplexity', 'API key placeholder', assignment('PERPLEXITY_API_KEY', 'pplx-...')),
  );

  // --- Pinecone: pcsk_ + key id + _ + secret ---------------------------------------------------------
  const pinecone = () => `pcsk_${mixed(ALNUM, random.int(5, 6))}_${mixed(ALNUM, 64)}`;
  add(
    positive('pinecone', 'pinecone-api-key', 'API key', assignment('PINECONE_API_KEY', pinecone())),
    positive('pinecone', 'pinecone-api-key', 'API key in the client', code({ python: `pc = Pinecone(api_key="${pinecone()}")`, ts: `const pc = new Pinecone({ apiKey: '${pinecone()}' });` })),
    negative('placeholder', 'pinecone', 'API key placeholder', assignment('PINECONE_API_KEY', 'pcsk_<your-api-key>')),
  );

  // --- Plaid: 30-hex secrets beside a 24-hex client id; access-production- tokens ---------------------
  add(
    positive('plaid', 'plaid-secret', 'client id and secret', assignments([['PLAID_CLIENT_ID', hex(24)], ['PLAID_SECRET', hex(30)]], 1)),
    positive('plaid', 'plaid-secret', 'secret in the client headers', code({
      js: `  baseOptions: { headers: { 'PLAID-CLIENT-ID': '${hex(24)}', 'PLAID-SECRET': '${hex(30)}' } },`,
      python: { lines: ['configuration = plaid.Configuration(', '    host=plaid.Environment.Production,', `    api_key={"clientId": "${hex(24)}", "secret": "${hex(30)}"},`, ')'], primary: 2 },
    })),
    negative('identifier', 'plaid', 'client id alone', assignment('PLAID_CLIENT_ID', hex(24), NAMED_LANGS)),
    positive('plaid', 'plaid-access-token', 'production access token', assignment('PLAID_ACCESS_TOKEN', `access-production-${uuid(random)}`)),
    positive('plaid', 'plaid-access-token', 'access token in a request', code({ python: `    request = TransactionsSyncRequest(access_token="access-production-${uuid(random)}")`, js: `  const response = await client.accountsGet({ access_token: 'access-production-${uuid(random)}' });` })),
    negative('test-mode', 'plaid', 'sandbox access token in a test', code({ js: `  const item = await syncTransactions('access-sandbox-${uuid(random)}');`, python: `    result = sync_transactions("access-sandbox-${uuid(random)}")` })),
  );

  // --- PlanetScale: pscale_tkn_, pscale_pw_, pscale_oauth_ + 43 base62 --------------------------------
  const pscale = (kind) => `pscale_${kind}_${mixed(ALNUM, 43)}`;
  add(
    positive('planetscale', 'planetscale-service-token', 'service token', assignments([['PLANETSCALE_SERVICE_TOKEN_ID', random.chars(LOWER + DIGITS, 12)], ['PLANETSCALE_SERVICE_TOKEN', pscale('tkn')]], 1)),
    positive('planetscale', 'planetscale-service-token', 'service token in a header', code({ sh: `curl -H "Authorization: ${random.chars(LOWER + DIGITS, 12)}:${pscale('tkn')}" https://api.planetscale.com/v1/organizations/acme/databases` })),
    negative('placeholder', 'planetscale', 'service token placeholder', assignment('PLANETSCALE_SERVICE_TOKEN', 'pscale_tkn_<token>')),
    positive('planetscale', 'planetscale-password', 'password in a database URL', assignment('DATABASE_URL', `mysql://${random.chars(LOWER + DIGITS, 12)}:${pscale('pw')}@aws.connect.psdb.cloud/shop?sslaccept=strict`)),
    positive('planetscale', 'planetscale-password', 'password in a config', code({ yaml: `    password: ${pscale('pw')}`, js: `  password: '${pscale('pw')}',`, php: `    'password' => '${pscale('pw')}',` })),
    positive('planetscale', 'planetscale-oauth-token', 'OAuth access token', assignment('PLANETSCALE_OAUTH_TOKEN', pscale('oauth'))),
    positive('planetscale', 'planetscale-oauth-token', 'OAuth token response', code({ json: `  "access_token": "${pscale('oauth')}",`, python: `    token = {"access_token": "${pscale('oauth')}", "token_type": "Bearer"}` })),
  );

  // --- Plivo: auth id MA/SA + 18, auth token 40 base62 ----------------------------------------------
  const plivoId = () => `MA${random.chars(UPPER + DIGITS, 18)}`;
  add(
    positive('plivo', 'plivo-auth-token', 'auth id and token', assignments([['PLIVO_AUTH_ID', plivoId()], ['PLIVO_AUTH_TOKEN', mixed(ALNUM, 40)]], 1)),
    positive('plivo', 'plivo-auth-token', 'auth token in the client', code({ js: `const client = new plivo.Client('${plivoId()}', '${mixed(ALNUM, 40)}');`, python: `client = plivo.RestClient("${plivoId()}", "${mixed(ALNUM, 40)}")` })),
    negative('placeholder', 'plivo', 'auth token placeholder', assignment('PLIVO_AUTH_TOKEN', 'your_plivo_auth_token', NAMED_LANGS)),
  );

  // --- PostHog: phx_ personal keys (phc_ project keys are public) ------------------------------------
  add(
    positive('posthog', 'posthog-personal-api-key', 'personal API key', assignment('POSTHOG_PERSONAL_API_KEY', `phx_${mixed(ALNUM, 43)}`)),
    positive('posthog', 'posthog-personal-api-key', 'personal API key in a request', code({ sh: `curl https://eu.posthog.com/api/projects/ -H "Authorization: Bearer phx_${mixed(ALNUM, 43)}"`, python: `posthog = Posthog(project_api_key, host="https://eu.i.posthog.com", personal_api_key="phx_${mixed(ALNUM, 43)}")` })),
    negative('public-key', 'posthog', 'project API key (public)', assignment('NEXT_PUBLIC_POSTHOG_KEY', `phc_${mixed(ALNUM, 43)}`)),
  );

  // --- Postmark: UUID server and account tokens ----------------------------------------------------
  add(
    positive('postmark', 'postmark-api-token', 'server token', assignment('POSTMARK_SERVER_TOKEN', uuid(random), NAMED_LANGS)),
    positive('postmark', 'postmark-api-token', 'server token in code', code({
      js: `const client = new postmark.ServerClient('${uuid(random)}');`,
      sh: `curl https://api.postmarkapp.com/email -H "Accept: application/json" -H "X-Postmark-Server-Token: ${uuid(random)}" -d @message.json`,
      ruby: `  config.postmark_settings = { api_token: '${uuid(random)}' }`,
    })),
    negative('docs-example', 'postmark', 'Postmark test token', assignment('POSTMARK_SERVER_TOKEN', 'POSTMARK_API_TEST', NAMED_LANGS)),
  );

  // --- Prefect: pnu_ user keys, pnb_ bot keys (36 base62) -------------------------------------------
  add(
    positive('prefect', 'prefect-api-key', 'user API key', assignment('PREFECT_API_KEY', `pnu_${mixed(ALNUM, 36)}`)),
    positive('prefect', 'prefect-api-key', 'service account key on login', code({ sh: `prefect cloud login --key pnb_${mixed(ALNUM, 36)} --workspace acme/prod`, yaml: `          PREFECT_API_KEY: pnb_${mixed(ALNUM, 36)}` })),
    negative('placeholder', 'prefect', 'API key placeholder', assignment('PREFECT_API_KEY', 'pnu_your_api_key_here')),
  );

  // --- Pulumi: pul- + 40 hex ----------------------------------------------------------------------
  add(
    positive('pulumi', 'pulumi-access-token', 'access token', assignment('PULUMI_ACCESS_TOKEN', `pul-${hex(40)}`)),
    positive('pulumi', 'pulumi-access-token', 'access token in a workflow', code({ yaml: `          PULUMI_ACCESS_TOKEN: pul-${hex(40)}`, sh: `pulumi login --non-interactive && PULUMI_ACCESS_TOKEN=pul-${hex(40)} pulumi up --yes` })),
    negative('truncated', 'pulumi', 'access token missing a character', assignment('PULUMI_ACCESS_TOKEN', `pul-${hex(39)}`)),
  );

  // --- Pusher: 20-hex app secret beside the public 20-hex key ---------------------------------------
  add(
    positive('pusher', 'pusher-app-secret', 'app credentials', assignments([['PUSHER_APP_ID', random.number(7)], ['PUSHER_APP_KEY', hex(20)], ['PUSHER_APP_SECRET', hex(20)], ['PUSHER_APP_CLUSTER', 'eu']], 2)),
    positive('pusher', 'pusher-app-secret', 'server client', code({
      js: { lines: ['const pusher = new Pusher({', `  appId: '${random.number(7)}',`, `  key: '${hex(20)}',`, `  secret: '${hex(20)}',`, "  cluster: 'eu',", '});'], primary: 3 },
      python: `pusher_client = pusher.Pusher(app_id="${random.number(7)}", key="${hex(20)}", secret="${hex(20)}", cluster="eu", ssl=True)`,
      php: `    'pusher' => ['key' => '${hex(20)}', 'secret' => '${hex(20)}', 'app_id' => '${random.number(7)}'],`,
    })),
    negative('template', 'pusher', 'app secret from the environment', code({ php: "    'pusher' => ['secret' => env('PUSHER_APP_SECRET')],", js: 'const pusher = new Pusher({ appId, key, secret: process.env.PUSHER_APP_SECRET });' })),
  );

  // --- .pypirc -------------------------------------------------------------------------------------
  add(
    positive('pypirc', 'pypirc-password', '.pypirc written in CI', code({ sh: { lines: ["cat > ~/.pypirc <<'EOF'", '[pypi]', 'username = acme-release', `password = ${password()}`, 'EOF'], primary: 3 } })),
    alone('sdk/python/.pypirc', 'ini', positive('pypirc', 'pypirc-password', '.pypirc file', code({ ini: { lines: ['[distutils]', 'index-servers =', '    testpypi', '', '[testpypi]', 'repository = https://test.pypi.org/legacy/', 'username = acme', `password = ${password()}`], primary: 7 } }))),
    negative('template', 'pypirc', '.pypirc password from a variable', code({ sh: { lines: ["cat > ~/.pypirc <<EOF", '[pypi]', 'username = acme', 'password = ${PYPI_PASSWORD}', 'EOF'], primary: 3 } })),
  );

  // --- Rails: 128-hex secret_key_base ---------------------------------------------------------------
  add(
    positive('rails', 'rails-secret-key-base', 'production secret_key_base', code({ yaml: { lines: ['production:', `  secret_key_base: ${hex(128)}`], primary: 1 } })),
    positive('rails', 'rails-secret-key-base', 'SECRET_KEY_BASE', assignment('SECRET_KEY_BASE', hex(128), ['env', 'sh', 'dockerfile', 'md', 'ruby', 'python', 'java'])),
    negative('test-mode', 'rails', 'development secret_key_base', code({ yaml: { lines: ['development:', `  secret_key_base: ${hex(128)}`], primary: 1 } })),
  );

  // --- Railway: UUID tokens -------------------------------------------------------------------------
  add(
    positive('railway', 'railway-api-token', 'project token', assignment('RAILWAY_TOKEN', uuid(random), NAMED_LANGS)),
    positive('railway', 'railway-api-token', 'account token in a workflow', code({ yaml: `          RAILWAY_API_TOKEN: ${uuid(random)}`, sh: `RAILWAY_TOKEN=${uuid(random)} railway up --service api` })),
    negative('identifier', 'railway', 'project id', assignment('RAILWAY_PROJECT_ID', uuid(random), NAMED_LANGS)),
  );

  // --- Razorpay: rzp_live_ + 14 key id, 24-character key secret -------------------------------------
  const rzpId = (mode = 'live') => `rzp_${mode}_${mixed(ALNUM, 14)}`;
  add(
    positive('razorpay', 'razorpay-key-secret', 'key id and secret', assignments([['RAZORPAY_KEY_ID', rzpId()], ['RAZORPAY_KEY_SECRET', mixed(ALNUM, 24)]], 1)),
    positive('razorpay', 'razorpay-key-secret', 'key pair in the client', code({ python: `client = razorpay.Client(auth=("${rzpId()}", "${mixed(ALNUM, 24)}"))`, js: `const razorpay = new Razorpay({ key_id: '${rzpId()}', key_secret: '${mixed(ALNUM, 24)}' });` })),
    negative('test-mode', 'razorpay', 'test key pair in the client', code({ python: `client = razorpay.Client(auth=("${rzpId('test')}", "${mixed(ALNUM, 24)}"))`, js: `const razorpay = new Razorpay({ key_id: '${rzpId('test')}', key_secret: '${mixed(ALNUM, 24)}' });` })),
  );

  // --- ReadMe: rdme_ + lower-case alphanumerics -----------------------------------------------------
  const rdme = () => `rdme_${random.chars(LOWER + DIGITS, 6)}${hex(64)}`;
  add(
    positive('readme', 'readme-api-key', 'API key', assignment('RDME_API_KEY', rdme())),
    positive('readme', 'readme-api-key', 'API key on the rdme CLI', code({ sh: `npx rdme openapi upload openapi.json --key=${rdme()}`, yaml: `          rdme: openapi upload openapi.json --key=${rdme()}` })),
    negative('placeholder', 'readme', 'API key placeholder', assignment('RDME_API_KEY', 'rdme_<your-api-key>')),
  );

  // --- Render: rnd_ + 28 base62 ---------------------------------------------------------------------
  add(
    positive('render', 'render-api-key', 'API key', assignment('RENDER_API_KEY', `rnd_${mixed(ALNUM, 28)}`)),
    positive('render', 'render-api-key', 'API key in a request', code({ sh: `curl https://api.render.com/v1/services?limit=20 -H "Authorization: Bearer rnd_${mixed(ALNUM, 28)}"`, js: `  headers: { Authorization: 'Bearer rnd_${mixed(ALNUM, 28)}' },` })),
    negative('identifier', 'render', 'rnd_ function name', code({ js: 'const dir = rnd_sampleHemisphereDirection(normal, seed);', ts: 'export { rnd_sampleHemisphereDirection } from "./sampling";' })),
  );

  // --- Replicate: r8_ + 37 base62 --------------------------------------------------------------------
  add(
    positive('replicate', 'replicate-api-token', 'API token', assignment('REPLICATE_API_TOKEN', `r8_${mixed(ALNUM, 37)}`)),
    positive('replicate', 'replicate-api-token', 'API token in the client', code({ python: `replicate_client = replicate.Client(api_token="r8_${mixed(ALNUM, 37)}")`, js: `const replicate = new Replicate({ auth: 'r8_${mixed(ALNUM, 37)}' });` })),
    negative('placeholder', 'replicate', 'API token placeholder', assignment('REPLICATE_API_TOKEN', 'r8_***')),
  );

  // --- Resend: re_ + 8 + _ + 24 base62 ----------------------------------------------------------------
  const resend = () => `re_${mixed(ALNUM, 8)}_${mixed(ALNUM, 24)}`;
  add(
    positive('resend', 'resend-api-key', 'API key', assignment('RESEND_API_KEY', resend())),
    positive('resend', 'resend-api-key', 'API key in the client', code({ ts: `const resend = new Resend('${resend()}');`, python: `resend.api_key = "${resend()}"` })),
    negative('placeholder', 'resend', 'API key placeholder', assignment('RESEND_API_KEY', 're_123456789')),
  );

  // --- Rollbar: 32-hex project access tokens (post_client_item tokens are public) ----------------------
  add(
    positive('rollbar', 'rollbar-access-token', 'server access token', assignment('ROLLBAR_ACCESS_TOKEN', hex(32), NAMED_LANGS)),
    positive('rollbar', 'rollbar-access-token', 'access token in the initializer', code({
      ruby: { lines: ['Rollbar.configure do |config|', `  config.access_token = '${hex(32)}'`, '  config.environment = Rails.env', 'end'], primary: 1 },
      yaml: `      ROLLBAR_ACCESS_TOKEN: ${hex(32)}`,
    })),
    negative('public-key', 'rollbar', 'client-side token', code({ js: { lines: ['var _rollbarConfig = {', `  accessToken: '${hex(32)}',`, '  captureUncaught: true,', '};'], primary: 1 } })),
  );

  // --- RubyGems: rubygems_ + 48 hex ------------------------------------------------------------------
  const gemKey = () => `rubygems_${hex(48)}`;
  add(
    positive('rubygems', 'rubygems-api-key', 'API key for gem push', code({ sh: `GEM_HOST_API_KEY=${gemKey()} gem push pkg/acme-client-2.4.0.gem`, yaml: `          GEM_HOST_API_KEY: ${gemKey()}` })),
    positive('rubygems', 'rubygems-api-key', 'API key in ~/.gem/credentials', code({ yaml: `  :rubygems_api_key: ${gemKey()}`, sh: `printf -- "---\\n:rubygems_api_key: ${gemKey()}\\n" > ~/.gem/credentials` })),
    negative('truncated', 'rubygems', 'API key cut short', assignment('GEM_HOST_API_KEY', `rubygems_${hex(20)}`)),
  );

  // --- Runway: key_ + 128 hex -------------------------------------------------------------------------
  add(
    positive('runway', 'runway-api-key', 'API secret', assignment('RUNWAYML_API_SECRET', `key_${hex(128)}`)),
    positive('runway', 'runway-api-key', 'API secret in the client', code({ python: { lines: ['from runwayml import RunwayML', `runway = RunwayML(api_key="key_${hex(128)}")`], primary: 1 }, ts: { lines: ["import RunwayML from '@runwayml/sdk';", `const runway = new RunwayML({ apiKey: 'key_${hex(128)}' });`], primary: 1 } })),
    negative('hash', 'runway', 'SHA-512 after a key_ prefix', code({ python: `CACHE_KEY = "blob_key_${hex(128)}"`, js: `const cacheKey = 'asset_key_${hex(128)}';` })),
  );

  // --- Salesforce: 00D org id + ! + session ---------------------------------------------------------
  const sfSession = () => `00D${mixed(ALNUM, 12)}!AQ${random.chars(ALNUM + '._', random.int(96, 110))}`;
  add(
    positive('salesforce', 'salesforce-access-token', 'access token', assignment('SF_ACCESS_TOKEN', sfSession())),
    positive('salesforce', 'salesforce-access-token', 'access token in a request', code({ sh: `curl https://acme.my.salesforce.com/services/data/v62.0/limits -H "Authorization: Bearer ${sfSession()}"`, python: `sf = Salesforce(instance_url="https://acme.my.salesforce.com", session_id="${sfSession()}")` })),
    negative('identifier', 'salesforce', 'org id', assignment('SF_ORG_ID', `00D${mixed(ALNUM, 12)}`)),
  );

  // --- Sanity: sk + ~180 base62 ---------------------------------------------------------------------
  add(
    positive('sanity', 'sanity-api-token', 'API token', assignment('SANITY_API_TOKEN', `sk${mixed(ALNUM, random.int(170, 190))}`)),
    positive('sanity', 'sanity-api-token', 'token in the client', code({
      js: { lines: ["import { createClient } from '@sanity/client';", `export const client = createClient({ projectId: '${random.chars(LOWER + DIGITS, 8)}', dataset: 'production', token: 'sk${mixed(ALNUM, 180)}', useCdn: false });`], primary: 1 },
      ts: { lines: ["import { createClient } from '@sanity/client';", `export const client = createClient({ projectId: '${random.chars(LOWER + DIGITS, 8)}', dataset: 'production', token: 'sk${mixed(ALNUM, 180)}', useCdn: false });`], primary: 1 },
    })),
    negative('truncated', 'sanity', 'token shown truncated', code({ md: `Sanity robot tokens look like \`sk${mixed(ALNUM, 30)}…\`.`, js: `// sanity token sk${mixed(ALNUM, 24)}… was revoked` })),
  );

  // --- Scaleway: SCW access key, UUID secret key ----------------------------------------------------
  const scwAccess = () => `SCW${random.chars(UPPER + DIGITS, 17)}`;
  add(
    positive('scaleway', 'scaleway-secret-key', 'access and secret key', assignments([['SCW_ACCESS_KEY', scwAccess()], ['SCW_SECRET_KEY', uuid(random)]], 1)),
    positive('scaleway', 'scaleway-secret-key', 'secret key in a request', code({ sh: `curl -H "X-Auth-Token: ${uuid(random)}" https://api.scaleway.com/instance/v1/zones/fr-par-1/servers`, tf: { lines: ['  provider "scaleway" {', `    access_key = "${scwAccess()}"`, `    secret_key = "${uuid(random)}"`, '  }'], primary: 2 } })),
    negative('identifier', 'scaleway', 'organization and project ids', assignments([['SCW_DEFAULT_ORGANIZATION_ID', uuid(random)], ['SCW_DEFAULT_PROJECT_ID', uuid(random)]], 1)),
  );

  // --- Scalingo: tk-us- + 48 base64url ---------------------------------------------------------------
  add(
    positive('scalingo', 'scalingo-api-token', 'API token', assignment('SCALINGO_API_TOKEN', `tk-us-${random.chars(BASE64URL, 48)}`)),
    positive('scalingo', 'scalingo-api-token', 'API token on login', code({ sh: `scalingo login --api-token tk-us-${random.chars(BASE64URL, 48)}`, yaml: `          SCALINGO_API_TOKEN: tk-us-${random.chars(BASE64URL, 48)}` })),
    negative('truncated', 'scalingo', 'API token cut short', assignment('SCALINGO_API_TOKEN', `tk-us-${random.chars(BASE64URL, 20)}`)),
  );

  // --- Segment: sgp_ Public API tokens, 32-character write keys ---------------------------------------
  add(
    positive('segment', 'segment-public-api-token', 'Public API token', assignment('SEGMENT_PUBLIC_API_TOKEN', `sgp_${mixed(ALNUM, 64)}`)),
    positive('segment', 'segment-public-api-token', 'Public API token in a request', code({ sh: `curl https://api.segmentapis.com/sources -H "Authorization: Bearer sgp_${mixed(ALNUM, 64)}"`, ts: `const segment = configureApis('sgp_${mixed(ALNUM, 64)}');` })),
    negative('placeholder', 'segment', 'Public API token placeholder', assignment('SEGMENT_PUBLIC_API_TOKEN', 'sgp_<token>')),
    positive('segment', 'segment-write-key', 'write key', assignment('SEGMENT_WRITE_KEY', mixed(ALNUM, 32), ['env', 'yaml', 'json', 'python', 'js', 'ts', 'go', 'java', 'sh', 'dockerfile', 'tf', 'toml', 'ruby', 'php', 'cs', 'ini', 'md'])),
    positive('segment', 'segment-write-key', 'write key in the analytics config', code({ yaml: `  segmentWriteKey: '${mixed(ALNUM, 32)}'`, js: `  segmentWriteKey: '${mixed(ALNUM, 32)}',` })),
    negative('template', 'segment', 'write key from the environment', assignment('SEGMENT_WRITE_KEY', '${SEGMENT_WRITE_KEY}', ['env', 'yaml', 'sh', 'dockerfile'])),
  );

  // --- Sentry: sntrys_ org tokens (base64 JSON payload _ 43 base64), sntryu_ user tokens (64 hex) -----
  const sentryOrg = (payload) => {
    const doc = payload ?? `{"iat": ${1_730_000_000 + random.int(0, 30_000_000)}.${random.number(6)}, "url": "https://sentry.io", "region_url": "https://${random.pick(['us', 'de'])}.sentry.io", "org": "${random.pick(['acme', 'acme-corp', 'fjord-labs'])}"}`;
    return `sntrys_${Buffer.from(doc).toString('base64')}_${random.bytes(32).toString('base64').replace(/=+$/, '')}`;
  };
  add(
    positive('sentry', 'sentry-org-auth-token', 'organization token', assignment('SENTRY_AUTH_TOKEN', sentryOrg())),
    positive('sentry', 'sentry-org-auth-token', 'organization token in build config', code({
      js: `  authToken: "${sentryOrg()}",`,
      ini: { lines: ['[auth]', `token=${sentryOrg()}`], primary: 1 },
    })),
    negative('checksum-invalid', 'sentry', 'sntrys_ whose payload is not Sentry JSON', assignment('SENTRY_AUTH_TOKEN', sentryOrg(`{"project": "web", "env": "prod"}`))),
    positive('sentry', 'sentry-user-auth-token', 'user token', assignment('SENTRY_AUTH_TOKEN', `sntryu_${hex(64)}`)),
    positive('sentry', 'sentry-user-auth-token', 'user token in a request', code({ sh: `curl https://sentry.io/api/0/projects/ -H "Authorization: Bearer sntryu_${hex(64)}"`, python: `    headers = {"Authorization": "Bearer sntryu_${hex(64)}"}` })),
  );

  return found;
}
