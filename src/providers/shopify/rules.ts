// Shopify app credentials: access tokens (shpat_/shpca_/shppa_) and app shared secrets (shpss_),
// each a type prefix and 32 hex characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const accessToken: Rule = {
  id: 'shopify-access-token',
  provider: 'shopify',
  title: 'Shopify access token',
  severity: 'critical',
  keywords: ['shpat_', 'shpca_', 'shppa_'],
  prefixes: ['shpat_', 'shpca_', 'shppa_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>shp(?:at|ca|pa)_[a-fA-F0-9]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  remediation:
    "Revoke the token: for a custom app, uninstall it or rotate its Admin API access token in the store admin (Settings → Apps and sales channels → Develop apps, https://admin.shopify.com/settings/apps/development); for a public app, revoke the store's grant and reinstall.",
  samples: {
    positive: [
      'SHOPIFY_ACCESS_TOKEN=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',
      "const shopify = new Shopify({ shopName: 'acme-outdoor', accessToken: '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' });",
      '$password = "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";',
    ],
    negative: [
      'SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SHOPIFY_ACCESS_TOKEN=shpat_your_access_token_here',
      // Truncated to 31 hex characters.
      'SHOPIFY_ACCESS_TOKEN=shpat_cbfaa9434f7660abf0a16f3ade6fd7a',
      'const legacy_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 = true;',
      "TOKEN_PREFIXES = ['shpat_', 'shpca_', 'shppa_']",
    ],
  },
};

const sharedSecret: Rule = {
  id: 'shopify-shared-secret',
  provider: 'shopify',
  title: 'Shopify app shared secret',
  severity: 'high',
  keywords: ['shpss_'],
  prefixes: ['shpss_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>shpss_[a-fA-F0-9]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  remediation:
    'Rotate the app client secret in the Shopify Partner Dashboard (Apps → your app → Client credentials, https://partners.shopify.com/) and deploy the new secret; the old one stops verifying webhooks and OAuth once rotation completes.',
  samples: {
    positive: [
      "SHOPIFY_API_KEY='66c2f1e0b4a94e5d8a71f3b2c9d04e17'\nSHOPIFY_API_SECRET='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'",
      '  api_secret_key: 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',
    ],
    negative: [
      'SHOPIFY_API_SECRET=shpss_00000000000000000000000000000000',
      'SHOPIFY_API_SECRET=shpss_<your app secret>',
      'SHOPIFY_API_SECRET=shpss_9b68beb04c953f1b76b83730e8461be',
      'SHOPIFY_API_SECRET=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0',
    ],
  },
};

export const shopify: ProviderDefinition = { id: 'shopify', name: 'Shopify', rules: [accessToken, sharedSecret] };
