// AWS access keys: the access key ID (AKIA…, ASIA…) names the key and, for keys issued since about
// 2019, encodes the account; the 40-character secret access key is what signs requests. Either
// alone is a lead; both within a few lines of each other are a working credential, so combine()
// reports them as one critical finding; a temporary (ASIA) pair found with its session token is
// one finding that carries all three. Prefixes: IAM unique ID prefixes in
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
// Amazon Bedrock API keys (https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html) are
// bearer tokens of their own: long-term keys are `ABSK` + the base64 of an IAM service-specific
// credential, `BedrockAPIKey-<id>-at-<account>:<password>`; short-term keys are
// `bedrock-api-key-` + the base64 of a SigV4 presigned URL (bedrock.amazonaws.com/?Action=
// CallWithBearerToken&…&Version=1) that expires within 12 hours.
import { awsAccountIdFromKeyId, decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, RawFinding, Rule, ScannedText, Validation } from '../../detect/rule.js';
import { redact } from '../../detect/secret.js';

const KEY_ID_PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA'] as const;
const KEY_ID = String.raw`(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`;

const KEY_TYPES: Record<(typeof KEY_ID_PREFIXES)[number], string> = {
  AKIA: 'long-term access key',
  ASIA: 'temporary (STS) access key',
  ABIA: 'STS service bearer token',
  ACCA: 'context-specific credential',
};

const REMEDIATION =
  'Deactivate the access key in the IAM console (https://console.aws.amazon.com/iam/home#/security_credentials for your own keys, or the user\'s "Security credentials" tab), check CloudTrail for its use, then delete it and issue a new key; for temporary (ASIA) keys, revoke the role\'s active sessions.';

function keyType(keyId: string): string {
  const prefix = keyId.slice(0, 4);
  return prefix in KEY_TYPES ? KEY_TYPES[prefix as keyof typeof KEY_TYPES] : 'access key';
}

/** Details a key ID gives away offline: its type and, when encoded, the account it belongs to. */
function describeKeyId(keyId: string): Record<string, string> {
  const details: Record<string, string> = { keyType: keyType(keyId) };
  const accountId = awsAccountIdFromKeyId(keyId);
  if (accountId !== undefined) details['awsAccountId'] = accountId;
  return details;
}

const accessKeyId: Rule = {
  id: 'aws-access-key-id',
  provider: 'aws',
  title: 'AWS access key ID',
  // An ID alone cannot sign a request, but it names the account and the key to look for.
  severity: 'medium',
  keywords: KEY_ID_PREFIXES,
  prefixes: KEY_ID_PREFIXES,
  window: { before: 0, after: 20 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9])(?<secret>${KEY_ID})(?![A-Za-z0-9])`),
  minEntropy: 3,
  validate: ({ secret }) => ({ valid: true, details: describeKeyId(secret) }),
  remediation: REMEDIATION,
  samples: {
    positive: [
      'AWS_ACCESS_KEY_ID=AKIA5RDV6RROZ5RH3LLE',
      '      "AccessKeyId": "ASIASW5QJKIU5FKBSL6G",',
    ],
    negative: [
      // The documentation's example key.
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX',
      'AWS_ACCESS_KEY_ID=<YOUR_ACCESS_KEY_ID>',
      // Truncated.
      'AWS_ACCESS_KEY_ID=AKIA5RDV6RROZ5RH3LL',
      // Inside a longer upper-case word.
      'const TODAYINASIAASACKOFRICEFELLOVERX = 1;',
    ],
  },
};

/** A variable or field named like an AWS secret key: aws_secret_access_key, SecretAccessKey, secretKey. */
const NAMED_SECRET = String.raw`secret[_.-]?(?:access[_.-]?)?key[A-Za-z_]{0,8}["'\x60]?(?:\s{0,4}(?::=|=>|[:=])\s{0,4}|\s{1,4})`;
/** The secret passed as the argument right after the key ID: BasicAWSCredentials("AKIA…", "…"). */
const AFTER_KEY_ID = String.raw`${KEY_ID}["'\x60]\s{0,4},\s{0,4}`;

/** Capitalised or lower-case words of 4+ letters: what identifiers and paths are made of. */
const WORD = /[A-Z]?[a-z]{4,}/g;

/**
 * A secret access key is 40 random base64 characters: both letter cases and a digit or symbol. A
 * git SHA-1 (40 hex) or a path or identifier of the same length is not.
 */
function checkSecretAccessKey({ secret }: Candidate): Validation {
  if (/^[0-9a-f]{40}$/i.test(secret)) return { valid: false, reason: 'hexadecimal: a hash, not a key' };
  const mixed = /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9+/]/.test(secret);
  if (!mixed) return { valid: false, reason: 'not a mix of upper case, lower case and digits' };
  const wordChars = (secret.match(WORD) ?? []).join('').length;
  if (wordChars * 2 >= secret.length) return { valid: false, reason: 'mostly words: an identifier or path' };
  return { valid: true };
}

