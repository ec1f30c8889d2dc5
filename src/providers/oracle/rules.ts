// Oracle Cloud Infrastructure customer secret keys
// (https://docs.oracle.com/en-us/iaas/Content/Object/Tasks/s3compatibleapi.htm): the S3-compatible
// access key for Object Storage, a 40-hex-digit access key id and a 44-character base64 secret,
// used with an endpoint `<namespace>.compat.objectstorage.<region>.oraclecloud.com`. The secret is
// a finding when named as a secret key with that endpoint near. Not covered, with reason: API
// signing keys are PEM private keys (the private-key rules find them; the config's `key_file` and
// `fingerprint` are not secrets), and auth tokens are 20 random printable characters with nothing
// of their own to match on.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkMix({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const customerSecretKey: Rule = {
  id: 'oracle-customer-secret-key',
  provider: 'oracle',
  title: 'Oracle Cloud customer secret key',
  severity: 'critical',
  keywords: ['oraclecloud.com'],
  window: { before: 400, after: 400 },
  pattern: new RegExp(String.raw`secret[_.-]?(?:access[_.-]?)?key${ASSIGN}(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])`, 'i'),
  minEntropy: 4,
  validate: checkMix,
  remediation:
    'Delete the customer secret key on its user\'s page in the OCI Console (Identity → Users → the user → Customer secret keys, https://cloud.oracle.com/identity/domains/my-profile/customer-secret-keys), check the bucket\'s audit events, and generate a new key.',
  samples: {
    positive: [
      'endpoint = "https://axaxnpcrorw5.compat.objectstorage.eu-frankfurt-1.oraclecloud.com"\naws_access_key_id = "92aacaddbc8b600491e64c798b6e807f3f645cd3"\naws_secret_access_key = "8U9Kines+bnsOxLdJlYEKCYiecb/bLmwJz4o6vNrHT8="',
      's3 = boto3.client("s3", endpoint_url="https://idr0s3kvmd2q.compat.objectstorage.us-ashburn-1.oraclecloud.com",\n    aws_access_key_id="5b1e0e4f0b2a9f3c6d7e8a9b0c1d2e3f4a5b6c7d", aws_secret_access_key="MGNw1reKolWn6XO8FEq94RFtVXkoPBoyT7tW9xTZjgM=")',
    ],
    negative: [
      // No Oracle endpoint near: another S3-compatible store.
      'aws_secret_access_key = "8U9Kines+bnsOxLdJlYEKCYiecb/bLmwJz4o6vNrHT8="',
      'endpoint = "https://namespace.compat.objectstorage.eu-frankfurt-1.oraclecloud.com"\naws_secret_access_key = "<customer secret key>"',
      'endpoint = "https://namespace.compat.objectstorage.eu-frankfurt-1.oraclecloud.com"\nsecret_key = ${OCI_SECRET_KEY}',
    ],
  },
};

export const oracle: ProviderDefinition = { id: 'oracle', name: 'Oracle Cloud (OCI)', rules: [customerSecretKey] };
