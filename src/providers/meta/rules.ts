// Meta (Facebook, Instagram, WhatsApp Cloud API) credentials. Access tokens
// (https://developers.facebook.com/docs/facebook-login/guides/access-tokens) are long alphanumeric
// strings that start `EAA` (the Graph API's token type); user, page and system-user tokens all do.
// `EAA` itself is everywhere in base64 data (60,000 hits in 78 MB of npm packages), so a token
// counts near a name of the platform: Facebook, Instagram, WhatsApp, or an FB_/META_ token variable.
// App secrets (https://developers.facebook.com/docs/facebook-login/security/#appsecret) are 32 hex
// characters: they count only under a Facebook app secret name.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END } from '../boundaries.js';

function looksRandom({ secret }: Candidate): Validation {
  const body = secret.slice(4);
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const accessToken: Rule = {
  id: 'meta-access-token',
  provider: 'meta',
  title: 'Meta (Facebook) Graph API access token',
  severity: 'high',
  keywords: ['facebook', 'instagram', 'whatsapp', 'fb_access', 'fb_token', 'fb_page', 'meta_access', 'meta_token'],
  keywordsIgnoreCase: true,
  prefixes: ['EAA'],
  window: { before: 300, after: 600 },
  // Base64 blobs contain `EAA` too, but inside a run of base64 characters (`+` and `/` included).
  pattern: /(?<![A-Za-z0-9_+/-])(?<secret>EAA[A-Za-z0-9]{90,500})(?![A-Za-z0-9_+/=-])/,
  minEntropy: 4.5,
  validate: looksRandom,
  remediation:
    "Invalidate the token: a user's by removing the app in Facebook settings (https://www.facebook.com/settings?tab=applications), a system user's by regenerating it in Business Settings; then reset the app secret if it was stored alongside.",
  samples: {
    positive: [
      'FB_ACCESS_TOKEN=EAAGNXcZF9uhyUGcQHuwksHgrZNPVEMQNFepnUlFJJxRHYjZd51v9N9BwJ1qXg4CYWBCBK8V5p3tmXWq9DYMbq8w1ibGSB7eHyYFMyEgSb2hatv7ZNyu9ziU7CCa8padPcymGLB1M4ETV0X4j7vcDLsobtzS3E93tK2YR0EzBzfpASC7NOq2VoKR',
      'curl "https://graph.facebook.com/v19.0/me?access_token=EAABOhEU3YgfG6VNBEOIFCkQA2TmzMHIoNGrhwAxpDpKHHeATyiC8AbivXfHqlTd13210O0mPn27AqnYj88A5ju1DhIghfwtN4hfOiL7fP4agL5HLhiHUPM6fiHCVPzAUUJ21GtqEOkJ8wegTkEyj2pvzmcfpkey0QWfobIZenXswisULSOaEH7Q"',
    ],
    negative: [
      // No platform name near it.
      'TOKEN=EAABpKuApDUYbCnsIEBHPJeFym9ot8rav18ujsHnHbo0zdwsSh8JL8m5qH4idzko1txuaxsk7wGeBfZbWn8zZXxBKATB2jJu5r3WLzvQ7d0Yg1Yks7m1tjjaPdofVFEwS5r8EM1oPTUgebVD7oTf4WspVyrcWaKHkJOo4vB2S8ofgfwrWjSMlz29',
      // Inside a base64 blob.
      'facebook-icon.woff2: data:font/woff2;base64,d09GMgABAAAAAEAA+EAABpKuApDUYbCnsIEBHPJeFym9ot8rav18ujsHnHbo0zdwsSh8JL8m5qH4idzko1txuaxsk7wGeBfZbWn8zZXxBKATB2jJu5r3WLzvQ7d0Yg1Yks7m1tjjaPdofVFEwS5r8EM1oPTUgebVD7oTf4Ws/pVyrcWa',
      'FB_ACCESS_TOKEN=EAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'FB_ACCESS_TOKEN=EAA...',
      // Cut short.
      'FB_ACCESS_TOKEN=EAABpKuApDUYbCnsIEBHPJeFym9ot8rav18ujsHnHbo0zdwsSh8JL8m5qH4idzko1',
    ],
  },
};

const appSecret: Rule = {
  id: 'meta-app-secret',
  provider: 'meta',
  title: 'Meta (Facebook) app secret',
  severity: 'high',
  keywords: ['facebook_app_secret', 'facebookappsecret', 'facebook-app-secret', 'facebook_client_secret', 'facebookclientsecret', 'fb_app_secret', 'fbappsecret'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 100 },
  pattern: new RegExp(String.raw`(?:facebook|fb)[_-]?(?:app|client)[_-]?secret["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[a-f0-9]{32})${TOKEN_END}`, 'i'),
  minEntropy: 3,
  remediation:
    "Reset the app secret in the Meta App Dashboard (App settings → Basic → App secret → Reset, https://developers.facebook.com/apps/), deploy the new one, and invalidate tokens issued with the old secret if the app used it to sign requests.",
  samples: {
    positive: ['FACEBOOK_APP_SECRET=5cd1876567ebbd9bc141685b25409f1a', "passport.use(new FacebookStrategy({ clientID: '1830592318312415', fbAppSecret: 'b1e7b12815934afa8352b60dc149c4be' }));"],
    negative: ['APP_SECRET=5cd1876567ebbd9bc141685b25409f1a', 'FACEBOOK_APP_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'FACEBOOK_APP_SECRET=<your app secret>', 'FACEBOOK_APP_SECRET=5cd1876567ebbd9bc141685b2540'],
  },
};

export const meta: ProviderDefinition = { id: 'meta', name: 'Meta', rules: [accessToken, appSecret] };
