// Scaleway API keys (https://www.scaleway.com/en/developers/api/iam/api-keys,
// https://www.npmjs.com/package/@scaleway/sdk): an access key, `SCW` followed by 17 upper-case
// letters and digits, which Scaleway calls "not a sensitive piece of information", and a secret
// key, a UUID, sent as X-Auth-Token. A UUID alone is not a secret: the secret key is a finding only
// when named as a secret key within a few lines of an `SCW` access key or a Scaleway name
// (SCW_SECRET_KEY, scaleway secret_key). The access key alone is not reported.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;

function checkUuid({ secret }: Candidate): Validation {
  return new Set(secret.replaceAll('-', '')).size < 6 ? { valid: false, reason: 'a placeholder UUID' } : { valid: true };
}

const secretKey: Rule = {
  id: 'scaleway-secret-key',
  provider: 'scaleway',
  title: 'Scaleway API secret key',
  severity: 'critical',
  keywords: ['SCW', 'scaleway'],
  keywordsIgnoreCase: true,
  window: { before: 300, after: 300 },
  pattern: new RegExp(String.raw`(?:secret[_.-]?key|x-auth-token)${ASSIGN}(?<secret>${UUID})(?![0-9A-Za-z-])`, 'i'),
  validate: checkUuid,
  remediation:
    'Delete the API key in the Scaleway console (IAM → API keys, https://console.scaleway.com/iam/api-keys), check the audit trail for what it did, and create a new key for an IAM application with only the permissions it needs.',
  samples: {
    positive: [
      'SCW_ACCESS_KEY=SCWBXQD1DT86IGM3F4ZS\nSCW_SECRET_KEY=1e190a4a-ede7-456d-853a-5671d4a27e6e',
      "const client = createClient({\n  accessKey: 'SCW2R0BUS0IM6DCF3HHV',\n  secretKey: 'ce63e423-ed05-435c-99b5-427ae476d0fe',\n})",
      'curl -H "X-Auth-Token: 491b9b81-ed7f-4748-ab24-48684854a50a" https://api.scaleway.com/instance/v1/zones/fr-par-1/servers',
    ],
    negative: [
      // The SDK README's placeholders.
      "accessKey: 'SCWXXXXXXXXXXXXXXXXX',\nsecretKey: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',",
      // A project id next to the access key is not the secret key.
      'SCW_ACCESS_KEY=SCWBXQD1DT86IGM3F4ZS\nSCW_DEFAULT_PROJECT_ID=1e190a4a-ede7-456d-853a-5671d4a27e6e',
      // A secret key with no Scaleway name near.
      'SECRET_KEY=ce63e423-ed05-435c-99b5-427ae476d0fe',
      'SCW_SECRET_KEY=00000000-0000-0000-0000-000000000000',
    ],
  },
};

export const scaleway: ProviderDefinition = { id: 'scaleway', name: 'Scaleway', rules: [secretKey] };
