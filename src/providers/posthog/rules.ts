// PostHog personal API keys (`phx_`, https://posthog.com/docs/api/personal-api-keys) reach the private
// API with the user's access. Project API keys (`phc_`) are public by design (they ship in every
// page that captures events), so they are never findings. PostHog does not publish the length;
// keys are about 43 base62 characters, so 40 to 50 are accepted.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const personalApiKey: Rule = {
  id: 'posthog-personal-api-key',
  provider: 'posthog',
  title: 'PostHog personal API key',
  severity: 'high',
  keywords: ['phx_'],
  prefixes: ['phx_'],
  window: { before: 0, after: 54 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>phx_[A-Za-z0-9]{40,50})${TOKEN_END}`),
  minEntropy: 3.5,
  // Random keys mix cases and digits; Phoenix's phx_ identifiers do not.
  validate: ({ secret }) =>
    /[a-z]/.test(secret.slice(4)) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' },
  remediation:
    'Roll or delete the key in PostHog (Settings → Personal API keys, https://us.posthog.com/settings/user-api-keys; EU: eu.posthog.com), create one with only the scopes it needs, and check the activity log.',
  samples: {
    positive: [
      'POSTHOG_PERSONAL_API_KEY=phx_FSO8rvyGMGJk0Qrq6b7e7brzJOBCUq1MRwLtDtLBHBK',
      "  -H 'Authorization: Bearer phx_6T69sriQH5gSgxZWh8LkTCux7Tm24SXZ5ekyv58ExiT'",
    ],
    negative: [
      // Project keys are public.
      'NEXT_PUBLIC_POSTHOG_KEY=phc_FSO8rvyGMGJk0Qrq6b7e7brzJOBCUq1MRwLtDtLBHBK',
      'POSTHOG_PERSONAL_API_KEY=phx_your_personal_api_key',
      'POSTHOG_PERSONAL_API_KEY=phx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Truncated.
      'POSTHOG_PERSONAL_API_KEY=phx_FSO8rvyGMGJk0Qrq6b7e7brzJOBCU',
    ],
  },
};

export const posthog: ProviderDefinition = { id: 'posthog', name: 'PostHog', rules: [personalApiKey] };
