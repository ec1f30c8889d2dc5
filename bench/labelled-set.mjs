// Generates fixtures/labelled/: a labelled set of source and config files for measuring detection
// quality (bench/quality.mjs, test/detect/quality.test.ts). About half the labelled lines hold a
// real-format credential of some provider, the other half a hard negative: a placeholder, a docs
// example, a checksum-invalid or truncated look-alike, a test-mode key, a hash, a public key, an
// identifier or a templated value. Every value is built here from the providers' published formats
// (never from leakstop's rule samples, which would make the measure circular) with a seeded PRNG,
// so the output is the same on every run and is committed.
//
//   node bench/labelled-set.mjs           rewrite fixtures/labelled/
//   node bench/labelled-set.mjs --check   exit 1 if the committed set differs from what this makes
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { crc32 } from 'node:zlib';
import { items as group1Items } from './labelled/group-1.mjs';
import { items as group2Items } from './labelled/group-2.mjs';
import { items as group3Items } from './labelled/group-3.mjs';
import { items as group4Items } from './labelled/group-4.mjs';
import { items as nearMissItems } from './labelled/near-misses.mjs';

const SEED = 0x5ec2e7;
const here = dirname(fileURLToPath(import.meta.url));
export const LABELLED_DIR = resolve(here, '..', 'fixtures', 'labelled');
export const FILES_DIR = join(LABELLED_DIR, 'files');
export const LABELS_FILE = join(LABELLED_DIR, 'labels.json');

// ------------------------------------------------------------------------------------------------
// Seeded randomness

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = DIGITS + UPPER + LOWER;
const HEX = '0123456789abcdef';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64URL = ALNUM + '-_';
/** Digits, upper, lower: the order GitHub's and npm's base62 checksum encoding uses. */
const BASE62 = DIGITS + UPPER + LOWER;

