// Airtable personal access tokens (https://airtable.com/developers/web/guides/personal-access-tokens):
// `pat` + a 14-character token id, a dot, and a 64-hex secret. `pat` is the start of too many words
// to be a keyword, so the token counts near the word "airtable" (its client, its env variables, its
// API host); the id-dot-64-hex structure keeps the match precise there.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

/** The token id is random base62: both cases or digits, not a word like `patternMatchers`. */
function checkTokenId({ secret }: Candidate): Validation {
  const id = secret.slice(3, 17);
  return /[0-9]/.test(id) || (/[a-z]/.test(id) && /[A-Z]/.test(id)) ? { valid: true } : { valid: false, reason: 'token id is not random' };
}

const personalAccessToken: Rule = {
  id: 'airtable-personal-access-token',
  provider: 'airtable',
  title: 'Airtable personal access token',
  severity: 'high',
  keywords: ['airtable'],
  keywordsIgnoreCase: true,
  prefixes: ['pat'],
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})${TOKEN_END}`),
  minEntropy: 3.5,
  validate: checkTokenId,
  remediation:
    'Delete or regenerate the token in Airtable (https://airtable.com/create/tokens → the token → Regenerate or Delete), deploy the new one, and check the bases it could reach.',
  samples: {
    positive: [
      'AIRTABLE_API_KEY=pat9qwPSHPuPKk9JR.382c235071d4d567bf9e233da318e2159bb8c597f9efb2465274305f98d740fb',
      "const base = new Airtable({ apiKey: 'pathusy53B4TaUnTO.00e2fc0f8cbab5ee8dafad4ddc15b57dbadec53fb380209b67dfeb850f4c8d95' }).base('appXXXX');",
    ],
    negative: [
      // No Airtable context.
      'TOKEN=patd1fPn3Ocq7Tnwi.580e45385dc11ad45a04f4cdfcaf21b591565b9a23ab63c45b20bcfce2b2a8cc',
      'AIRTABLE_API_KEY=patXXXXXXXXXXXXXX.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'AIRTABLE_API_KEY=pat_your_token_here',
      // The secret cut short.
      'AIRTABLE_API_KEY=patd1fPn3Ocq7Tnwi.580e45385dc11ad45a04f4cdfcaf21b591565b9a23ab63c45b20bcfce2b2a8',
    ],
  },
};

export const airtable: ProviderDefinition = { id: 'airtable', name: 'Airtable', rules: [personalAccessToken] };
