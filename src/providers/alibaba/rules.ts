// Alibaba Cloud AccessKey pairs (https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair,
// https://help.aliyun.com/en/sls/developer-reference/access-key): an AccessKey ID, which
// identifies the key and starts `LTAI` followed by 12 to 20 letters and digits (as every ID RAM
// issues shows), and an AccessKey secret of 30 letters and digits, shown once. The secret has no
// prefix: it is a finding only when named as an AccessKey secret (or a secret key within a few
// lines of an `LTAI` ID or an Alibaba Cloud / Aliyun name), or passed right after the ID.
import type { Candidate, ProviderDefinition, RawFinding, Rule, Validation } from '../../detect/rule.js';
import { redact } from '../../detect/secret.js';
import { ASSIGN } from '../boundaries.js';

const REMEDIATION =
  'Disable and then delete the AccessKey pair in the RAM console (https://ram.console.aliyun.com/users, the user → AccessKey), review ActionTrail for calls made with it, and move the workload to an STS role instead of a long-term key.';

const KEY_ID = String.raw`LTAI[A-Za-z0-9]{12,20}`;

const accessKeyId: Rule = {
  id: 'alibaba-access-key-id',
  provider: 'alibaba',
  title: 'Alibaba Cloud AccessKey ID',
  // An ID alone cannot sign a request, but it names the key to look for and disable.
  severity: 'medium',
  keywords: ['LTAI'],
  prefixes: ['LTAI'],
  window: { before: 0, after: 24 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9])(?<secret>${KEY_ID})(?![A-Za-z0-9])`),
  minEntropy: 3,
  validate: ({ secret }) => (/[0-9]/.test(secret.slice(4)) ? { valid: true } : { valid: false, reason: 'no digit: a word, not a key ID' }),
  remediation: REMEDIATION,
  samples: {
    positive: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIJEY5p2BVxFD7RODSONHD', "access_key_id: 'LTAI0rWu5J11oWWx6u3gDyN7'"],
    negative: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI****************', 'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxx', 'const DELTAIJEY5p2BVxFD7RODSONHD = 1;', 'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tAB'],
  },
};

const NAMED_SECRET = String.raw`(?:access[_.-]?key[_.-]?secret|secret[_.-]?(?:access[_.-]?)?key)[A-Za-z_]{0,8}${ASSIGN}`;
const AFTER_KEY_ID = String.raw`${KEY_ID}["'\x60][\t ]{0,4},[\t ]{0,4}["'\x60]`;
/** The aliyun CLI's flag (`aliyun configure set ... --access-key-secret <secret>`). */
const CLI_FLAG = String.raw`--access-key-secret(?:=|[\t ]{1,4})["']?`;

/** A 30-character secret is random letters and digits, never a word or a run of one class. */
function checkSecret({ secret }: Candidate): Validation {
  return /[0-9]/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret) ? { valid: true } : { valid: false, reason: 'not random: a word or placeholder' };
}

const accessKeySecret: Rule = {
  id: 'alibaba-access-key-secret',
  provider: 'alibaba',
  title: 'Alibaba Cloud AccessKey secret',
  severity: 'critical',
  keywords: ['LTAI', 'aliyun', 'alibaba', 'alicloud', 'accesskeysecret', 'access_key_secret'],
  keywordsIgnoreCase: true,
  window: { before: 300, after: 300 },
  pattern: new RegExp(String.raw`(?:${NAMED_SECRET}|${AFTER_KEY_ID}|${CLI_FLAG})(?<secret>[A-Za-z0-9]{30})(?![A-Za-z0-9])`, 'i'),
  minEntropy: 3.8,
  validate: checkSecret,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIJEY5p2BVxFD7RODSONHD\nALIBABA_CLOUD_ACCESS_KEY_SECRET=8a5kxkeCXhHBauCDtUDzioAjYAGfvX',
      '{"AccessKeyId": "LTAI0rWu5J11oWWx6u3gDyN7", "AccessKeySecret": "c6Kbk6s91tHrRWmj1q4hIc77Pt3YFL"}',
      "client = AcsClient('LTAIsLwnHNN4ihfaQSwK7WUo', '4RODCmiPiSbLhxVIIgPpG5BBLnaf8d', 'cn-hangzhou')",
      'aliyun configure set --profile deploy --mode AK --access-key-id LTAIkYTWHpPqYnWSccXU6yGR --access-key-secret AmjgKqMStQgDBa3zF5WDQESdlkZcBV --region cn-shanghai',
    ],
    negative: [
      // A 30-character value with no Alibaba Cloud name or key ID anywhere near.
      'DJANGO_SECRET_KEY=8a5kxkeCXhHBauCDtUDzioAjYAGfvX',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET=<your AccessKey secret>',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'aliyun configure set --mode AK --access-key-id $ALIBABA_CLOUD_ACCESS_KEY_ID --access-key-secret $ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      // 29 characters: truncated.
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET=c6Kbk6s91tHrRWmj1q4hIc77Pt3YF',
    ],
  },
};

// --- Pairing ---------------------------------------------------------------------------------------

/** How far apart an AccessKey ID and its secret may be to count as one credential. */
const PAIR_MAX_CHARS = 600;

/** One finding for an ID and secret found together: it points at the secret, the ID rides along. */
function pairFinding(keyId: RawFinding, secret: RawFinding): RawFinding {
  return {
    ...secret,
    confidence: 'structure',
    details: { ...secret.details, accessKeyId: redact(keyId.secret, keyId.rule.prefixes) },
    related: { accessKeyId: keyId.secret },
    severity: 'critical',
    ruleId: 'alibaba-access-key-pair',
    title: 'Alibaba Cloud AccessKey pair',
  };
}

/**
 * Pairs each AccessKey ID with the first unpaired secret at most PAIR_MAX_CHARS away; the rest stay
 * as found. Findings arrive in offset order, so one forward pass over the secrets suffices.
 */
function pairKeys(findings: RawFinding[]): RawFinding[] {
  const secrets = findings.filter((finding) => finding.rule.id === accessKeySecret.id);
  if (secrets.length === 0) return findings;
  const pairs = new Map<RawFinding, RawFinding>();
  const pairedIds = new Set<RawFinding>();
  let first = 0;
  for (const keyId of findings) {
    if (keyId.rule.id !== accessKeyId.id) continue;
    while (first < secrets.length && secrets[first]!.end < keyId.start - PAIR_MAX_CHARS) first++;
    for (let i = first; i < secrets.length && secrets[i]!.start <= keyId.end + PAIR_MAX_CHARS; i++) {
      const secret = secrets[i]!;
      if (pairs.has(secret)) continue;
      pairs.set(secret, pairFinding(keyId, secret));
      pairedIds.add(keyId);
      break;
    }
  }
  return findings.filter((finding) => !pairedIds.has(finding)).map((finding) => pairs.get(finding) ?? finding);
}

export const alibaba: ProviderDefinition = { id: 'alibaba', name: 'Alibaba Cloud', rules: [accessKeyId, accessKeySecret], combine: pairKeys };
