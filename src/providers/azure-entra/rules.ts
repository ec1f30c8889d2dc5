// Microsoft Entra ID (Azure AD) application client secrets
// (https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials): the Value shown once
// under App registrations → Certificates & secrets. Microsoft does not publish their grammar; the
// secrets Entra issues today are 40 characters of letters, digits and `_~.-`: three characters, a
// digit, the literal `Q~`, then 34 more (31 to 34 accepted, for older secrets). `~` never occurs in
// base64 or hex, so the `<digit>Q~` marker with both lengths fixed is precise without a name near it.
// Older secrets without the marker are left to the generic rules.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** The part after `Q~` is random: it mixes digits and both cases, unlike a word or placeholder. */
function checkRandom({ secret }: Candidate): Validation {
  const tail = secret.slice(secret.indexOf('Q~') + 2);
  return /[0-9]/.test(tail) && /[A-Z]/.test(tail) && /[a-z]/.test(tail) ? { valid: true } : { valid: false, reason: 'not random: a placeholder' };
}

const clientSecret: Rule = {
  id: 'azure-entra-client-secret',
  provider: 'azure-entra',
  title: 'Microsoft Entra ID client secret',
  severity: 'critical',
  // The digit and `Q~`: keywords are at least three characters.
  keywords: ['0Q~', '1Q~', '2Q~', '3Q~', '4Q~', '5Q~', '6Q~', '7Q~', '8Q~', '9Q~'],
  window: { before: 3, after: 39 },
  pattern: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
  minEntropy: 4,
  validate: checkRandom,
  remediation:
    'Delete the secret under App registrations → the app → Certificates & secrets in the Microsoft Entra admin center (https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade), add a new one, review the sign-in logs of the service principal, and prefer a certificate or a federated credential.',
  samples: {
    positive: [
      'AZURE_CLIENT_SECRET=_a.6Q~tj7BxnaF3rhNYwV3_4PG5-xg6NhL3kSiMK',
      'var credential = new ClientSecretCredential(tenantId, clientId, "tOZ4Q~hrjVGuFRfFdMOn4-Wwlc146odWDlsw.4F8");',
      '"ClientSecret": "dgy3Q~DXzhX7LYOnsf8diC2eA6dK3cDp.l2W.Hfi"',
    ],
    negative: [
      'AZURE_CLIENT_SECRET=abc8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // The Secret ID (a GUID), not the secret's Value.
      'AZURE_CLIENT_SECRET=1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      // Cut short: 30 characters after Q~.
      'AZURE_CLIENT_SECRET=dgy3Q~DXzhX7LYOnsf8diC2eA6dK3cDp.l2W',
      // Part of a longer run.
      'AZURE_CLIENT_SECRET=xyz_a.6Q~tj7BxnaF3rhNYwV3_4PG5-xg6NhL3kSiMK',
    ],
  },
};

export const azureEntra: ProviderDefinition = { id: 'azure-entra', name: 'Microsoft Entra ID', rules: [clientSecret] };
