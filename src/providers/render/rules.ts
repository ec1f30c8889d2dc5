// Render API keys (https://render.com/docs/api#1-create-an-api-key): created under Account
// Settings → API Keys and sent as a Bearer token. Render does not publish their format; the keys it
// issues are `rnd_` followed by 28 random base62 characters, and the rule takes exactly that.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** 28 random base62 characters nearly always mix digits and both cases; an identifier does not. */
function checkRandom({ secret }: Candidate): Validation {
  const body = secret.slice('rnd_'.length);
  return /[0-9]/.test(body) && /[A-Z]/.test(body) && /[a-z]/.test(body) ? { valid: true } : { valid: false, reason: 'not random base62: an identifier' };
}

const apiKey: Rule = {
  id: 'render-api-key',
  provider: 'render',
  title: 'Render API key',
  severity: 'critical',
  keywords: ['rnd_'],
  prefixes: ['rnd_'],
  window: { before: 0, after: 32 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>rnd_[A-Za-z0-9]{28})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: checkRandom,
  remediation:
    'Revoke the key under Account Settings → API Keys (https://dashboard.render.com/u/settings#api-keys), then check the services, environment groups and deploys it could change.',
  samples: {
    positive: ['RENDER_API_KEY=rnd_PRhszoIY9hQuSHQL5GAQUE4eLdp8', 'curl -H "Authorization: Bearer rnd_DxQxyXjzb0eBexNO0TUuabTvgQs0" https://api.render.com/v1/services'],
    negative: [
      'RENDER_API_KEY=rnd_xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'RENDER_API_KEY=rnd_your_api_key_here',
      // An identifier of the right length: no digits.
      'vec3 rnd_GenerateUniformHemisphereDir(float u, float v);',
      // 27 characters: truncated.
      'RENDER_API_KEY=rnd_9xWKblglMLnGV0qW6hQBgvvEe1i',
    ],
  },
};

export const render: ProviderDefinition = { id: 'render', name: 'Render', rules: [apiKey] };
