// Vonage (formerly Nexmo) API credentials (https://developer.vonage.com/en/getting-started/concepts/authentication):
// an API key of 8 hex characters, public enough to appear in URLs, and an API secret of 16 base62
// characters. The secret has no prefix, so it counts only where it is named as Vonage's or Nexmo's.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

/** A random secret mixes letters and digits; a 16-letter word (`VonageApiSecretX`) is a name. */
function checkSecret({ secret }: Candidate): Validation {
  return /[0-9]/.test(secret) && /[A-Za-z]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of letters and digits' };
}

const apiSecret: Rule = {
  id: 'vonage-api-secret',
  provider: 'vonage',
  title: 'Vonage API secret',
  severity: 'high',
  keywords: ['vonage', 'nexmo'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(String.raw`(?:vonage|nexmo)[\w.:\s"'{}(),-]{0,100}?(?:api)?[_.-]?secret[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}(?<secret>[A-Za-z0-9]{16})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3,
  validate: checkSecret,
  remediation:
    'Create a second API secret in the Vonage API Dashboard (Settings → API keys, https://dashboard.nexmo.com/settings), move the application to it, then delete the leaked one; check the usage logs for messages and calls you did not make.',
  samples: {
    positive: [
      'VONAGE_API_KEY=8dfee666\nVONAGE_API_SECRET=9YoMhBx3Jdjg8Oon',
      "const vonage = new Vonage({\n  apiKey: '3889025b',\n  apiSecret: '4tMKgRjgHEWEJfHM',\n});",
      'NEXMO_API_SECRET="Thj4E352XOgPNRMt"',
    ],
    negative: [
      'VONAGE_API_SECRET=your_api_secret',
      'VONAGE_API_SECRET=${VONAGE_API_SECRET}',
      // The API key is an identifier.
      'VONAGE_API_KEY=5222bfc9',
      // No Vonage context.
      'API_SECRET=Thj4E352XOgPNRMt',
      'VONAGE_API_SECRET=VonageSecretProd',
    ],
  },
};

export const vonage: ProviderDefinition = { id: 'vonage', name: 'Vonage', rules: [apiSecret] };
