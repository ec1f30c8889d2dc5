// Clerk secret keys (https://clerk.com/docs/guides/development/clerk-environment-variables): the
// backend key, `sk_live_` (production) or `sk_test_` (development), with a fixed-length base62 body
// of 40 to 50 characters. Stripe's secret keys share the `sk_live_` prefix (its rule keeps them:
// 24 characters, or a body from 99 up), so a Clerk key counts only near the word "clerk". Publishable
// keys (`pk_`, base64 of the Frontend API host) are public.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';

/**
 * A Clerk name nearby and a body length Stripe never issues: more than the `sk_live_` pattern alone,
 * so the finding outranks Stripe's on the same characters.
 */
function looksRandom({ secret }: Candidate): Validation {
  const body = secret.slice(8);
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true, confidence: 'structure' } : { valid: false, reason: 'not a mix of cases and digits' };
}

const secretKey: Rule = {
  id: 'clerk-secret-key',
  provider: 'clerk',
  title: 'Clerk secret key',
  severity: 'critical',
  keywords: ['clerk'],
  keywordsIgnoreCase: true,
  prefixes: ['sk_live_', 'sk_test_'],
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9_')}(?<secret>sk_(?:live|test)_[A-Za-z0-9]{40,50})${notBefore('A-Za-z0-9_')}`),
  minEntropy: 4,
  validate: looksRandom,
  remediation:
    'Roll the secret key in the Clerk Dashboard (Configure → API keys → Roll key, https://dashboard.clerk.com/last-active?path=api-keys), deploy the new one, and review the instance\'s users and sessions for changes.',
  samples: {
    positive: [
      'CLERK_SECRET_KEY=sk_live_eHFn82V1x201Pvt8cDyKeZmjy5jlt7wTiZT6YVqN4A',
      "const clerkClient = createClerkClient({ secretKey: 'sk_test_ZSqJHhvJOqlP3U0gCvx1PNPKjytQJ23luCMJOr5tWE' });",
    ],
    negative: [
      // No Clerk context: Stripe's rule decides.
      'API_SECRET=sk_live_I7f4i8WFsnn3Ufv9IKEqofJCeiLfVTe8fpOHZFo5j0',
      // A Stripe key in a file that also configures Clerk: Stripe's length, not Clerk's.
      'CLERK_PUBLISHABLE_KEY=pk_live_Y2xlcmsuYWNtZS5leGFtcGxlJA\nSTRIPE_SECRET_KEY=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',
      'CLERK_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'CLERK_SECRET_KEY=sk_test_•••••••••••••••••••••••••••••••',
    ],
  },
};

export const clerk: ProviderDefinition = { id: 'clerk', name: 'Clerk', rules: [secretKey] };
