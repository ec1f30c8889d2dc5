// Bitwarden Secrets Manager access tokens for machine accounts (https://bitwarden.com/help/access-tokens/,
// https://bitwarden.com/help/secret-decryption/: "an API key, containing a client id and secret" and
// "a unique encryption key"): `0.` (the version), the client id (a UUID), `.`, the 30-character client
// secret, `:` and the base64 of the 16-byte encryption key, as in the CLI documentation's example
// (https://bitwarden.com/help/secrets-manager-cli/). Nothing in it names Bitwarden, so the rule runs
// within 200 characters of "bws" (BWS_ACCESS_TOKEN, the CLI) or "bitwarden"; validate() checks
// that the key decodes to 16 bytes.
import { decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const ENCRYPTION_KEY_BYTES = 16;

/** The token in the Secrets Manager CLI documentation. */
const DOCUMENTATION_EXAMPLE = '0.48c78342-1635-48a6-accd-afbe01336365.C0tMmQqHnAp1h0gL8bngprlPOYutt0:B3h5D+YgLvFiQhWkIq6Bow==';

function checkEncryptionKey({ secret }: Candidate): Validation {
  if (secret === DOCUMENTATION_EXAMPLE) return { valid: false, reason: 'example from the Secrets Manager CLI documentation' };
  const key = decodeBase64(secret.slice(secret.indexOf(':') + 1));
  return key?.length === ENCRYPTION_KEY_BYTES ? { valid: true, confidence: 'structure' } : { valid: false, reason: 'the encryption key is not 16 bytes of base64' };
}

const accessToken: Rule = {
  id: 'bitwarden-secrets-manager-access-token',
  provider: 'bitwarden',
  title: 'Bitwarden Secrets Manager access token',
  // Reads and decrypts every secret of the projects the machine account can access.
  severity: 'critical',
  keywords: ['bws', 'bitwarden'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern:
    /(?<![A-Za-z0-9_.-])(?<secret>0\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==)(?![A-Za-z0-9+/=])/,
  minEntropy: 4,
  validate: checkEncryptionKey,
  remediation:
    'Revoke the access token in Bitwarden Secrets Manager (Machine accounts → the account → Access tokens, https://bitwarden.com/help/access-tokens/), rotate the secrets its projects hold, and create a new token with an expiry.',
  samples: {
    positive: [
      'export BWS_ACCESS_TOKEN=0.1b9c7143-4a41-4c3b-a639-5ae6832c476d.2mV3vBvCekbv2raUC6FZYPnEEgIbGr:aEtLtOtx1Si6VE1TcfSgQg==',
      'bws secret list --access-token 0.1eb8af6b-16af-4f2d-ae07-5c040e1c47a4.SxUfIBny7GWCxHzoNDlj0eweMZXhs8:Wfc3SncEy0zN+gxFYIKEhQ==',
    ],
    negative: [
      'export BWS_ACCESS_TOKEN=0.48c78342-1635-48a6-accd-afbe01336365.C0tMmQqHnAp1h0gL8bngprlPOYutt0:B3h5D+YgLvFiQhWkIq6Bow==',
      'BWS_ACCESS_TOKEN=0.<access-token-id>.<client-secret>:<encryption-key>',
      'export BWS_ACCESS_TOKEN=0.uuid.secret:key==',
      // The key is cut short.
      'export BWS_ACCESS_TOKEN=0.1b9c7143-4a41-4c3b-a639-5ae6832c476d.2mV3vBvCekbv2raUC6FZYPnEEgIbGr:aEtLtOtx1Si6VE1Tcf==',
      // No Bitwarden context.
      'TOKEN=0.1b9c7143-4a41-4c3b-a639-5ae6832c476d.2mV3vBvCekbv2raUC6FZYPnEEgIbGr:aEtLtOtx1Si6VE1TcfSgQg==',
    ],
  },
};

export const bitwarden: ProviderDefinition = { id: 'bitwarden', name: 'Bitwarden Secrets Manager', rules: [accessToken] };
