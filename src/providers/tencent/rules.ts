// Tencent Cloud API keys (https://www.tencentcloud.com/document/product/598/32675): a SecretId,
// `AKID` + 32 letters and digits, names the key; its SecretKey, 32 letters and digits with no
// prefix, signs requests. The SecretKey is a finding only beside a SecretId or named as Tencent
// Cloud's (TENCENTCLOUD_SECRET_KEY, QCLOUD_SECRET_KEY): 32 characters alone are an MD5 or a UUID
// without dashes. A key and its id found together are one finding (combine()).
import type { Candidate, ProviderDefinition, RawFinding, Rule, ScannedText, Validation } from '../../detect/rule.js';
import { redact } from '../../detect/secret.js';
import { ASSIGN } from '../boundaries.js';

const REMEDIATION =
  'Disable and delete the key in the CAM console (Access Key → API Keys, https://console.tencentcloud.com/cam/capi, or the sub-user\'s API keys), check CloudAudit for calls it made, and create a new key for the sub-user that needs it.';

const secretId: Rule = {
  id: 'tencent-secret-id',
  provider: 'tencent',
  title: 'Tencent Cloud SecretId',
  // It names a key; the SecretKey signs.
  severity: 'medium',
  keywords: ['AKID'],
  prefixes: ['AKID'],
  window: { before: 0, after: 36 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AKID[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  remediation: REMEDIATION,
  samples: {
    positive: ['TENCENTCLOUD_SECRET_ID=AKIDwnm7vFY8JDeC2JBD6Y5olK0dUA724FSF', 'cred = credential.Credential("AKIDsx5HspHLz74FlH1y40eCEp1uJCirJxSy", os.getenv("TENCENTCLOUD_SECRET_KEY"))'],
    negative: [
      'TENCENTCLOUD_SECRET_ID=AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TENCENTCLOUD_SECRET_ID=<your-secret-id>',
      // Truncated.
      'TENCENTCLOUD_SECRET_ID=AKIDwnm7vFY8JDeC2JBD6Y5olK0dUA724F',
      'const SNAKIDwnm7vFY8JDeC2JBD6Y5olK0dUA724FSF = 1;',
    ],
  },
};

/** TENCENTCLOUD_SECRET_KEY, QCLOUD_SECRET_KEY, tencent_secret_key, SecretKey beside an AKID. */
const NAMED = String.raw`(?:tencent(?:cloud)?|qcloud|tccli)?[_.-]?secret[_.-]?key${ASSIGN}`;
/** The key passed right after its SecretId: Credential("AKID…", "…"). */
const AFTER_ID = String.raw`AKID[A-Za-z0-9]{32}["'\x60][\t ]{0,4},[\t ]{0,4}["'\x60]`;

function checkKey({ secret }: Candidate): Validation {
  if (/^[0-9a-f]{32}$/i.test(secret)) return { valid: false, reason: 'hexadecimal: a hash, not a key' };
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const secretKey: Rule = {
  id: 'tencent-secret-key',
  provider: 'tencent',
  title: 'Tencent Cloud SecretKey',
  severity: 'critical',
  keywords: ['AKID', 'tencentcloud', 'qcloud'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 300 },
  pattern: new RegExp(String.raw`(?:${NAMED}|${AFTER_ID})(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.8,
  validate: checkKey,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'TENCENTCLOUD_SECRET_ID=AKIDwnm7vFY8JDeC2JBD6Y5olK0dUA724FSF\nTENCENTCLOUD_SECRET_KEY=DC9dWZ3l49Y3t1UcSf0NSCSgOWl0xWop',
      'cred = credential.Credential("AKIDsx5HspHLz74FlH1y40eCEp1uJCirJxSy", "83r4l3FcruB3bdzwoR22ENMneFI02Ulh")',
      'qcloud:\n  secret_key: 83r4l3FcruB3bdzwoR22ENMneFI02Ulh',
    ],
    negative: [
      // No Tencent Cloud name or SecretId near.
      'APP_SECRET_KEY=DC9dWZ3l49Y3t1UcSf0NSCSgOWl0xWop',
      // An MD5 named like a key.
      'TENCENTCLOUD_SECRET_KEY=5f4dcc3b5aa765d61d8327deb882cf99',
      'TENCENTCLOUD_SECRET_KEY=${TENCENTCLOUD_SECRET_KEY}',
      'TENCENTCLOUD_SECRET_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

/** How far apart a SecretId and its SecretKey may be to count as one credential. */
const PAIR_MAX_CHARS = 600;

/**
 * A SecretKey found with a SecretId near it is one finding, pointing at the key, with the id in
 * details (redacted) and related (for whoever revokes it). Findings come in offset order, so the
 * ids within PAIR_MAX_CHARS of a key are a short run found with a moving start: linear however
 * many keys a file holds.
 */
function pairKeys(findings: RawFinding[], _text: ScannedText): RawFinding[] {
  const ids = findings.filter((f) => f.rule.id === secretId.id);
  const taken = new Set<RawFinding>();
  const result: RawFinding[] = [];
  let first = 0;
  for (const key of findings) {
    if (key.rule.id !== secretKey.id) continue;
    while (first < ids.length && ids[first]!.start < key.start - PAIR_MAX_CHARS) first++;
    let nearest: RawFinding | undefined;
    for (let i = first; i < ids.length && ids[i]!.start <= key.start + PAIR_MAX_CHARS; i++) {
      const id = ids[i]!;
      if (!taken.has(id) && (!nearest || Math.abs(id.start - key.start) < Math.abs(nearest.start - key.start))) nearest = id;
    }
    if (nearest === undefined) continue;
    taken.add(nearest);
    taken.add(key);
    result.push({ ...key, details: { ...key.details, secretId: redact(nearest.secret, secretId.prefixes) }, related: { secretId: nearest.secret } });
  }
  return [...result, ...findings.filter((f) => !taken.has(f))].sort((a, b) => a.start - b.start);
}

export const tencent: ProviderDefinition = { id: 'tencent', name: 'Tencent Cloud', rules: [secretId, secretKey], combine: pairKeys };
