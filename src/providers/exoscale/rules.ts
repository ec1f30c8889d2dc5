// Exoscale API keys (https://community.exoscale.com/product/iam/how-to/api-key/): a key
// `EXO` + 24 hex digits and a secret of 43 base64url characters. The secret has no prefix: it is a
// finding when named as Exoscale's (EXOSCALE_API_SECRET, exoscale_secret…).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkMix({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiSecret: Rule = {
  id: 'exoscale-api-secret',
  provider: 'exoscale',
  title: 'Exoscale API secret',
  severity: 'critical',
  keywords: ['exoscale'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 100 },
  pattern: new RegExp(String.raw`exoscale[A-Za-z0-9_.-]{0,20}secret${ASSIGN}(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 4,
  validate: checkMix,
  remediation:
    'Revoke the API key in the Exoscale portal (IAM → Keys, https://portal.exoscale.com/iam/api-keys, or `exo iam api-key delete`), check the organization\'s resources for changes, and create a new key with a restrictive role.',
  samples: {
    positive: [
      'EXOSCALE_API_KEY="EXO3e18bf0c0ee0e4620e5f3bf3"\nEXOSCALE_API_SECRET="KD_GZ0hgQ6spwdLMzXSrJz2btGjlBEWtRDDEaUwJF6a"',
      'exoscale_secret: QlUwT1o6_nlb0GI2xJIzk1TP_0_FWTVQTBNT1I_tq4q',
    ],
    negative: [
      'export EXOSCALE_API_SECRET=<api-secret>',
      'EXOSCALE_API_SECRET=${EXOSCALE_API_SECRET:-}',
      'EXOSCALE_API_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

export const exoscale: ProviderDefinition = { id: 'exoscale', name: 'Exoscale', rules: [apiSecret] };
