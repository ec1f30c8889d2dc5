// Typeform personal access tokens (https://www.typeform.com/developers/get-started/personal-access-token/):
// "long strings of random characters" that begin with `tfp_`; Typeform's example is `tfp_` + 40 hex,
// tokens issued today are `tfp_`, 43 or 44 alphanumerics, `_` and 12 to 14 more (as seen in the
// Authorization headers of published code). Both shapes are accepted.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

/** The token on Typeform's own page, copied into tutorials. */
const DOCUMENTATION_EXAMPLE = 'tfp_943af478d3ff3d4d760020c11af102b79c440513';

function checkToken({ secret }: Candidate): Validation {
  if (secret === DOCUMENTATION_EXAMPLE) return { valid: false, reason: 'example from the Typeform documentation' };
  return /[0-9]/.test(secret.slice(4)) ? { valid: true } : { valid: false, reason: 'no digit: an identifier, not a token' };
}

const personalAccessToken: Rule = {
  id: 'typeform-personal-access-token',
  provider: 'typeform',
  title: 'Typeform personal access token',
  severity: 'high',
  keywords: ['tfp_'],
  prefixes: ['tfp_'],
  window: { before: 0, after: 70 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>tfp_(?:[A-Za-z0-9]{42,46}_[A-Za-z0-9]{10,16}|[a-f0-9]{40}))${TOKEN_END}`),
  minEntropy: 3.5,
  validate: checkToken,
  remediation:
    'Delete the token in Typeform (Account → Personal tokens, https://admin.typeform.com/user/tokens) and generate a new one; then review the forms and responses it could reach.',
  samples: {
    positive: [
      'TYPEFORM_TOKEN=tfp_kEGOLwlJMwJj9M0IzjB2v7dEMsMwDfK4rttiziLTO2SQ_r9kt3V5NnM7pym',
      'curl https://api.typeform.com/forms -H "Authorization: Bearer tfp_NwDyAVd5x4q9Bun7MixTi98qP9MccV2b1YfEDgSYyYB_l711wiLugUdJ"',
      'TYPEFORM_TOKEN=tfp_7c1e4b09d2a35f86e0b7c4d19a2f3e5b6c8d0a1f',
    ],
    negative: [
      'TYPEFORM_TOKEN=tfp_943af478d3ff3d4d760020c11af102b79c440513',
      'TYPEFORM_TOKEN=tfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxx',
      'TYPEFORM_TOKEN=tfp_<your token>',
      // Cut short.
      'TYPEFORM_TOKEN=tfp_kEGOLwlJMwJj9M0IzjB2v7dEMsMwDfK4rttiziLTO2SQ_r9kt3V5',
    ],
  },
};

export const typeform: ProviderDefinition = { id: 'typeform', name: 'Typeform', rules: [personalAccessToken] };
