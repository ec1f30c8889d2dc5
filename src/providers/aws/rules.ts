// AWS access keys: the access key ID (AKIA…, ASIA…) names the key and, for keys issued since about
// 2019, encodes the account; the 40-character secret access key is what signs requests. Either
// alone is a lead; both within a few lines of each other are a working credential, so combine()
// reports them as one critical finding. Prefixes: IAM unique ID prefixes in
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
import { awsAccountIdFromKeyId } from '../../detect/checksum.js';
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
function pairFinding(keyId: RawFinding, secret: RawFinding): RawFinding {
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
 * Pairs each key ID with the nearest unpaired secret within a few lines; the rest stay as found.
 * The engine passes findings in offset order, so both lists below are sorted by start.
 */
function pairAccessKeys(findings: RawFinding[], text: ScannedText): RawFinding[] {
  const keyIds = findings.filter((f) => f.rule.id === accessKeyId.id);
  const secrets = findings.filter((f) => f.rule.id === secretAccessKey.id);
  const taken = new Set<RawFinding>();
  const pairs: RawFinding[] = [];
  for (const keyId of keyIds) {
    const secret = nearestSecret(keyId, secrets, taken, text);
    if (!secret) continue;
    taken.add(keyId);
    taken.add(secret);
    pairs.push(pairFinding(keyId, secret));
  }
  return [...pairs, ...findings.filter((f) => !taken.has(f))].sort((a, b) => a.start - b.start);
}

export const aws: ProviderDefinition = {
  id: 'aws',
  name: 'AWS',
  rules: [accessKeyId, secretAccessKey],
  combine: pairAccessKeys,
};