const secretAccessKey: Rule = {
  id: 'aws-secret-access-key',
  provider: 'aws',
  title: 'AWS secret access key',
  severity: 'high',
  // 'aws' also catches AWS_SECRET_ACCESS_KEY and BasicAWSCredentials; the key ID prefixes catch the
  // positional form in SDKs whose class names do not say AWS.
  keywords: ['aws', 'secretaccesskey', ...KEY_ID_PREFIXES],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 400 },
  pattern: new RegExp(String.raw`(?:${NAMED_SECRET}|${AFTER_KEY_ID})["'\x60]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`, 'i'),
  minEntropy: 4,
  validate: checkSecretAccessKey,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'AWS_SECRET_ACCESS_KEY=va0hFjHfQDiW9JlV1jQXNuT1jnFBtrTz9mVIS+Tc',
      '[default]\naws_secret_access_key = +OTJC4163JH+RVH4dtrRJXpDD34nLdDE2mLikuoB',
      '{"Credentials": {"SecretAccessKey": "3Zs+eX0V5mJCak1cM7QOL9B0EGkW6rlxE4IDNqZp", "SessionToken": "…"}}',
      // With its key ID a few lines away: one combined finding (aws-access-key-pair).
      'AWS_ACCESS_KEY_ID=AKIAWSBFTYUSTCVLRBTU\nAWS_SECRET_ACCESS_KEY=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',
      "s3 = boto3.client('s3', aws_access_key_id='AKIA5RDV6RROZ5RH3LLE',\n                  aws_secret_access_key='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')",
      'AWSCredentials creds = new BasicAWSCredentials("AKIAWSBFTYUSTCVLRBTU", "+OTJC4163JH+RVH4dtrRJXpDD34nLdDE2mLikuoB");',
    ],
    negative: [
      // The documentation's example secret.
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      // No AWS keyword anywhere near.
      'DJANGO_SECRET_KEY=BdgGVq9D+MA3r/gui1ml66fUK8+YB7JF7mAdEsK9',
      // A git commit SHA named like a secret.
      'aws_secret_key_commit = "cd681ff95fecaaea5b430229d5f5bacfd66f1a42"',
      'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
      // Truncated to 39 characters.
      'AWS_SECRET_ACCESS_KEY=va0hFjHfQDiW9JlV1jQXNuT1jnFBtrTz9mVIS+T',
    ],
  },
};

// --- Session tokens ------------------------------------------------------------------------------

/**
 * How STS session tokens begin, as issued: base64 of a small binary header naming the token's
 * origin (`!\n\torigin_ec` for regional STS tokens, `\x17\n\x06er/aws` and older forms for global
 * ones). AWS does not document the encoding; these are the forms STS has returned.
 */
const SESSION_TOKEN_PREFIXES = ['IQoJb3JpZ2luX2Vj', 'FwoGZXIvYXdz', 'FQoGZXIvYXdz', 'AQoDYXdz'] as const;

