// Plivo credentials (https://www.plivo.com/docs/sms/api/overview/authentication): an auth id,
// `MA` (account) or `SA` (subaccount) + 18 upper-case alphanumerics, and an auth token of 40 base62
// characters, used together as Basic auth. The token has no prefix; it counts where it follows its
// auth id as the next argument (`plivo.RestClient("MA…", "…")`) or is named as Plivo's.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

function withAuthId({ secret, groups }: Candidate): Validation {
  if (!(/[0-9]/.test(secret) && /[a-z]/.test(secret) && /[A-Z]/.test(secret))) return { valid: false, reason: 'not a mix of upper case, lower case and digits' };
  const authId = groups['authId'];
  return authId === undefined ? { valid: true } : { valid: true, confidence: 'structure', details: { plivoAuthId: authId } };
}

const authToken: Rule = {
  id: 'plivo-auth-token',
  provider: 'plivo',
  title: 'Plivo auth token',
  severity: 'critical',
  keywords: ['plivo'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 260 },
  pattern: new RegExp(
    String.raw`plivo(?:[\w.:\s"'{}(),-]{0,120}?auth[_.-]?token[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}|[\w.:\s"'{}(),=-]{0,120}?(?<authId>[MS]A[A-Z0-9]{18})["'\x60]\s{0,4},\s{0,4}["'\x60])(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9_-])`,
    'i',
  ),
  minEntropy: 3.5,
  validate: withAuthId,
  remediation:
    'Generate a new auth token in the Plivo console (Account → Overview → Auth token → Regenerate, https://console.plivo.com/dashboard/), deploy it, and check the message and call logs for traffic you did not send.',
  samples: {
    positive: [
      'client = plivo.RestClient("MAQXBW390K9REE043D2D", "Nao6wiyyfEa8dLEVCEEmBt3VySZtZHq4uPJ8B81A")',
      'PLIVO_AUTH_ID=MAI6947R0M4Y9RPNIRMP\nPLIVO_AUTH_TOKEN=E5dI4bQBI4E81WmK8hDw1H0IiRy2B0vTvutCFMte',
    ],
    negative: [
      'client = plivo.RestClient("<auth id>", "<auth token>")',
      'PLIVO_AUTH_TOKEN=your_plivo_auth_token',
      // The auth id alone is an identifier.
      'PLIVO_AUTH_ID=MA05L8HMAMWC2OC4TEX5',
      // No Plivo context.
      'AUTH_TOKEN=hB7mhCTyPuQnXioTEDqOAqXJuaW0EHBYNN9cLTKj',
      'PLIVO_AUTH_TOKEN=hB7mhCTyPuQnXioTEDqOAqXJuaW0EHBYNN9cLTK',
    ],
  },
};

export const plivo: ProviderDefinition = { id: 'plivo', name: 'Plivo', rules: [authToken] };
