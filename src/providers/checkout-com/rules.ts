// Checkout.com secret API keys (https://www.checkout.com/docs/developer-resources/api/manage-api-keys),
// sent as Bearer tokens. Sandbox keys are `sk_sbox_` + 27 lower-case base32 characters and
// production keys `sk_` + the same; accounts from before 2021 have `sk_` + a UUID (`sk_test_` + a
// UUID in sandbox). `sk_` is shared with many providers (Stripe's `sk_live_`, Paystack's), so a
// key counts only near Checkout.com's names: its API host, its SDKs, or a `CKO_`/`CHECKOUT_` secret
// setting. Sandbox keys move no money and are not findings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const HEX = '[0-9a-f]';

const secretKey: Rule = {
  id: 'checkout-com-secret-key',
  provider: 'checkout-com',
  title: 'Checkout.com live secret API key',
  severity: 'critical',
  keywords: ['checkout.com', 'cko_secret', 'cko-secret', 'checkout_secret', 'checkout-sdk', 'checkout_sdk', 'checkoutsdk'],
  keywordsIgnoreCase: true,
  prefixes: ['sk_'],
  window: { before: 300, after: 300 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sk_(?:[a-z2-7]{27}|${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}))${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Delete the key in the Checkout.com Dashboard (Developers → Keys, https://dashboard.checkout.com/developers/keys), create a new one scoped to what it needs, deploy it, and review recent payments, refunds and payouts.',
  samples: {
    positive: [
      '# Checkout.com\nCKO_SECRET_KEY=sk_3nxsmjzwuzguwtk3k6vimafwonc',
      "const { Checkout } = require('checkout-sdk-node');\nconst cko = new Checkout('sk_utu33nqm6npbrh45qigbtnvu55s');",
      'CHECKOUT_SECRET_KEY=sk_3ac66289-c3fd-48d8-81a9-96fece20ef58',
    ],
    negative: [
      // Sandbox keys.
      'CKO_SECRET_KEY=sk_sbox_4mpdna6o5crxoiqi2bkzbeinmul',
      'CHECKOUT_SECRET_KEY=sk_test_78891a27-52b6-433c-ad3d-2d9e10f9cff1',
      'CKO_SECRET_KEY=sk_your-secret-key',
      // Another provider's key in a Checkout-named setting.
      'EAZYPAY_CHECKOUT_SECRET_KEY=sk_live_8k5v1agNgYSpeqFsNa2LBkN1',
      // No Checkout.com context.
      'SECRET_KEY=sk_4mpdna6o5crxoiqi2bkzbeinmul',
    ],
  },
};

export const checkoutCom: ProviderDefinition = { id: 'checkout-com', name: 'Checkout.com', rules: [secretKey] };