const sessionToken: Rule = {
  id: 'aws-session-token',
  provider: 'aws',
  title: 'AWS session token',
  // Useless without the temporary key pair it was issued with; combine() joins them when near.
  severity: 'medium',
  keywords: SESSION_TOKEN_PREFIXES,
  prefixes: SESSION_TOKEN_PREFIXES,
  window: { before: 0, after: 3100 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9+/])(?<secret>(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz|FQoGZXIvYXdz|AQoDYXdz)[A-Za-z0-9+/]{100,3000}={0,2})(?![A-Za-z0-9+/=])/,
  minEntropy: 4.5,
  remediation:
    "Revoke the role's active sessions (IAM console → the role → Revoke active sessions, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html); the token expires on its own, but until then it works with its key pair.",
  samples: {
    positive: [
      'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEA9sEUHM8ARGCt6L340Rn0sMybJSOl11LHcJKrFZUsj95q3iuGHJTIxMudMfvsb5XYgxw/t5ycrnAA9FD2jZRb/bfTpfjcJEz77/hHuuxgxskWMMF4SwMck3x47bSTh/PW1ty+Xd3Y4QKp/k/M+E0udFwMWUu8lLRIhvIMmsiTKmkZn41/OIaEb06qmFpyyZSWmW+gz3aQ==',
      'aws_session_token = FwoGZXIvYXdzEMxUnCB1oqXiYBuJO8NHInq8r6/VKClVkAPrsB+XwV64sz0ylk2cbuttXpvnUTAa8qTXI/6ow0odzI73tCqyV7SM5vKEq5X/u8E7muGHLVBymtslBzZJg0K/OeL10GvYfWnr0EKbzHHR+l1SaebdotcuxbFPlluzOMSvWJ2zdVuN5DUgml+dv8RRO/RrFlbqntc/2w3Srw==',
    ],
    negative: [
      // The IAM documentation's example token.
      'aws_session_token = AQoDYXdzEJr...<remainder of session token>',
      'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLE',
      // Truncated to a few dozen characters.
      'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEA9sEUHM8ARGCt6L340Rn0sMybJSOl11LHcJKrFZUsj95q3iuGH',
      'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
  },
};

// --- Bedrock API keys --------------------------------------------------------------------------------

const BEDROCK_REMEDIATION =
  'Delete the key: a long-term key under the IAM user\'s "API keys for Amazon Bedrock" (https://console.aws.amazon.com/iam/home#/users, or `aws iam delete-service-specific-credential`), then check CloudTrail for Bedrock calls it made; a short-term key cannot be revoked alone: revoke the sessions of the identity that generated it.';

/** `ABSK` + base64 of `BedrockAPIKey-` (its last character depends on the id that follows). */
const LONG_TERM_PREFIX = 'ABSKQmVkcm9ja0FQSUtleS';
const LONG_TERM_CREDENTIAL = /^BedrockAPIKey-([A-Za-z0-9]{1,16})-at-([0-9]{12}):[\x21-\x7e]{16,200}$/;

function checkLongTermKey({ secret }: Candidate): Validation {
  const decoded = decodeBase64(secret.slice(4))?.toString('latin1');
  const match = decoded === undefined ? null : LONG_TERM_CREDENTIAL.exec(decoded);
  if (!match) return { valid: false, reason: 'does not decode to a Bedrock service-specific credential' };
  return { valid: true, confidence: 'structure', details: { keyType: 'Bedrock long-term API key', awsAccountId: match[2]!, iamUser: `BedrockAPIKey-${match[1]!}` } };
}

