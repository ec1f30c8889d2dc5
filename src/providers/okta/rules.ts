// Okta API tokens (https://developer.okta.com/docs/guides/create-an-api-token/main/): 42 characters,
// `00` then 40 base64url characters, sent as `Authorization: SSWS <token>`. `00` alone starts too
// much, so a token counts after the SSWS scheme or near the word "okta" (OKTA_API_TOKEN, an Okta
// client's `token` option).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function looksRandom({ secret }: Candidate): Validation {
  const body = secret.slice(2);
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiToken: Rule = {
  id: 'okta-api-token',
  provider: 'okta',
  title: 'Okta API token',
  severity: 'critical',
  keywords: ['SSWS', 'okta'],
  keywordsIgnoreCase: true,
  prefixes: ['00'],
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>00[A-Za-z0-9_-]{40})${TOKEN_END}`),
  minEntropy: 4,
  validate: looksRandom,
  remediation:
    "Revoke the token in the Okta Admin Console (Security → API → Tokens → Revoke, https://help.okta.com/en-us/content/topics/security/api.htm); it acts with its admin's privileges, so review the System Log for what it did.",
  samples: {
    positive: [
      'OKTA_API_TOKEN=000mgbAnOlUg7_qiqE59wC6l1t1CX02nM5y0EM2e04',
      'curl https://acme.okta.com/api/v1/users -H "Authorization: SSWS 00bUk-fnaMaZ0x3ledLeZC17-p5FPNniUWN_nwGxJR"',
    ],
    negative: [
      // No Okta context.
      'BUILD_ID=00xU_DLLoSXfA-fvEIk1rQBFqzInj4AIzDjcm4EgBY',
      // Okta's own documentation abbreviates its example.
      'Authorization: SSWS 00QCjAl4MlV-WPXM...0HmjFx-vbGua',
      'OKTA_API_TOKEN=00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Cut short.
      'OKTA_API_TOKEN=00xU_DLLoSXfA-fvEIk1rQBFqzInj4AIzDjcm4E',
    ],
  },
};

export const okta: ProviderDefinition = { id: 'okta', name: 'Okta', rules: [apiToken] };
