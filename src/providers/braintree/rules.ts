// Braintree access tokens (PayPal's "Braintree SDK" credentials for PayPal Express Checkout and
// Venmo): `access_token$production$<16-character merchant id>$<32 hex>`
// (https://developer.paypal.com/braintree/docs/guides/paypal/server-side/). The environment is part
// of the token: `access_token$sandbox$…` tokens move no money and are not findings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notBefore } from '../boundaries.js';

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

export const braintree: ProviderDefinition = { id: 'braintree', name: 'Braintree', rules: [accessToken] };
