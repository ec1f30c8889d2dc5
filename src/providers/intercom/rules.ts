// Intercom access tokens (https://developers.intercom.com/docs/build-an-integration/learn-more/authentication):
// the tokens Intercom issues are base64 of `tok:<uuid with underscores>:1:0`, so they all begin
// `dG9rO` (base64 of `tok:`). validate() decodes the value and keeps only that structure: the
// keyword alone, a common base64 run, says nothing.
import { decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const DECODED = /^tok:[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}:\d{1,3}:\d{1,3}$/;

function checkStructure({ secret }: Candidate): Validation {
  // Copies often drop the padding.
  const padded = secret.endsWith('=') ? secret : secret + '='.repeat((4 - (secret.length % 4)) % 4);
  const text = decodeBase64(padded)?.toString('latin1');
  return text !== undefined && DECODED.test(text) ? { valid: true, confidence: 'structure' } : { valid: false, reason: 'does not decode to tok:<id>:<n>:<n>' };
}

const accessToken: Rule = {
  id: 'intercom-access-token',
  provider: 'intercom',
  title: 'Intercom access token',
  severity: 'high',
  keywords: ['dG9rO'],
  prefixes: ['dG9rO'],
  window: { before: 0, after: 70 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9+/_-])(?<secret>dG9rO[A-Za-z0-9+/]{50,60}={0,2})(?![A-Za-z0-9+/=_-])/,
  validate: checkStructure,
  remediation:
    "Revoke the token in Intercom's Developer Hub (the app → Authentication → Regenerate access token, https://app.intercom.com/a/apps/_/developer-hub), deploy the new one, and review what the app could read and change.",
  samples: {
    positive: [
      'INTERCOM_ACCESS_TOKEN=dG9rOjYzODdiODIyXzA5NjFfNDBiNl9iZTY0XzdlY2M4YjVjM2Q4OToxOjA=',
      "const client = new IntercomClient({ token: 'dG9rOmU1MDdkNDI0XzQyN2FfNGQzNV9hNjViXzk5Yjc4MmI4ZTI4ZDoxOjA=' });",
      // Without its padding.
      "curl https://api.intercom.io/me -H 'Authorization: Bearer dG9rOjdmOThjZGFjXzg4M2FfNDU5Ml85OGNlXzk4M2FkZGM1MjM3OToxOjA'",
    ],
    negative: [
      // Base64 of `tok:` followed by something else.
      'DATA=dG9rOnNvbWUgb3RoZXIgdGV4dCB0aGF0IGlzIG5vdCBhIHRva2VuIGF0IGFsbCB5ZXM=',
      'INTERCOM_ACCESS_TOKEN=dG9rO...',
      'INTERCOM_ACCESS_TOKEN=<your access token>',
      // Cut short: not base64 of the whole structure.
      'INTERCOM_ACCESS_TOKEN=dG9rOjYzODdiODIyXzA5NjFfNDBiNl9iZTY0XzdlY2M4YjVjM2Q4OToxO',
    ],
  },
};

export const intercom: ProviderDefinition = { id: 'intercom', name: 'Intercom', rules: [accessToken] };
