// Storyblok access tokens (https://www.storyblok.com/docs/concepts/access-tokens): space tokens
// (preview, public, asset) are 22 alphanumerics followed by `tt`; personal access tokens for the
// Management API add `-<user id>-` and a longer secret. Nothing in them says Storyblok, so a token
// counts only near the word "storyblok".
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function looksRandom({ secret }: Candidate): Validation {
  const body = secret.slice(0, 22);
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const accessToken: Rule = {
  id: 'storyblok-access-token',
  provider: 'storyblok',
  title: 'Storyblok access token',
  severity: 'medium',
  keywords: ['storyblok'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 300 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>[A-Za-z0-9]{22}tt(?:-\d{4,12}-[A-Za-z0-9_-]{20,40})?)${TOKEN_END}`),
  minEntropy: 3.5,
  validate: looksRandom,
  remediation:
    'Delete the token in Storyblok (the space → Settings → Access tokens, or My account → Personal access tokens for a management token, https://app.storyblok.com/) and create a new one.',
  samples: {
    positive: ['STORYBLOK_PREVIEW_TOKEN=qv7dhHAXWhAV7oDFQTeSFZtt', "storyblokInit({ accessToken: '9ijd9ZlbUWZ71RZWZNbG0Ltt', use: [apiPlugin] });", 'STORYBLOK_MANAGEMENT_TOKEN=WdJ0e37YEFup5HR1nk1EM5tt-117342-dQ4sP_k2LxN9vR8uYb3Z0a7M'],
    negative: ['PREVIEW_TOKEN=qv7dhHAXWhAV7oDFQTeSFZtt', 'STORYBLOK_PREVIEW_TOKEN=xxxxxxxxxxxxxxxxxxxxxxtt', 'STORYBLOK_PREVIEW_TOKEN=<your preview token>', 'STORYBLOK_PREVIEW_TOKEN=qv7dhHAXWhAV7oDFQTeSFZ'],
  },
};

export const storyblok: ProviderDefinition = { id: 'storyblok', name: 'Storyblok', rules: [accessToken] };
