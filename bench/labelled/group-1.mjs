// Labelled items (see bench/labelled-set.mjs) for the rules of group 1 of the breadth work, built
// from each provider's published format with the kit's helpers, never from leakstop's rule samples.
// random: this module's seeded stream (int, pick, chars, number, bytes, shuffle); kit: KIT in
// bench/labelled-set.mjs (alphabets, encodings, forms, positive() and negative()).

// ------------------------------------------------------------------------------------------------
// Encodings and checksums, written here from the providers' own descriptions

/** BIP 173 Bech32: the checksum polymod over the expanded human-readable part and the 5-bit data. */
const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function bech32Polymod(values) {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= BECH32_GENERATOR[i];
  }
  return chk >>> 0;
}

function bech32Encode(hrp, bytes) {
  const data = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      data.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >>> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = bech32Polymod([...expanded, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...checksum].map((d) => BECH32_CHARSET[d]).join('')}`;
}

/**
 * Marvin32 (Microsoft's seeded hash, the checksum of Azure's identifiable keys): p0/p1 from the
 * seed's halves, each little-endian 4-byte block added to p0 and mixed, the tail closed by 0x80 and
 * mixed twice; the checksum is p0 XOR p1.
 */
function marvin32(bytes, seedName) {
  let seed = 0n;
  for (const ch of seedName) seed = (seed << 8n) | BigInt(ch.charCodeAt(0));
  let p0 = Number(seed & 0xffffffffn);
  let p1 = Number(seed >> 32n);
  const rotl = (x, n) => ((x << n) | (x >>> (32 - n))) >>> 0;
  const mix = () => {
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 20);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 9);
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 27);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 19);
  };
  const whole = bytes.length - (bytes.length % 4);
  for (let i = 0; i < whole; i += 4) {
    p0 = (p0 + bytes.readUInt32LE(i)) >>> 0;
    mix();
  }
  let tail = 0x80;
  for (let i = bytes.length - 1; i >= whole; i--) tail = ((tail << 8) | bytes[i]) >>> 0;
  p0 = (p0 + tail) >>> 0;
  mix();
  mix();
  return (p0 ^ p1) >>> 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function items(random, kit) {
  const { positive, negative, assignment, assignments, code, alone, uuid, crc32, Buffer, base64url } = kit;
  const { DIGITS, UPPER, LOWER, ALNUM, HEX, BASE64URL } = kit;
  const hex = (n) => random.chars(HEX, n);
  const upperHex = (n) => random.chars('0123456789ABCDEF', n);
  const b64 = (bytes) => random.bytes(bytes).toString('base64');
  /** Random alphanumerics that mix both cases and digits, as issued tokens do. */
  const mixed = (n, alphabet = ALNUM) => {
    for (;;) {
      const s = random.chars(alphabet, n);
      if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s)) return s;
    }
  };
  const jwt = (header, payload, signatureBytes) =>
    `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${random.bytes(signatureBytes).toString('base64url')}`;
  const iat = () => 1_767_000_000 + random.int(0, 9_000_000);
  const found = [];
  const add = (...list) => found.push(...list);

  // --- Ably: appId.keyId:keySecret (https://ably.com/docs/auth/basic) -------------------------------
  const ablyKey = () => `${mixed(6, ALNUM)}.${random.chars(ALNUM + '_-', 6)}:${mixed(43, ALNUM + '_-')}`;
  add(
    positive('ably', 'ably-api-key', 'Ably API key', assignment('ABLY_API_KEY', ablyKey(), ['env', 'yaml', 'python', 'sh', 'dockerfile', 'toml', 'ini'])),
    positive('ably', 'ably-api-key', 'Ably API key in a client', code({ js: `const ably = new Ably.Realtime({ key: '${ablyKey()}' });`, ts: `export const ably = new Ably.Rest('${ablyKey()}');`, python: `ably = AblyRest("${ablyKey()}")` })),
    negative('placeholder', 'ably', 'Ably key with the secret masked', code({ md: `    ABLY_API_KEY=${mixed(6)}.${mixed(6)}:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`, js: `const ably = new Ably.Realtime({ key: '${mixed(6)}.${mixed(6)}:xxxxxxxxxxxxxxxxxxxxxxxx' });` })),
  );

  // --- Adyen: API key (AQE…==-…=-…) and webhook HMAC key (64 hex) ----------------------------------
  const ADYEN_TAIL = ALNUM + '@^<>~!*(%';
  const adyenKey = () => `AQE${random.chars(B64, random.int(48, 60))}QwV1bDb7kfNy1WIxIIkxgBw==-${random.chars(B64, 42)}${random.pick([...'AEIMQUYcgkosw048'])}=-${random.chars(ADYEN_TAIL, 16)}`;
  add(
    positive('adyen', 'adyen-api-key', 'Adyen API key', assignment('ADYEN_API_KEY', adyenKey(), ['env', 'yaml', 'json', 'python', 'properties', 'toml', 'ini'])),
    positive('adyen', 'adyen-api-key', 'Adyen API key in a client', code({ java: `        config.setXApiKey("${adyenKey()}");`, js: `const client = new Client({ apiKey: '${adyenKey()}', environment: 'LIVE' });`, php: `    'adyen_api_key' => '${adyenKey()}',` })),
    negative('truncated', 'adyen', 'Adyen key cut before its last part', code({ md: `The key starts \`AQE${random.chars(B64, 20)}…\`: ask the payments team for the rest.` })),
    positive('adyen', 'adyen-hmac-key', 'Adyen webhook HMAC key', assignment('ADYEN_HMAC_KEY', upperHex(64), ['env', 'yaml', 'json', 'python', 'js', 'ts', 'go', 'java', 'sh', 'dockerfile', 'tf', 'properties', 'toml', 'ruby', 'php', 'cs', 'ini'])),
    positive('adyen', 'adyen-hmac-key', 'Adyen webhook HMAC key', assignment('ADYEN_WEBHOOK_HMAC_KEY', upperHex(64), ['env', 'yaml', 'json', 'python', 'ts', 'properties'])),
    negative('placeholder', 'adyen', 'HMAC key placeholder', assignment('ADYEN_HMAC_KEY', '<your-hmac-key>', ['env', 'yaml', 'properties'])),
  );

  // --- age: AGE-SECRET-KEY-1 + Bech32 of 32 bytes (https://age-encryption.org/v1) -------------------
  const ageIdentity = () => bech32Encode('age-secret-key-', random.bytes(32)).toUpperCase();
  const agePublic = () => bech32Encode('age', random.bytes(32));
  add(
    alone('secrets/age/keys.txt', 'env', positive('age', 'age-secret-key', 'age identity file', code({ env: { lines: [`# created: 2026-0${random.int(1, 9)}-1${random.int(0, 9)}T09:${random.int(10, 59)}:12Z`, `# public key: ${agePublic()}`, ageIdentity()], primary: 2 } }))),
    positive('age', 'age-secret-key', 'age identity for SOPS', assignment('SOPS_AGE_KEY', ageIdentity(), ['env', 'sh', 'yaml', 'dockerfile'])),
    negative('checksum-invalid', 'age', 'age identity with one character changed', assignment('SOPS_AGE_KEY', (() => {
      const id = ageIdentity();
      const at = 30;
      const swap = id[at] === 'Q' ? 'P' : 'Q';
      return id.slice(0, at) + swap + id.slice(at + 1);
    })(), ['env', 'sh'])),
  );

  // --- Airtable: pat + 14 + . + 64 hex ------------------------------------------------------------
  const airtablePat = () => `pat${mixed(14)}.${hex(64)}`;
  add(
    positive('airtable', 'airtable-personal-access-token', 'Airtable PAT', assignment('AIRTABLE_API_KEY', airtablePat(), ['env', 'yaml', 'python', 'sh', 'toml', 'json'])),
    positive('airtable', 'airtable-personal-access-token', 'Airtable PAT in a client', code({ js: `const base = new Airtable({ apiKey: '${airtablePat()}' }).base('app${mixed(14)}');`, python: `api = pyairtable.Api("${airtablePat()}")` })),
    negative('placeholder', 'airtable', 'Airtable PAT placeholder', assignment('AIRTABLE_TOKEN', 'patXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', ['env', 'yaml'])),
  );

  // --- Akamai EdgeGrid: .edgerc (https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials)
  const akamaiHost = () => `akab-${random.chars(LOWER + DIGITS, 16)}-${random.chars(LOWER + DIGITS, 16)}.luna.akamaiapis.net`;
  const akamaiToken = () => `akab-${random.chars(LOWER + DIGITS, 16)}-${random.chars(LOWER + DIGITS, 16)}`;
  const akamaiSecret = () => `${b64(32).slice(0, 43)}=`;
  add(
    alone('ops/akamai/.edgerc', 'ini', positive('akamai', 'akamai-edgegrid-client-secret', '.edgerc section', code({ ini: { lines: ['[default]', `client_secret = ${akamaiSecret()}`, `host = ${akamaiHost()}`, `access_token = ${akamaiToken()}`, `client_token = ${akamaiToken()}`], primary: 1 } }))),
    positive('akamai', 'akamai-edgegrid-client-secret', 'EdgeGrid variables', assignments([['AKAMAI_HOST', akamaiHost()], ['AKAMAI_CLIENT_SECRET', akamaiSecret()], ['AKAMAI_ACCESS_TOKEN', akamaiToken()]], 1, ['env', 'sh', 'dockerfile'])),
    negative('placeholder', 'akamai', '.edgerc template', code({ md: { lines: ['    [default]', '    client_secret = <client_secret>', `    host = ${akamaiHost()}`], primary: 1 } })),
  );

  // --- Algolia Admin API key: 32 hex named admin -----------------------------------------------------
  add(
    positive('algolia', 'algolia-admin-key', 'Algolia admin key', assignment('ALGOLIA_ADMIN_KEY', hex(32), ['env', 'yaml', 'python', 'sh', 'js', 'ts', 'ruby', 'php', 'toml'])),
    positive('algolia', 'algolia-admin-key', 'Algolia admin key in a client', code({ js: `const algoliaAdminApiKey = '${hex(32)}';`, python: `ALGOLIA_ADMIN_API_KEY = "${hex(32)}"`, ts: `export const algoliaAdminKey = '${hex(32)}';` })),
    negative('placeholder', 'algolia', 'admin key placeholder', assignment('ALGOLIA_ADMIN_KEY', 'YourAdminAPIKey', ['env', 'yaml', 'js'])),
  );

  // --- Alibaba Cloud: LTAI key id and 30-character secret --------------------------------------------
  // Key ids alone go to JSON/TS/Java files and pairs to env-like files: combine() pairs an id with a
  // secret within 600 characters, which would take a lone id's finding away.
  const aliId = () => `LTAI5t${mixed(18)}`;
  const aliSecret = () => mixed(30);
  add(
    positive('alibaba', 'alibaba-access-key-id', 'AccessKey ID in JSON', code({ json: `  "accessKeyId": "${aliId()}",`, ts: `  accessKeyId: '${aliId()}',` })),
    positive('alibaba', 'alibaba-access-key-id', 'AccessKey ID in Java', code({ java: `    private static final String ACCESS_KEY_ID = "${aliId()}";`, ts: `const ossClient = new OSS({ region: 'oss-cn-hangzhou', accessKeyId: '${aliId()}', bucket: 'acme-assets' });` })),
    positive('alibaba', 'alibaba-access-key-secret', 'AccessKey pair', assignments([['ALIBABA_CLOUD_ACCESS_KEY_ID', aliId()], ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', aliSecret()]], 1, ['env', 'sh', 'yaml', 'ini', 'toml', 'dockerfile'])),
    positive('alibaba', 'alibaba-access-key-secret', 'AccessKey pair in an SDK call', code({ python: `client = AcsClient("${aliId()}", "${aliSecret()}", "cn-shanghai")`, js: `const client = new RPCClient({ accessKeyId: '${aliId()}', accessKeySecret: '${aliSecret()}', endpoint: 'https://ecs.aliyuncs.com' });` })),
    negative('placeholder', 'alibaba', 'masked AccessKey ID', assignment('ALIBABA_CLOUD_ACCESS_KEY_ID', 'LTAI****************', ['env', 'yaml'])),
  );

  // --- Asana PAT: 2/<user gid>/<app gid>:<32 hex> ------------------------------------------------------
  const asanaPat = () => `2/${random.number(16)}/${random.number(16)}:${hex(32)}`;
  add(
    positive('asana', 'asana-personal-access-token', 'Asana PAT', assignment('ASANA_ACCESS_TOKEN', asanaPat(), ['env', 'yaml', 'sh', 'python', 'json'])),
    positive('asana', 'asana-personal-access-token', 'Asana PAT in a client', code({ python: `client = asana.Client.access_token("${asanaPat()}")`, js: `const client = asana.Client.create().useAccessToken('${asanaPat()}');` })),
    negative('truncated', 'asana', 'PAT shown cut', code({ md: `The Asana token (\`2/${random.number(16)}/…\`) belongs to the triage bot.` })),
  );

  // --- AssemblyAI: 32 hex -------------------------------------------------------------------------
  add(
    positive('assemblyai', 'assemblyai-api-key', 'AssemblyAI key', assignment('ASSEMBLYAI_API_KEY', hex(32), ['env', 'yaml', 'sh', 'python', 'js', 'ts', 'dockerfile'])),
    positive('assemblyai', 'assemblyai-api-key', 'AssemblyAI key in the SDK', code({ python: { lines: ['import assemblyai as aai', `aai.settings.api_key = "${hex(32)}"`], primary: 1 }, ts: `const assemblyai = new AssemblyAI({ apiKey: '${hex(32)}' });` })),
    negative('placeholder', 'assemblyai', 'AssemblyAI key placeholder', assignment('ASSEMBLYAI_API_KEY', '<YOUR_API_KEY>', ['env', 'python'])),
  );

  // --- Atlassian API tokens (ATATT3…) and Bitbucket access tokens (ATCTT3…): = + CRC32 -------------
  const atlassian = (prefix) => {
    const body = `${prefix}${random.chars(BASE64URL, random.int(170, 190))}=`;
    return body + crc32(body).toString(16).toUpperCase().padStart(8, '0');
  };
  add(
    positive('atlassian', 'atlassian-api-token', 'Jira API token', assignment('JIRA_API_TOKEN', atlassian('ATATT3xFfGF0'), ['env', 'yaml', 'sh', 'python', 'properties', 'dockerfile'])),
    positive('atlassian', 'atlassian-api-token', 'Confluence token in a client', code({ python: `confluence = Confluence(url="https://acme.atlassian.net/wiki", username="ci@acme.dev", password="${atlassian('ATATT3xFfGF0')}")`, sh: `curl -u ci@acme.dev:${atlassian('ATATT3xFfGF0')} https://acme.atlassian.net/rest/api/3/myself` })),
    negative('checksum-invalid', 'atlassian', 'ATATT3 token with a wrong checksum', assignment('JIRA_API_TOKEN', `${atlassian('ATATT3xFfGF0').slice(0, -8)}${upperHex(8)}`, ['env', 'yaml'])),
    positive('bitbucket', 'bitbucket-access-token', 'Bitbucket repository access token', assignment('BITBUCKET_ACCESS_TOKEN', atlassian('ATCTT3xFfGN0'), ['env', 'yaml', 'sh', 'python', 'dockerfile'])),
    positive('bitbucket', 'bitbucket-access-token', 'Bitbucket token in a clone URL', code({ sh: `git clone https://x-token-auth:${atlassian('ATCTT3xFfGN0')}@bitbucket.org/acme/platform.git`, md: `    curl -H "Authorization: Bearer ${atlassian('ATCTT3xFfGN0')}" https://api.bitbucket.org/2.0/repositories/acme` })),
    negative('truncated', 'bitbucket', 'Bitbucket token cut in a log', code({ python: `    log.warning("token ATCTT3xFfGN0${random.chars(ALNUM, 12)} was rejected")` })),
  );

  // --- Auth0: client secret and Management API token ---------------------------------------------------
  const auth0Secret = () => mixed(64, ALNUM + '_-');
  const tenant = () => `acme-${random.pick(['prod', 'staging', 'eu'])}`;
  const auth0Token = () => {
    const t = tenant();
    const region = random.pick(['', '.eu', '.us']);
    const clientId = mixed(32);
    const issued = iat();
    return jwt(
      { alg: 'RS256', typ: 'JWT', kid: random.chars(BASE64URL, 22) },
      { iss: `https://${t}${region}.auth0.com/`, sub: `${clientId}@clients`, aud: `https://${t}${region}.auth0.com/api/v2/`, iat: issued, exp: issued + 86400, scope: 'read:users update:users', gty: 'client-credentials', azp: clientId },
      256,
    );
  };
  add(
    positive('auth0', 'auth0-client-secret', 'Auth0 client secret', assignment('AUTH0_CLIENT_SECRET', auth0Secret(), ['env', 'yaml', 'sh', 'python', 'dockerfile', 'toml'])),
    positive('auth0', 'auth0-client-secret', 'Auth0 client secret in code', code({ js: `const auth0 = new AuthenticationClient({ domain: '${tenant()}.eu.auth0.com', clientId: '${mixed(32)}', clientSecret: '${auth0Secret()}' });`, ts: `const auth0 = initAuth0({ issuerBaseURL: 'https://${tenant()}.auth0.com', clientSecret: '${auth0Secret()}' });` })),
    positive('auth0', 'auth0-management-api-token', 'Management API token', assignment('AUTH0_MANAGEMENT_API_TOKEN', auth0Token(), ['env', 'sh', 'yaml', 'dockerfile'])),
    positive('auth0', 'auth0-management-api-token', 'Management API token in a client', code({ js: `const management = new ManagementClient({ domain: '${tenant()}.auth0.com', token: '${auth0Token()}' });`, python: `auth0 = Auth0("${tenant()}.auth0.com", "${auth0Token()}")` })),
    negative('placeholder', 'auth0', 'client secret placeholder', assignment('AUTH0_CLIENT_SECRET', 'YOUR_AUTH0_CLIENT_SECRET', ['env', 'yaml'])),
  );

  // --- AWS: session token, Bedrock API keys ---------------------------------------------------------
  const isolate = { isolate: true };
  const STS_HEADER = Buffer.from('IQoJb3JpZ2luX2Vj', 'base64');
  const sessionToken = () => Buffer.concat([STS_HEADER, random.bytes(random.int(600, 800))]).toString('base64');
  const asia = () => `ASIA${random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
  const bedrockLong = () => `ABSK${Buffer.from(`BedrockAPIKey-${random.chars(LOWER + DIGITS, 4)}-at-${random.number(12)}:${b64(45)}`).toString('base64')}`;
  const bedrockShort = () => {
    const region = random.pick(['us-east-1', 'us-west-2', 'eu-central-1']);
    const day = `202611${random.int(10, 28)}`;
    const url = `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${asia()}%2F${day}%2F${region}%2Fbedrock%2Faws4_request`
      + `&X-Amz-Date=${day}T${random.int(10, 23)}0000Z&X-Amz-Expires=43200&X-Amz-Security-Token=${encodeURIComponent(sessionToken())}&X-Amz-Signature=${hex(64)}&X-Amz-SignedHeaders=host&Version=1`;
    return `bedrock-api-key-${Buffer.from(url).toString('base64')}`;
  };
  add(
    positive('aws', 'aws-session-token', 'STS session token', assignment('AWS_SESSION_TOKEN', sessionToken(), ['env', 'sh', 'dockerfile', 'ini']), isolate),
    positive('aws', 'aws-session-token', 'STS session token in JSON', code({ json: `  "SessionToken": "${sessionToken()}",`, python: `session = boto3.Session(aws_session_token="${sessionToken()}")` }), isolate),
    negative('truncated', 'aws', 'session token cut short', code({ md: `    aws_session_token = IQoJb3JpZ2luX2Vj${random.chars(ALNUM, 20)}...` }), isolate),
    positive('aws', 'aws-bedrock-long-term-api-key', 'Bedrock long-term key', assignment('AWS_BEARER_TOKEN_BEDROCK', bedrockLong(), ['env', 'sh', 'yaml', 'dockerfile'])),
    positive('aws', 'aws-bedrock-long-term-api-key', 'Bedrock long-term key in a header', code({ python: `    headers = {"Authorization": "Bearer ${bedrockLong()}", "Content-Type": "application/json"}`, js: `  headers: { Authorization: 'Bearer ${bedrockLong()}' },` })),
    positive('aws', 'aws-bedrock-short-term-api-key', 'Bedrock short-term key', assignment('AWS_BEARER_TOKEN_BEDROCK', bedrockShort(), ['env', 'sh', 'dockerfile'])),
    positive('aws', 'aws-bedrock-short-term-api-key', 'Bedrock short-term key in code', code({ python: `os.environ["AWS_BEARER_TOKEN_BEDROCK"] = "${bedrockShort()}"`, ts: `process.env.AWS_BEARER_TOKEN_BEDROCK = '${bedrockShort()}';` })),
    negative('truncated', 'aws', 'Bedrock key prefix only', code({ md: 'Long-term keys start with `ABSKQmVkcm9ja0FQSUtleS`, short-term ones with `bedrock-api-key-`.' })),
  );

  // --- Axiom: xaat-/xapt- + UUID ---------------------------------------------------------------------
  add(
    positive('axiom', 'axiom-api-token', 'Axiom API token', assignment('AXIOM_TOKEN', `xaat-${uuid(random)}`, ['env', 'yaml', 'sh', 'dockerfile', 'toml'])),
    positive('axiom', 'axiom-api-token', 'Axiom API token in a client', code({ ts: `const axiom = new Axiom({ token: 'xaat-${uuid(random)}' });`, go: `\tclient, err := axiom.NewClient(axiom.SetToken("xaat-${uuid(random)}"))` })),
    positive('axiom', 'axiom-personal-token', 'Axiom personal token', assignment('AXIOM_PERSONAL_TOKEN', `xapt-${uuid(random)}`, ['env', 'sh', 'yaml'])),
    positive('axiom', 'axiom-personal-token', 'Axiom personal token in a header', code({ sh: `curl -H "Authorization: Bearer xapt-${uuid(random)}" -H "X-Axiom-Org-Id: acme-${hex(4)}" https://api.axiom.co/v1/datasets`, python: `    client = Client("xapt-${uuid(random)}", org_id="acme-${hex(4)}")` })),
    negative('placeholder', 'axiom', 'Axiom token placeholder', assignment('AXIOM_TOKEN', 'xaat-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', ['env', 'yaml'])),
  );

  // --- Azure identifiable keys: random, 4-character signature, Marvin32 checksum ----------------------
  const identifiable = (length, signature, seedName, urlSafe = false) => {
    const encodedLength = Math.ceil(length / 3) * 4;
    const padding = (3 - (length % 3)) % 3;
    const text = random.chars(B64, encodedLength - padding - 10) + signature + 'AAAAAA' + '='.repeat(padding);
    const bytes = Buffer.from(text, 'base64');
    bytes.writeUInt32LE(marvin32(bytes.subarray(0, bytes.length - 4), seedName), bytes.length - 4);
    return urlSafe ? bytes.toString('base64url') + '='.repeat(padding) : bytes.toString('base64');
  };
  const ns = () => `acme-${random.pick(['orders', 'billing', 'events', 'telemetry'])}-${random.chars(LOWER + DIGITS, 4)}`;
  const storageKey = () => identifiable(64, '+ASt', 'Default0');
  const cosmosKey = () => identifiable(64, 'ACDb', random.pick(['MastRW00', 'MastRO00']));
  const redisKey = () => identifiable(32, 'AzCa', 'Access00');
  const functionsKey = () => identifiable(40, 'AzFu', random.pick(['Functi00', 'Master00']), true);
  const searchKey = () => identifiable(39, 'AzSe', random.pick(['PAdmin00', 'Query000']));
  const acrKey = () => identifiable(39, '+ACR', 'ACRDflt0');
  const messaging = (signature) => identifiable(32, signature, random.pick(['Send0000', 'Listen00', 'Manage00']));
  const batchKey = () => identifiable(64, '+ABa', 'AbAcct00');
  const apimKey = () => identifiable(64, 'APIM', 'IoTHub00');
  const iotKey = () => identifiable(32, 'AIoT', random.pick(['IoTHub00', 'Device00']));
  add(
    positive('azure', 'azure-storage-identifiable-key', 'storage connection string', assignment('AZURE_STORAGE_CONNECTION_STRING', `DefaultEndpointsProtocol=https;AccountName=acme${random.chars(LOWER + DIGITS, 8)};AccountKey=${storageKey()};EndpointSuffix=core.windows.net`, ['env', 'json', 'yaml', 'sh'])),
    positive('azure', 'azure-storage-identifiable-key', 'storage key in Terraform', code({ tf: `  storage_account_key = "${storageKey()}"`, python: `blob = BlobServiceClient(account_url, credential="${storageKey()}")` })),
    positive('azure', 'azure-cosmosdb-identifiable-key', 'Cosmos DB connection string', assignment('COSMOS_CONNECTION_STRING', `AccountEndpoint=https://${ns()}.documents.azure.com:443/;AccountKey=${cosmosKey()};`, ['env', 'json', 'yaml'])),
    positive('azure', 'azure-cosmosdb-identifiable-key', 'Cosmos DB key in a client', code({ cs: `        private static readonly CosmosClient Client = new CosmosClient("https://acme-orders.documents.azure.com:443/", "${cosmosKey()}");`, python: `client = CosmosClient(url, credential="${cosmosKey()}")` })),
    positive('azure', 'azure-redis-identifiable-key', 'Azure Cache for Redis URL', assignment('REDIS_URL', `rediss://:${redisKey()}@${ns()}.redis.cache.windows.net:6380`, ['env', 'yaml', 'sh', 'dockerfile'])),
    positive('azure', 'azure-redis-identifiable-key', 'StackExchange.Redis connection string', code({ json: `    "Redis": "${ns()}.redis.cache.windows.net:6380,password=${redisKey()},ssl=True,abortConnect=False",`, cs: `        public const string Redis = "${ns()}.redis.cache.windows.net:6380,password=${redisKey()},ssl=True";` })),
    positive('azure', 'azure-functions-identifiable-key', 'function URL with its key', code({ sh: `curl -X POST "https://${ns()}.azurewebsites.net/api/ProcessOrder?code=${functionsKey()}" -d @order.json`, md: `    POST https://${ns()}.azurewebsites.net/api/Resize?code=${functionsKey()}` })),
    positive('azure', 'azure-functions-identifiable-key', 'Functions key in settings', assignment('FUNCTIONS_API_KEY', functionsKey(), ['env', 'yaml', 'json'])),
    positive('azure', 'azure-search-identifiable-key', 'AI Search key', assignment('AZURE_SEARCH_KEY', searchKey(), ['env', 'yaml', 'sh'])),
    positive('azure', 'azure-search-identifiable-key', 'AI Search key in a client', code({ python: `search = SearchClient(endpoint, "products", AzureKeyCredential("${searchKey()}"))`, cs: `        private static readonly AzureKeyCredential SearchKey = new AzureKeyCredential("${searchKey()}");` })),
    positive('azure', 'azure-container-registry-identifiable-key', 'ACR password in docker login', code({ sh: `docker login acmeprod.azurecr.io --username acmeprod --password ${acrKey()}`, yaml: `          password: ${acrKey()}` })),
    positive('azure', 'azure-container-registry-identifiable-key', 'ACR password', assignment('ACR_PASSWORD', acrKey(), ['env', 'sh', 'dockerfile'])),
    positive('azure', 'azure-service-bus-identifiable-key', 'Service Bus connection string', assignment('SERVICEBUS_CONNECTION_STRING', `Endpoint=sb://${ns()}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${messaging('+ASb')}`, ['env', 'json', 'yaml'])),
    positive('azure', 'azure-service-bus-identifiable-key', 'Service Bus connection string in code', code({ cs: `        public const string ServiceBus = "Endpoint=sb://${ns()}.servicebus.windows.net/;SharedAccessKeyName=sender;SharedAccessKey=${messaging('+ASb')}";`, python: `SERVICE_BUS = "Endpoint=sb://${ns()}.servicebus.windows.net/;SharedAccessKeyName=listener;SharedAccessKey=${messaging('+ASb')}"` })),
    positive('azure', 'azure-event-hubs-identifiable-key', 'Event Hubs connection string', assignment('EVENTHUB_CONNECTION_STRING', `Endpoint=sb://${ns()}.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${messaging('+AEh')};EntityPath=clicks`, ['env', 'json', 'yaml'])),
    positive('azure', 'azure-event-hubs-identifiable-key', 'Event Hubs key in Kafka settings', code({ properties: `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString" password="Endpoint=sb://${ns()}.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=${messaging('+AEh')}";`, java: `    private static final String EVENT_HUB = "Endpoint=sb://${ns()}.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=${messaging('+AEh')};EntityPath=telemetry";` })),
    positive('azure', 'azure-relay-identifiable-key', 'Relay connection string', assignment('RELAY_CONNECTION_STRING', `Endpoint=sb://${ns()}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${messaging('+ARm')}`, ['env', 'json', 'yaml'])),
    positive('azure', 'azure-relay-identifiable-key', 'Relay key in code', code({ cs: `        private const string RelayKey = "${messaging('+ARm')}";`, ts: `const relay = { namespace: '${ns()}.servicebus.windows.net', keyName: 'listen', key: '${messaging('+ARm')}' };` })),
    positive('azure', 'azure-batch-identifiable-key', 'Batch account key', assignment('AZURE_BATCH_ACCOUNT_KEY', batchKey(), ['env', 'sh', 'yaml', 'dockerfile'])),
    positive('azure', 'azure-batch-identifiable-key', 'Batch key in a client', code({ python: `credentials = SharedKeyCredentials("acmebatch", "${batchKey()}")`, sh: `az batch account login --name acmebatch --shared-key-auth && export AZURE_BATCH_ACCESS_KEY=${batchKey()}` })),
    positive('azure', 'azure-apim-identifiable-key', 'APIM subscription key header', code({ sh: `curl -H "Ocp-Apim-Subscription-Key: ${apimKey()}" https://acme-apim.azure-api.net/orders/v1/status`, python: `    headers = {"Ocp-Apim-Subscription-Key": "${apimKey()}"}` })),
    positive('azure', 'azure-apim-identifiable-key', 'APIM subscription key', assignment('APIM_SUBSCRIPTION_KEY', apimKey(), ['env', 'yaml', 'json'])),
    positive('azure', 'azure-iot-identifiable-key', 'IoT device connection string', assignment('IOTHUB_DEVICE_CONNECTION_STRING', `HostName=${ns()}.azure-devices.net;DeviceId=sensor-${random.number(3)};SharedAccessKey=${iotKey()}`, ['env', 'json', 'yaml'])),
    positive('azure', 'azure-iot-identifiable-key', 'IoT connection string in code', code({ python: `client = IoTHubDeviceClient.create_from_connection_string("HostName=${ns()}.azure-devices.net;DeviceId=gw-${random.number(2)};SharedAccessKey=${iotKey()}")`, cs: `        private const string Device = "HostName=${ns()}.azure-devices.net;DeviceId=gw-${random.number(2)};SharedAccessKey=${iotKey()}";` })),
    negative('checksum-invalid', 'azure', 'Service Bus key with a wrong checksum', code({ md: `    SharedAccessKey=${random.chars(B64, 33)}+ASb${random.pick([...'ABCDEFGHIJKLMNOP'])}${random.chars(B64, 5)}=` })),
    negative('placeholder', 'azure', 'Service Bus connection string placeholder', assignment('SERVICEBUS_CONNECTION_STRING', 'Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<key-name>;SharedAccessKey=<key>', ['env', 'json'])),
  );

  // --- Azure common annotated keys (CASK): AI services, Event Grid, Web PubSub, others, DevOps ------------
  const cask = (signature) => {
    for (;;) {
      const date = `${B64[random.int(1, 2)]}${B64[random.int(0, 11)]}`;
      const body = `${random.chars(ALNUM, 52)}JQQJ99${date}AC${random.chars(ALNUM, 10)}AAAA${signature}`;
      const checksum = marvin32(Buffer.from(`${body}AAAA`, 'base64').subarray(0, 60), 'Default0');
      const le = Buffer.alloc(4);
      le.writeUInt32LE(checksum);
      const encoded = le.subarray(0, 3).toString('base64');
      if (/^[A-Za-z0-9]{4}$/.test(encoded)) return body + encoded;
    }
  };
  add(
    positive('azure', 'azure-ai-services-key', 'Azure OpenAI key', assignments([['AZURE_OPENAI_ENDPOINT', `https://${ns()}.openai.azure.com/`], ['AZURE_OPENAI_API_KEY', cask('ACOG')]], 1, ['env', 'sh', 'yaml', 'python', 'dockerfile'])),
    positive('azure', 'azure-ai-services-key', 'AI services key in a client', code({ python: `client = AzureOpenAI(azure_endpoint=endpoint, api_key="${cask('ACOG')}", api_version="2024-10-21")`, cs: `        private static readonly AzureKeyCredential Credential = new AzureKeyCredential("${cask('ACOG')}");` })),
    positive('azure', 'azure-event-grid-key', 'Event Grid access key', assignment('EVENTGRID_TOPIC_KEY', cask('AZEG'), ['env', 'yaml', 'json', 'sh'])),
    positive('azure', 'azure-event-grid-key', 'Event Grid key in a client', code({ python: `publisher = EventGridPublisherClient(endpoint, AzureKeyCredential("${cask('AZEG')}"))`, sh: `curl -X POST -H "aeg-sas-key: ${cask('AZEG')}" -d @events.json "$TOPIC_ENDPOINT"` })),
    positive('azure', 'azure-web-pubsub-key', 'Web PubSub connection string', assignment('WEBPUBSUB_CONNECTION_STRING', `Endpoint=https://${ns()}.webpubsub.azure.com;AccessKey=${cask('AWPS')};Version=1.0;`, ['env', 'json', 'yaml'])),
    positive('azure', 'azure-web-pubsub-key', 'Web PubSub key in code', code({ js: `const service = new WebPubSubServiceClient('https://acme-chat.webpubsub.azure.com', new AzureKeyCredential('${cask('AWPS')}'), 'chat');`, cs: `        public const string WebPubSubKey = "${cask('AWPS')}";` })),
    positive('azure', 'azure-common-annotated-key', 'Azure Managed Redis key', assignment('AZURE_MANAGED_REDIS_KEY', cask('AMRS'), ['env', 'yaml', 'sh'])),
    positive('azure', 'azure-common-annotated-key', 'Azure Maps key', code({ js: `const map = new atlas.Map('map', { authOptions: { authType: 'subscriptionKey', subscriptionKey: '${cask('AZMP')}' } });`, json: `    "AzureMapsKey": "${cask('AZMP')}",` })),
    positive('azure-devops', 'azure-devops-pat', 'Azure DevOps PAT', assignment('AZURE_DEVOPS_EXT_PAT', cask('AZDO'), ['env', 'sh', 'yaml', 'dockerfile'])),
    positive('azure-devops', 'azure-devops-pat', 'Azure DevOps PAT in a clone URL', code({ sh: `git clone https://build:${cask('AZDO')}@dev.azure.com/acme/platform/_git/api`, md: `    echo ${cask('AZDO')} | az devops login --organization https://dev.azure.com/acme` })),
    negative('checksum-invalid', 'azure', 'CASK key with its checksum broken', code({ md: `    AZURE_OPENAI_API_KEY=${cask('ACOG').slice(0, -4)}${random.chars(UPPER, 4)}` })),
  );

  // Legacy Azure DevOps PATs: 32 bytes in lower-case base32, CRC32 of 28 bytes XOR a kind constant in bytes 2, 7, 8, 22.
  const legacyPat = () => {
    const bytes = random.bytes(32);
    const crc = crc32(Buffer.concat([bytes.subarray(0, 2), bytes.subarray(3, 7), bytes.subarray(9, 22), bytes.subarray(23)]));
    const checksum = (crc ^ 0xe0b9692d) >>> 0;
    bytes[22] = checksum & 0xff;
    bytes[8] = (checksum >>> 8) & 0xff;
    bytes[7] = (checksum >>> 16) & 0xff;
    bytes[2] = checksum >>> 24;
    let bits = BigInt(`0x${bytes.toString('hex')}`) << 4n;
    let text = '';
    for (let i = 0; i < 52; i++, bits >>= 5n) text = 'abcdefghijklmnopqrstuvwxyz234567'[Number(bits & 31n)] + text;
    return text;
  };
  add(
    positive('azure-devops', 'azure-devops-pat-legacy', 'legacy Azure DevOps PAT', assignment('AZURE_DEVOPS_PAT', legacyPat(), ['env', 'sh', 'yaml', 'dockerfile', 'python'])),
    positive('azure-devops', 'azure-devops-pat-legacy', 'legacy PAT in a clone URL', code({ sh: `git clone https://pat:${legacyPat()}@dev.azure.com/acme/platform/_git/web`, dockerfile: `RUN git clone https://build:${legacyPat()}@acme.visualstudio.com/Platform/_git/shared /src/shared` })),
    negative('hash', 'azure-devops', '52 base32 characters of an artifact hash', code({ md: `    https://dev.azure.com/acme/platform/_apis/resources/Containers/${random.number(7)}?itemPath=drop%2F${random.chars('abcdefghijklmnopqrstuvwxyz234567', 52)}.zip` })),
  );

  // --- Azure: AI services 32-hex key, Communication Services and App Configuration connection strings --
  add(
    positive('azure', 'azure-ai-services-hex-key', 'Azure OpenAI 32-hex key', assignments([['AZURE_OPENAI_ENDPOINT', `https://${ns()}.openai.azure.com/`], ['AZURE_OPENAI_KEY', hex(32)]], 1, ['env', 'sh', 'yaml', 'python', 'ini'])),
    positive('azure', 'azure-ai-services-hex-key', 'Cognitive Services 32-hex key in a client', code({ python: `client = TextAnalyticsClient(endpoint="https://${ns()}.cognitiveservices.azure.com/", credential=AzureKeyCredential("${hex(32)}"))`, cs: `        private static readonly TextAnalyticsClient Client = new(new Uri("https://${ns()}.cognitiveservices.azure.com/"), new AzureKeyCredential("${hex(32)}"));` })),
    negative('placeholder', 'azure', 'Azure OpenAI key placeholder', assignments([['AZURE_OPENAI_ENDPOINT', 'https://<resource>.openai.azure.com/'], ['AZURE_OPENAI_KEY', '<your-azure-openai-key>']], 1, ['env', 'sh'])),
    positive('azure', 'azure-communication-services-connection-string', 'Communication Services connection string', assignment('COMMUNICATION_SERVICES_CONNECTION_STRING', `endpoint=https://${ns()}.communication.azure.com/;accesskey=${b64(64)}`, ['env', 'json', 'yaml', 'sh'])),
    positive('azure', 'azure-communication-services-connection-string', 'Communication Services client', code({ python: `email = EmailClient.from_connection_string("endpoint=https://${ns()}.unitedstates.communication.azure.com/;accesskey=${b64(64)}")`, cs: `        public const string Acs = "endpoint=https://${ns()}.communication.azure.com/;accesskey=${b64(64)}";` })),
    positive('azure', 'azure-app-configuration-connection-string', 'App Configuration connection string', assignment('APP_CONFIGURATION_CONNECTION_STRING', `Endpoint=https://${ns()}.azconfig.io;Id=${random.chars(ALNUM, 4)}-l${random.int(0, 9)}-s0:${random.chars(ALNUM, 20)};Secret=${b64(32)}`, ['env', 'json', 'yaml'])),
    positive('azure', 'azure-app-configuration-connection-string', 'App Configuration in Program.cs', code({ cs: `        public const string AppConfig = "Endpoint=https://${ns()}.azconfig.io;Id=${random.chars(ALNUM, 4)}-l${random.int(0, 9)}-s0:${random.chars(ALNUM, 20)};Secret=${b64(32)}";`, python: `config = AzureAppConfigurationClient.from_connection_string("Endpoint=https://${ns()}.azconfig.io;Id=${random.chars(ALNUM, 4)}-l0-s0:${random.chars(ALNUM, 20)};Secret=${b64(32)}")` })),
  );

  // --- Microsoft Entra ID client secrets: 3 random, a digit, Q~, 34 random -----------------------------
  const entra = () => `${random.chars(ALNUM + '_~.-', 3)}${random.int(0, 9)}Q~${mixed(34, ALNUM + '_~.-')}`;
  add(
    positive('azure-entra', 'azure-entra-client-secret', 'Entra client secret', assignment('AZURE_CLIENT_SECRET', entra(), ['env', 'yaml', 'sh', 'python', 'tf', 'dockerfile'])),
    positive('azure-entra', 'azure-entra-client-secret', 'Entra client secret in appsettings', code({ json: `    "ClientSecret": "${entra()}",`, cs: `        private const string ClientSecret = "${entra()}";`, python: `app = msal.ConfidentialClientApplication(client_id, authority=authority, client_credential="${entra()}")` })),
    negative('placeholder', 'azure-entra', 'Entra secret placeholder', assignment('AZURE_CLIENT_SECRET', 'xxx8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', ['env', 'yaml'])),
  );

  // --- Better Stack (Logtail) source tokens: 24 alphanumerics ---------------------------------------------
  add(
    positive('betterstack', 'betterstack-token', 'Better Stack source token', assignment('BETTER_STACK_SOURCE_TOKEN', mixed(24), ['env', 'yaml', 'sh', 'python', 'dockerfile'])),
    positive('betterstack', 'betterstack-token', 'Logtail client', code({ js: `const logtail = new Logtail('${mixed(24)}');`, ts: `export const logtail = new Logtail("${mixed(24)}", { endpoint: 'https://in.logs.betterstack.com' });`, python: `handler = LogtailHandler(source_token="${mixed(24)}")` })),
    negative('placeholder', 'betterstack', 'source token placeholder', assignment('LOGTAIL_SOURCE_TOKEN', 'YOUR_SOURCE_TOKEN', ['env', 'yaml'])),
  );

  // --- Bitwarden Secrets Manager: 0.<uuid>.<30>:<base64 16 bytes> ----------------------------------------
  const bws = () => `0.${uuid(random)}.${random.chars(ALNUM, 30)}:${b64(16)}`;
  add(
    positive('bitwarden', 'bitwarden-secrets-manager-access-token', 'BWS access token', assignment('BWS_ACCESS_TOKEN', bws(), ['env', 'yaml', 'sh', 'dockerfile'])),
    positive('bitwarden', 'bitwarden-secrets-manager-access-token', 'BWS access token on the command line', code({ sh: `bws secret list ${uuid(random)} --access-token ${bws()}`, yaml: `          access_token: ${bws()}  # bitwarden/sm-action` })),
    negative('template', 'bitwarden', 'BWS token from the CI secrets', code({ yaml: '          BWS_ACCESS_TOKEN: ${{ secrets.BWS_ACCESS_TOKEN }}', sh: 'bws secret list --access-token "$BWS_ACCESS_TOKEN"' })),
  );

  // --- Box: client secret and developer token (32 alphanumerics) ------------------------------------------
  add(
    alone('config/box_config.json', 'json', positive('box', 'box-client-secret', 'Box app config file', code({ json: { lines: ['{', '  "boxAppSettings": {', `    "clientID": "${random.chars(LOWER + DIGITS, 32)}",`, `    "clientSecret": "${mixed(32)}",`, '    "appAuth": {', `      "publicKeyID": "${random.chars(LOWER + DIGITS, 8)}",`, '      "passphrase": ""', '    }', '  },', `  "enterpriseID": "${random.number(9)}"`, '}'], primary: 3 } }))),
    positive('box', 'box-client-secret', 'Box client secret', assignment('BOX_CLIENT_SECRET', mixed(32), ['env', 'yaml', 'sh', 'python', 'dockerfile'])),
    positive('box', 'box-developer-token', 'Box developer token', assignment('BOX_DEVELOPER_TOKEN', mixed(32), ['env', 'yaml', 'json', 'python', 'js', 'ts', 'sh', 'dockerfile', 'toml', 'ruby', 'php', 'ini'])),
    positive('box', 'box-developer-token', 'Box developer token', assignment('BOX_DEVELOPER_TOKEN', mixed(32), ['env', 'python', 'js'])),
    negative('placeholder', 'box', 'developer token placeholder', assignment('BOX_DEVELOPER_TOKEN', 'PASTE_DEVELOPER_TOKEN_HERE', ['env', 'yaml'])),
  );

  // --- Braintree: production access token and gateway private key ------------------------------------------
  const braintreeToken = (env = 'production') => `access_token$${env}$${random.chars(LOWER + DIGITS, 16)}$${hex(32)}`;
  add(
    positive('braintree', 'braintree-access-token', 'Braintree access token', assignment('BRAINTREE_ACCESS_TOKEN', braintreeToken(), ['env', 'yaml', 'json', 'python', 'js', 'ts', 'java', 'ruby', 'php'])),
    positive('braintree', 'braintree-access-token', 'Braintree access token in a gateway', code({ ruby: `gateway = Braintree::Gateway.new(access_token: '${braintreeToken()}')`, js: `const gateway = new braintree.BraintreeGateway({ accessToken: '${braintreeToken()}' });` })),
    negative('test-mode', 'braintree', 'sandbox access token in a test', code({ ts: `  expect(isProductionToken('${braintreeToken('sandbox')}')).toBe(false);`, js: `  assert.equal(environmentOf('${braintreeToken('sandbox')}'), 'sandbox');` })),
    positive('braintree', 'braintree-private-key', 'Braintree private key', assignment('BRAINTREE_PRIVATE_KEY', hex(32), ['env', 'yaml', 'python', 'sh', 'dockerfile', 'toml', 'php', 'ruby'])),
    positive('braintree', 'braintree-private-key', 'Braintree gateway config', code({ ruby: `gateway = Braintree::Gateway.new(environment: :production, merchant_id: '${random.chars(LOWER + DIGITS, 16)}', public_key: '${random.chars(LOWER + DIGITS, 16)}', private_key: '${hex(32)}')`, python: `gateway = braintree.BraintreeGateway(braintree.Configuration(braintree.Environment.Production, merchant_id="${random.chars(LOWER + DIGITS, 16)}", public_key="${random.chars(LOWER + DIGITS, 16)}", private_key="${hex(32)}"))` })),
  );

  // --- Brevo: xkeysib-/xsmtpsib- + 64 hex + 16 alphanumerics ---------------------------------------------
  const brevo = (prefix) => `${prefix}-${hex(64)}-${mixed(16)}`;
  add(
    positive('brevo', 'brevo-api-key', 'Brevo API key', assignment('BREVO_API_KEY', brevo('xkeysib'), ['env', 'yaml', 'sh', 'python', 'php', 'dockerfile'])),
    positive('brevo', 'brevo-api-key', 'Brevo API key in a client', code({ php: `    'brevo' => ['key' => '${brevo('xkeysib')}'],`, js: `apiInstance.setApiKey(brevo.TransactionalEmailsApiApiKeys.apiKey, '${brevo('xkeysib')}');` })),
    positive('brevo', 'brevo-smtp-key', 'Brevo SMTP key', code({ properties: `spring.mail.password=${brevo('xsmtpsib')}`, env: `MAIL_PASSWORD=${brevo('xsmtpsib')}`, php: `    'password' => '${brevo('xsmtpsib')}',` })),
    positive('brevo', 'brevo-smtp-key', 'Brevo SMTP key', assignment('BREVO_SMTP_KEY', brevo('xsmtpsib'), ['env', 'yaml', 'sh'])),
    negative('truncated', 'brevo', 'Brevo key without its suffix', code({ md: `    BREVO_API_KEY=xkeysib-${hex(24)}…` })),
  );

  // --- Buildkite: API access token and agent session token ------------------------------------------------
  const bkSegment = () => Buffer.from(String(random.number(random.int(4, 6)))).toString('base64url');
  add(
    positive('buildkite', 'buildkite-api-access-token', 'Buildkite API token', assignment('BUILDKITE_API_TOKEN', `bkua_${hex(40)}`, ['env', 'yaml', 'sh', 'python', 'dockerfile'])),
    positive('buildkite', 'buildkite-api-access-token', 'Buildkite API token in a request', code({ sh: `curl -H "Authorization: Bearer bkua_${hex(40)}" https://api.buildkite.com/v2/organizations/acme/pipelines`, python: `    headers = {"Authorization": "Bearer bkua_${hex(40)}"}` })),
    positive('buildkite', 'buildkite-agent-session-token', 'agent session token', assignment('BUILDKITE_AGENT_ACCESS_TOKEN', `bkaa_${bkSegment()}.${random.chars(ALNUM, 77)}`, ['env', 'sh', 'yaml'])),
    positive('buildkite', 'buildkite-agent-session-token', 'agent session token in a debug dump', code({ sh: `buildkite-agent annotate --job "$JOB" --agent-access-token bkaa_${bkSegment()}.${random.chars(ALNUM, 77)} 'done'`, md: `    BUILDKITE_AGENT_ACCESS_TOKEN=bkaa_${bkSegment()}.${random.chars(ALNUM, 77)}` })),
    negative('truncated', 'buildkite', 'API token cut short', assignment('BUILDKITE_TOKEN_HINT', `bkua_${hex(8)}`, ['env', 'yaml'])),
  );

  // --- Calendly personal access tokens: JWT issued by auth.calendly.com ----------------------------------
  const calendly = () => {
    const issued = iat();
    return jwt({ kid: hex(8), typ: 'PAT', alg: 'ES512' }, { iss: 'https://auth.calendly.com', iat: issued, jti: uuid(random), user_uuid: uuid(random) }, 132);
  };
  add(
    positive('calendly', 'calendly-access-token', 'Calendly PAT', assignment('CALENDLY_TOKEN', calendly(), ['env', 'yaml', 'sh', 'dockerfile'])),
    positive('calendly', 'calendly-access-token', 'Calendly PAT in a header', code({ python: `    headers = {"Authorization": "Bearer ${calendly()}"}`, js: `  headers: { Authorization: 'Bearer ${calendly()}' },` })),
  );

  // --- Cerebras: csk- + 48 lower-case alphanumerics ---------------------------------------------------------
  add(
    positive('cerebras', 'cerebras-api-key', 'Cerebras key', assignment('CEREBRAS_API_KEY', `csk-${random.chars(LOWER + DIGITS, 48)}`, ['env', 'yaml', 'sh', 'python', 'dockerfile'])),
    positive('cerebras', 'cerebras-api-key', 'Cerebras key in a client', code({ python: `client = Cerebras(api_key="csk-${random.chars(LOWER + DIGITS, 48)}")`, ts: `const cerebras = new Cerebras({ apiKey: 'csk-${random.chars(LOWER + DIGITS, 48)}' });` })),
    negative('placeholder', 'cerebras', 'Cerebras key placeholder', assignment('CEREBRAS_API_KEY', 'csk-...', ['env', 'python'])),
  );

  // --- Checkly: cu_ + 32 hex ---------------------------------------------------------------------------
  add(
    positive('checkly', 'checkly-api-key', 'Checkly API key', assignments([['CHECKLY_ACCOUNT_ID', uuid(random)], ['CHECKLY_API_KEY', `cu_${hex(32)}`]], 1, ['env', 'sh', 'yaml', 'dockerfile'])),
    positive('checkly', 'checkly-api-key', 'Checkly API key in CI', code({ yaml: `          CHECKLY_API_KEY: cu_${hex(32)}`, sh: `CHECKLY_API_KEY=cu_${hex(32)} npx checkly deploy --force` })),
    negative('placeholder', 'checkly', 'Checkly key placeholder', assignment('CHECKLY_API_KEY', 'cu_<your-api-key>', ['env', 'yaml'])),
  );

  // --- Checkout.com live secret key: sk_ + 27 base32 or sk_ + UUID --------------------------------------
  add(
    positive('checkout-com', 'checkout-com-secret-key', 'Checkout.com secret key', assignment('CHECKOUT_SECRET_KEY', `sk_${random.chars('abcdefghijklmnopqrstuvwxyz234567', 27)}`, ['env', 'yaml', 'sh', 'dockerfile'])),
    positive('checkout-com', 'checkout-com-secret-key', 'Checkout.com SDK', code({ js: { lines: ["const { Checkout } = require('checkout-sdk-node');", `const cko = new Checkout('sk_${random.chars('abcdefghijklmnopqrstuvwxyz234567', 27)}');`], primary: 1 }, python: { lines: ['import checkout_sdk', `api = checkout_sdk.CheckoutSdk.builder().secret_key("sk_${uuid(random)}").environment(Environment.production()).build()`], primary: 1 } })),
    negative('test-mode', 'checkout-com', 'sandbox secret key in a test', code({ ts: `  expect(isLiveKey('sk_sbox_${random.chars('abcdefghijklmnopqrstuvwxyz234567', 27)}')).toBe(false); // checkout.com sandbox`, python: `    assert not is_live_key("sk_sbox_${random.chars('abcdefghijklmnopqrstuvwxyz234567', 27)}")  # checkout.com sandbox` })),
  );

  // --- CircleCI: CCIPAT_/CCIPRJ_ + base58 of a version-4 UUID + _ + 40 hex -----------------------------------
  const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  const base58 = (bytes) => {
    let n = BigInt(`0x${bytes.toString('hex')}`);
    let out = '';
    for (; n > 0n; n /= 58n) out = BASE58[Number(n % 58n)] + out;
    return out;
  };
  const circleId = (v4 = true) => {
    const bytes = random.bytes(16);
    if (v4) {
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
    } else {
      bytes[6] = (bytes[6] & 0x0f) | 0x10;
    }
    const id = base58(bytes);
    return id.length >= 20 && id.length <= 22 ? id : circleId(v4);
  };
  add(
    positive('circleci', 'circleci-personal-api-token', 'CircleCI personal token', assignment('CIRCLECI_TOKEN', `CCIPAT_${circleId()}_${hex(40)}`, ['env', 'sh', 'yaml', 'dockerfile'])),
    positive('circleci', 'circleci-personal-api-token', 'CircleCI personal token in a request', code({ sh: `curl -H "Circle-Token: CCIPAT_${circleId()}_${hex(40)}" https://circleci.com/api/v2/me`, python: `    headers = {"Circle-Token": "CCIPAT_${circleId()}_${hex(40)}"}` })),
    positive('circleci', 'circleci-project-api-token', 'CircleCI project token', assignment('CIRCLE_PROJECT_TOKEN', `CCIPRJ_${circleId()}_${hex(40)}`, ['env', 'sh', 'yaml'])),
    positive('circleci', 'circleci-project-api-token', 'CircleCI project token in a trigger', code({ sh: `curl -X POST -u CCIPRJ_${circleId()}_${hex(40)}: https://circleci.com/api/v2/project/gh/acme/api/pipeline`, md: `    export CIRCLE_TOKEN=CCIPRJ_${circleId()}_${hex(40)}` })),
    negative('checksum-invalid', 'circleci', 'CCIPAT_ whose id is not a version-4 UUID', code({ md: `    CIRCLECI_TOKEN=CCIPAT_${circleId(false)}_${hex(40)}` })),
  );

  // --- Clerk: sk_live_ + random, near "clerk" -----------------------------------------------------------
  add(
    positive('clerk', 'clerk-secret-key', 'Clerk secret key', assignment('CLERK_SECRET_KEY', `sk_live_${mixed(random.int(40, 46))}`, ['env', 'yaml', 'sh', 'dockerfile', 'toml'])),
    positive('clerk', 'clerk-secret-key', 'Clerk secret key in a client', code({ ts: `const clerk = createClerkClient({ secretKey: 'sk_live_${mixed(43)}' });`, js: `const clerkClient = createClerkClient({ secretKey: 'sk_live_${mixed(43)}' });` })),
    negative('public-key', 'clerk', 'Clerk publishable key', assignment('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', `pk_live_${Buffer.from('clerk.acme-shop.com$').toString('base64').replace(/=+$/, '')}`, ['env', 'yaml'])),
  );

  // --- ClickUp: pk_<user id>_<32 upper alphanumerics> ---------------------------------------------------------
  add(
    positive('clickup', 'clickup-personal-token', 'ClickUp token', assignment('CLICKUP_API_TOKEN', `pk_${random.number(8)}_${random.chars(UPPER + DIGITS, 32)}`, ['env', 'yaml', 'sh', 'python', 'dockerfile'])),
    positive('clickup', 'clickup-personal-token', 'ClickUp token in a header', code({ python: `    headers = {"Authorization": "pk_${random.number(8)}_${random.chars(UPPER + DIGITS, 32)}", "Content-Type": "application/json"}`, js: `  headers: { Authorization: 'pk_${random.number(8)}_${random.chars(UPPER + DIGITS, 32)}' },` })),
    negative('placeholder', 'clickup', 'ClickUp token placeholder', assignment('CLICKUP_API_TOKEN', 'pk_XXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', ['env', 'yaml'])),
  );

  // --- Clojars: CLOJARS_ + 60 hex --------------------------------------------------------------------------
  add(
    positive('clojars', 'clojars-deploy-token', 'Clojars deploy token', assignment('CLOJARS_PASSWORD', `CLOJARS_${hex(60)}`, ['env', 'yaml', 'sh', 'dockerfile'])),
    positive('clojars', 'clojars-deploy-token', 'Clojars token in Leiningen docs', code({ md: `    {:repositories [["clojars" {:url "https://repo.clojars.org" :username "acme" :password "CLOJARS_${hex(60)}"}]]}`, yaml: `          CLOJARS_PASSWORD: CLOJARS_${hex(60)}` })),
    negative('truncated', 'clojars', 'Clojars token cut', code({ md: `Deploy tokens look like \`CLOJARS_${hex(10)}…\`.` })),
  );

  // --- Cloudflare: scannable tokens (CRC32 of the body), Origin CA key, legacy keys and tokens -----------------
  const cfScannable = (prefix) => {
    const body = random.chars(ALNUM, 40);
    return `${prefix}${body}${crc32(body).toString(16).padStart(8, '0')}`;
  };
  add(
    positive('cloudflare', 'cloudflare-api-token', 'Cloudflare user API token', assignment('CLOUDFLARE_API_TOKEN', cfScannable('cfut_'), ['env', 'yaml', 'sh', 'dockerfile'])),
    positive('cloudflare', 'cloudflare-api-token', 'Cloudflare account API token in Terraform', code({ tf: `  api_token = "${cfScannable('cfat_')}"`, toml: `api_token = "${cfScannable('cfat_')}"` })),
    negative('checksum-invalid', 'cloudflare', 'cfut_ token with a wrong checksum', code({ md: `    CLOUDFLARE_API_TOKEN=cfut_${random.chars(ALNUM, 40)}${hex(8)}` })),
    positive('cloudflare', 'cloudflare-global-api-key', 'Cloudflare Global API key', assignment('CLOUDFLARE_API_KEY', cfScannable('cfk_'), ['env', 'yaml', 'sh'])),
    positive('cloudflare', 'cloudflare-global-api-key', 'Cloudflare Global API key in a request', code({ sh: `curl -H "X-Auth-Email: ops@acme.dev" -H "X-Auth-Key: ${cfScannable('cfk_')}" https://api.cloudflare.com/client/v4/zones`, python: `    headers = {"X-Auth-Email": "ops@acme.dev", "X-Auth-Key": "${cfScannable('cfk_')}"}` })),
    positive('cloudflare', 'cloudflare-origin-ca-key', 'Origin CA key', assignment('CLOUDFLARE_API_USER_SERVICE_KEY', `v1.0-${hex(24)}-${hex(146)}`, ['env', 'sh', 'yaml'])),
    positive('cloudflare', 'cloudflare-origin-ca-key', 'Origin CA key in Terraform', code({ tf: `  api_user_service_key = "v1.0-${hex(24)}-${hex(146)}"`, go: `\toriginCAKey = "v1.0-${hex(24)}-${hex(146)}"` })),
    positive('cloudflare', 'cloudflare-global-api-key-legacy', 'legacy Global API key', assignment('CLOUDFLARE_API_KEY', hex(37), ['env', 'yaml', 'sh', 'python', 'dockerfile'])),
    positive('cloudflare', 'cloudflare-global-api-key-legacy', 'legacy Global API key in a header', code({ sh: `curl -H "X-Auth-Email: ops@acme.dev" -H "X-Auth-Key: ${hex(37)}" https://api.cloudflare.com/client/v4/user`, python: `    headers = {"X-Auth-Email": "ops@acme.dev", "X-Auth-Key": "${hex(37)}"}` })),
    positive('cloudflare', 'cloudflare-api-token-legacy', 'legacy API token', assignment('CLOUDFLARE_API_TOKEN', mixed(40, ALNUM + '_-'), ['env', 'yaml', 'sh', 'python', 'dockerfile', 'properties'])),
    positive('cloudflare', 'cloudflare-api-token-legacy', 'legacy API token', assignment('CF_API_TOKEN', mixed(40, ALNUM + '_-'), ['env', 'yaml', 'sh'])),
    negative('placeholder', 'cloudflare', 'legacy token placeholder', assignment('CLOUDFLARE_API_TOKEN', 'your-cloudflare-api-token', ['env', 'yaml'])),
  );

  // --- Cloudinary: cloudinary://<api key>:<api secret>@<cloud> -----------------------------------------------
  add(
    positive('cloudinary', 'cloudinary-url', 'Cloudinary URL', assignment('CLOUDINARY_URL', `cloudinary://${random.number(15)}:${mixed(27, ALNUM + '_-')}@acme-${random.chars(LOWER, 6)}`, ['env', 'yaml', 'sh', 'dockerfile'])),
    positive('cloudinary', 'cloudinary-url', 'Cloudinary URL in code', code({ python: `cloudinary.config(cloudinary_url="cloudinary://${random.number(15)}:${mixed(27, ALNUM + '_-')}@acme-media")`, js: `process.env.CLOUDINARY_URL ??= 'cloudinary://${random.number(15)}:${mixed(27, ALNUM + '_-')}@acme-media';` })),
    negative('docs-example', 'cloudinary', 'Cloudinary URL template', code({ md: '    CLOUDINARY_URL=cloudinary://<your_api_key>:<your_api_secret>@<your_cloud_name>' })),
  );

  // --- CockroachDB Cloud: CCDB1_ + 22 + _ + 40 ---------------------------------------------------------------
  add(
    positive('cockroach', 'cockroachdb-cloud-api-key', 'CockroachDB Cloud key', assignment('COCKROACH_API_KEY', `CCDB1_${mixed(22)}_${mixed(40)}`, ['env', 'yaml', 'sh', 'dockerfile', 'tf'])),
    positive('cockroach', 'cockroachdb-cloud-api-key', 'CockroachDB Cloud key in a request', code({ sh: `curl -H "Authorization: Bearer CCDB1_${mixed(22)}_${mixed(40)}" https://cockroachlabs.cloud/api/v1/clusters`, python: `    headers = {"Authorization": "Bearer CCDB1_${mixed(22)}_${mixed(40)}"}` })),
    negative('truncated', 'cockroach', 'key id only', code({ md: `The key \`CCDB1_${mixed(22)}\` is owned by the platform service account.` })),
  );

  // --- Codecov upload token: a UUID near "codecov" --------------------------------------------------------
  add(
    positive('codecov', 'codecov-upload-token', 'Codecov token', assignment('CODECOV_TOKEN', uuid(random), ['env', 'sh', 'dockerfile', 'yaml'])),
    positive('codecov', 'codecov-upload-token', 'Codecov token in a workflow', code({ yaml: { lines: ['      - uses: codecov/codecov-action@v5', '        with:', `          token: ${uuid(random)}`], primary: 2 }, sh: `./codecov --token ${uuid(random)} --file coverage/lcov.info` })),
    negative('template', 'codecov', 'Codecov token from secrets', code({ yaml: { lines: ['      - uses: codecov/codecov-action@v5', '        with:', '          token: ${{ secrets.CODECOV_TOKEN }}'], primary: 2 } })),
  );

  // --- More hard negatives: prefixed look-alikes cut short in prose and logs, and masked placeholders ------
  const cut = (value) => value.slice(0, Math.min(40, Math.max(8, Math.floor(value.length / 3))));
  const lookAlikes = [
    ['ably', ablyKey()], ['adyen', adyenKey()], ['age', ageIdentity()], ['airtable', airtablePat()], ['asana', asanaPat()],
    ['atlassian', atlassian('ATATT3xFfGF0')], ['bitbucket', atlassian('ATCTT3xFfGN0')], ['aws', sessionToken()], ['aws', bedrockLong()],
    ['axiom', `xapt-${uuid(random)}`], ['azure', storageKey()], ['azure', cask('ACOG')], ['azure-devops', cask('AZDO')], ['azure-entra', entra()],
    ['bitwarden', bws()], ['braintree', braintreeToken()], ['brevo', brevo('xsmtpsib')], ['buildkite', `bkaa_${bkSegment()}.${random.chars(ALNUM, 77)}`],
    ['calendly', calendly()], ['cerebras', `csk-${random.chars(LOWER + DIGITS, 48)}`], ['checkly', `cu_${hex(32)}`], ['circleci', `CCIPRJ_${circleId()}_${hex(40)}`],
    ['clickup', `pk_${random.number(8)}_${random.chars(UPPER + DIGITS, 32)}`], ['clojars', `CLOJARS_${hex(60)}`], ['cloudflare', cfScannable('cfk_')],
    ['cloudflare', `v1.0-${hex(24)}-${hex(146)}`], ['cockroach', `CCDB1_${mixed(22)}_${mixed(40)}`], ['alibaba', aliId()],
  ];
  for (const [provider, value] of lookAlikes) {
    const shown = cut(value);
    add(negative('truncated', provider, `${provider} credential shown cut in prose`, code({
      md: `The old credential (\`${shown}…\`) was revoked on rotation day.`,
      python: `    logger.info("rotated credential %s…", "${shown}")`,
      go: `\tlog.Printf("revoked %s…", "${shown}")`,
    })));
  }

  // Values read from the environment or a secret store, under the names the positives use.
  const fromSecrets = [
    ['ably', 'ABLY_API_KEY'], ['adyen', 'ADYEN_API_KEY'], ['age', 'SOPS_AGE_KEY'], ['airtable', 'AIRTABLE_API_KEY'], ['algolia', 'ALGOLIA_ADMIN_KEY'],
    ['alibaba', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'], ['asana', 'ASANA_ACCESS_TOKEN'], ['atlassian', 'JIRA_API_TOKEN'], ['auth0', 'AUTH0_CLIENT_SECRET'],
    ['aws', 'AWS_SESSION_TOKEN'], ['aws', 'AWS_BEARER_TOKEN_BEDROCK'], ['axiom', 'AXIOM_TOKEN'], ['azure', 'AZURE_STORAGE_CONNECTION_STRING'],
    ['azure-devops', 'AZURE_DEVOPS_EXT_PAT'], ['azure-entra', 'AZURE_CLIENT_SECRET'], ['box', 'BOX_CLIENT_SECRET'], ['brevo', 'BREVO_API_KEY'],
    ['buildkite', 'BUILDKITE_API_TOKEN'], ['circleci', 'CIRCLECI_TOKEN'], ['clerk', 'CLERK_SECRET_KEY'], ['cloudflare', 'CLOUDFLARE_API_TOKEN'],
    ['cloudinary', 'CLOUDINARY_URL'], ['clojars', 'CLOJARS_PASSWORD'], ['cockroach', 'COCKROACH_API_KEY'],
  ];
  for (const [provider, name] of fromSecrets) {
    add(negative('template', provider, `${name} from the environment or the CI secrets`, code({
      yaml: `          ${name}: \${{ secrets.${name} }}`,
      python: `${name} = os.environ["${name}"]`,
      js: `const ${name.toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase())} = process.env.${name};`,
      sh: `: "\${${name}:?set ${name} first}"`,
    })));
  }

  // Checksum or structure near misses of the checksummed formats.
  const flip = (value, at) => {
    const c = value[at];
    const replacement = c === 'a' ? 'b' : c === 'A' ? 'B' : c === '0' ? '1' : /[a-z]/.test(c) ? 'a' : /[A-Z]/.test(c) ? 'A' : '0';
    return value.slice(0, at) + replacement + value.slice(at + 1);
  };
  add(
    negative('checksum-invalid', 'cloudflare', 'cfat_ token with a character changed', code({ md: `    api_token = "${flip(cfScannable('cfat_'), 12)}"` })),
    negative('checksum-invalid', 'cloudflare', 'cfk_ key with a character changed', code({ md: `    X-Auth-Key: ${flip(cfScannable('cfk_'), 9)}` })),
    negative('checksum-invalid', 'bitbucket', 'ATCTT3 token with a character changed', code({ md: `    BITBUCKET_ACCESS_TOKEN=${flip(atlassian('ATCTT3xFfGN0'), 40)}` })),
    negative('checksum-invalid', 'age', 'age identity with a character changed', code({ md: `    ${flip(ageIdentity(), 40)}` })),
    negative('checksum-invalid', 'azure-devops', 'legacy PAT with a character changed', code({ md: `    AZURE_DEVOPS_PAT=${flip(legacyPat(), 5)}` })),
    negative('checksum-invalid', 'azure', 'Redis key with a character changed', code({ md: `    rediss://:${flip(redisKey(), 3)}@acme-cache.redis.cache.windows.net:6380` })),
    negative('checksum-invalid', 'azure', 'Functions key with a character changed', code({ md: `    https://acme-fn.azurewebsites.net/api/Resize?code=${flip(functionsKey(), 2)}` })),
    negative('checksum-invalid', 'azure', 'Search key with a character changed', code({ md: `    AZURE_SEARCH_KEY=${flip(searchKey(), 4)}` })),
    negative('checksum-invalid', 'azure', 'IoT key with a character changed', code({ md: `    HostName=acme.azure-devices.net;DeviceId=probe;SharedAccessKey=${flip(iotKey(), 6)}` })),
    negative('checksum-invalid', 'azure', 'Event Grid CASK key with a character changed', code({ md: `    EVENTGRID_TOPIC_KEY=${flip(cask('AZEG'), 10)}` })),
    negative('checksum-invalid', 'azure', 'Web PubSub key of a month that does not exist', code({ md: `    AccessKey=${random.chars(ALNUM, 52)}JQQJ99BMAC${random.chars(ALNUM, 10)}AAAAAWPS${random.chars(ALNUM, 4)}` })),
    negative('checksum-invalid', 'circleci', 'CCIPRJ_ whose id is not a version-4 UUID', code({ md: `    CIRCLE_TOKEN=CCIPRJ_${circleId(false)}_${hex(40)}` })),
    negative('checksum-invalid', 'aws', 'Bedrock key that decodes to no credential', code({ md: `    AWS_BEARER_TOKEN_BEDROCK=ABSK${Buffer.from(`BedrockAPIKey-demo-at-${random.number(6)}`).toString('base64')}${random.chars(ALNUM, 40)}` })),
    negative('checksum-invalid', 'auth0', 'JWT for an application API, not the Management API', code({ md: `    Authorization: Bearer ${jwt({ alg: 'RS256', typ: 'JWT' }, { iss: 'https://acme-prod.auth0.com/', aud: 'https://api.acme.dev/', iat: iat(), scope: 'read:orders' }, 256)} (auth0 tenant acme-prod)` })),
  );
  return found;
}
