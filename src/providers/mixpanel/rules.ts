// Mixpanel service account secrets (https://developer.mixpanel.com/reference/service-accounts): a
// service account authenticates with HTTP basic auth, its username `<name>.<id>.mp-service-account`
// and a 32-character alphanumeric secret. The username's fixed `mp-service-account` ending is the
// keyword; the secret is the mixed-case 32-character value near it (project tokens, 32 lower-case
// hex, are public and never mix cases).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

function looksRandom({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const serviceAccountSecret: Rule = {
  id: 'mixpanel-service-account-secret',
  provider: 'mixpanel',
  title: 'Mixpanel service account secret',
  severity: 'high',
  keywords: ['mp-service-account'],
  window: { before: 200, after: 200 },
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_.-])/,
  minEntropy: 3.8,
  validate: looksRandom,
  remediation:
    'Delete the service account in Mixpanel (Organization settings → Service accounts, https://mixpanel.com/settings/org#serviceaccounts) or remove it from the projects it can reach, and create a new one.',
  samples: {
    positive: [
      'MIXPANEL_SERVICE_ACCOUNT=etl-export.5c2a91.mp-service-account\nMIXPANEL_SERVICE_SECRET=VyPy0Po3b2bQpqidpE9rOjYWq4aCDYON',
      'curl -u "reporting.7f31e0.mp-service-account:XPpuTjirKfkBaFMya1pqZkxOmJNT6CCX" https://mixpanel.com/api/app/me',
    ],
    negative: [
      // The project token beside it is public: lower-case hex.
      'MIXPANEL_SERVICE_ACCOUNT=etl-export.5c2a91.mp-service-account\nMIXPANEL_PROJECT_TOKEN=5cd1876567ebbd9bc141685b25409f1a',
      'MIXPANEL_SERVICE_ACCOUNT=etl-export.5c2a91.mp-service-account\nMIXPANEL_SERVICE_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'MIXPANEL_SERVICE_ACCOUNT=etl-export.5c2a91.mp-service-account\nMIXPANEL_SERVICE_SECRET=<secret>',
      // No service account: some other value.
      'SESSION_SECRET=VyPy0Po3b2bQpqidpE9rOjYWq4aCDYON',
    ],
  },
};

export const mixpanel: ProviderDefinition = { id: 'mixpanel', name: 'Mixpanel', rules: [serviceAccountSecret] };
