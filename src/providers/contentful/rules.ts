// Contentful tokens (https://www.contentful.com/developers/docs/references/authentication/):
// Content Management API personal access tokens start `CFPAT-` (43 base64url characters follow);
// Content Delivery and Preview API keys are 43 base64url characters with no prefix, so they count
// only under a Contentful name (CONTENTFUL_ACCESS_TOKEN, contentfulPreviewToken...) or as the
// `accessToken` of a client created next to the word "contentful". Delivery keys read published
// content only, preview keys drafts too: both are findings, of lower severity than a CMA token.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

/** Random base64url mixes cases and digits. */
function looksRandom({ secret }: Candidate): Validation {
  const body = secret.replace(/^CFPAT-/, '');
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const personalAccessToken: Rule = {
  id: 'contentful-personal-access-token',
  provider: 'contentful',
  title: 'Contentful Content Management personal access token',
  severity: 'high',
  keywords: ['CFPAT-'],
  prefixes: ['CFPAT-'],
  window: { before: 0, after: 50 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>CFPAT-[A-Za-z0-9_-]{43})${TOKEN_END}`),
  minEntropy: 3.5,
  validate: looksRandom,
  remediation:
    'Revoke the token in Contentful (Account settings → CMA tokens → Revoke, https://app.contentful.com/account/profile/cma_tokens), create a new one, and check the spaces it could change.',
  samples: {
    positive: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-Y-hMVMWWBe7hZ65J52eGejxUcfOXte39YHkVTMEH6Xq', "const client = contentful.createClient({ accessToken: 'CFPAT-8u6_aNZeIEVj-Tq9NnoYZ7tdwxWI0ngqzNyrcaFHDtn' });"],
    negative: [
      'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-<your token>',
      // Cut short.
      'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-wnSH_0RaFVWjUsHdr1PzXrBwhlXQ637kScpwgAx',
    ],
  },
};

const deliveryToken: Rule = {
  id: 'contentful-delivery-token',
  provider: 'contentful',
  title: 'Contentful Delivery or Preview API key',
  severity: 'medium',
  keywords: ['contentful'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 300 },
  pattern: new RegExp(
    String.raw`(?:contentful[A-Za-z0-9_.-]{0,30}?(?:access|delivery|preview|cda|cpa)[_-]?(?:api[_-]?)?(?:token|key)|accessToken|access_token)["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[A-Za-z0-9_-]{43})${TOKEN_END}`,
    'i',
  ),
  minEntropy: 3.5,
  validate: looksRandom,
  remediation:
    "Delete the API key in Contentful (Settings → API keys, https://app.contentful.com/deeplink?link=api) and create a new one; a preview key also exposes unpublished drafts.",
  samples: {
    positive: ['CONTENTFUL_ACCESS_TOKEN=MUnQ1m7px5oipSklfdxNMHkX0G44DrSuX84KaMDeDes', "const client = contentful.createClient({\n  space: 'k8iqpp6u0ior',\n  accessToken: '11bsvnIhy1QZJ7jX04BTLjZBoqkzL544aSrc-xB2Vc1',\n});"],
    negative: [
      // No Contentful context.
      'ACCESS_TOKEN=MUnQ1m7px5oipSklfdxNMHkX0G44DrSuX84KaMDeDes',
      'CONTENTFUL_ACCESS_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'CONTENTFUL_ACCESS_TOKEN=<your delivery token>',
      // Cut short.
      'CONTENTFUL_ACCESS_TOKEN=SR45xTZvkjUeVfWxb7vLxk-6jKmNiKpineGxjrWXh',
    ],
  },
};

export const contentful: ProviderDefinition = { id: 'contentful', name: 'Contentful', rules: [personalAccessToken, deliveryToken] };
