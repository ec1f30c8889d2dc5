// The generic rule: a random-looking value assigned to a secret-like name (api_key, secret, token,
// password, private_key…) in code, config, .env, CLI flags or XML. It is the last resort for
// credentials without a recognisable format, so it is strict about both the name and the value:
// words, identifiers, hashes, UUIDs, paths, versions and templates are not secrets.
//
// Its keywords are among the most common words in code, so the pattern starts at the keyword and
// consumes the name suffix and the value atomically (lookahead + backreference): at each keyword
// it either matches right there or gives up after a few steps. The part of the name before the
// keyword is read in validate, from the text before the match: as a lookbehind in the pattern it
// cost a third of every try, and on a keyword-dense tree there are millions of tries.
import { shannonEntropy } from '../../detect/entropy.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

// Most frequent first (every keyword hit tries this). Password words are captured as `password`:
// values under 16 characters are only tried after them.
const KEYWORD = String.raw`(?:token|secret|(?<password>passw(?:or)?d|passwort|pwd)|api[_-]?key|private[_-]?key|access[_-]?key|auth|cred(?:entials?|s))`;

/** Characters of an identifier around the keyword: AWS_SECRET_ACCESS_KEY, config.apiToken, --api-key. */
const NAME_CHAR = '[A-Za-z0-9_.-]';
const IS_NAME_CHAR = new RegExp(`^${NAME_CHAR}$`);
/** The longest name read: the keyword with what comes before it (within Candidate.before's 64). */
const MAX_NAME = 60;

/** Characters a credential value is made of: base64, base64url, hex and password punctuation. */
const VALUE_CHAR = String.raw`[A-Za-z0-9+/=_.~!@#$%^&*?|-]`;

/** An XML element's value on the line after its start tag, or its end tag on the line after it. */
const NEXT_LINE = String.raw`[ \t]{0,8}\r?\n[ \t]{0,32}`;

const SEPARATOR = [
  // NAME = v, NAME: v, NAME := v, 'NAME' => v, NAME == v, NAME ?= v, NAME ::= v, NAME :::= v (make),
  // NAME ||= v (ruby), $NAME .= v (PHP); up to 32 spaces for aligned Terraform/YAML blocks
  String.raw`[ \t]{0,32}(?::{1,3}=|=>|={1,3}|:|\?=|\|\|=|\.=)[ \t]{0,4}`,
  // TypeScript/Kotlin/Go annotations: NAME: string = v, NAME string = v (Go var)
  String.raw`[ \t]{0,4}:?[ \t]{0,4}[A-Za-z_][A-Za-z0-9_<>\[\]|.]{0,40}[ \t]{0,4}:?=[ \t]{0,4}`,
  // <add key="ApiKey" value="…"/>
  String.raw`[ \t]{1,4}value[ \t]{0,2}=[ \t]{0,2}`,
  // System.setProperty("API_TOKEN", v), define('DB_PASSWORD', v) (the call is checked in validate)
  String.raw`(?<=["']),[ \t]{0,4}(?=["'])`,
  // --api-key v (only for flags, checked in validate)
  String.raw`[ \t]{1,4}`,
  // <password>v</password>, the value maybe on a line of its own
  String.raw`>(?:${NEXT_LINE})?`,
].join('|');

const PATTERN = new RegExp(
  String.raw`(?<keyword>${KEYWORD})` +
    // The rest of the identifier, taken atomically so that a failed match does not backtrack.
    String.raw`(?=(?<suffix>${NAME_CHAR}{0,30}))\k<suffix>` +
    // What may follow a name (a quote, a space, a separator's first character): a name followed by
    // anything else (tokens.push(, token;) fails here once instead of in each separator below.
    String.raw`(?=[ \t:=?|,>"'\x60])` +
    String.raw`(?<keyQuote>["'\x60]?)(?<separator>${SEPARATOR})(?<valueQuote>["'\x60]?)` +
    // 16 characters at least, or 8 after a password word: `(?!\k<password>)` holds only when that
    // group took part (a backreference to a group that did not matches the empty string), so that
    // short values after other names end here instead of in validate.
    // A short value must also hold a digit among its first 16 characters, as validate() demands of a
    // chosen password: on a keyword-dense tree, short values after password words that are words
    // (`password: changeme`) reaching validate() and the placeholder checks doubled the rule's time.
    String.raw`(?:(?=${VALUE_CHAR}{16})|(?!\k<password>)(?=${VALUE_CHAR}{0,15}[0-9]))(?=(?<secret>${VALUE_CHAR}{8,128}))\k<secret>` +
    String.raw`(?:(?<closeQuote>["'\x60])|(?!${VALUE_CHAR}))(?<closeTag>(?:${NEXT_LINE})?<\/)?`,
  'i',
);

