// Braintree access tokens (PayPal's "Braintree SDK" credentials for PayPal Express Checkout and
// Venmo): `access_token$production$<16-character merchant id>$<32 hex>`
// (https://developer.paypal.com/braintree/docs/guides/paypal/server-side/). The environment is part
// of the token: `access_token$sandbox$…` tokens move no money and are not findings.
// Gateway API keys (https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials):
// a merchant id and public key (identifiers) with a private key of 32 hex characters; the private
// key has no prefix, so it counts only where it is named as Braintree's.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT, notBefore } from '../boundaries.js';

const accessToken: Rule = {
  id: 'braintree-access-token',
  provider: 'braintree',
  title: 'Braintree production access token',
  severity: 'critical',
  keywords: ['access_token$production$'],
  prefixes: ['access_token$production$'],
  window: { before: 0, after: 74 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_$])(?<secret>access_token\$production\$[a-z0-9]{16}\$[0-9a-f]{32})${notBefore('A-Za-z0-9_$')}`),
  minEntropy: 3,
  remediation:
    'Revoke the access token in the PayPal developer dashboard (Apps & Credentials, https://developer.paypal.com/dashboard/applications/live) or the Braintree Control Panel, create a new one, and review recent transactions for the merchant.',
  samples: {
    positive: [
      'var gateway = braintree.connect({ accessToken: "access_token$production$nnxj1j4jqpe7mdmm$efcb9bf7fb4c741627b7ad4abf90eaae" });',
      "BRAINTREE_ACCESS_TOKEN='access_token$production$n6blfuq0verg4jdo$32c6bdeb73803639261a332ff4b47c44'",
    ],
    negative: [
      // Sandbox tokens move no money.
      'BRAINTREE_ACCESS_TOKEN=access_token$sandbox$id1xjhmt6ceddw52$2e2b280271eedc018de674dec0a3736d',
      'BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant id>$<token>',
      // Truncated.
      'BRAINTREE_ACCESS_TOKEN=access_token$production$id1xjhmt6ceddw52$2e2b280271eedc018de674dec0a3736',
      'BRAINTREE_ACCESS_TOKEN=access_token$production$0000000000000000$00000000000000000000000000000000',
    ],
  },
};

const privateKey: Rule = {
  id: 'braintree-private-key',
  provider: 'braintree',
  title: 'Braintree gateway private key',
  severity: 'critical',
  keywords: ['braintree'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 260 },
  // `braintree`, up to 160 characters (a prefix, the gateway's other settings), `private key`, an assignment.
  pattern: new RegExp(String.raw`braintree[\w.:\s"'{}(),-]{0,160}?private[_.-]?key[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}(?<secret>[0-9a-f]{32})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation:
    'Generate a new API key pair in the Braintree Control Panel (Settings → API → API Keys → Generate New API Key, https://www.braintreegateway.com/login), deploy it, delete the leaked pair, and review recent transactions and refunds.',
  samples: {
    positive: [
      'BRAINTREE_MERCHANT_ID=q3vd8kz5mw2np7tj\nBRAINTREE_PUBLIC_KEY=r9cw4hbx6tz2kd5m\nBRAINTREE_PRIVATE_KEY=6ee6151b99e974fd24b7a6aa8ccf8adf',
      "const gateway = new braintree.BraintreeGateway({\n  environment: braintree.Environment.Production,\n  merchantId: 'm6tf2r9vkd4xq8wb',\n  publicKey: 'x7mb2kq94dtr8wcs',\n  privateKey: '37d576955972f605defc7c9a02a0b2dc',\n});",
    ],
    negative: [
      'BRAINTREE_PRIVATE_KEY=your_private_key',
      'BRAINTREE_PRIVATE_KEY=<Your Private Key>',
      // The public key and merchant id are identifiers.
      'BRAINTREE_PUBLIC_KEY=r9cw4hbx6tz2kd5m',
      // No Braintree context.
      'PRIVATE_KEY=74b5e948c7091e37b65ad4fad96821af',
      'BRAINTREE_PRIVATE_KEY=74b5e948c7091e37b65ad4fad96821a',
    ],
  },
};

export const braintree: ProviderDefinition = { id: 'braintree', name: 'Braintree', rules: [accessToken, privateKey] };
