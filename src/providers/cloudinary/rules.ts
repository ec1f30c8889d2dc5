// Cloudinary environment URLs (https://cloudinary.com/documentation/how_to_integrate_cloudinary#cloudinary_url):
// `cloudinary://<api key>:<api secret>@<cloud name>`, the CLOUDINARY_URL every SDK reads. The API key
// is numeric (15 digits), the secret 27 base64url characters; whoever holds both can upload, change
// and delete every asset of the cloud.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

function looksRandom({ groups }: Candidate): Validation {
  const secret = groups['apiSecret'] ?? '';
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) ? { valid: true, details: { cloud: groups['cloud'] ?? '' } } : { valid: false, reason: 'secret is not a mix of cases' };
}

const environmentUrl: Rule = {
  id: 'cloudinary-url',
  provider: 'cloudinary',
  title: 'Cloudinary URL with API secret',
  severity: 'high',
  keywords: ['cloudinary://'],
  window: { before: 0, after: 120 },
  anchor: 'keyword',
  pattern: /cloudinary:\/\/(?<secret>\d{12,20}:(?<apiSecret>[A-Za-z0-9_-]{24,30}))@(?<cloud>[A-Za-z0-9_-]{1,64})/,
  minEntropy: 3.5,
  validate: looksRandom,
  remediation:
    'Create a new API key in the Cloudinary Console (Settings → API Keys → Generate new API key, https://console.cloudinary.com/settings/api-keys), deploy the new CLOUDINARY_URL, then deactivate and delete the leaked key.',
  samples: {
    positive: ['CLOUDINARY_URL=cloudinary://227372534010613:RInoyWgrHb2hO9WGnRZfWxpBLUg@demo-co', "cloudinary.config({ cloudinary_url: 'cloudinary://628078682962129:chL8Djoy4KoyyB5yHVhx8pN4NIB@acme-media' });"],
    negative: [
      'CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>',
      'CLOUDINARY_URL=cloudinary://123456789012345:abcdefghijklmnopqrstuvwxyz1@demo',
      // Without a secret: nothing to leak.
      'CLOUDINARY_URL=cloudinary://227372534010613@demo-co',
      'CLOUDINARY_URL=cloudinary://API_KEY:API_SECRET@CLOUD_NAME',
    ],
  },
};

export const cloudinary: ProviderDefinition = { id: 'cloudinary', name: 'Cloudinary', rules: [environmentUrl] };