const KEYWORDS = [
  'api_key',
  'api-key',
  'apikey',
  'secret',
  'token',
  'password',
  'passwd',
  'passwort',
  'pwd',
  'private_key',
  'private-key',
  'privatekey',
  'access_key',
  'access-key',
  'accesskey',
  'credential',
  'creds',
  // `auth` alone is in `author`, `OAuth` and `authorization` thousands of times: only where a
  // separator or quote follows it at once (auth = …, "auth": …, user_auth: …).
  'auth=',
  'auth:',
  'auth =',
  'auth"',
  "auth'",
];

// ---------------------------------------------------------------------------------------------
// The name

/** Words of an identifier: camelCase, snake_case, kebab-case, dotted and SCREAMING_CASE. */
function identifierWords(identifier: string): string[] {
  return (identifier.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? []).map((w) => w.toLowerCase());
}

/** Last words that make the name about a secret rather than the secret: token_type, api_key_id. */
const NOT_SECRET_LAST_WORDS = new Set(
  (
    'id ids name names type types kind url uri urls endpoint path paths file filename dir length len size ' +
    'count hash hashes hint field fields label prompt placeholder pattern regex format header headers policy ' +
    'version ttl expiry expires expiration timeout index idx limit mode prefix suffix ref arn store provider ' +
    'service generator validator helper config enabled required rotation max min env var location source ' +
    'method strategy flag option options param params bytes bits algorithm algo encoding scope scopes ' +
    'audience issuer error errors message msg text description title class style input button form view ' +
    'column table schema status state event events handler callback fn func spec mock example sample dummy ' +
    'fake position pos offset start end kinds flags node nodes list map set'
  ).split(' '),
);

/**
 * Words before the keyword that name something other than a credential (csrf_token,
 * next_page_token, eos_token), or a fixture (test_password, mockToken).
 */
const NOT_SECRET_PREFIX_WORDS = new Set(
  (
    'csrf xsrf authenticity antiforgery public publishable page next prev previous continuation cancellation sync idempotency lexer ' +
    'parser syntax scanner max min num total input output completion prompt eos bos pad unk mask sep cls ' +
    'special stop start end first last current is has get set fetch parse create generate validate verify ' +
    'check expect expected mock fake dummy sample example test'
  ).split(' '),
);

/** Words glued in lower case before a keyword in real credential names: accesstoken, clientsecret. */
const COMPOUND_PREFIXES = /(?:access|auth|api|bot|bearer|client|app|session|refresh|oauth|user|admin|master|root|db|service|webhook|signing|encryption|consumer|deploy|registry|jwt|id|my|private|secret|shared|account|personal|github|gitlab|slack|npm)$/i;

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z]/.test(ch);
const isUpper = (ch: string | undefined): boolean => ch !== undefined && /[A-Z]/.test(ch);
const isLower = (ch: string | undefined): boolean => ch !== undefined && /[a-z]/.test(ch);

/**
 * The keyword must be a word of the identifier, not part of another word: `tokenizer`, `TOKENS`,
 * `secretary` and `passwordless` are not credential names; `authToken`, `tokenValue`,
 * `clientsecret` and `API_TOKEN` are.
 */
function keywordStandsAlone(before: string, keyword: string, suffix: string): boolean {
  const next = suffix[0];
  if (isLetter(next) && !(isUpper(next) && isLower(keyword.at(-1)))) return false;
  const previous = before.at(-1);
  if (!isLetter(previous)) return true;
  if (isLower(previous) && isUpper(keyword[0])) return true;
  return COMPOUND_PREFIXES.test(before);
}