/** A long-term key built the way the IAM console does: ABSK + base64(user:password). */
function longTermSample(user: string, password: string): string {
  return `ABSK${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

const bedrockLongTermKey: Rule = {
  id: 'aws-bedrock-long-term-api-key',
  provider: 'aws',
  title: 'Amazon Bedrock long-term API key',
  severity: 'high',
  keywords: [LONG_TERM_PREFIX],
  prefixes: ['ABSK'],
  window: { before: 0, after: 320 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9+/])(?<secret>${LONG_TERM_PREFIX}[A-Za-z0-9+/]{40,300}={0,2})(?![A-Za-z0-9+/=])`),
  validate: checkLongTermKey,
  remediation: BEDROCK_REMEDIATION,
  samples: {
    positive: [
      `AWS_BEARER_TOKEN_BEDROCK=${longTermSample('BedrockAPIKey-7o5v-at-077540655047', '+o9H1p1MupSZMFCfC4sO36fDzJ3RWp0vLqrmQ/kNYH8gXs2Tbe+4vA7dlK1cF5Ua')}`,
      `headers = {"Authorization": "Bearer ${longTermSample('BedrockAPIKey-x61z-at-040851252479', 'Uv1lGYANuRSZFuHpnQRtkJ2vb8xWq4Ly6Pc0Te3mDZ9sHgKfN7Ri5oA1jUwXzEcB')}"}`,
    ],
    negative: [
      // Synthetic keys from tests: not a credential once decoded.
      `BEDROCK_API_KEY=ABSK${'QmVkcm9ja0FQSUtleS0'}${'A'.repeat(80)}=`,
      `key = ${longTermSample('BedrockAPIKey-abc-at-123', 'secret')}`,
      'AWS_BEARER_TOKEN_BEDROCK=your-api-key-here',
      // Truncated.
      'AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS03bzV2LWF0LTA3NzU0MDY1NTA0Nz',
    ],
  },
};

const SHORT_TERM_PREFIX = 'bedrock-api-key-';
/** base64 of `bedrock.amazonaws.com/`, where every short-term key's URL begins. */
const PRESIGNED_URL_START = 'YmVkcm9jay5hbWF6b25hd3MuY29tLz';

function checkShortTermKey({ secret }: Candidate): Validation {
  const decoded = decodeBase64(secret.slice(SHORT_TERM_PREFIX.length))?.toString('latin1');
  if (decoded === undefined) return { valid: false, reason: 'not base64' };
  const query = new URLSearchParams(decoded.slice(decoded.indexOf('?') + 1));
  const credential = query.get('X-Amz-Credential') ?? '';
  const scope = /^(?:AKIA|ASIA)[A-Z0-9]{16}\/([0-9]{8})\/([a-z0-9-]{1,30})\/bedrock\/aws4_request$/.exec(credential);
  if (query.get('Action') !== 'CallWithBearerToken' || !scope || !/^[0-9a-f]{64}$/.test(query.get('X-Amz-Signature') ?? '')) {
    return { valid: false, reason: 'does not decode to a presigned CallWithBearerToken URL' };
  }
  const details: Record<string, string> = { keyType: 'Bedrock short-term API key', region: scope[2]! };
  const accountId = awsAccountIdFromKeyId(credential.slice(0, 20));
  if (accountId !== undefined) details['awsAccountId'] = accountId;
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(query.get('X-Amz-Date') ?? '');
  const expires = Number(query.get('X-Amz-Expires'));
  if (date && Number.isInteger(expires)) {
    const signedAt = Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!);
    details['expiresAt'] = new Date(signedAt + expires * 1000).toISOString();
  }
  return { valid: true, confidence: 'structure', details };
}

/** A short-term key built the way aws-bedrock-token-generator does, for the samples. */
function shortTermSample(keyId: string, region: string, token: string, signature: string): string {
  const url =
    `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${keyId}%2F20261203%2F${region}%2Fbedrock%2Faws4_request` +
    `&X-Amz-Date=20261203T091500Z&X-Amz-Expires=43200&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${signature}&X-Amz-SignedHeaders=host&Version=1`;
  return `${SHORT_TERM_PREFIX}${Buffer.from(url).toString('base64')}`;
}

