// Contentstack tokens (https://www.contentstack.com/docs/developers/create-tokens/about-management-tokens,
// https://www.contentstack.com/docs/developers/create-tokens/about-delivery-tokens): management and
// delivery tokens are `cs` + 24 hex characters (as in the configuration of any Contentstack starter), used with the stack's API key (`blt` + 16 hex). The
// short prefix is not enough on its own, so a token counts near the word "contentstack".
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const token: Rule = {
  id: 'contentstack-token',
  provider: 'contentstack',
  title: 'Contentstack management or delivery token',
  severity: 'high',
  keywords: ['contentstack'],
  keywordsIgnoreCase: true,
  prefixes: ['cs'],
  window: { before: 200, after: 300 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>cs[a-f0-9]{24})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Delete the token in Contentstack (the stack → Settings → Tokens, https://app.contentstack.com/) and create a new one; a management token can change and publish content, so review the stack\'s audit log.',
  samples: {
    positive: ['CONTENTSTACK_MANAGEMENT_TOKEN=csc619fa462e4c0bc57c7e6f50', "const Stack = Contentstack.Stack({ api_key: 'blt5d4c1a7e9f02b3c8', delivery_token: 'cs4329880236bbba7c2666f71b', environment: 'production' });"],
    negative: ['DELIVERY_TOKEN=cs5967ea9089656425e688f1c9', 'CONTENTSTACK_DELIVERY_TOKEN=csxxxxxxxxxxxxxxxxxxxxxxxx', 'CONTENTSTACK_DELIVERY_TOKEN=<your delivery token>', 'CONTENTSTACK_DELIVERY_TOKEN=cs5967ea9089656425e688f1'],
  },
};

export const contentstack: ProviderDefinition = { id: 'contentstack', name: 'Contentstack', rules: [token] };