/**
 * The identifier up to the keyword's end: the name characters just before the keyword (from the
 * text before the match), then the keyword, MAX_NAME characters at most.
 */
function nameUpToKeyword(keyword: string, textBefore: string): string {
  let start = textBefore.length;
  const limit = Math.max(0, textBefore.length - (MAX_NAME - keyword.length));
  while (start > limit && IS_NAME_CHAR.test(textBefore[start - 1]!)) start--;
  return textBefore.slice(start) + keyword;
}

function isSecretName(groups: Candidate['groups'], name: string): boolean {
  const keyword = groups['keyword'] ?? '';
  const suffix = groups['suffix'] ?? '';
  const before = name.slice(0, name.length - keyword.length);
  if (!keywordStandsAlone(before, keyword, suffix)) return false;
  const prefixWords = identifierWords(before);
  if (prefixWords.some((w) => NOT_SECRET_PREFIX_WORDS.has(w))) return false;
  const lastWord = identifierWords(suffix).at(-1);
  return lastWord === undefined || !NOT_SECRET_LAST_WORDS.has(lastWord);
}

/** Calls that set a named value: System.setProperty("K", v), os.Setenv, putenv, PHP define('K', v). */
const SETTER_CALL = /(?:setProperty|[sS]etenv|putenv|define|setdefault)\([ \t]{0,4}$/;

/** The separator and quotes must form one of the assignment shapes the rule is meant for. */
function isAssignment(groups: Candidate['groups'], name: string, textBeforeName: string): boolean {
  const separator = groups['separator'] ?? '';
  const valueQuote = groups['valueQuote'] ?? '';
  const keyQuote = groups['keyQuote'] ?? '';
  if ((groups['closeQuote'] ?? '') !== valueQuote) return false;
  if (separator.startsWith('>')) return groups['closeTag'] !== undefined;
  if (separator.startsWith(',')) return keyQuote !== '' && valueQuote !== '' && SETTER_CALL.test(textBeforeName.slice(0, -1));
  if (/value/i.test(separator)) return keyQuote !== '' && valueQuote !== '';
  // A bare space separates a value only after a command-line flag: --api-key VALUE.
  if (separator.trim() === '') return name.startsWith('-');
  return true;
}

// ---------------------------------------------------------------------------------------------
// The value

const HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Twilio-style resource SIDs (AC…, SK…, PN…): public identifiers that sit next to the real secret. */
const RESOURCE_SID = /^[A-Z]{2}[0-9a-f]{32}$/;
/** Subresource integrity, lockfiles and image digests: sha512-…, sha1-…, sha256:…. */
const INTEGRITY = /^(?:sha(?:1|224|256|384|512)|md5)[-:]/i;
/** A stored password hash (bcrypt, argon2, crypt): it proves a password, it does not grant access. */
/** Stripe test-mode and publishable keys: not secrets, and the stripe rules know the live ones. */
/**
 * Providers' test-mode and public keys, by the prefixes they publish for them: Stripe's and Paystack's
 * sk_/rk_/pk_ test and publishable keys, Duffel's duffel_test_, EasyPost's EZTK, Flutterwave's
 * FLWSECK_TEST-/FLWPUBK_TEST-, Shippo's shippo_test_, Stytch's secret-test-, Razorpay's rzp_test_,
 * Mollie's test_, GoCardless's sandbox_, Mapbox's public pk.eyJ tokens.
 */
const TEST_OR_PUBLIC_KEY = /^(?:sk|rk)_test_|^pk_(?:test|live)_|^duffel_test_|^EZTK|^FLW(?:SECK|PUBK)_TEST|^shippo_test_|^secret-test-|^rzp_test_|^test_[A-Za-z0-9]{20,}$|^sandbox_|^pk\.eyJ/;
const PASSWORD_HASH = /^\$(?:2[abxy]?|argon2(?:id|i|d)|[1567])\$/;
const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][0-9A-Za-z.-]+)?$/;
/** Relative and home paths; absolute ones (/etc/ssl/…) are words and fail the word check. */
const PATH_START = /^(?:\.{1,2}\/|~\/|[A-Za-z]:\\)/;
const FILE_EXTENSION = /\.(?:txt|pem|key|json|ya?ml|env|crt|cert|cer|p12|pfx|jks|keystore|der|pub|conf|cfg|ini|toml|xml|js|ts|py|rb|go|sh|html?)$/i;
/** A reference to a value held elsewhere: $VAR, ${VAR}, $(command), %VAR%. */
/** A member expression naming where the value lives: env.WEBHOOK_SECRET, config.auth.apiKey, this.#e.webhookSecret. */
const MEMBER_PATH = /^[a-z_$][A-Za-z0-9_$]{0,24}(?:\??\.#?[A-Za-z_$][A-Za-z0-9_$]{0,64}){1,6}$/;
const REFERENCE = /^\$[A-Za-z_][A-Za-z0-9_]*$|\$\{|\$\(|^%[A-Za-z_][A-Za-z0-9_]*%$/;

/** Values copied into docs and tests everywhere: RFC 6749 §4.1 and §5.1, and xkcd 936's password. */
const WELL_KNOWN_EXAMPLES = new Set(['2YotnFZFEjr1zCsicMWpAA', 'tGzv3JOkF0XG5Qx2TlKWIA', 'SplxlOBeZQQYbYS6WxSbIA', 'Tr0ub4dor&3']);

/** Digests of the empty input (MD5, SHA-1, SHA-256): what a hash of nothing looks like in every fixture. */
const EMPTY_INPUT_DIGESTS = new Set([
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
]);

/**
 * Letter pairs common in English words and identifiers (the most frequent English bigrams plus a
 * few from code: project, symlink, xtext). About a third of all pairs: random letters hit them a
 * third of the time, words almost always.
 */
const COMMON_BIGRAMS = new Set(
  (
    'th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de ' +
    'hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ' +
    'ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni ts mo ow pa im mi ai sh ir su ' +
    'id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab gh ty op wo sa ay ex ke fr oo av ag if ap gr od ' +
    'bo sp rd do uc bu ei ov by rm ep tt oc fa ef cu rn sc gi da yo cr cl du ga qu ue ff ba ey ls va um pp ' +
    'ua up lu go ht ru ug ds lt pi rc rr eg au ck ew mu br bi pt ak pu ui rg ib tl ny ki rk ys ob mm fu ph ' +
    'og ms ye ud mb ip ub oi rl gu dr hr cc tw ft wn nu af hu nn eo vo rv nf xp gn sm fl iz ok nl my gl aw ' +
    'ju oa eq sy sl ps jo lf nv yp xt gs ks lp mn pd ym bj rf ax ix nx oj nk dm sw wl hm'
  ).split(' '),
);

/** Short words of identifiers that have no vowel or too few letter pairs to judge. */
const SHORT_WORDS = new Set(
  (
    'is to of in on at by an or as if it no up do be we go so my env cfg ctx req res msg btn src dst tmp ' +
    'pkg url uri api sql db id ids js ts py rb md fs os io ui cli sdk jwt ssh ssl tls dns tcp udp aws gcp ' +
    'iam kms sts arn num str int fn cb err len idx min max var val ref dev prod'
  ).split(' '),
);

const MIN_COMMON_BIGRAM_SHARE = 0.75;

/** Whether one camelCase/snake_case part reads as a word rather than random letters. */
function isWord(part: string): boolean {
  const word = part.toLowerCase();
  if (SHORT_WORDS.has(word)) return true;
  if (word.length < 3 || !/[aeiouy]/.test(word)) return false;
  let common = 0;
  for (let i = 0; i + 1 < word.length; i++) if (COMMON_BIGRAMS.has(word.slice(i, i + 2))) common++;
  return common / (word.length - 1) >= MIN_COMMON_BIGRAM_SHARE;
}

/**
 * Share of letters that belong to words: ~1 for identifiers, member expressions and dashed
 * passphrases (process.env.API_TOKEN, getTokenText2, correct-horse-battery), ~0 for random strings.
 */
function wordShare(value: string): number {
  const letters = value.replace(/[^A-Za-z]/g, '').length;
  if (letters === 0) return 0;
  const parts = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  return parts.filter(isWord).reduce((sum, part) => sum + part.length, 0) / letters;
}

const WORDY = 0.6;

/**
 * Base64 of printable text made of words: an encoded fixture ("password123" → cGFzc3dvcmQxMjM=).
 * Encoded credentials such as `user:x8Kq2mZp9vR` are mostly random and still count.
 */
function isEncodedWords(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const text = Buffer.from(value, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]+$/.test(text)) return false;
  return wordShare(text) >= WORDY;
}

/**
 * Random keys mix letters and digits, or at least three of lower, upper, digit and symbol, or are
 * long runs of mixed-case letters (identifiers among those are caught by wordShare after this).
 */
function hasClassMix(value: string): boolean {
  const lower = /[a-z]/.test(value);
  const upper = /[A-Z]/.test(value);
  const digit = /[0-9]/.test(value);
  const symbol = /[^A-Za-z0-9]/.test(value);
  const classes = [lower, upper, digit, symbol].filter(Boolean).length;
  return ((lower || upper) && digit) || classes >= 3 || (lower && upper && value.length >= 16);
}

/** Why a value is not a credential, or undefined when it may be one. `hexMayBeSecret`: see hexMayBeSecret. */
function notASecret(value: string, hexMayBeSecret: boolean): string | undefined {
  if (REFERENCE.test(value) || MEMBER_PATH.test(value)) return 'reference to another variable';
  if (HASH.test(value) && (!hexMayBeSecret || EMPTY_INPUT_DIGESTS.has(value.toLowerCase()))) return 'hash digest';
  if (UUID.test(value)) return 'UUID';
  if (RESOURCE_SID.test(value)) return 'resource identifier';
  if (INTEGRITY.test(value)) return 'integrity checksum';
  if (PASSWORD_HASH.test(value)) return 'password hash';
  if (TEST_OR_PUBLIC_KEY.test(value)) return 'test-mode or publishable key';
  if (VERSION.test(value)) return 'version string';
  if (WELL_KNOWN_EXAMPLES.has(value)) return 'example from a specification';
  if (PATH_START.test(value) || FILE_EXTENSION.test(value)) return 'file path';
  if (!hasClassMix(value)) return 'no mix of character classes';
  if (wordShare(value) >= WORDY) return 'words or an identifier';
  if (isEncodedWords(value)) return 'base64 of words';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Short passwords and hex secrets: values only a password or secret name makes worth reporting

/** Values shorter than this are reported only as passwords (see notAChosenPassword). */
const MIN_VALUE_LENGTH = 16;
/** Random 24-character hex sits around 3.6 bits per character; 3.3 keeps most of it. */
const MIN_ENTROPY = 3.3;
const PASSWORD_KEYWORD = /^(?:passw(?:or)?d|passwort|pwd)$/i;
/** Names that say their value is kept secret: a hex value there is a key, not a digest of something. */
const SECRET_KEYWORD = /^(?:secret|passw(?:or)?d|passwort|pwd|api[_-]?key|private[_-]?key|access[_-]?key)$/i;
/** Words of a name that make a hex value a digest even beside `secret`: secret_hash, apiKeySha256. */
const DIGEST_NAME_WORDS = new Set('hash hashed sha md5 digest checksum fingerprint integrity etag commit'.split(' '));

/** Whether a 32/40/64/128-digit hex value assigned to this name may be a key rather than a digest. */
function hexMayBeSecret(keyword: string, name: string): boolean {
  return SECRET_KEYWORD.test(keyword) && !identifierWords(name).some((w) => DIGEST_NAME_WORDS.has(w));
}

/** Pieces of the passwords people type into examples and tests (compared lower-cased, and with 0→o, 4→a…). */
const EXAMPLE_PASSWORD_PIECES = /pass|word|secret|admin|test|demo|qwert|asdf|letmein|welcome|change|default|user|guest|root|login|hello|abc|123|dummy|fake|sample|example|foo|bar/;

function withoutLeet(value: string): string {
  const letters: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
  return value.replace(/[013457@$!]/g, (c) => letters[c]!);
}

/**
 * A short value assigned to a password name (`Password=#gets0m3`) is reported when it reads as
 * chosen to be hard to guess: three kinds of character and a digit, six different characters at
 * least, no identifier (Uint8Array), and none of the pieces of example passwords (P@ssw0rd!,
 * Admin123#, test1234!).
 */
function notAChosenPassword(value: string): string | undefined {
  if (REFERENCE.test(value) || MEMBER_PATH.test(value)) return 'reference to another variable';
  if (VERSION.test(value) || PATH_START.test(value) || FILE_EXTENSION.test(value)) return 'version or file path';
  if (WELL_KNOWN_EXAMPLES.has(value)) return 'example from a specification';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(value)).length;
  if (kinds < 3 || !/[0-9]/.test(value)) return 'too plain for a short password';
  if (new Set(value).size < 6) return 'too few different characters';
  // Type names and identifiers (password: Uint8Array) are words; a password's symbol keeps leet
  // words (#gets0m3) in.
  if (!/[!@#%^&*?~+=|]/.test(value) && wordShare(value) >= WORDY) return 'words or an identifier';
  const lower = value.toLowerCase();
  if (EXAMPLE_PASSWORD_PIECES.test(lower) || EXAMPLE_PASSWORD_PIECES.test(withoutLeet(lower))) return 'an example password';
  return undefined;
}

function checkAssignment({ secret, groups, before }: Candidate): Validation {
  const keyword = groups['keyword'] ?? '';
  const short = secret.length < MIN_VALUE_LENGTH;
  // Cheapest first: most candidates of a keyword-dense tree end here.
  if (short && !PASSWORD_KEYWORD.test(keyword)) return { valid: false, reason: 'too short' };
  if (!short && shannonEntropy(secret) < MIN_ENTROPY) return { valid: false, reason: 'low entropy' };
  const name = nameUpToKeyword(keyword, before);
  const textBeforeName = before.slice(0, before.length - (name.length - keyword.length));
  if (!isAssignment(groups, name, textBeforeName)) return { valid: false, reason: 'not an assignment' };
  if (!isSecretName(groups, name)) return { valid: false, reason: 'name is not a credential name' };
  const reason = short ? notAChosenPassword(secret) : notASecret(secret, hexMayBeSecret(keyword, name + (groups['suffix'] ?? '')));
  return reason ? { valid: false, reason } : { valid: true };
}

const assignedSecret: Rule = {
  id: 'generic-secret',
  provider: 'generic',
  title: 'Secret assigned to a credential-named variable',
  severity: 'medium',
  confidence: 'entropy',
  keywords: KEYWORDS,
  keywordsIgnoreCase: true,
  // The match starts at the keyword (validate reads the name before it) and ends within
  // name suffix (30) + separator (~12) + quotes + value (128).
  window: { before: 0, after: 200 },
  anchor: 'keyword',
  pattern: PATTERN,
  // Entropy is checked in validate: a short password has too few characters to reach it.
  validate: checkAssignment,
  remediation:
    'Find which service issued this value, revoke or rotate it there, and load it from the environment or a secret manager instead of the repository.',
  samples: {
    positive: [
      'API_KEY=Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS',
      'export SERVICE_TOKEN="ZxOgjn2n5adbOKCyvg4i1TWI7OQpvGtf"',
      "const clientSecret = 'x4FP6mQwru5h6he#Ttc#n%&J';",
      '  "api_key": "g9MoLH7mokmqiV526Bt1O9bG5y4EUreF",',
      'db_password: 1BZNdlVom60QFTSamHy6np5k93PeRHMt',
      'deploy-cli --api-key iZxh_Ck1-lg0d2Y_HVu_u9qW --region eu-west-1',
      'resource "acme_integration" "ci" {\n  secret_key = "mL/by7j5G+R4aN13qRW6nMytBvwb5adT"\n}',
      '<appSettings>\n  <add key="PaymentApiKey" value="SAU8LU8QqtYkTbiLbmtdVJew29V84QpK" />\n</appSettings>',
      '<password>^Ph-%IjY@Yzp27Z7vy-l06zz</password>',
      "settings = {'ACCESS_TOKEN': 'PWH8liNs/7WkM+yMAqs6C3m0tYc+qA5V'}",
      'authToken := "wmjkMZrkvAPTrYByULH2usQ4dEqLT001"',
      "config.private_key ||= '5*wMq^gkIQ3cmrh&Ts7bmfqO'",
      // A short password, a hex value under a secret name, names without the usual keywords.
      'spring.datasource.password=#gets0m3Vq2xT',
      'CLIENT_SECRET = "1c9dbeaf3e72f3fceed211fe6358a695bf9f3e13"',
      'user_auth: "0YlFrLR6fG9SMmFDGDR9Z/pHtNc7Grp0VF03hnOI/zc="',
      'System.setProperty("PAYMENTS_TOKEN", "wmjkMZrkvAPTrYByULH2usQ4dEqLT001");',
      '<password>\n    ^Ph-%IjY@Yzp27Z7vy-l06zz\n</password>',
    ],
    negative: [
      "const secret = env.WEBHOOK_SECRET ?? '';",
      'apiKey: config.services.billingApiKey,',
      // Hashes: MD5, SHA-1, SHA-256.
      'api_key = "d41d8cd98f00b204e9800998ecf8427e"',
      'secret: da39a3ee5e6b4b0d3255bfef95601890afd80709',
      'TOKEN=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      // Lockfile integrity.
      '"integrity": "sha512-9bbA0tGdJ0pVqp4T3Lw6ZrjLFjMpzxJr2YnR8q1bGq7wKZ3Vt0oI2u7iDNZ3hJ7+Vq3kCYm4vNnR3aZq9FvA==", "token": "sha1-4Xbz8kJ1uPBVJ3GZrGBHbx9c2xk="',
      // UUID, and an API key's public SID.
      'api_key: 3f2c9a4e-8b1d-4c7e-9f0a-2d6b5e8c1a7f',
      'TWILIO_API_KEY=SK6438fd65ab544977f93122542348a537',
      // References to values kept elsewhere.
      'API_TOKEN=${API_TOKEN}',
      'token: ${{ secrets.DEPLOY_TOKEN }}',
      'const apiKey = process.env.PAYMENT_API_KEY_PRODUCTION;',
      'password = os.environ["DATABASE_PASSWORD"]',
      'secret = ENV["STRIPE_WEBHOOK_SECRET"]',
      'DB_PASSWORD=$DATABASE_PASSWORD_FROM_VAULT',
      // File paths and URLs.
      'private_key = "/etc/ssl/private/server-2024.key"',
      'TOKEN_FILE=./secrets/github-token-2.txt',
      'token_url = "https://oauth2.googleapis.com/token"',
      // Identifiers and words.
      'const token = getTokenFromRequest(req);',
      'token = scanner.getTokenText2FromSource',
      'password = "correct horse battery staple"',
      'password = "correct-horse-battery-staple"',
      // Type annotations.
      'token: string;',
      'private readonly accessToken: AccessTokenResponse2;',
      // Version strings.
      'token_version = "2023.10.15-rc.1+build.5678"',
      // A stored bcrypt hash, not a password.
      "  password: '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW'",
      // Base64 of words.
      'secret = "cGFzc3dvcmQxMjM0NTY3ODk="',
      // Names that are about a secret without being one.
      'token_type = "Bearer_a9F3kLm2Qx8Zr5Tw"',
      'csrf_token = "Mj2qykJO5rELyHgezQ69nzUX0i3OH67V7"',
      'next_page_token = "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA3"',
      'tokenizer = "bert-base-uncased-v2-finetuned-squad"',
      'max_tokens=4096',
      // Placeholders.
      'API_KEY=your_api_key_here_1234567890',
      'api_key = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'API_KEY=<your-api-key-goes-here>',
      // xkcd's example password, and short values: of a name other than a password's, plain, or examples.
      'password = "Tr0ub4dor&3"',
      'token = "Kx9#mP2qz"',
      'password = "P@ssw0rd123!"',
      'password: Uint8Array | string',
      // A minified member chain, a digest under a hash name, anti-forgery tokens.
      'webhookSecret:this.#e.webhookSecret',
      'secret_hash = "1c9dbeaf3e72f3fceed211fe6358a695bf9f3e13"',
      '<input type="hidden" name="authenticity_token" value="Hq3kZ8vW2mLx9Rt4Pb7nYc5Jd0Fs6Ga1Ke8Uw2Vz4Xo=" />',
      'author: "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS"',
    ],
  },
};

export const generic: ProviderDefinition = { id: 'generic', name: 'Generic secrets', rules: [assignedSecret] };