const bedrockShortTermKey: Rule = {
  id: 'aws-bedrock-short-term-api-key',
  provider: 'aws',
  title: 'Amazon Bedrock short-term API key',
  // At most 12 hours of the generating identity's Bedrock permissions.
  severity: 'high',
  keywords: [`${SHORT_TERM_PREFIX}${PRESIGNED_URL_START}`],
  prefixes: [SHORT_TERM_PREFIX],
  window: { before: 0, after: 6100 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_-])(?<secret>${SHORT_TERM_PREFIX}${PRESIGNED_URL_START}[A-Za-z0-9+/]{200,6000}={0,2})(?![A-Za-z0-9+/=])`),
  validate: checkShortTermKey,
  remediation: BEDROCK_REMEDIATION,
  samples: {
    positive: [
      `AWS_BEARER_TOKEN_BEDROCK=${shortTermSample('ASIAWT7OHRIWL5XGGGMV', 'us-east-1', 'IQoJb3JpZ2luX2VjEJvhYM+8IEqRl6gEAFHMM/TfbQT7Rqykw5t7Ah2nUlEV7TEZfbZ2CHy9OJQqchJOkhtRcAkZ15XWTKSnkyAsOE0c7ngtYc2qgkg54/0SBAxadN9EqT2k2IkmmQfQj1hcmVTzRsYsUGi1JPflEfBE8tfb9gbgnrTBv4mLA3IViJ7T8vO53zXmxa8EJREn', '175d4f02b7e86cf308568e40760e5d38b170ee03fa695b05adc2d8ea0e8f0482')}`,
      `token: "${shortTermSample('ASIA5RDV6RROZ5RH3LLE', 'eu-west-3', 'IQoJb3JpZ2luX2VjEPpqe3ZjuFhqchxv8Nt4LqTBuTsLztPn6jH0+mNjG44vgAp05HuSAn2Mvd5C5/IbUzIGwxs5bHHfeMAzzb2+XHjyMltrqRIJWQz1Io3DNIIUIeK7wTo4WRB3p1bCGljsiQ==', '54cdd5cfcfb3eb09c8952881d2f05c59751a60d062f2da33aa6a1df4aeb5ab6a')}"`,
    ],
    negative: [
      // base64 of bedrock.amazonaws.com and nothing more.
      'BEDROCK_SHORT_KEY = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"',
      `BEDROCK_KEY=bedrock-api-key-${'YmVkcm9jay5hbWF6b25hd3MuY29tLz'}${'a'.repeat(300)}`,
      // A presigned URL for another action.
      `BEDROCK_KEY=${SHORT_TERM_PREFIX}${Buffer.from(`bedrock.amazonaws.com/?Action=ListFoundationModels&X-Amz-Credential=ASIAWT7OHRIWL5XGGGMV%2F20261203%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Signature=${'175d4f02b7e86cf308568e40760e5d38b170ee03fa695b05adc2d8ea0e8f0482'}&Version=1${'&X-Amz-Pad=0'.repeat(12)}`).toString('base64')}`,
      'export AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-...',
    ],
  },
};

// --- Pairing ---------------------------------------------------------------------------------------

/** How far apart a key ID and its secret may be to count as one credential. */
const PAIR_MAX_LINES = 5;
/** A cheap bound checked before counting lines: 5 lines of config rarely exceed this. */
const PAIR_MAX_CHARS = 1500;

/** Line breaks between two findings, which are at most PAIR_MAX_CHARS apart. */
function linesBetween(text: ScannedText, a: RawFinding, b: RawFinding): number {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  const between = second.start > first.end ? text.slice(first.end, second.start) : '';
  let lines = 0;
  for (let i = between.indexOf('\n'); i !== -1; i = between.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Characters between two findings that do not overlap. */
function charsBetween(a: RawFinding, b: RawFinding): number {
  return a.start <= b.start ? b.start - a.end : a.start - b.end;
}

/** Index of the first finding (sorted by start) that starts at or after `offset`. */
function firstStartingAt(findings: readonly RawFinding[], offset: number): number {
  let low = 0;
  let high = findings.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (findings[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The closest unpaired secret within a few lines. Only secrets within PAIR_MAX_CHARS are looked at,
 * so a file with thousands of keys stays linear.
 */
function nearestSecret(keyId: RawFinding, secrets: readonly RawFinding[], taken: ReadonlySet<RawFinding>, text: ScannedText): RawFinding | undefined {
  let best: RawFinding | undefined;
  for (let i = firstStartingAt(secrets, keyId.start - PAIR_MAX_CHARS); i < secrets.length; i++) {
    const secret = secrets[i]!;
    if (secret.start > keyId.end + PAIR_MAX_CHARS) break;
    if (taken.has(secret) || charsBetween(keyId, secret) > PAIR_MAX_CHARS) continue;
    if (linesBetween(text, keyId, secret) > PAIR_MAX_LINES) continue;
    if (!best || charsBetween(keyId, secret) < charsBetween(keyId, best)) best = secret;
  }
  return best;
}

/**
 * One finding for a key ID and secret access key found together. It points at the secret (what
 * must never be public). The key ID goes in details redacted, like every found credential: details
 * reach reports, issues and job data. Verifying or deactivating the key re-reads the ID from the
 * finding's location.
 */
function pairFinding(keyId: RawFinding, secret: RawFinding, token?: RawFinding): RawFinding {
  if (token !== undefined) return sessionCredentialsFinding(keyId, secret, token);
  return {
    rule: secret.rule,
    secret: secret.secret,
    start: secret.start,
    end: secret.end,
    confidence: 'structure',
    details: { ...describeKeyId(keyId.secret), accessKeyId: redact(keyId.secret, keyId.rule.prefixes) },
    // The response acts on the pair (IAM calls name the key id), so the raw id travels wrapped.
    related: { accessKeyId: keyId.secret },
    severity: 'critical',
    ruleId: 'aws-access-key-pair',
    title: 'AWS access key pair',
  };
}

/**
 * A temporary key pair with its session token: everything needed to sign requests until the token
 * expires. Still the `aws-access-key-pair` finding (the same response acts on it), with the token
 * as a third related secret so that verifying it can send it.
 */
function sessionCredentialsFinding(keyId: RawFinding, secret: RawFinding, token: RawFinding): RawFinding {
  const pair = pairFinding(keyId, secret);
  return {
    ...pair,
    details: { ...pair.details, sessionToken: redact(token.secret, token.rule.prefixes) },
    related: { ...pair.related, sessionToken: token.secret },
    title: 'AWS temporary credentials (key pair and session token)',
  };
}

/**
 * Pairs each key ID with the nearest unpaired secret within a few lines, and a temporary (ASIA)
 * pair with the nearest session token; the rest stay as found.
 * The engine passes findings in offset order, so both lists below are sorted by start.
 */
function pairAccessKeys(findings: RawFinding[], text: ScannedText): RawFinding[] {
  const keyIds = findings.filter((f) => f.rule.id === accessKeyId.id);
  const secrets = findings.filter((f) => f.rule.id === secretAccessKey.id);
  const tokens = findings.filter((f) => f.rule.id === sessionToken.id);
  const taken = new Set<RawFinding>();
  const pairs: RawFinding[] = [];
  for (const keyId of keyIds) {
    const secret = nearestSecret(keyId, secrets, taken, text);
    if (!secret) continue;
    taken.add(keyId);
    taken.add(secret);
    const token = keyId.secret.startsWith('ASIA') ? nearestSecret(secret, tokens, taken, text) : undefined;
    if (token) taken.add(token);
    pairs.push(pairFinding(keyId, secret, token));
  }
  return [...pairs, ...findings.filter((f) => !taken.has(f))].sort((a, b) => a.start - b.start);
}

export const aws: ProviderDefinition = {
  id: 'aws',
  name: 'AWS',
  rules: [accessKeyId, secretAccessKey, sessionToken, bedrockLongTermKey, bedrockShortTermKey],
  combine: pairAccessKeys,
};
