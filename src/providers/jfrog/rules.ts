// JFrog Platform reference tokens (https://jfrog.com/help/r/jfrog-platform-administration-documentation/understanding-identity-tokens,
// https://jfrog.com/help/r/jfrog-platform-administration-documentation/reference-token-benefits): 64
// characters, "starting with cmVMd followed by 59 more alphanumeric characters", usable as a bearer
// token, an X-JFrog-Art-Api key or a password. cmVmd is the base64 of "ref": validate() decodes the
// token and requires the structure issued tokens carry (`reftkn:01:`, a 10-digit expiry, `:`, the
// token id), which is stronger than a keyword nearby, so none is required.
import { decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const REFERENCE_TOKEN_BODY = /^reftkn:01:(?<expiry>\d{10}):[\x21-\x7e]{27}$/;

function checkReferenceToken({ secret }: Candidate): Validation {
  const decoded = decodeBase64(secret)?.toString('latin1');
  const expiry = decoded === undefined ? undefined : REFERENCE_TOKEN_BODY.exec(decoded)?.groups?.expiry;
  if (expiry === undefined) return { valid: false, reason: 'does not decode to reftkn:01:<expiry>:<id>' };
  const details: Record<string, string> = expiry === '0000000000' ? { expires: 'never' } : { expires: new Date(Number(expiry) * 1000).toISOString() };
  return { valid: true, confidence: 'structure', details };
}

const referenceToken: Rule = {
  id: 'jfrog-reference-token',
  provider: 'jfrog',
  title: 'JFrog reference token',
  // Pull and, with deploy rights, push artifacts others consume.
  severity: 'critical',
  keywords: ['cmVmd'],
  prefixes: ['cmVmd'],
  window: { before: 0, after: 64 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>cmVmd[A-Za-z0-9]{59})${TOKEN_END}`),
  validate: checkReferenceToken,
  remediation:
    'Revoke the token in the JFrog Platform (your profile, or Administration → User Management → Access Tokens for admins, https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens), check the repositories it could deploy to, and create a new one with an expiry.',
  samples: {
    positive: [
      'curl -H "Authorization: Bearer cmVmdGtuOjAxOjE4MDg5Nzg0MTk6M2lNdFNkVFphamxBMFozdGV2UGl3M1NLYTB6" https://acme.jfrog.io/artifactory/api/system/ping',
      'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjAwMDAwMDAwMDA6YmNSTkRvcFB3Q3l0UnJ5ZTZiUmI5QUh6RWkx',
    ],
    negative: [
      // The right start, then 59 random alphanumerics: not a reference token.
      'JFROG_ACCESS_TOKEN=cmVmdSwzhNifDcxjPSqnTuH16O88sQZPGYYyoM9jdbWGkeQ2cCvo4wulg6KVHXrZ',
      'JFROG_ACCESS_TOKEN=cmVmdxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // 63 characters: truncated.
      'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjE4MDU5OTc3NDI6MVZXVzVXVjZwNWpiNm1aSkx5dVpMTEg1UUt',
      'JFROG_ACCESS_TOKEN=<reference token>',
    ],
  },
};

export const jfrog: ProviderDefinition = { id: 'jfrog', name: 'JFrog', rules: [referenceToken] };