/** mulberry32: small, fast and good enough to make test data reproducible. */
function createRandom(seed) {
  let state = seed >>> 0;
  function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    pick: (list) => list[int(0, list.length - 1)],
    chars(alphabet, length) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[int(0, alphabet.length - 1)];
      return out;
    },
    /** Decimal digits without a leading zero. */
    number(length) {
      let out = String(int(1, 9));
      for (let i = 1; i < length; i++) out += String(int(0, 9));
      return out;
    },
    bytes(length) {
      const out = Buffer.alloc(length);
      for (let i = 0; i < length; i++) out[i] = int(0, 255);
      return out;
    },
    shuffle(list) {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Encodings and checksums, written from the providers' own descriptions

function toBase62(value, width) {
  let out = '';
  for (let n = value; n > 0; n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out.padStart(width, '0');
}

/** https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/: 30 random + base62 CRC32. */
function githubStyleToken(random, prefix) {
  const body = random.chars(ALNUM, 30);
  return prefix + body + toBase62(crc32(body), 6);
}

/** A GitHub-style token whose checksum is encoded with lower case before upper case: a near miss. */
function wrongAlphabetToken(random, prefix) {
  const swapCase = (text) => text.replace(/[A-Za-z]/g, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));
  const token = githubStyleToken(random, prefix);
  const checksum = token.slice(-6);
  // Swapping case gives the same digits in the other alphabet; tokens whose checksum has no letter stay valid, so skip them.
  return /[A-Za-z]/.test(checksum) ? token.slice(0, -6) + swapCase(checksum) : wrongAlphabetToken(random, prefix);
}

/** Changes one character of the random part so the CRC32 no longer matches. */
function breakChecksum(random, token, at) {
  const chars = [...token];
  const original = chars[at];
  let replacement = original;
  while (replacement === original) replacement = random.pick([...ALNUM]);
  chars[at] = replacement;
  return chars.join('');
}

/**
 * GitLab routable tokens (gitlab-org/gitlab lib/authn/token_field/generator/routable_token.rb):
 * base64url(16 random bytes + "k:v\n…" routing + payload length byte), '.01.', base64 length in
 * 2 base36 characters, then base36(crc32 of everything before) padded to 7.
 */
function gitlabRoutableToken(random, prefix, routing) {
  const payload = Buffer.from(routing);
  const encoded = Buffer.concat([random.bytes(16), payload, Buffer.from([payload.length])]).toString('base64url');
  const checksummed = `${prefix}${encoded}.01.${encoded.length.toString(36).padStart(2, '0')}`;
  return checksummed + crc32(checksummed).toString(36).padStart(7, '0');
}

/** Grafana service account tokens: glsa_ + 32 alphanumerics + _ + CRC32 (little-endian hex) of what precedes. */
function grafanaServiceAccountToken(random) {
  const head = `glsa_${random.chars(ALNUM, 32)}`;
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32LE(crc32(head));
  return `${head}_${checksum.toString('hex')}`;
}

function base64url(text) {
  return Buffer.from(text).toString('base64url');
}

/** A libmacaroons v2 field: tag, varint length, bytes. */
function macaroonField(tag, value) {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value);
  const length = [];
  let n = bytes.length;
  while (n >= 0x80) {
    length.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  length.push(n);
  return Buffer.concat([Buffer.from([tag, ...length]), bytes]);
}

/**
 * A PyPI API token: 'pypi-' + base64url of a v2 binary macaroon (version 2; header with location
 * and a UUID identifier; one section per caveat; an empty section; the 32-byte signature).
 */
function pypiToken(random, location, caveats) {
  const EOS = Buffer.from([0]);
  const parts = [Buffer.from([2]), macaroonField(1, location), macaroonField(2, uuid(random)), EOS];
  for (const caveat of caveats) parts.push(macaroonField(2, caveat), EOS);
  parts.push(EOS, macaroonField(6, random.bytes(32)));
  return `pypi-${Buffer.concat(parts).toString('base64url')}`;
}

function uuid(random) {
  const h = (n) => random.chars(HEX, n);
  return `${h(8)}-${h(4)}-4${h(3)}-${random.pick(['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
}

// --- DER, for private and public keys ---------------------------------------------------------------

function derLength(length) {
  if (length < 0x80) return Buffer.from([length]);
  const bytes = [];
  for (let n = length; n > 0; n >>>= 8) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag, ...contents) {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const sequence = (...items) => der(0x30, ...items);
const octetString = (bytes) => der(0x04, bytes);
const bitString = (bytes) => der(0x03, Buffer.from([0]), bytes);
const NULL = Buffer.from([0x05, 0x00]);

function integer(bytes) {
  const trimmed = bytes[0] === 0 && bytes.length > 1 ? bytes.subarray(1) : bytes;
  return der(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

const smallInteger = (n) => integer(Buffer.from([n]));
const OID = {
  rsaEncryption: Buffer.from('06092a864886f70d010101', 'hex'),
  ecPublicKey: Buffer.from('06072a8648ce3d0201', 'hex'),
  prime256v1: Buffer.from('06082a8648ce3d030107', 'hex'),
  pbes2: Buffer.from('06092a864886f70d01050d', 'hex'),
  pbkdf2: Buffer.from('06092a864886f70d01050c', 'hex'),
  hmacWithSha256: Buffer.from('06082a864886f70d0209', 'hex'),
  aes256Cbc: Buffer.from('060960864801650304012a', 'hex'),
};

/** A random odd-sized integer of `bytes` bytes with its top bit set, like an RSA modulus. */
function bigInteger(random, bytes) {
  const value = random.bytes(bytes);
  value[0] |= 0x80;
  return integer(value);
}

/** PKCS#1 RSAPrivateKey with random numbers in every field: the structure of a real key, offline. */
function rsaPrivateKey(random, modulusBytes) {
  const half = modulusBytes / 2;
  return sequence(
    smallInteger(0),
    bigInteger(random, modulusBytes),
    integer(Buffer.from([0x01, 0x00, 0x01])),
    bigInteger(random, modulusBytes),
    bigInteger(random, half),
    bigInteger(random, half),
    bigInteger(random, half),
    bigInteger(random, half),
    bigInteger(random, half),
  );
}

function pkcs8Rsa(random, modulusBytes) {
  return sequence(smallInteger(0), sequence(OID.rsaEncryption, NULL), octetString(rsaPrivateKey(random, modulusBytes)));
}

function ecPoint(random) {
  return Buffer.concat([Buffer.from([4]), random.bytes(64)]);
}

function sec1EcKey(random) {
  return sequence(smallInteger(1), octetString(random.bytes(32)), der(0xa0, OID.prime256v1), der(0xa1, bitString(ecPoint(random))));
}

function encryptedPkcs8(random) {
  const kdf = sequence(OID.pbkdf2, sequence(octetString(random.bytes(8)), integer(Buffer.from([0x08, 0x00])), sequence(OID.hmacWithSha256, NULL)));
  const cipher = sequence(OID.aes256Cbc, octetString(random.bytes(16)));
  return sequence(sequence(OID.pbes2, sequence(kdf, cipher)), octetString(random.bytes(1232)));
}

function rsaPublicKey(random) {
  const rsa = sequence(bigInteger(random, 256), integer(Buffer.from([0x01, 0x00, 0x01])));
  return sequence(sequence(OID.rsaEncryption, NULL), bitString(rsa));
}

function sshString(value) {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** An unencrypted openssh-key-v1 Ed25519 key (PROTOCOL.key in OpenSSH). */
function openSshEd25519(random, comment) {
  const publicKey = random.bytes(32);
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(publicKey)]);
  const check = random.bytes(4);
  let privateSection = Buffer.concat([check, check, sshString('ssh-ed25519'), sshString(publicKey), sshString(Buffer.concat([random.bytes(32), publicKey])), sshString(comment)]);
  const padding = [];
  for (let i = 1; (privateSection.length + padding.length) % 8 !== 0; i++) padding.push(i);
  privateSection = Buffer.concat([privateSection, Buffer.from(padding)]);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(1);
  return Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), sshString('none'), sshString('none'), sshString(''), count, sshString(publicBlob), sshString(privateSection)]);
}

function sshRsaPublicLine(random, comment) {
  const blob = Buffer.concat([sshString('ssh-rsa'), sshString(Buffer.from([1, 0, 1])), sshString(Buffer.concat([Buffer.from([0]), random.bytes(256)]))]);
  return `ssh-rsa ${blob.toString('base64')} ${comment}`;
}

/** OpenPGP CRC-24 (RFC 4880 §6.1), for the armor checksum line. */
function crc24(bytes) {
  let crc = 0xb704ce;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

/** A v4 Ed25519 key packet (tag 5 secret, 6 public) and a user id packet, new-format headers. */
function pgpKeyPackets(random, secret, userId) {
  const created = Buffer.alloc(4);
  created.writeUInt32BE(1_700_000_000 + random.int(0, 50_000_000));
  const ed25519Oid = Buffer.from('092b06010401da470f01', 'hex');
  const publicPoint = Buffer.concat([Buffer.from([0x01, 0x07, 0x40]), random.bytes(32)]);
  const publicPart = Buffer.concat([Buffer.from([4]), created, Buffer.from([22]), ed25519Oid, publicPoint]);
  const body = secret ? Buffer.concat([publicPart, Buffer.from([0, 0x01, 0x00]), random.bytes(32), random.bytes(2)]) : publicPart;
  const packet = (tag, content) => Buffer.concat([Buffer.from([0xc0 | tag, content.length]), content]);
  return Buffer.concat([packet(secret ? 5 : 6, body), packet(13, Buffer.from(userId))]);
}

function wrap(text, width) {
  const lines = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}

/** PEM armor: BEGIN line, base64 body wrapped at 64 (70 for OpenSSH), END line. */
function pem(label, bytes, width = 64) {
  return [`-----BEGIN ${label}-----`, ...wrap(bytes.toString('base64'), width), `-----END ${label}-----`];
}

function pgpArmor(kind, bytes) {
  const sum = Buffer.alloc(3);
  sum.writeUIntBE(crc24(bytes), 0, 3);
  return [`-----BEGIN PGP ${kind} KEY BLOCK-----`, '', ...wrap(bytes.toString('base64'), 64), `=${sum.toString('base64')}`, `-----END PGP ${kind} KEY BLOCK-----`];
}

// ------------------------------------------------------------------------------------------------
// How a value is written in each kind of file

/** SCREAMING_SNAKE → the naming style of each language. */
const nameStyles = {
  snake: (name) => name.toLowerCase(),
  camel: (name) => name.toLowerCase().replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()),
  pascal: (name) => nameStyles.camel(name).replace(/^./, (c) => c.toUpperCase()),
  dotted: (name) => name.toLowerCase().replace(/_/g, '.'),
  kebab: (name) => name.toLowerCase().replace(/_/g, '-'),
};

/** One line assigning `value` to `name` as the language would. */
const ASSIGNMENTS = {
  env: (n, v) => `${n}=${v}`,
  yaml: (n, v) => `  ${nameStyles.snake(n)}: "${v}"`,
  json: (n, v) => `  "${nameStyles.camel(n)}": "${v}",`,
  python: (n, v) => `${n} = "${v}"`,
  js: (n, v) => `const ${nameStyles.camel(n)} = '${v}';`,
  ts: (n, v) => `export const ${nameStyles.camel(n)}: string = "${v}";`,
  go: (n, v) => `\t${nameStyles.camel(n)} = "${v}"`,
  java: (n, v) => `    private static final String ${n} = "${v}";`,
  sh: (n, v) => `export ${n}="${v}"`,
  dockerfile: (n, v) => `ENV ${n}=${v}`,
  tf: (n, v) => `  ${nameStyles.snake(n)} = "${v}"`,
  properties: (n, v) => `${nameStyles.dotted(n)}=${v}`,
  toml: (n, v) => `${nameStyles.snake(n)} = "${v}"`,
  ruby: (n, v) => `${n} = '${v}'`,
  php: (n, v) => `    '${nameStyles.snake(n)}' => '${v}',`,
  cs: (n, v) => `        public const string ${nameStyles.pascal(n)} = "${v}";`,
  xml: (n, v) => `    <add key="${nameStyles.pascal(n)}" value="${v}" />`,
  ini: (n, v) => `${nameStyles.snake(n)} = ${v}`,
  md: (n, v) => `    export ${n}=${v}`,
};
const ASSIGNMENT_LANGS = Object.keys(ASSIGNMENTS);

/** A multi-line block (a PEM key) embedded the way each language embeds one. */
const BLOCKS = {
  pem: (n, lines) => ({ lines, primary: 0 }),
  yaml: (n, lines) => ({ lines: [`  ${nameStyles.snake(n)}: |`, ...lines.map((l) => (l === '' ? '' : `    ${l}`))], primary: 1 }),
  python: (n, lines) => ({ lines: [`${n} = """${lines[0]}`, ...lines.slice(1), '"""'], primary: 0 }),
  js: (n, lines) => ({ lines: [`const ${nameStyles.camel(n)} = \`${lines[0]}`, ...lines.slice(1, -1), `${lines.at(-1)}\`;`], primary: 0 }),
  go: (n, lines) => ({ lines: [`\t${nameStyles.camel(n)} = \`${lines[0]}`, ...lines.slice(1, -1), `${lines.at(-1)}\``], primary: 0 }),
  sh: (n, lines) => ({ lines: [`cat > /etc/ssl/private/${nameStyles.kebab(n)}.pem <<'EOF'`, ...lines, 'EOF'], primary: 1 }),
  tf: (n, lines) => ({ lines: [`  ${nameStyles.snake(n)} = <<-EOT`, ...lines.map((l) => `    ${l}`), '  EOT'], primary: 1 }),
  json: (n, lines) => ({ lines: [`  "${nameStyles.camel(n)}": "${lines.join('\\n')}\\n",`], primary: 0 }),
};

/** Renders an item for a language: its lines and which of them holds the value. */
function assignment(name, value, langs = ASSIGNMENT_LANGS) {
  return { langs, render: (lang) => ({ lines: [ASSIGNMENTS[lang](name, value)], primary: 0 }) };
}

/** Several assignments on consecutive lines (an access key id and its secret), the value of interest on `primary`. */
function assignments(pairs, primary, langs = ['env', 'sh', 'yaml', 'python', 'ini', 'toml', 'dockerfile']) {
  return { langs, render: (lang) => ({ lines: pairs.map(([name, value]) => ASSIGNMENTS[lang](name, value)), primary }) };
}

function block(name, lines, langs = Object.keys(BLOCKS)) {
  return { langs, render: (lang) => BLOCKS[lang](name, lines) };
}

/**
 * Language-specific code: { python: 'line', js: ['line', 'line'] }, the value on the first line, or
 * { go: { lines: [...], primary: 1 } } when it is on another.
 */
function code(byLang) {
  return {
    langs: Object.keys(byLang),
    render: (lang) => {
      const text = byLang[lang];
      if (typeof text === 'string') return { lines: [text], primary: 0 };
      if (Array.isArray(text)) return { lines: text, primary: 0 };
      return text;
    },
  };
}

/** An item that is a whole file of its own (a key file, a service account file). */
function alone(path, lang, item) {
  return { ...item, standalone: { path, lang } };
}

// ------------------------------------------------------------------------------------------------
// The items

function positive(provider, rule, what, form, extra = {}) {
  return { credential: true, provider, rule, what, ...form, ...extra };
}

function negative(category, imitates, what, form, extra = {}) {
  return { credential: false, category, imitates, what, ...form, ...extra };
}

function githubItems(random) {
  const items = [];
  const tok = (prefix) => githubStyleToken(random, prefix);
  items.push(
    positive('github', 'github-pat-classic', 'ghp_ in .env', assignment('GITHUB_TOKEN', tok('ghp_'))),
    positive('github', 'github-pat-classic', 'ghp_ in a git remote URL', code({
      sh: `git remote add upstream https://oauth2:${tok('ghp_')}@github.com/acme/platform.git`,
      md: `    git clone https://${tok('ghp_')}@github.com/acme/handbook.git`,
      dockerfile: `RUN git clone https://x-access-token:${tok('ghp_')}@github.com/acme/vendor-libs.git /opt/vendor`,
    })),
    positive('github', 'github-pat-classic', 'ghp_ in an Authorization header', code({
      python: `    headers = {"Authorization": "token ${tok('ghp_')}", "Accept": "application/vnd.github+json"}`,
      js: `  headers: { Authorization: \`Bearer ${tok('ghp_')}\` },`,
      go: `\treq.Header.Set("Authorization", "Bearer ${tok('ghp_')}")`,
    })),
    positive('github', 'github-pat-classic', 'ghp_ under a neutral name', assignment('RELEASE_BOT_AUTH', tok('ghp_'))),
    positive('github', 'github-pat-classic', 'ghp_ in a .netrc', code({ sh: `printf 'machine github.com login ci-bot password ${tok('ghp_')}\\n' >> ~/.netrc`, dockerfile: `RUN echo "machine github.com login ci-bot password ${tok('ghp_')}" > /root/.netrc` })),
    positive('github', 'github-pat-fine-grained', 'fine-grained PAT', assignment('GH_PAT', `github_pat_11${random.chars(UPPER + DIGITS, 9)}0${random.chars(ALNUM, 10)}_${random.chars(ALNUM, 59)}`)),
    positive('github', 'github-pat-fine-grained', 'fine-grained PAT', assignment('GITHUB_PACKAGES_TOKEN', `github_pat_11${random.chars(UPPER + DIGITS, 9)}0${random.chars(ALNUM, 10)}_${random.chars(ALNUM, 59)}`)),
    positive('github', 'github-oauth-token', 'gho_ token', assignment('GH_OAUTH_TOKEN', tok('gho_'))),
    positive('github', 'github-oauth-token', 'gho_ token in JSON response fixture', code({ json: `  "access_token": "${tok('gho_')}",`, python: `    resp = {"access_token": "${tok('gho_')}", "scope": "repo"}` })),
    positive('github', 'github-user-to-server-token', 'ghu_ token', assignment('GITHUB_USER_TOKEN', tok('ghu_'))),
    positive('github', 'github-user-to-server-token', 'ghu_ token', assignment('CODESPACE_AUTH', tok('ghu_'))),
    positive('github', 'github-installation-token', 'ghs_ token', assignment('GITHUB_APP_TOKEN', tok('ghs_'))),
    positive('github', 'github-installation-token', 'ghs_ token in a CLI call', code({ sh: `gh api repos/acme/site/dispatches --header "Authorization: token ${tok('ghs_')}"` , md: `    curl -H "Authorization: Bearer ${tok('ghs_')}" https://api.github.com/installation/repositories` })),
    positive('github', 'github-refresh-token', 'ghr_ token', assignment('GITHUB_REFRESH_TOKEN', tok('ghr_'))),
    positive('github', 'github-refresh-token', 'ghr_ token', code({ json: `  "refresh_token": "${tok('ghr_')}",`, ts: `const session = { refreshToken: '${tok('ghr_')}', expiresIn: 15811200 };` })),
  );
  for (const name of ['GITHUB_INSTALLATION_TOKEN', 'GH_TOKEN']) {
    const appId = random.number(6);
    const iat = 1_767_000_000 + random.int(0, 9_000_000);
    const header = base64url('{"alg":"RS256","typ":"JWT"}');
    const payload = base64url(JSON.stringify({ iss: 'https://github.com', aud: 'https://api.github.com', iat, exp: iat + 3600, app_id: Number(appId), installation_id: Number(random.number(8)), jti: random.chars(HEX, 32) }));
    const token = `ghs_${appId}_${header}.${payload}.${random.chars(BASE64URL, 342)}`;
    items.push(positive('github', 'github-installation-token-stateless', 'stateless ghs_ JWT token', assignment(name, token)));
  }

  const valid = tok('ghp_');
  items.push(
    negative('checksum-invalid', 'github', 'ghp_ with one character changed', assignment('GITHUB_TOKEN', breakChecksum(random, valid, 10))),
    negative('checksum-invalid', 'github', 'ghp_ with made-up body', code({ python: `    assert redact("ghp_${random.chars(ALNUM, 36)}") == "ghp_…"`, js: `  expect(mask('ghp_${random.chars(ALNUM, 36)}')).toBe('ghp_****');` })),
    negative('checksum-invalid', 'github', 'ghp_ whose checksum uses the wrong base62 alphabet', assignment('GITHUB_TOKEN', wrongAlphabetToken(random, 'ghp_'))),
    negative('checksum-invalid', 'github', 'gho_ look-alike', assignment('GH_OAUTH_TOKEN', breakChecksum(random, tok('gho_'), 20))),
    negative('checksum-invalid', 'github', 'ghs_ look-alike', assignment('GITHUB_APP_TOKEN', `ghs_${random.chars(ALNUM, 36)}`)),
    negative('checksum-invalid', 'github', 'ghu_ look-alike in a test', code({ ts: `  const token = 'ghu_${random.chars(ALNUM, 36)}'; // not a real token: checksum is wrong`, java: `        String token = "ghu_${random.chars(ALNUM, 36)}";` })),
    negative('checksum-invalid', 'github', 'ghr_ look-alike', assignment('GITHUB_REFRESH_TOKEN', `ghr_${random.chars(ALNUM, 36)}`)),
    negative('placeholder', 'github', 'ghp_ xxxx placeholder', assignment('GITHUB_TOKEN', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')),
    negative('placeholder', 'github', '<your token> placeholder', assignment('GITHUB_TOKEN', '<your-github-token>')),
    negative('placeholder', 'github', 'fine-grained placeholder', assignment('GH_PAT', 'github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX')),
    negative('truncated', 'github', 'ghp_ cut to 20 characters in a log line', code({ python: `    logger.info("using token ghp_${random.chars(ALNUM, 16)}… for the mirror")`, go: `\tlog.Printf("token prefix ghp_${random.chars(ALNUM, 8)} rejected")`, md: `The token looks like \`ghp_${random.chars(ALNUM, 12)}…\` (shown truncated).` })),
    negative('template', 'github', 'GitHub Actions secret reference', code({ yaml: '          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}' })),
    negative('template', 'github', 'shell variable', assignment('GITHUB_TOKEN', '${GH_TOKEN}', ['env', 'sh', 'dockerfile', 'yaml', 'properties'])),
    negative('identifier', 'github', 'a constant naming the prefix', code({ ts: "export const GITHUB_PAT_PREFIX = 'github_pat_';", python: 'GITHUB_TOKEN_PREFIXES = ("ghp_", "gho_", "ghu_", "ghs_", "ghr_")' })),
  );
  return items;
}

function awsItems(random) {
  const keyId = (prefix = 'AKIA') => prefix + random.pick([...'QRSTUVWXYZ234567']) + random.chars(BASE32, 15);
  const secret = () => random.chars(ALNUM + '+/', 40);
  const isolate = { isolate: true };
  return [
    positive('aws', 'aws-access-key-id', 'key id alone', assignment('AWS_ACCESS_KEY_ID', keyId()), isolate),
    positive('aws', 'aws-access-key-id', 'STS key id in JSON', code({ json: `  "AccessKeyId": "${keyId('ASIA')}",`, python: `    creds = {"AccessKeyId": "${keyId('ASIA')}", "Expiration": "2026-01-01T00:00:00Z"}` }), isolate),
    positive('aws', 'aws-access-key-id', 'key id in a CLI call', code({ sh: `aws configure set aws_access_key_id ${keyId()} --profile ci`, md: `    aws configure set aws_access_key_id ${keyId()}` }), isolate),
    positive('aws', 'aws-secret-access-key', 'secret alone', assignment('AWS_SECRET_ACCESS_KEY', secret()), isolate),
    positive('aws', 'aws-secret-access-key', 'secret in an ini profile', code({ ini: `aws_secret_access_key = ${secret()}`, toml: `aws_secret_access_key = "${secret()}"` }), isolate),
    positive('aws', 'aws-secret-access-key', 'secret in a camelCase field', code({ ts: `  awsSecretAccessKey: '${secret()}',`, js: `  awsSecretAccessKey: '${secret()}',`, java: `        String awsSecretKey = "${secret()}";` }), isolate),
    positive('aws', 'aws-access-key-pair', 'key id and secret in one call', code({
      java: `        AWSCredentials creds = new BasicAWSCredentials("${keyId()}", "${secret()}");`,
      cs: `        var creds = new BasicAWSCredentials("${keyId()}", "${secret()}");`,
      python: `s3 = boto3.client("s3", aws_access_key_id="${keyId()}", aws_secret_access_key="${secret()}")`,
    }), isolate),
    positive('aws', 'aws-access-key-pair', 'key id and secret in one call', code({
      js: `const s3 = new S3Client({ credentials: { accessKeyId: '${keyId()}', secretAccessKey: '${secret()}' } });`,
      ts: `const s3 = new S3Client({ credentials: { accessKeyId: '${keyId()}', secretAccessKey: '${secret()}' } });`,
      go: `\tcreds := credentials.NewStaticCredentialsProvider("${keyId()}", "${secret()}", "")`,
    }), isolate),
    positive('aws', 'aws-access-key-pair', 'key id and secret on consecutive lines', assignments([['AWS_ACCESS_KEY_ID', keyId()], ['AWS_SECRET_ACCESS_KEY', secret()]], 1), isolate),
    positive('aws', 'aws-access-key-pair', 'key id and secret in a credentials profile', code({ ini: { lines: ['[deploy]', `aws_access_key_id = ${keyId()}`, `aws_secret_access_key = ${secret()}`], primary: 2 }, toml: { lines: ['[aws]', `aws_access_key_id = "${keyId()}"`, `aws_secret_access_key = "${secret()}"`], primary: 2 } }), isolate),
    negative('identifier', 'aws', 'Secrets Manager ARN', assignment('DB_SECRET_ARN', `arn:aws:secretsmanager:eu-west-1:${random.number(12)}:secret:prod/db-${random.chars(ALNUM, 6)}`)),
    negative('identifier', 'aws', 'KMS key id', code({ tf: `  kms_key_id = "${uuid(random)}"`, yaml: `  kms_key_id: ${uuid(random)}` })),
    negative('template', 'aws', 'secret from GitHub Actions', code({ yaml: '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}' })),
    negative('docs-example', 'aws', 'AWS documentation key id', assignment('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE')),
    negative('docs-example', 'aws', 'AWS documentation secret', assignment('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')),
    negative('placeholder', 'aws', 'key id placeholder', assignment('AWS_ACCESS_KEY_ID', 'AKIAXXXXXXXXXXXXXXXX')),
    negative('placeholder', 'aws', 'secret placeholder', assignment('AWS_SECRET_ACCESS_KEY', 'your-secret-access-key')),
    negative('template', 'aws', 'secret from the environment', code({ python: 'AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]', js: 'const awsSecretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;', java: '    private static final String AWS_SECRET = System.getenv("AWS_SECRET_ACCESS_KEY");' })),
    negative('truncated', 'aws', 'key id cut to 16 characters', code({ md: `The key \`${keyId().slice(0, 16)}\` was rotated on 2025-03-02.`, python: `# rotated key ${keyId().slice(0, 16)}, see INC-2291` })),
    negative('identifier', 'aws', 'IAM role ARN', code({ yaml: `  role_arn: "arn:aws:iam::${random.number(12)}:role/ci-deployer"`, tf: `  role_arn = "arn:aws:iam::${random.number(12)}:role/ci-deployer"`, json: `  "RoleArn": "arn:aws:iam::${random.number(12)}:role/ci-deployer",` })),
    negative('hash', 'aws', 'git SHA-1 in a secret-named variable', assignment('AWS_SECRET_KEY_COMMIT', random.chars(HEX, 40), ['env', 'sh', 'yaml', 'python'])),
  ];
}

function slackItems(random) {
  const bot = () => `xoxb-${random.number(random.int(10, 13))}-${random.number(13)}-${random.chars(ALNUM, 24)}`;
  const user = () => `xoxp-${random.number(10)}-${random.number(13)}-${random.number(13)}-${random.chars(HEX, 32)}`;
  const app = () => `xapp-1-A${random.chars(UPPER + DIGITS, 10)}-${random.number(13)}-${random.chars(HEX, 64)}`;
  // Configuration tokens are base64 of '2-2-<ids>-<64 hex>' (access) or '3-1-<ids>-<64 hex>' (refresh).
  const ids = (n) => Array.from({ length: n }, () => random.number(13)).join('-');
  const unpadded = (text) => Buffer.from(text).toString('base64').replace(/=+$/, '');
  const configToken = () => `xoxe.xoxp-1-${unpadded(`2-2-${ids(4)}-${random.chars(HEX, 64)}`)}`;
  const configRefreshToken = () => `xoxe-1-${unpadded(`3-1-${ids(3)}-${random.chars(HEX, 64)}`)}`;
  const webhook = () => `https://hooks.slack.com/services/T${random.chars(UPPER + DIGITS, 10)}/B${random.chars(UPPER + DIGITS, 10)}/${random.chars(ALNUM, 24)}`;
  return [
    positive('slack', 'slack-bot-token', 'bot token', assignment('SLACK_BOT_TOKEN', bot())),
    positive('slack', 'slack-bot-token', 'bot token in code', code({ python: `app = App(token="${bot()}")`, js: `const web = new WebClient('${bot()}');`, go: `\tapi := slack.New("${bot()}")` })),
    positive('slack', 'slack-bot-token', 'bot token in YAML', code({ yaml: `    token: ${bot()}` })),
    positive('slack', 'slack-user-token', 'user token', assignment('SLACK_USER_TOKEN', user())),
    positive('slack', 'slack-user-token', 'user token', assignment('SLACK_ADMIN_TOKEN', user())),
    positive('slack', 'slack-app-token', 'app-level token', assignment('SLACK_APP_TOKEN', app())),
    positive('slack', 'slack-app-token', 'app-level token', code({ python: `handler = SocketModeHandler(app, "${app()}")`, js: `const socket = new SocketModeClient({ appToken: '${app()}' });` })),
    positive('slack', 'slack-config-token', 'configuration access token', assignment('SLACK_CONFIG_TOKEN', configToken())),
    positive('slack', 'slack-config-token', 'configuration refresh token', assignment('SLACK_CONFIG_REFRESH_TOKEN', configRefreshToken())),
    positive('slack', 'slack-config-token', 'configuration tokens in code', code({ js: `const appConfig = { token: '${configToken()}', refreshToken: '${configRefreshToken()}' };`, python: `ROTATE = {"token": "${configToken()}"}` })),
    positive('slack', 'slack-legacy-token', 'legacy session token', assignment('SLACK_LEGACY_TOKEN', `xoxs-${random.number(10)}-${random.number(11)}-${random.number(12)}-${random.chars(HEX, 64)}`)),
    positive('slack', 'slack-legacy-token', 'legacy workspace token', assignment('SLACK_WORKSPACE_TOKEN', `xoxa-2-${random.number(12)}-${random.number(12)}-${random.number(12)}-${random.chars(HEX, 32)}`)),
    positive('slack', 'slack-webhook-url', 'incoming webhook', assignment('SLACK_WEBHOOK_URL', webhook())),
    positive('slack', 'slack-webhook-url', 'incoming webhook in code', code({ python: `    requests.post("${webhook()}", json={"text": message})`, js: `  await fetch('${webhook()}', { method: 'POST', body: JSON.stringify({ text }) });`, sh: `curl -X POST -H 'Content-type: application/json' --data '{"text":"deployed"}' ${webhook()}` })),
    positive('slack', 'slack-webhook-url', 'incoming webhook in YAML', code({ yaml: `      slack_api_url: '${webhook()}'` })),
    negative('docs-example', 'slack', 'Slack docs webhook', assignment('SLACK_WEBHOOK_URL', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX')),
    negative('placeholder', 'slack', 'bot token placeholder', assignment('SLACK_BOT_TOKEN', 'xoxb-your-bot-token')),
    negative('placeholder', 'slack', 'user token placeholder', assignment('SLACK_USER_TOKEN', 'xoxp-your-user-token-here')),
    negative('truncated', 'slack', 'app token prefix only', code({ md: `App-level tokens start with \`xapp-1-A${random.chars(UPPER + DIGITS, 10)}-\`.`, ts: `  expect(token).toMatch(/^xapp-1-/); // xapp-1-A${random.chars(UPPER, 6)}` })),
    negative('placeholder', 'slack', 'bot token placeholder', assignment('SLACK_BOT_TOKEN', 'xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx')),
    negative('truncated', 'slack', 'bot token cut short', code({ md: `Tokens start with \`xoxb-${random.number(10)}-\`; never paste the rest.`, python: `    assert token.startswith("xoxb-${random.number(6)}")` })),
    negative('template', 'slack', 'bot token from the environment', code({ js: 'const slackBotToken = process.env.SLACK_BOT_TOKEN;', python: 'SLACK_BOT_TOKEN = os.getenv("SLACK_BOT_TOKEN")', yaml: '  slack_bot_token: "{{ .Values.slack.botToken }}"' })),
  ];
}

function stripeItems(random) {
  return [
    positive('stripe', 'stripe-secret-key', 'live secret key', assignment('STRIPE_SECRET_KEY', `sk_live_51${random.chars(ALNUM, 97)}`)),
    positive('stripe', 'stripe-secret-key', 'live secret key (legacy length)', code({ js: `const stripe = require('stripe')('sk_live_${random.chars(ALNUM, 24)}');`, python: `stripe.api_key = "sk_live_${random.chars(ALNUM, 24)}"`, ruby: `Stripe.api_key = 'sk_live_${random.chars(ALNUM, 24)}'` })),
    positive('stripe', 'stripe-secret-key', 'live secret key', assignment('PAYMENTS_PROVIDER_KEY', `sk_live_51${random.chars(ALNUM, 97)}`)),
    positive('stripe', 'stripe-restricted-key', 'live restricted key', assignment('STRIPE_RESTRICTED_KEY', `rk_live_51${random.chars(ALNUM, 97)}`)),
    positive('stripe', 'stripe-restricted-key', 'live restricted key', assignment('STRIPE_REPORTING_KEY', `rk_live_${random.chars(ALNUM, 24)}`)),
    negative('test-mode', 'stripe', 'test secret key', assignment('STRIPE_SECRET_KEY', `sk_test_51${random.chars(ALNUM, 97)}`)),
    negative('test-mode', 'stripe', 'test secret key in a test', code({ js: `const stripe = require('stripe')('sk_test_${random.chars(ALNUM, 24)}');`, python: `stripe.api_key = "sk_test_${random.chars(ALNUM, 24)}"` })),
    negative('test-mode', 'stripe', 'test key set in a test setup', code({ js: `process.env.STRIPE_SECRET_KEY = 'sk_test_51${random.chars(ALNUM, 97)}';`, ts: `process.env.STRIPE_SECRET_KEY = 'sk_test_51${random.chars(ALNUM, 97)}';` })),
    negative('test-mode', 'stripe', 'test publishable key', assignment('STRIPE_PUBLISHABLE_KEY', `pk_test_51${random.chars(ALNUM, 97)}`)),
    positive('stripe', 'stripe-secret-key', 'live key in a YAML section', code({ yaml: `    secret_key: sk_live_51${random.chars(ALNUM, 97)}` })),
    negative('test-mode', 'stripe', 'test restricted key', assignment('STRIPE_RESTRICTED_KEY', `rk_test_51${random.chars(ALNUM, 97)}`)),
    negative('docs-example', 'stripe', 'Stripe docs test key', code({ md: '    curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc:', python: 'stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"' })),
    negative('public-key', 'stripe', 'live publishable key (public by design)', assignment('STRIPE_PUBLISHABLE_KEY', `pk_live_51${random.chars(ALNUM, 97)}`)),
    negative('public-key', 'stripe', 'live publishable key in the browser', code({ js: `const stripe = Stripe('pk_live_${random.chars(ALNUM, 24)}');`, ts: `const stripe = await loadStripe('pk_live_${random.chars(ALNUM, 24)}');` })),
    negative('placeholder', 'stripe', 'live key placeholder', assignment('STRIPE_SECRET_KEY', 'sk_live_XXXXXXXXXXXXXXXXXXXXXXXX')),
    negative('truncated', 'stripe', 'live key shown truncated', code({ md: `Your key will look like \`sk_live_${random.chars(ALNUM, 4)}…\`.`, python: `    # key sk_live_${random.chars(ALNUM, 6)} revoked 2025-01-07` })),
  ];
}

function openaiItems(random) {
  const half = (n) => random.chars(ALNUM + '_-', n);
  const plain = (n) => random.chars(ALNUM, n);
  return [
    positive('openai', 'openai-api-key', 'project key', assignment('OPENAI_API_KEY', `sk-proj-${half(74)}T3BlbkFJ${half(74)}`)),
    positive('openai', 'openai-api-key', 'service account key', assignment('OPENAI_API_KEY', `sk-svcacct-${half(74)}T3BlbkFJ${half(74)}`)),
    positive('openai', 'openai-api-key', 'legacy user key in code', code({ python: `client = OpenAI(api_key="sk-${plain(20)}T3BlbkFJ${plain(20)}")`, js: `const openai = new OpenAI({ apiKey: 'sk-${plain(20)}T3BlbkFJ${plain(20)}' });` })),
    positive('openai', 'openai-admin-key', 'admin key', assignment('OPENAI_ADMIN_KEY', `sk-admin-${half(58)}T3BlbkFJ${half(58)}`)),
    positive('openai', 'openai-admin-key', 'admin key', assignment('OPENAI_ORG_ADMIN', `sk-admin-${half(58)}T3BlbkFJ${half(58)}`)),
    positive('openai', 'openai-api-key', 'project key in compose environment', code({ yaml: `      OPENAI_API_KEY: sk-proj-${half(74)}T3BlbkFJ${half(74)}`, sh: `export OPENAI_API_KEY=sk-proj-${half(74)}T3BlbkFJ${half(74)}` })),
    negative('placeholder', 'openai', 'sk-... placeholder', assignment('OPENAI_API_KEY', 'sk-...')),
    negative('placeholder', 'openai', 'sk-proj placeholder', assignment('OPENAI_API_KEY', 'sk-proj-your-key-here')),
    negative('template', 'openai', 'key from the environment', code({ python: 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])', ts: 'const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });' })),
    negative('truncated', 'openai', 'project key cut before the marker', code({ md: `    OPENAI_API_KEY=sk-proj-${half(40)}…`, python: `# old key sk-proj-${half(20)} (revoked)` })),
  ];
}

function anthropicItems(random) {
  const body = () => random.chars(BASE64URL, 93);
  return [
    positive('anthropic', 'anthropic-api-key', 'API key', assignment('ANTHROPIC_API_KEY', `sk-ant-api03-${body()}AA`)),
    positive('anthropic', 'anthropic-api-key', 'API key in code', code({ python: `client = anthropic.Anthropic(api_key="sk-ant-api03-${body()}AA")`, ts: `const anthropic = new Anthropic({ apiKey: 'sk-ant-api03-${body()}AA' });` })),
    positive('anthropic', 'anthropic-admin-key', 'admin key', assignment('ANTHROPIC_ADMIN_KEY', `sk-ant-admin01-${body()}AA`)),
    positive('anthropic', 'anthropic-admin-key', 'admin key in curl', code({ sh: `curl https://api.anthropic.com/v1/organizations/users --header "x-api-key: sk-ant-admin01-${body()}AA"`, md: `    curl https://api.anthropic.com/v1/organizations/me -H "x-api-key: sk-ant-admin01-${body()}AA"` })),
    negative('placeholder', 'anthropic', 'API key placeholder', assignment('ANTHROPIC_API_KEY', 'sk-ant-api03-...')),
    negative('placeholder', 'anthropic', 'x-api-key placeholder', code({ md: '    curl https://api.anthropic.com/v1/messages -H "x-api-key: $ANTHROPIC_API_KEY"', sh: 'curl https://api.anthropic.com/v1/messages --header "x-api-key: ${ANTHROPIC_API_KEY}"' })),
    negative('truncated', 'anthropic', 'key without the AA suffix, cut', assignment('ANTHROPIC_API_KEY_HINT', `sk-ant-api03-${random.chars(BASE64URL, 8)}`)),
  ];
}

function gitlabItems(random) {
  const classic = (prefix) => `${prefix}${random.chars(BASE64URL, 20)}`;
  const routing = () => `c:1\no:${random.int(1000, 99999).toString(36)}\nu:${random.int(10000, 9999999).toString(36)}`;
  return [
    positive('gitlab', 'gitlab-pat', 'classic PAT', assignment('GITLAB_TOKEN', classic('glpat-'))),
    positive('gitlab', 'gitlab-pat', 'classic PAT in a clone URL', code({ sh: `git clone https://oauth2:${classic('glpat-')}@gitlab.com/acme/infra.git`, md: `    git clone https://gitlab-ci-token:${classic('glpat-')}@gitlab.example.org/group/app.git` })),
    positive('gitlab', 'gitlab-pat-routable', 'routable PAT', assignment('GITLAB_TOKEN', gitlabRoutableToken(random, 'glpat-', routing()))),
    positive('gitlab', 'gitlab-pat-routable', 'routable PAT in a header', code({ python: `    headers = {"PRIVATE-TOKEN": "${gitlabRoutableToken(random, 'glpat-', routing())}"}`, go: `\treq.Header.Set("PRIVATE-TOKEN", "${gitlabRoutableToken(random, 'glpat-', routing())}")` })),
    positive('gitlab', 'gitlab-runner-token', 'runner token', code({ toml: `  token = "${classic('glrt-')}"`, yaml: `  runnerToken: "${classic('glrt-')}"` })),
    positive('gitlab', 'gitlab-runner-token', 'runner token', assignment('CI_RUNNER_TOKEN', classic('glrt-'))),
    positive('gitlab', 'gitlab-runner-token-routable', 'routable runner token', code({ toml: `  token = "${gitlabRoutableToken(random, 'glrt-t1_', routing())}"`, sh: `gitlab-runner register --non-interactive --url https://gitlab.com --token ${gitlabRoutableToken(random, 'glrt-t3_', routing())}` })),
    positive('gitlab', 'gitlab-runner-token-routable', 'routable runner token', assignment('RUNNER_AUTH_TOKEN', gitlabRoutableToken(random, 'glrt-t2_', routing()))),
    positive('gitlab', 'gitlab-deploy-token', 'deploy token', assignment('GITLAB_DEPLOY_TOKEN', classic('gldt-'))),
    positive('gitlab', 'gitlab-deploy-token', 'deploy token in a registry login', code({ sh: `echo "${classic('gldt-')}" | docker login registry.gitlab.com -u gitlab+deploy-token-42 --password-stdin`, dockerfile: `RUN pip install --index-url https://deploy:${classic('gldt-')}@gitlab.com/api/v4/projects/42/packages/pypi/simple acme-lib` })),
    positive('gitlab', 'gitlab-pipeline-trigger-token', 'trigger token', code({ sh: `curl -X POST --fail -F token=glptt-${random.chars(HEX, 40)} -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline`, yaml: `    trigger_token: glptt-${random.chars(HEX, 40)}` })),
    positive('gitlab', 'gitlab-pipeline-trigger-token', 'trigger token', assignment('GITLAB_TRIGGER', `glptt-${random.chars(HEX, 40)}`)),
    positive('gitlab', 'gitlab-oauth-app-secret', 'OAuth application secret', assignment('GITLAB_OAUTH_SECRET', `gloas-${random.chars(HEX, 64)}`)),
    positive('gitlab', 'gitlab-oauth-app-secret', 'OAuth application secret', code({ ruby: `  config.omniauth :gitlab, 'b3c1e0a2f4d6', 'gloas-${random.chars(HEX, 64)}'`, yaml: `    app_secret: gloas-${random.chars(HEX, 64)}` })),
    positive('gitlab', 'gitlab-pat-routable', 'routable PAT in .npmrc', code({ npmrc: `//gitlab.com/api/v4/packages/npm/:_authToken=${gitlabRoutableToken(random, 'glpat-', routing())}` })),
    negative('checksum-invalid', 'gitlab', 'routable PAT with one payload character changed', assignment('GITLAB_API_TOKEN', breakChecksum(random, gitlabRoutableToken(random, 'glpat-', routing()), 30))),
    negative('checksum-invalid', 'gitlab', 'routable PAT with a broken CRC', assignment('GITLAB_TOKEN', breakChecksum(random, gitlabRoutableToken(random, 'glpat-', routing()), 12))),
    negative('checksum-invalid', 'gitlab', 'routable runner token with a broken CRC', code({ toml: `  token = "${breakChecksum(random, gitlabRoutableToken(random, 'glrt-t1_', routing()), 15)}"` })),
    negative('placeholder', 'gitlab', 'PAT placeholder', assignment('GITLAB_TOKEN', 'glpat-xxxxxxxxxxxxxxxxxxxx')),
    negative('placeholder', 'gitlab', 'runner token placeholder', code({ toml: '  token = "glrt-REPLACE_ME"', yaml: '  runnerToken: "glrt-<runner-token>"' })),
    negative('truncated', 'gitlab', 'PAT cut to 12 characters', code({ md: `Personal access tokens look like \`glpat-${random.chars(ALNUM, 6)}\`.`, python: `    assert token.startswith("glpat-")  # e.g. glpat-${random.chars(ALNUM, 4)}` })),
    negative('template', 'gitlab', 'CI job token variable', code({ yaml: '    - echo "$CI_JOB_TOKEN" | docker login -u gitlab-ci-token --password-stdin $CI_REGISTRY', sh: 'git clone "https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.com/acme/app.git"' })),
  ];
}

function npmItems(random) {
  const tok = () => githubStyleToken(random, 'npm_');
  return [
    positive('npm', 'npm-access-token', '.npmrc auth token', code({ npmrc: `//registry.npmjs.org/:_authToken=${tok()}` })),
    positive('npm', 'npm-access-token', 'npm token in CI env', assignment('NPM_TOKEN', tok())),
    positive('npm', 'npm-access-token', 'npm token echoed into .npmrc', code({ sh: `echo "//registry.npmjs.org/:_authToken=${tok()}" > ~/.npmrc`, dockerfile: `RUN echo "//registry.npmjs.org/:_authToken=${tok()}" > /root/.npmrc && npm ci` })),
    negative('checksum-invalid', 'npm', 'npm_ with a bad checksum', code({ npmrc: `//registry.npmjs.org/:_authToken=npm_${random.chars(ALNUM, 36)}` })),
    positive('npm', 'npm-access-token', 'yarn npmAuthToken', code({ yaml: `    npmAuthToken: ${tok()}` })),
    negative('checksum-invalid', 'npm', 'npm_ whose checksum uses the wrong base62 alphabet', code({ yaml: `    npmAuthToken: ${wrongAlphabetToken(random, 'npm_')}`, sh: `npm config set //registry.npmjs.org/:_authToken ${wrongAlphabetToken(random, 'npm_')}` })),
    negative('checksum-invalid', 'npm', 'npm_ with a bad checksum', assignment('NPM_TOKEN', breakChecksum(random, tok(), 9))),
    negative('template', 'npm', '.npmrc variable', code({ npmrc: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}' })),
    negative('hash', 'npm', 'lockfile integrity', code({ lockfile: `      "integrity": "sha512-${random.bytes(64).toString('base64')}",` })),
    negative('hash', 'npm', 'lockfile integrity', code({ lockfile: `      "integrity": "sha1-${random.bytes(20).toString('base64')}",` })),
    negative('hash', 'npm', 'pnpm lockfile integrity', code({ yaml: `    resolution: {integrity: sha512-${random.bytes(64).toString('base64')}}` })),
    negative('identifier', 'npm', 'npm_config variable name', code({ sh: 'export npm_config_cache="$HOME/.cache/npm"', dockerfile: 'ENV npm_config_loglevel=warn' })),
  ];
}

function pypiItems(random) {
  const caveat = () => random.pick(['{"version": 1, "permissions": "user"}', `{"version": 1, "permissions": {"projects": ["acme-${random.chars(LOWER, 6)}"]}}`]);
  return [
    positive('pypi', 'pypi-upload-token', 'PyPI token in .pypirc', code({ ini: `password = ${pypiToken(random, 'pypi.org', [caveat()])}` })),
    positive('pypi', 'pypi-upload-token', 'PyPI token in CI', assignment('TWINE_PASSWORD', pypiToken(random, 'pypi.org', [caveat(), `[0,${1_760_000_000 + random.int(0, 1e7)},${1_790_000_000 + random.int(0, 1e7)}]`]))),
    positive('pypi', 'testpypi-upload-token', 'TestPyPI token', assignment('TEST_PYPI_TOKEN', pypiToken(random, 'test.pypi.org', [caveat()]))),
    positive('pypi', 'testpypi-upload-token', 'TestPyPI token in .pypirc', code({ ini: `password = ${pypiToken(random, 'test.pypi.org', [caveat()])}`, toml: `password = "${pypiToken(random, 'test.pypi.org', [caveat()])}"` })),
    positive('pypi', 'pypi-upload-token', 'PyPI token for uv publish', assignment('UV_PUBLISH_TOKEN', pypiToken(random, 'pypi.org', [caveat()]))),
    negative('checksum-invalid', 'pypi', 'TestPyPI prefix then random base64url', code({ ini: `password = pypi-AgENdGVzdC5weXBpLm9yZw${random.chars(BASE64URL, 140)}` })),
    negative('checksum-invalid', 'pypi', 'pypi- prefix then random base64url', assignment('TWINE_PASSWORD', `pypi-AgEIcHlwaS5vcmc${random.chars(BASE64URL, 150)}`)),
    negative('placeholder', 'pypi', 'PyPI token placeholder', code({ ini: 'password = pypi-<your-token>', yaml: '    password: pypi-XXXXXXXXXXXXXXXXXXXXXXXX' })),
    negative('template', 'pypi', 'PyPI token secret reference', code({ yaml: '          password: ${{ secrets.PYPI_API_TOKEN }}' })),
  ];
}

function googleItems(random) {
  const apiKey = () => `AIza${random.chars(BASE64URL, 35)}`;
  return [
    positive('google', 'google-api-key', 'API key', assignment('GOOGLE_MAPS_API_KEY', apiKey())),
    positive('google', 'google-api-key', 'API key in a URL', code({ js: `const url = \`https://maps.googleapis.com/maps/api/geocode/json?address=\${q}&key=${apiKey()}\`;`, python: `    url = f"https://www.googleapis.com/youtube/v3/search?part=snippet&q={q}&key=${apiKey()}"`, go: `\tconst endpoint = "https://translation.googleapis.com/language/translate/v2?key=${apiKey()}"` })),
    positive('google', 'google-api-key', 'Firebase config', code({ js: `  apiKey: "${apiKey()}",`, ts: `  apiKey: "${apiKey()}",`, json: `  "api_key": "${apiKey()}",` })),
    positive('google', 'google-api-key', 'google-services.json current_key', code({ json: `        "current_key": "${apiKey()}",` })),
    negative('placeholder', 'google', 'API key placeholder', assignment('GOOGLE_MAPS_API_KEY', 'AIzaSy_YOUR_API_KEY_HERE')),
    negative('truncated', 'google', 'API key cut to 30 characters', assignment('GOOGLE_API_KEY_PREFIX', `AIza${random.chars(BASE64URL, 26)}`)),
    negative('template', 'google', 'API key from config', code({ js: 'const googleMapsApiKey = process.env.GOOGLE_MAPS_API_KEY;', yaml: '  google_maps_api_key: "${GOOGLE_MAPS_API_KEY}"' })),
  ];
}

/** A whole service account key file as `gcloud iam service-accounts keys create` writes it. */
function serviceAccountFile(random, project, account) {
  const key = pem('PRIVATE KEY', pkcs8Rsa(random, 256)).join('\\n') + '\\n';
  return [
    '{',
    '  "type": "service_account",',
    `  "project_id": "${project}",`,
    `  "private_key_id": "${random.chars(HEX, 40)}",`,
    `  "private_key": "${key}",`,
    `  "client_email": "${account}@${project}.iam.gserviceaccount.com",`,
    `  "client_id": "${random.number(21)}",`,
    '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
    '  "token_uri": "https://oauth2.googleapis.com/token",',
    '  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",',
    `  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/${account}%40${project}.iam.gserviceaccount.com",`,
    '  "universe_domain": "googleapis.com"',
    '}',
  ];
}

function oneLineServiceAccount(random, project, account) {
  const lines = serviceAccountFile(random, project, account);
  return lines.map((l) => l.trim()).join('');
}

function azureItems(random) {
  const accountKey = () => random.bytes(64).toString('base64');
  const sas = () => {
    const sig = encodeURIComponent(random.bytes(32).toString('base64'));
    return `sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&sig=${sig}`;
  };
  const account = () => `acme${random.chars(LOWER + DIGITS, 8)}`;
  return [
    positive('azure', 'azure-storage-account-key', 'connection string', assignment('AZURE_STORAGE_CONNECTION_STRING', `DefaultEndpointsProtocol=https;AccountName=${account()};AccountKey=${accountKey()};EndpointSuffix=core.windows.net`)),
    positive('azure', 'azure-storage-account-key', 'connection string in appsettings', code({ json: `    "Storage": "DefaultEndpointsProtocol=https;AccountName=${account()};AccountKey=${accountKey()};EndpointSuffix=core.windows.net",`, xml: `    <add name="Storage" connectionString="DefaultEndpointsProtocol=https;AccountName=${account()};AccountKey=${accountKey()};EndpointSuffix=core.windows.net" />` })),
    positive('azure', 'azure-sas-token', 'SAS URL', assignment('BLOB_BACKUP_URL', `https://${account()}.blob.core.windows.net/backups?${sas()}`)),
    positive('azure', 'azure-sas-token', 'SAS query string', code({ python: `SAS_TOKEN = "?${sas()}"`, cs: `        private const string SasToken = "?${sas()}";`, sh: `azcopy copy ./dist "https://${account()}.blob.core.windows.net/web?${sas()}" --recursive` })),
    negative('docs-example', 'azure', 'Azurite emulator key', assignment('AZURE_STORAGE_CONNECTION_STRING', 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;')),
    negative('placeholder', 'azure', 'account key placeholder', assignment('AZURE_STORAGE_CONNECTION_STRING', 'DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;EndpointSuffix=core.windows.net')),
    negative('template', 'azure', 'account key from Key Vault reference', code({ json: '    "Storage": "@Microsoft.KeyVault(SecretUri=https://acme-kv.vault.azure.net/secrets/storage-key/)",', tf: '  storage_account_access_key = azurerm_storage_account.main.primary_access_key' })),
    negative('truncated', 'azure', 'SAS without its signature', code({ md: '    https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01&sig=...', python: '# SAS looks like ?sv=2022-11-02&ss=b&srt=o&sp=r&sig=<signature>' })),
  ];
}

function smallProviderItems(random) {
  const hex = (n) => random.chars(HEX, n);
  const hf = () => {
    let body = random.chars(UPPER + LOWER, 34);
    // Real tokens mix cases; 34 random letters of one case are possible but not what a token looks like.
    if (!/[a-z]/.test(body) || !/[A-Z]/.test(body)) body = `a${body.slice(1, -1)}Z`;
    return `hf_${body}`;
  };
  const sendgrid = () => `SG.${random.chars(BASE64URL, 21)}${random.pick([...'AQgw'])}.${random.chars(BASE64URL, 42)}${random.pick([...'AEIMQUYcgkosw048'])}`;
  const twilioSid = (prefix) => prefix + hex(32);
  const twilioSecret = () => random.chars(ALNUM, 32);
  const doppler = (type) => `dp.${type}.${random.chars(ALNUM, 43)}`;
  const vault = () => `hvs.CAESI${random.chars(ALNUM + '_-', 86)}`;
  const vaultLegacy = () => `s.${random.chars(ALNUM, 22)}${random.int(0, 9)}${random.pick([...UPPER])}`;
  const grafanaCloud = () => {
    const doc = JSON.stringify({ o: random.number(6), n: `stack-${random.number(6)}-hm-write-ci`, k: random.chars(ALNUM, 24), m: { r: random.pick(['prod-us-east-0', 'prod-eu-west-2']) } });
    return `glc_${Buffer.from(doc).toString('base64')}`;
  };
  const telegram = () => `${random.number(10)}:AA${random.chars(BASE64URL, 33)}`;
  const discordBot = () => `${Buffer.from(random.number(19)).toString('base64url')}.${random.chars(BASE64URL, 6)}.${random.chars(BASE64URL, 38)}`;
  const discordWebhook = () => `https://discord.com/api/webhooks/${random.number(19)}/${random.chars(BASE64URL, 68)}`;
  return [
    positive('huggingface', 'huggingface-access-token', 'HF token', assignment('HF_TOKEN', hf())),
    positive('huggingface', 'huggingface-access-token', 'HF token in code', code({ python: `login(token="${hf()}")`, sh: `huggingface-cli login --token ${hf()}` })),
    negative('identifier', 'huggingface', 'hf_ identifiers', code({ python: 'from huggingface_hub import hf_hub_download, hf_hub_url', js: "import { hf_hub_download } from './hub.js';" })),
    negative('placeholder', 'huggingface', 'HF token placeholder', assignment('HF_TOKEN', 'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')),
    negative('identifier', 'huggingface', 'camelCase hf_ function of 34 letters', code({ js: 'await 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(card);', ts: 'export const uploader = 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;' })),
    negative('identifier', 'huggingface', 'long lower-case hf_ identifier', code({ python: 'hf_servingcellpriorityconfigurationx = load_config()' })),

    positive('sendgrid', 'sendgrid-api-key', 'SendGrid key', assignment('SENDGRID_API_KEY', sendgrid())),
    positive('sendgrid', 'sendgrid-api-key', 'SendGrid key in code', code({ js: `sgMail.setApiKey('${sendgrid()}');`, python: `sg = SendGridAPIClient("${sendgrid()}")`, php: `    'sendgrid' => ['api_key' => '${sendgrid()}'],` })),
    negative('placeholder', 'sendgrid', 'SendGrid placeholder', assignment('SENDGRID_API_KEY', 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')),
    negative('truncated', 'sendgrid', 'SendGrid key id only', code({ md: `Key id \`SG.${random.chars(BASE64URL, 22)}\` belongs to the marketing account.` })),

    positive('twilio', 'twilio-auth-token', 'auth token', assignment('TWILIO_AUTH_TOKEN', hex(32))),
    positive('twilio', 'twilio-auth-token', 'auth token after the account SID', code({ js: `const client = require('twilio')('${twilioSid('AC')}', '${hex(32)}');`, python: { lines: ['from twilio.rest import Client', `client = Client("${twilioSid('AC')}", "${hex(32)}")`], primary: 1 } })),
    positive('twilio', 'twilio-api-key-secret', 'API key secret', assignment('TWILIO_API_SECRET', twilioSecret())),
    positive('twilio', 'twilio-api-key-secret', 'API key secret after its SID', code({ python: { lines: ['from twilio.rest import Client', `sms = Client("${twilioSid('SK')}", "${twilioSecret()}", account_sid)`], primary: 1 }, js: `const twilioClient = twilio('${twilioSid('SK')}', '${twilioSecret()}', { accountSid });` })),
    negative('identifier', 'twilio', 'Verify service SID', assignment('TWILIO_VERIFY_SERVICE_SID', twilioSid('VA'))),
    negative('identifier', 'twilio', 'account SID alone', assignment('TWILIO_ACCOUNT_SID', twilioSid('AC'))),
    negative('placeholder', 'twilio', 'auth token placeholder', assignment('TWILIO_AUTH_TOKEN', 'your_auth_token')),
    negative('docs-example', 'twilio', 'Twilio docs SID', code({ md: '    curl -X POST https://api.twilio.com/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/Messages.json -u ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:your_auth_token' })),

    positive('shopify', 'shopify-access-token', 'Admin API token', assignment('SHOPIFY_ACCESS_TOKEN', `shpat_${hex(32)}`)),
    positive('shopify', 'shopify-access-token', 'custom app token', assignment('SHOPIFY_CUSTOM_APP', `shpca_${hex(32)}`)),
    positive('shopify', 'shopify-access-token', 'private app token', code({ ruby: `ShopifyAPI::Context.setup(api_key: 'c0ffee', api_secret_key: 'secret', access_token: 'shppa_${hex(32)}')`, js: `const session = { shop: 'acme.myshopify.com', accessToken: 'shppa_${hex(32)}' };` })),
    positive('shopify', 'shopify-shared-secret', 'app shared secret', assignment('SHOPIFY_API_SECRET', `shpss_${hex(32)}`)),
    positive('shopify', 'shopify-shared-secret', 'app shared secret', assignment('SHOPIFY_WEBHOOK_SECRET', `shpss_${hex(32)}`)),
    negative('truncated', 'shopify', 'token cut to 31 hex', assignment('SHOPIFY_TOKEN_PREFIX', `shpat_${hex(31)}`, ['env', 'yaml', 'python'])),
    negative('truncated', 'shopify', 'shared secret cut to 20 hex', code({ md: `The app secret (\`shpss_${hex(20)}\`…) is in 1Password.` })),
    negative('placeholder', 'shopify', 'token placeholder', assignment('SHOPIFY_ACCESS_TOKEN', 'shpat_<your-admin-api-token>')),

    positive('digitalocean', 'digitalocean-pat', 'personal access token', assignment('DIGITALOCEAN_TOKEN', `dop_v1_${hex(64)}`)),
    positive('digitalocean', 'digitalocean-pat', 'personal access token in Terraform', code({ tf: `  token = "dop_v1_${hex(64)}"`, sh: `doctl auth init --access-token dop_v1_${hex(64)}` })),
    positive('digitalocean', 'digitalocean-oauth-token', 'OAuth token', assignment('DO_OAUTH_TOKEN', `doo_v1_${hex(64)}`)),
    positive('digitalocean', 'digitalocean-oauth-token', 'OAuth refresh token', assignment('DO_REFRESH_TOKEN', `dor_v1_${hex(64)}`)),
    negative('truncated', 'digitalocean', 'token cut to 63 hex', code({ md: `    export DIGITALOCEAN_TOKEN=dop_v1_${hex(20)}…` })),
    negative('template', 'digitalocean', 'token variable', code({ tf: '  token = var.do_token', yaml: '          DIGITALOCEAN_ACCESS_TOKEN: ${{ secrets.DIGITALOCEAN_ACCESS_TOKEN }}' })),

    positive('databricks', 'databricks-pat', 'PAT', assignment('DATABRICKS_TOKEN', `dapi${hex(32)}`)),
    positive('databricks', 'databricks-pat', 'PAT with suffix', code({ ini: `token = dapi${hex(32)}-2`, python: `w = WorkspaceClient(host="https://adb-${random.number(16)}.7.azuredatabricks.net", token="dapi${hex(32)}")` })),
    negative('identifier', 'databricks', 'dapi method name', code({ js: 'const rows = await dapiClient.fetchWarehouseStatistics(warehouseId);', python: 'result = dapiGetClusterConfigurationsForWorkspace(ws)' })),

    positive('linear', 'linear-api-key', 'Linear key', assignment('LINEAR_API_KEY', `lin_api_${random.chars(ALNUM, 40)}`)),
    positive('linear', 'linear-api-key', 'Linear key in code', code({ ts: `const linear = new LinearClient({ apiKey: 'lin_api_${random.chars(ALNUM, 40)}' });`, js: `const linear = new LinearClient({ apiKey: 'lin_api_${random.chars(ALNUM, 40)}' });` })),
    negative('truncated', 'linear', 'key cut to 39 characters', assignment('LINEAR_KEY_HINT', `lin_api_${random.chars(ALNUM, 12)}`)),

    positive('doppler', 'doppler-token', 'personal token', assignment('DOPPLER_TOKEN', doppler('pt'))),
    positive('doppler', 'doppler-token', 'service token with environment', assignment('DOPPLER_SERVICE_TOKEN', `dp.st.prd.${random.chars(ALNUM, 43)}`)),
    positive('doppler', 'doppler-token', 'service account token', code({ sh: `doppler configure set token ${doppler('sa')} --scope /app`, dockerfile: `RUN doppler secrets download --no-file --token ${doppler('sa')} > /dev/null` })),
    negative('template', 'doppler', 'token from the environment', code({ sh: 'doppler run --token "$DOPPLER_TOKEN" -- npm start', yaml: '      DOPPLER_TOKEN: ${{ secrets.DOPPLER_TOKEN }}' })),

    positive('postman', 'postman-api-key', 'Postman key', assignment('POSTMAN_API_KEY', `PMAK-${hex(24)}-${hex(34)}`)),
    positive('postman', 'postman-api-key', 'Postman key in newman call', code({ sh: `newman run "https://api.getpostman.com/collections/${random.number(8)}?apikey=PMAK-${hex(24)}-${hex(34)}"`, yaml: `      - run: newman run https://api.getpostman.com/collections/42?apikey=PMAK-${hex(24)}-${hex(34)}` })),
    negative('placeholder', 'postman', 'Postman placeholder', assignment('POSTMAN_API_KEY', 'PMAK-<your-api-key>')),

    positive('vault', 'vault-token', 'service token', assignment('VAULT_TOKEN', vault())),
    positive('vault', 'vault-token', 'service token in code', code({ python: `client = hvac.Client(url="https://vault.acme.internal:8200", token="${vault()}")`, go: `\tclient.SetToken("${vault()}")`, sh: `vault login ${vault()}` })),
    positive('vault', 'vault-token', 'batch token', assignment('VAULT_BATCH_TOKEN', `hvb.AAAAAQ${random.chars(ALNUM + '_-', 132)}`)),
    positive('vault', 'vault-legacy-service-token', 'legacy token near "vault"', assignment('VAULT_TOKEN', vaultLegacy())),
    positive('vault', 'vault-legacy-service-token', 'legacy token near "vault"', code({ sh: `export VAULT_ADDR=https://vault.acme.internal:8200 VAULT_TOKEN=${vaultLegacy()}`, yaml: `  vault_token: ${vaultLegacy()}` })),
    negative('placeholder', 'vault', 'vault token placeholder', assignment('VAULT_TOKEN', 'hvs.my_vault_token_here')),
    negative('identifier', 'vault', 'member expression near "vault"', code({ js: 'const vaultConfig = s.getKubeConfigController2(vaultNamespace);', ts: 'const vaultClient = s.createVaultSecretsManager3(options);' })),
    negative('docs-example', 'vault', 'root token in a dev server doc', code({ md: '    vault server -dev -dev-root-token-id="root"', sh: 'vault server -dev -dev-root-token-id=root &' })),

    positive('grafana', 'grafana-cloud-token', 'Cloud access policy token', assignment('GRAFANA_CLOUD_TOKEN', grafanaCloud())),
    positive('grafana', 'grafana-cloud-token', 'Cloud token in Alloy config', code({ yaml: `        password: ${grafanaCloud()}`, tf: `  cloud_access_policy_token = "${grafanaCloud()}"` })),
    positive('grafana', 'grafana-service-account-token', 'service account token', assignment('GRAFANA_SERVICE_ACCOUNT_TOKEN', grafanaServiceAccountToken(random))),
    positive('grafana', 'grafana-service-account-token', 'service account token in a header', code({ python: `    headers = {"Authorization": "Bearer ${grafanaServiceAccountToken(random)}"}`, sh: `curl -H "Authorization: Bearer ${grafanaServiceAccountToken(random)}" https://grafana.acme.io/api/dashboards/uid/ops` })),
    negative('checksum-invalid', 'grafana', 'glsa_ with a bad checksum', assignment('GRAFANA_SERVICE_ACCOUNT_TOKEN', `glsa_${random.chars(ALNUM, 32)}_${hex(8)}`)),
    negative('checksum-invalid', 'grafana', 'glc_ that is not a token document', assignment('GRAFANA_CLOUD_TOKEN', `glc_${random.bytes(90).toString('base64')}`)),
    negative('placeholder', 'grafana', 'glsa_ placeholder', assignment('GRAFANA_TOKEN', 'glsa_...')),
    negative('checksum-invalid', 'grafana', 'glsa_ with the checksum of another token', code({ yaml: `  grafana_token: ${grafanaServiceAccountToken(random).slice(0, -8)}${grafanaServiceAccountToken(random).slice(-8)}` })),

    positive('telegram', 'telegram-bot-token', 'bot token', assignment('TELEGRAM_BOT_TOKEN', telegram())),
    positive('telegram', 'telegram-bot-token', 'bot token in an API URL', code({ python: `    requests.get(f"https://api.telegram.org/bot${telegram()}/sendMessage", params={"chat_id": chat_id, "text": text})`, sh: `curl -s "https://api.telegram.org/bot${telegram()}/getMe"` })),
    negative('docs-example', 'telegram', 'Telegram Bot API docs token', code({ md: '    https://api.telegram.org/bot110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe' })),
    negative('identifier', 'telegram', 'MAC-address-like hex pairs', code({ yaml: '  mac: "00:1A:2B:3C:4D:5E"', ini: 'mac = 0A:AA:BB:CC:DD:EE' })),

    positive('discord', 'discord-bot-token', 'bot token', assignment('DISCORD_BOT_TOKEN', discordBot())),
    positive('discord', 'discord-bot-token', 'bot token in client.login', code({ js: `client.login('${discordBot()}');`, python: `bot.run("${discordBot()}")  # discord.py` })),
    positive('discord', 'discord-webhook-url', 'webhook URL', assignment('DISCORD_WEBHOOK_URL', discordWebhook())),
    positive('discord', 'discord-webhook-url', 'webhook URL in code', code({ python: `    requests.post("${discordWebhook()}", json={"content": msg})`, sh: `curl -H "Content-Type: application/json" -d '{"content":"release done"}' ${discordWebhook()}` })),
    negative('checksum-invalid', 'discord', 'dotted string whose first part is not a user id', assignment('DISCORD_BOT_TOKEN', `N${random.chars(ALNUM, 23)}.${random.chars(ALNUM, 6)}.${random.chars(ALNUM, 27)}`)),
    negative('docs-example', 'discord', 'webhook docs URL without a token', code({ md: 'See https://discord.com/api/webhooks/{webhook.id}/{webhook.token} in the Discord developer docs.' })),

    positive('mailgun', 'mailgun-api-key', 'legacy key', assignment('MAILGUN_API_KEY', `key-${hex(32)}`)),
    positive('mailgun', 'mailgun-api-key', 'current key', assignment('MAILGUN_API_KEY', `${hex(32)}-${hex(8)}-${hex(8)}`)),
    positive('mailgun', 'mailgun-api-key', 'key in a mailgun client', code({ js: `const mg = mailgun.client({ username: 'api', key: '${hex(32)}-${hex(8)}-${hex(8)}' });`, python: `    auth=("api", "key-${hex(32)}"),  # mailgun` })),
    negative('docs-example', 'mailgun', 'Mailgun docs key', code({ md: '    curl -s --user \'api:key-3ax6xnjp29jd6fds4gc373sgvjxteol0\' https://api.mailgun.net/v3/samples.mailgun.org/messages', sh: "curl -s --user 'api:YOUR_API_KEY' https://api.mailgun.net/v3/YOUR_DOMAIN_NAME/messages" })),
    negative('public-key', 'mailgun', 'Mailgun public validation key', assignment('MAILGUN_PUBLIC_KEY', `pubkey-${hex(32)}`)),
    negative('hash', 'mailgun', 'cache key made of a hash, no Mailgun context', code({ js: `const cacheKey = 'key-${hex(32)}';`, python: `cache_key = "key-${hex(32)}"` })),
  ];
}

function privateKeyItems(random) {
  return [
    alone('keys/deploy_rsa', 'pem', positive('private-key', 'private-key', 'PKCS#1 RSA key file', block('DEPLOY_KEY', pem('RSA PRIVATE KEY', rsaPrivateKey(random, 256))))),
    positive('private-key', 'private-key', 'SEC1 EC key embedded', block('SIGNING_KEY', pem('EC PRIVATE KEY', sec1EcKey(random)), ['yaml', 'python', 'go', 'tf'])),
    positive('private-key', 'private-key', 'PKCS#8 key embedded', block('TLS_KEY', pem('PRIVATE KEY', pkcs8Rsa(random, 128)), ['js', 'sh', 'yaml'])),
    positive('private-key', 'private-key', 'PKCS#8 key in a JSON string', block('JWT_SIGNING_KEY', pem('PRIVATE KEY', pkcs8Rsa(random, 128)), ['json'])),
    alone('keys/id_ed25519', 'pem', positive('private-key', 'private-key', 'OpenSSH key file', block('ID_ED25519', pem('OPENSSH PRIVATE KEY', openSshEd25519(random, 'deploy@ci-runner-3'), 70)))),
    alone('keys/client-encrypted.key', 'pem', positive('private-key', 'private-key', 'encrypted PKCS#8 key', block('CLIENT_KEY', pem('ENCRYPTED PRIVATE KEY', encryptedPkcs8(random))))),
    alone('keys/release-signing.asc', 'pem', positive('private-key', 'pgp-private-key', 'PGP secret key block', block('GPG_SIGNING_KEY', pgpArmor('PRIVATE', pgpKeyPackets(random, true, 'Release Bot <release@acme.dev>'))))),
    positive('private-key', 'pgp-private-key', 'PGP secret key block', block('GPG_PRIVATE_KEY', pgpArmor('PRIVATE', pgpKeyPackets(random, true, 'CI Signing <ci@acme.dev>')), ['sh', 'python', 'yaml'])),
    positive('private-key', 'private-key', 'PKCS#1 RSA key in code', block('SSH_PRIVATE_KEY', pem('RSA PRIVATE KEY', rsaPrivateKey(random, 128)), ['python', 'go', 'js'])),
    negative('public-key', 'private-key', 'SSH Ed25519 public key', code({ yaml: `      - ssh-ed25519 ${Buffer.concat([sshString('ssh-ed25519'), sshString(random.bytes(32))]).toString('base64')} release@acme`, sh: `echo "ssh-ed25519 ${Buffer.concat([sshString('ssh-ed25519'), sshString(random.bytes(32))]).toString('base64')} ci@acme" >> ~/.ssh/authorized_keys` })),
    alone('keys/jwt-public.pem', 'pem', negative('public-key', 'private-key', 'PEM public key', block('JWT_PUBLIC_KEY', pem('PUBLIC KEY', rsaPublicKey(random))))),
    negative('public-key', 'private-key', 'PEM public key embedded', block('JWT_VERIFY_KEY', pem('PUBLIC KEY', rsaPublicKey(random)), ['yaml', 'js', 'go'])),
    alone('keys/server.crt', 'pem', negative('public-key', 'private-key', 'certificate', block('TLS_CERT', certificate(random)))),
    negative('public-key', 'private-key', 'certificate embedded', block('CA_BUNDLE', certificate(random), ['yaml', 'tf', 'sh'])),
    alone('keys/authorized_keys', 'pem', negative('public-key', 'private-key', 'SSH public key', code({ pem: sshRsaPublicLine(random, 'deploy@acme') }))),
    negative('public-key', 'private-key', 'SSH public key in config', code({ yaml: `      - "${sshRsaPublicLine(random, 'ops@bastion')}"`, tf: `  public_key = "${sshRsaPublicLine(random, 'terraform')}"` })),
    alone('keys/release-public.asc', 'pem', negative('public-key', 'private-key', 'PGP public key block', block('GPG_PUBLIC_KEY', pgpArmor('PUBLIC', pgpKeyPackets(random, false, 'Release Bot <release@acme.dev>'))))),
    negative('placeholder', 'private-key', 'PEM placeholder', block('PRIVATE_KEY', ['-----BEGIN PRIVATE KEY-----', '...your key here...', '-----END PRIVATE KEY-----'], ['yaml', 'python', 'js', 'sh'])),
    negative('truncated', 'private-key', 'BEGIN line only', code({ md: 'The file must start with `-----BEGIN OPENSSH PRIVATE KEY-----` and end with the matching END line.', python: '    if not text.startswith("-----BEGIN RSA PRIVATE KEY-----"):' })),
  ];
}

/** An X.509-shaped DER structure: tbsCertificate with a public key, algorithm, signature. */
function certificate(random) {
  const tbs = sequence(der(0xa0, smallInteger(2)), bigInteger(random, 16), sequence(OID.rsaEncryption, NULL), rsaPublicKey(random));
  return pem('CERTIFICATE', sequence(tbs, sequence(OID.rsaEncryption, NULL), bitString(random.bytes(256))));
}

function databaseItems(random) {
  const password = () => random.chars(ALNUM, random.int(18, 28));
  return [
    positive('database', 'database-connection-string', 'PostgreSQL URL', assignment('DATABASE_URL', `postgres://app_user:${password()}@db-prod.c${random.chars(LOWER + DIGITS, 10)}.eu-west-1.rds.amazonaws.com:5432/billing`)),
    positive('database', 'database-connection-string', 'MySQL URL', assignment('MYSQL_URL', `mysql://shop:${password()}@10.0.${random.int(1, 254)}.${random.int(1, 254)}:3306/shop`)),
    positive('database', 'database-connection-string', 'MongoDB SRV URL', code({ js: `mongoose.connect('mongodb+srv://api:${password()}@cluster0.${random.chars(LOWER + DIGITS, 5)}.mongodb.net/prod?retryWrites=true');`, python: `client = MongoClient("mongodb+srv://etl:${password()}@cluster0.${random.chars(LOWER + DIGITS, 5)}.mongodb.net/warehouse")`, go: `\tclient, err := mongo.Connect(ctx, options.Client().ApplyURI("mongodb+srv://svc:${password()}@cluster1.${random.chars(LOWER + DIGITS, 5)}.mongodb.net"))` })),
    positive('database', 'database-connection-string', 'Redis URL', assignment('REDIS_URL', `rediss://default:${password()}@cache-prod.acme-internal.net:6380/0`)),
    positive('database', 'database-connection-string', 'AMQP URL', assignment('CELERY_BROKER_URL', `amqps://billing:${password()}@rabbit.prod.acme.io:5671/jobs`)),
    positive('database', 'database-connection-string', 'SQLAlchemy URL', code({ python: `engine = create_engine("postgresql+psycopg2://reporting:${password()}@analytics.acme.io:5432/reports")`, ini: `sqlalchemy.url = postgresql+psycopg2://reporting:${password()}@analytics.acme.io/reports` })),
    positive('database', 'database-connection-string', 'SQL Server URL', assignment('MSSQL_URL', `sqlserver://svc_reports:${password()}@sql-prod-01.acme.corp:1433/reporting`)),
    positive('database', 'database-connection-string', 'MongoDB in-cluster URL', code({ yaml: `      MONGO_URL: mongodb://admin:${password()}@mongo-0.mongo.prod.svc.cluster.local:27017/admin`, env: `MONGO_URL=mongodb://admin:${password()}@mongo-0.mongo.prod.svc.cluster.local:27017/admin` })),
    negative('template', 'database', 'password from a compose variable', code({ yaml: '      DATABASE_URL: mysql://root:${MYSQL_ROOT_PASSWORD}@mysql:3306/app', sh: 'mysqldump "mysql://root:${MYSQL_ROOT_PASSWORD}@127.0.0.1:3306/app" > dump.sql' })),
    negative('docs-example', 'database', 'local development default', assignment('DATABASE_URL', 'postgres://postgres:postgres@localhost:5432/app_dev')),
    negative('docs-example', 'database', 'documentation host', assignment('DATABASE_URL', 'postgresql://user:secret@db.example.com:5432/mydb')),
    negative('template', 'database', 'URL built from variables', assignment('DATABASE_URL', 'postgres://${DB_USER}:${DB_PASSWORD}@db:5432/app', ['env', 'sh', 'yaml', 'dockerfile'])),
    negative('placeholder', 'database', 'URL with placeholders', assignment('MONGO_URL', 'mongodb+srv://<username>:<password>@cluster0.mongodb.net/test')),
    negative('template', 'database', 'Helm template password', code({ yaml: '  DATABASE_URL: "postgres://app:{{ .Values.postgresql.auth.password }}@{{ .Release.Name }}-postgresql:5432/app"' })),
    negative('docs-example', 'database', 'compose-network default', code({ yaml: '      REDIS_URL: redis://:redis@redis:6379/0', env: 'REDIS_URL=redis://:redis@redis:6379/0' })),
  ];
}

function genericItems(random) {
  const mixed = (n) => random.chars(ALNUM, n);
  const password = () => `${random.chars(UPPER, 2)}${random.chars(LOWER + DIGITS, 6)}!${random.chars(ALNUM, 5)}#${random.chars(DIGITS, 2)}`;
  return [
    positive('generic', 'generic-secret', 'internal API key', assignment('INTERNAL_API_KEY', mixed(32))),
    positive('generic', 'generic-secret', 'session secret', code({ yaml: `  session_secret: ${random.bytes(33).toString('base64')}`, python: `SESSION_SECRET = "${random.bytes(33).toString('base64')}"`, js: `app.use(session({ secret: '${random.bytes(33).toString('base64')}', resave: false }));` })),
    positive('generic', 'generic-secret', 'database password', code({ properties: `spring.datasource.password=${password()}`, yaml: `    password: "${password()}"`, ini: `password = ${password()}` })),
    positive('generic', 'generic-secret', 'OAuth client secret', code({ json: `  "clientSecret": "GOCSPX-${random.chars(BASE64URL, 28)}",`, ts: `  clientSecret: 'GOCSPX-${random.chars(BASE64URL, 28)}',`, python: `GOOGLE_CLIENT_SECRET = "GOCSPX-${random.chars(BASE64URL, 28)}"` })),
    positive('generic', 'generic-secret', 'API key in a CLI flag', code({ sh: `acme-cli deploy --api-key ${mixed(40)} --region eu-west-1`, md: `    acme-cli login --api-key ${mixed(40)}`, dockerfile: `RUN acme-cli configure --api-key ${mixed(40)}` })),
    positive('generic', 'generic-secret', 'XML app setting', code({ xml: `    <add key="PaymentGatewayApiKey" value="${mixed(36)}" />` })),
    positive('generic', 'generic-secret', 'XML password element', code({ xml: `    <password>${password()}</password>` })),
    positive('generic', 'generic-secret', 'webhook signing secret', assignment('WEBHOOK_SIGNING_SECRET', `whsec_${random.bytes(24).toString('base64')}`)),
    positive('generic', 'generic-secret', 'JWT secret', assignment('JWT_SECRET', random.chars(ALNUM + '-_', 48))),
    positive('generic', 'generic-secret', 'Rails secret_key_base (hex)', code({ yaml: `  secret_key_base: ${random.chars(HEX, 128)}`, ruby: `  config.secret_key_base = "${random.chars(HEX, 128)}"` })),
    positive('generic', 'generic-secret', 'Kubernetes Secret data (base64 of a random password)', code({ yaml: `  password: ${Buffer.from(random.chars(ALNUM + '!#%', 24)).toString('base64')}` })),
    positive('generic', 'generic-secret', 'API key of an unlisted service in JSON', code({ json: `  "apiKey": "${mixed(40)}",`, ts: `  apiKey: '${mixed(40)}',` })),
    positive('generic', 'generic-secret', 'Azure SQL connection string password', code({ json: `    "Reporting": "Server=tcp:acme-sql.database.windows.net,1433;Database=reports;User ID=reporter;Pwd=${password()};Encrypt=True;",`, cs: `        public const string ReportingDb = "Server=tcp:acme-sql.database.windows.net,1433;Database=reports;User ID=reporter;Pwd=${password()};";` })),
    positive('generic', 'generic-secret', 'OAuth client secret in ini', code({ ini: `client_secret = ${random.chars(BASE64URL, 40)}`, toml: `client_secret = "${random.chars(BASE64URL, 40)}"` })),
    negative('template', 'generic', 'sealed (encrypted) secret', code({ yaml: `    password: AgB${random.bytes(300).toString('base64')}` })),
    negative('template', 'generic', 'Ansible Vault ciphertext', code({ yaml: { lines: ['  db_password: !vault |', '    $ANSIBLE_VAULT;1.1;AES256', ...wrap(random.chars(HEX, 320), 80).map((l) => `    ${l}`)], primary: 0 } })),
    negative('template', 'generic', 'SOPS-encrypted value', code({ yaml: `  api_key: ENC[AES256_GCM,data:${random.bytes(30).toString('base64')},iv:${random.bytes(32).toString('base64')},tag:${random.bytes(16).toString('base64')},type:str]` })),
    negative('identifier', 'generic', 'token endpoint URL', code({ python: 'TOKEN_URL = "https://oauth2.googleapis.com/token"', yaml: '  token_url: https://login.microsoftonline.com/common/oauth2/v2.0/token' })),
    negative('identifier', 'generic', 'password policy setting', code({ yaml: '  password_min_length: 12', properties: 'security.password.min-length=12', ini: 'password_expiry_days = 90' })),
    negative('identifier', 'generic', 'API key header name', code({ python: 'API_KEY_HEADER = "X-Acme-Api-Key"', ts: "export const API_KEY_HEADER = 'X-Acme-Api-Key';" })),
    negative('hash', 'generic', 'Go module checksum', code({ md: `    github.com/acme/sdk v1.4.2 h1:${random.bytes(32).toString('base64')}` })),
    negative('hash', 'generic', 'SRI integrity attribute', code({ md: `    <script src="https://cdn.acme.dev/widget.js" integrity="sha384-${random.bytes(48).toString('base64')}" crossorigin="anonymous"></script>` })),
    negative('hash', 'generic', 'SHA-256 checksum', code({ dockerfile: `ARG NODE_SHA256=${random.chars(HEX, 64)}`, sh: `echo "${random.chars(HEX, 64)}  node.tar.xz" | sha256sum -c -` })),
    negative('hash', 'generic', 'bcrypt hash of a password', code({ yaml: `  password_hash: "$2b$12$${random.chars(ALNUM + './', 53)}"`, python: `ADMIN_PASSWORD_HASH = "$2b$12$${random.chars(ALNUM + './', 53)}"` })),
    negative('hash', 'generic', 'git commit SHA', code({ yaml: `    ref: ${random.chars(HEX, 40)}`, json: `  "commit": "${random.chars(HEX, 40)}",` })),
    negative('hash', 'generic', 'container image digest', code({ dockerfile: `FROM node:20-alpine@sha256:${random.chars(HEX, 64)}`, yaml: `        image: ghcr.io/acme/api@sha256:${random.chars(HEX, 64)}` })),
    negative('hash', 'generic', 'MD5 in a secret-named field', assignment('SECRET_FILE_MD5', random.chars(HEX, 32), ['yaml', 'json', 'python', 'env'])),
    negative('identifier', 'generic', 'UUID client id', assignment('OAUTH_CLIENT_ID', uuid(random))),
    negative('identifier', 'generic', 'UUID in a token-named field', assignment('API_TOKEN_ID', uuid(random))),
    negative('identifier', 'generic', 'token type', code({ json: '  "token_type": "Bearer",', python: 'TOKEN_TYPE = "Bearer"' })),
    negative('identifier', 'generic', 'tokenizer', code({ python: 'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")', js: "const tokenizer = new Tokenizer({ vocabulary: 'cl100k_base' });" })),
    negative('identifier', 'generic', 'csrf token field name', code({ js: "const csrfToken = document.querySelector('meta[name=csrf-token]').content;", ruby: "  csrf_token = form_authenticity_token" })),
    negative('identifier', 'generic', 'secret name reference in Kubernetes', code({ yaml: '              secretKeyRef:\n                name: api-credentials-prod' })),
    negative('identifier', 'generic', 'function name with "password"', code({ ts: 'export async function resetPasswordForAccount(accountId: string): Promise<void> {', java: '    public boolean validatePasswordComplexityRules(String candidate) {' })),
    negative('template', 'generic', 'secret from the environment', code({ python: 'SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")', ruby: "SECRET_KEY = ENV.fetch('SECRET_KEY_BASE')", php: "    'secret' => env('APP_SECRET'),", go: '\tapiKey := os.Getenv("ACME_API_KEY")', cs: '        var apiKey = Environment.GetEnvironmentVariable("ACME_API_KEY");' })),
    negative('template', 'generic', 'templated password', code({ yaml: '    password: "{{ vault_db_password }}"', tf: '  password = var.db_password', properties: 'spring.datasource.password=${DB_PASSWORD}', ini: 'password = %(db_password)s' })),
    negative('template', 'generic', 'Jinja/ERB template', code({ yaml: '  api_key: "<%= ENV[\'ACME_API_KEY\'] %>"', md: '    api_key: "{{ acme_api_key }}"' })),
    negative('placeholder', 'generic', 'changeme password', assignment('ADMIN_PASSWORD', 'changeme')),
    negative('placeholder', 'generic', 'password placeholder', assignment('DB_PASSWORD', 'your-database-password')),
    negative('placeholder', 'generic', 'redacted value', assignment('API_KEY', '**********')),
    negative('placeholder', 'generic', 'REPLACE_ME secret', assignment('CLIENT_SECRET', 'REPLACE_ME_WITH_YOUR_CLIENT_SECRET')),
    negative('placeholder', 'generic', 'angle-bracket placeholder', assignment('API_KEY', '<insert-api-key-here>')),
    negative('docs-example', 'generic', 'RFC 6749 example access token', code({ json: '  "access_token": "2YotnFZFEjr1zCsicMWpAA",', md: '    {"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600}' })),
    negative('docs-example', 'generic', 'jwt.io example token', code({ md: '    Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', js: "const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';" })),
    negative('identifier', 'generic', 'camelCase identifier as a value', assignment('TOKEN_PROVIDER_CLASS', 'DefaultCredentialsTokenProvider')),
    negative('identifier', 'generic', 'file path in a key setting', code({ yaml: '  private_key: ./certs/server-2025.key', properties: 'server.ssl.key-store=classpath:keystore/acme-prod.p12', ini: 'private_key = /etc/ssl/private/acme.pem' })),
    negative('hash', 'generic', 'base64 of words (encoded fixture)', assignment('TEST_PASSWORD_B64', Buffer.from('correct horse battery staple').toString('base64'), ['yaml', 'env', 'python'])),
    negative('identifier', 'generic', 'version string in a token setting', code({ yaml: '  token_version: 2.14.3', properties: 'auth.token.version=2.14.3' })),
    negative('identifier', 'generic', 'short password in a test', code({ python: '    user = User(username="alice", password="hunter2")', js: "  await login({ username: 'alice', password: 'hunter2' });" })),
  ];
}

function gcpItems(random) {
  const file = (project, account) => ({ langs: ['json'], render: () => ({ lines: serviceAccountFile(random, project, account), primary: 4 }) });
  return [
    alone('gcp/billing-sa.json', 'json', positive('google', 'gcp-service-account-key', 'service account key file', file('acme-billing-prod', 'invoice-worker'))),
    alone('gcp/etl-sa.json', 'json', positive('google', 'gcp-service-account-key', 'service account key file', file('acme-etl-staging', 'loader'))),
    positive('google', 'gcp-service-account-key', 'service account key in one line', assignment('GOOGLE_CREDENTIALS', oneLineServiceAccount(random, 'acme-data-prod', 'etl-runner'), ['env'])),
    alone('gcp/sa-template.json', 'json', negative('placeholder', 'google', 'service account template', code({ json: { lines: ['{', '  "type": "service_account",', '  "project_id": "your-project-id",', '  "private_key_id": "your-private-key-id",', '  "private_key": "-----BEGIN PRIVATE KEY-----\\nYOUR_PRIVATE_KEY\\n-----END PRIVATE KEY-----\\n",', '  "client_email": "your-service-account@your-project-id.iam.gserviceaccount.com"', '}'], primary: 4 } }))),
    alone('gcp/github-wif.json', 'json', negative('template', 'google', 'workload identity federation config', code({ json: { lines: ['{', '  "type": "external_account",', '  "audience": "//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/acme",', '  "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",', '  "token_url": "https://sts.googleapis.com/v1/token",', '  "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com:generateAccessToken"', '}'], primary: 1 } }))),
  ];
}

// ------------------------------------------------------------------------------------------------
// Files

/** Lines that hold nothing secret, by language: what surrounds the labelled lines. */
const FILLER = {
  env: ['NODE_ENV=production', 'LOG_LEVEL=info', 'PORT=8080', 'AWS_REGION=eu-west-1', 'FEATURE_FLAGS=search,billing-v2', 'HTTP_TIMEOUT_MS=15000'],
  yaml: ['  replicas: 3', '  log_level: info', '  region: eu-west-1', '  timeout_seconds: 30', '  enabled: true', '  image_tag: "2025.11.3"', '  # rotated quarterly by the platform team'],
  json: ['  "timeout": 30,', '  "region": "eu-west-1",', '  "retries": 5,', '  "logLevel": "info",', '  "featureFlags": ["search", "billing-v2"],'],
  python: ['import os', 'import logging', 'logger = logging.getLogger(__name__)', 'TIMEOUT_SECONDS = 30', 'REGION = "eu-west-1"', '# Settings for the billing worker.', 'DEBUG = False'],
  js: ["const path = require('node:path');", 'const TIMEOUT_MS = 15_000;', "const region = 'eu-west-1';", '// Clients for the worker.', 'let retries = 0;', 'module.exports.ready = true;'],
  ts: ["import { z } from 'zod';", 'export const TIMEOUT_MS = 15_000;', "export const REGION = 'eu-west-1';", '// Clients shared by the web app.', 'const retries: number = 3;'],
  go: ['\tdefaultTimeout = 30', '\tregion = "eu-west-1"', '\tmaxRetries = 5', '\t// values below are injected at build time'],
  java: ['    private static final int TIMEOUT_SECONDS = 30;', '    private static final String REGION = "eu-west-1";', '    // Credentials for the batch jobs.', '    private static final boolean DEBUG = false;'],
  sh: ['set -euo pipefail', 'cd "$(dirname "$0")/.."', 'echo "deploying $VERSION"', 'npm ci --ignore-scripts', '# see docs/deploy.md'],
  dockerfile: ['WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev', 'EXPOSE 8080', 'USER node'],
  tf: ['  region = "eu-west-1"', '  tags = { team = "platform" }', '  instance_type = "t3.medium"', '  # managed by terraform'],
  properties: ['server.port=8080', 'spring.application.name=billing', 'logging.level.root=INFO', 'spring.jpa.open-in-view=false'],
  toml: ['concurrent = 4', 'check_interval = 0', 'log_level = "info"', '# runner configuration'],
  ruby: ["require 'json'", 'TIMEOUT = 30', "REGION = 'eu-west-1'", '# initializer for third-party services'],
  php: ["    'timezone' => 'UTC',", "    'debug' => false,", "    'locale' => 'en',", "    'cipher' => 'AES-256-CBC',"],
  cs: ['        public const int TimeoutSeconds = 30;', '        public const string Region = "eu-west-1";', '        // Settings for the API host.'],
  xml: ['    <add key="Region" value="eu-west-1" />', '    <add key="TimeoutSeconds" value="30" />', '    <add key="EnableTracing" value="true" />'],
  ini: ['region = eu-west-1', 'timeout = 30', 'retries = 5', '; managed by ansible'],
  md: ['Set the variables below before running the service.', 'Rotate credentials every 90 days.', 'See the runbook for the on-call procedure.', ''],
  npmrc: ['registry=https://registry.npmjs.org/', 'save-exact=true', 'engine-strict=true'],
  lockfile: ['      "version": "4.21.2",', '      "resolved": "https://registry.npmjs.org/express/-/express-4.21.2.tgz",', '      "license": "MIT",', '      "dev": false,'],
  pem: [],
};

/** The files of the set: path, language, and lines around the labelled content. */
const FILES = [
  { path: 'services/api/.env.production', lang: 'env' },
  { path: 'services/api/settings.py', lang: 'python' },
  { path: 'services/api/config/production.yaml', lang: 'yaml', head: ['production:'] },
  { path: 'services/worker/config.json', lang: 'json', head: ['{'], tail: ['}'] },
  { path: 'services/worker/index.js', lang: 'js', head: ["'use strict';"] },
  { path: 'services/web/src/lib/clients.ts', lang: 'ts' },
  { path: 'cmd/server/config.go', lang: 'go', head: ['package main', '', 'const ('], tail: [')'] },
  { path: 'app/src/main/java/com/acme/Credentials.java', lang: 'java', head: ['package com.acme;', '', 'public final class Credentials {'], tail: ['}'] },
  { path: 'scripts/deploy.sh', lang: 'sh', head: ['#!/usr/bin/env bash'] },
  { path: 'docker/api.Dockerfile', lang: 'dockerfile', head: ['FROM node:20-alpine'], tail: ['CMD ["node", "server.js"]'] },
  { path: 'infra/main.tf', lang: 'tf', head: ['module "platform" {', '  source = "./modules/platform"'], tail: ['}'] },
  { path: 'billing/src/main/resources/application.properties', lang: 'properties' },
  { path: 'runner/config.toml', lang: 'toml', head: ['[[runners]]', '  name = "acme-docker"'] },
  { path: 'config/initializers/services.rb', lang: 'ruby' },
  { path: 'config/services.php', lang: 'php', head: ['<?php', '', 'return ['], tail: ['];'] },
  { path: 'src/Acme.Api/Settings.cs', lang: 'cs', head: ['namespace Acme.Api', '{', '    public static class Settings', '    {'], tail: ['    }', '}'] },
  { path: 'src/Acme.Api/Web.config', lang: 'xml', head: ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>'], tail: ['  </appSettings>', '</configuration>'] },
  { path: 'deploy/app.ini', lang: 'ini', head: ['[app]'] },
  { path: 'docs/setup.md', lang: 'md', head: ['# Setting up the platform', ''] },
  { path: 'k8s/api-deployment.yaml', lang: 'yaml', head: ['apiVersion: apps/v1', 'kind: Deployment', 'spec:'] },
  { path: 'ci/release.yml', lang: 'yaml', head: ['name: release', 'on: push', 'env:'] },
  { path: 'tools/migrate.py', lang: 'python' },
  { path: 'packages/notify/src/send.js', lang: 'js' },
  { path: 'packages/admin/src/config.ts', lang: 'ts' },
  { path: 'scripts/bootstrap.sh', lang: 'sh', head: ['#!/bin/sh'] },
  { path: 'docs/integrations.md', lang: 'md', head: ['# Third-party integrations', ''] },
  { path: 'services/worker/package-lock.json', lang: 'lockfile', head: ['{', '  "name": "worker",', '  "lockfileVersion": 3,', '  "packages": {', '    "node_modules/express": {'], tail: ['    }', '  }', '}'] },
  { path: '.npmrc', lang: 'npmrc' },
  { path: 'ops/group_vars/all.yml', lang: 'yaml', head: ['---'] },
];

/** Places each item in the least-filled file of a language it can be written in. */
function distribute(random, items) {
  const placed = FILES.map((file) => ({ ...file, entries: [] }));
  for (const item of random.shuffle(items)) {
    const candidates = placed.filter((file) => item.langs.includes(file.lang));
    if (candidates.length === 0) throw new Error(`no file can hold "${item.what}" (languages ${item.langs.join(', ')})`);
    const fewest = Math.min(...candidates.map((file) => file.entries.length));
    const target = random.pick(candidates.filter((file) => file.entries.length === fewest));
    target.entries.push(item);
  }
  return placed;
}

function fillerLines(random, lang, count) {
  const pool = FILLER[lang];
  const out = [];
  for (let i = 0; i < count && pool.length > 0; i++) out.push(random.pick(pool));
  return out;
}

/**
 * Filler lines around an item marked `isolate`: AWS pairs a key id with a secret up to 5 lines away,
 * so lone key ids and lone secrets are kept further apart than that.
 */
const ISOLATION_LINES = 6;

/** Writes a file's lines and records, for each item, the lines it occupies. */
function assemble(random, file) {
  const lines = [...(file.head ?? [])];
  const labels = [];
  for (const item of file.entries) {
    lines.push(...fillerLines(random, file.lang, item.isolate ? ISOLATION_LINES : random.int(0, 2)));
    const { lines: itemLines, primary } = item.render(file.lang);
    const expanded = itemLines.flatMap((l) => l.split('\n'));
    const start = lines.length + 1;
    lines.push(...expanded);
    labels.push(labelFor(item, file.path, { startLine: start, line: start + primary, endLine: start + expanded.length - 1 }));
    if (item.isolate) lines.push(...fillerLines(random, file.lang, ISOLATION_LINES));
  }
  lines.push(...fillerLines(random, file.lang, 1), ...(file.tail ?? []));
  if (file.lang === 'json' || file.lang === 'lockfile') fixJsonCommas(lines);
  return { path: file.path, text: `${lines.join('\n')}\n`, labels };
}

/** JSON filler and items end in commas; the last member before a closing brace must not. */
function fixJsonCommas(lines) {
  for (let i = 1; i < lines.length; i++) {
    if (/^\s*[}\]]/.test(lines[i]) && lines[i - 1].endsWith(',')) lines[i - 1] = lines[i - 1].slice(0, -1);
  }
}

function labelFor(item, path, { startLine, line, endLine }) {
  const label = { file: path, line, startLine, endLine, credential: item.credential, what: item.what };
  if (item.credential) return { ...label, provider: item.provider, rule: item.rule };
  return { ...label, category: item.category, imitates: item.imitates };
}

// ------------------------------------------------------------------------------------------------
// The set

/**
 * What the item modules under bench/labelled/ build their items with: the encodings, the forms
 * (assignment, code, block, alone) and positive()/negative(). Each module gets its own random stream,
 * seeded by its name, so that adding items to one leaves the others' values as they were.
 */
const KIT = {
  DIGITS, UPPER, LOWER, ALNUM, HEX, BASE32, BASE64URL, BASE62,
  toBase62, base64url, uuid, crc32, Buffer,
  der, sequence, octetString, bitString, integer, smallInteger, OID, pem, wrap,
  assignment, assignments, block, code, alone, positive, negative,
};

/** A module's own seed: the set's seed mixed with a hash of the module's name. */
function moduleSeed(seed, name) {
  let hash = seed >>> 0;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

const ITEM_MODULES = { 'group-1': group1Items, 'group-2': group2Items, 'group-3': group3Items, 'group-4': group4Items, 'near-misses': nearMissItems };

export function generateLabelledSet(seed = SEED) {
  const random = createRandom(seed);
  const moduleItems = Object.entries(ITEM_MODULES).flatMap(([name, items]) => items(createRandom(moduleSeed(seed, name)), KIT));
  const items = [
    ...githubItems(random),
    ...awsItems(random),
    ...slackItems(random),
    ...stripeItems(random),
    ...openaiItems(random),
    ...anthropicItems(random),
    ...gitlabItems(random),
    ...npmItems(random),
    ...pypiItems(random),
    ...googleItems(random),
    ...azureItems(random),
    ...smallProviderItems(random),
    ...privateKeyItems(random),
    ...databaseItems(random),
    ...genericItems(random),
    ...gcpItems(random),
    ...moduleItems,
  ];
  const files = distribute(random, items.filter((item) => !item.standalone)).map((file) => assemble(random, file));
  for (const item of items.filter((i) => i.standalone)) {
    const { path, lang } = item.standalone;
    const { lines, primary } = item.render(lang);
    files.push({ path, text: `${lines.join('\n')}\n`, labels: [labelFor(item, path, { startLine: 1, line: primary + 1, endLine: lines.length })] });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const labels = files.flatMap((f) => f.labels);
  return {
    files: files.map(({ path, text }) => ({ path, text })),
    labels: {
      description: 'Labelled lines of fixtures/labelled/files, generated by bench/labelled-set.mjs: credential true = a real-format credential of `provider` (leakstop rule `rule`) starts on `line`; false = a hard negative of `category` imitating `imitates`. startLine..endLine is the whole item (multi-line keys). Unlabelled lines hold nothing secret.',
      seed,
      items: labels,
    },
  };
}

function render(set) {
  const files = new Map(set.files.map((f) => [f.path, f.text]));
  files.set('../labels.json', `${JSON.stringify(set.labels, null, 2)}\n`);
  return files;
}

function write(set) {
  rmSync(FILES_DIR, { recursive: true, force: true });
  for (const [path, text] of render(set)) {
    const target = join(FILES_DIR, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/** Paths whose committed content differs from what the generator makes now. */
function differences(set) {
  const changed = [];
  for (const [path, text] of render(set)) {
    const target = join(FILES_DIR, path);
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) changed.push(path);
  }
  return changed;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const set = generateLabelledSet();
  const positives = set.labels.items.filter((i) => i.credential).length;
  if (process.argv.includes('--check')) {
    const changed = differences(set);
    if (changed.length > 0) {
      console.error(`fixtures/labelled is out of date (${changed.join(', ')}): run node bench/labelled-set.mjs`);
      process.exit(1);
    }
    console.log('fixtures/labelled matches bench/labelled-set.mjs');
  } else {
    write(set);
    console.log(`wrote ${set.files.length} files, ${set.labels.items.length} labelled items (${positives} credentials) to fixtures/labelled`);
  }
}
