// X (Twitter) API credentials (https://docs.x.com/resources/fundamentals/authentication/overview).
// App-only bearer tokens begin with a run of about twenty `A`s (a zero-filled header), then the
// URL-encoded base64 rest (`%2B`, `%2F`, `%3D` appear in it as issued); the run is the keyword and
// the pattern demands it end before the token's body. API key secrets and access token secrets are
// 50 and 45 alphanumerics with nothing of their own: they count under those names near "twitter".
// User access tokens (OAuth 1.0a) carry their user's numeric id: `<user id>-<random>`; they count
// under an access token name near "twitter", and validate() reports the user id.
import { placeholderReason } from '../../detect/placeholder.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

function looksRandom({ secret }: Candidate): Validation {
  const body = secret.replace(/^A+/, '');
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

/** Runs of `A`s are the format (zero-filled fields), not a placeholder: the shared checks run on the rest. */
function checkBearer(candidate: Candidate): Validation {
  const rest = candidate.secret.replace(/A{6,}/g, '');
  const reason = placeholderReason(rest);
  return reason ? { valid: false, reason } : looksRandom({ ...candidate, secret: rest });
}

const bearerToken: Rule = {
  id: 'twitter-bearer-token',
  provider: 'twitter',
  title: 'X (Twitter) app-only bearer token',
  severity: 'high',
  keywords: ['AAAAAAAAAAAAAAAAAAAA'],
  window: { before: 0, after: 170 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_%+/-])(?<secret>A{20,24}[B-Za-z0-9%][A-Za-z0-9%]{70,140})(?![A-Za-z0-9_%+/=-])/,
  minEntropy: 3.5,
  skipPlaceholderCheck: true,
  validate: checkBearer,
  remediation:
    'Regenerate the bearer token in the X Developer Portal (the project → the app → Keys and tokens → Bearer token → Regenerate, https://developer.x.com/en/portal/dashboard) and deploy the new one.',
  samples: {
    positive: [
      'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAOJGKYOAAAAAAubjoXX%2Fbhvv6NMIMC4XKj88ruMD056jF6sEba9CJimGQXLRDB6eIa7xx7IWiZqZZihk5EpvlYoOBhtOtmAc8IZ4RvL',
      'curl "https://api.x.com/2/tweets/search/recent?query=from:acme" -H "Authorization: Bearer AAAAAAAAAAAAAAAAAAAAADLDHwNAAAAAA%2FNWoARcnNSX7MynQUnfoW%2BH%2Bxi1Cwev7jrFu53totVxWTpOqFVbs2rq0ynDpeD9f5HkGwqgoLiy5aFjSkhYsHc4JRI"',
    ],
    negative: [
      // Zero bytes in base64 data, with `+` and `/` around.
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/wD/AP8A+EAABpKuApDUYbCnsIEBHPJeFym9ot8rav18ujsHnHbo0zdw',
      'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA...',
      // Cut short.
      'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAOJGKYOAAAAAAubjoXX%2Fbhvv6NMIMC4XKj88ruMD05',
    ],
  },
};

const apiSecret: Rule = {
  id: 'twitter-api-secret',
  provider: 'twitter',
  title: 'X (Twitter) API key secret or access token secret',
  severity: 'high',
  keywords: ['twitter'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 300 },
  pattern: /(?:consumer|api|access[_-]?token)[_-]?secret["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[A-Za-z0-9]{45}(?:[A-Za-z0-9]{5})?)(?![A-Za-z0-9_-])/i,
  minEntropy: 4,
  validate: looksRandom,
  remediation:
    'Regenerate the API key and secret (and the access token and secret) in the X Developer Portal (the app → Keys and tokens, https://developer.x.com/en/portal/dashboard) and deploy the new ones.',
  samples: {
    positive: [
      'TWITTER_API_KEY=GrPq34my0VCOem511QL1dyVku\nTWITTER_API_SECRET=CFTdQTdQAL8sWM4sHnPRVfRGDv6RTUugZiDxGxyq6PiVh6vV3m',
      'TWITTER_ACCESS_TOKEN_SECRET=GnlABiGKaS9FrGh3ebgbFSnGUkTByAXRa2mwN3uTDivXR',
      "client = tweepy.Client(consumer_key=TWITTER_KEY, consumer_secret='QF1900HVDxrtF0WMk1WGuDQYq8IFDELeoZutF1jXuHYlOpNyXW')"],
    negative: [
      // No Twitter context.
      'API_SECRET=L74P55GMsA6zOGBjB4mtN1z7k54eLauTllNrXeJ0hnNLBEKvdV',
      'TWITTER_API_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TWITTER_API_SECRET=<your api key secret>',
      // 48 characters: neither length.
      'TWITTER_API_SECRET=L74P55GMsA6zOGBjB4mtN1z7k54eLauTllNrXeJ0hnNLBEKv',
    ],
  },
};

function checkAccessToken({ secret }: Candidate): Validation {
  const [user = '', random = ''] = secret.split('-');
  if (user.startsWith('0')) return { valid: false, reason: 'user id has a leading zero' };
  const shape = looksRandom({ secret: random, match: random, groups: {}, before: '' });
  return shape.valid ? { valid: true, confidence: 'structure', details: { user } } : shape;
}

const accessToken: Rule = {
  id: 'twitter-access-token',
  provider: 'twitter',
  title: 'X (Twitter) user access token',
  severity: 'high',
  keywords: ['twitter'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 300 },
  pattern: /access[_-]?token["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>\d{1,20}-[A-Za-z0-9]{30,45})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: checkAccessToken,
  remediation:
    "Regenerate the access token and secret in the X Developer Portal (the app → Keys and tokens → Access token and secret → Regenerate, https://developer.x.com/en/portal/dashboard); a user can also revoke the app under Settings → Security and account access → Apps.",
  samples: {
    positive: [
      'TWITTER_ACCESS_TOKEN=3379796116931462254-4FW5A8hA83rmBKbsWAwJ6GZTTcEwYO',
      "auth = tweepy.OAuth1UserHandler(TWITTER_KEY, TWITTER_SECRET, access_token='401463056-GXDdnu85VuJciAwrGExOfwtMgvQMgljiJI9JS7fq')",
    ],
    negative: [
      // No Twitter context: some other numeric-dash value.
      'ACCESS_TOKEN=401463056-GXDdnu85VuJciAwrGExOfwtMgvQMgljiJI9JS7fq',
      'TWITTER_ACCESS_TOKEN=401463056-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TWITTER_ACCESS_TOKEN=<user id>-<token>',
      // A date range, not a token.
      'TWITTER_ACCESS_TOKEN=2024-0102030405060708091011121314151617181920',
    ],
  },
};

export const twitter: ProviderDefinition = { id: 'twitter', name: 'X (Twitter)', rules: [bearerToken, apiSecret, accessToken] };
