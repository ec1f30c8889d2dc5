// Adyen API keys (https://docs.adyen.com/development-resources/api-credentials#generate-api-key),
// sent in the X-API-Key header. Every key observed has the same structure: `AQE` and a base64 run
// that ends in the fixed `QwV1bDb7kfNy1WIxIIkxgBw==`, `-`, a base64-encoded 32-byte value
// (43 characters and `=`), `-`, and 16 printable characters that may include punctuation. The
// pattern requires all of it, so a key is found by its fixed run. Test and live keys look alike.
// Webhook HMAC keys (https://docs.adyen.com/development-resources/webhooks/secure-webhooks/verify-hmac-signatures/)
// are 64 hex characters; with no prefix, one counts only where it is named as Adyen's HMAC key.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { placeholderReason } from '../../detect/placeholder.js';
import { ASSIGN_OR_ARGUMENT, notAfter } from '../boundaries.js';

const FIXED_RUN = 'QwV1bDb7kfNy1WIxIIkxgBw==';

/**
 * The shared placeholder check would reject a key whose last part holds `<`, `>` or `{{`, as Adyen's
 * may: it runs here on the base64 parts only.
 */
function checkBase64Parts({ secret }: Candidate): Validation {
  const base64Parts = secret.slice(0, secret.lastIndexOf('-'));
  const reason = placeholderReason(base64Parts);
  return reason === undefined ? { valid: true } : { valid: false, reason };
}

const apiKey: Rule = {
  id: 'adyen-api-key',
  provider: 'adyen',
  title: 'Adyen API key',
  severity: 'high',
  confidence: 'structure',
  keywords: ['IkxgBw==-'],
  prefixes: ['AQE'],
  window: { before: 110, after: 70 },
  pattern: new RegExp(
    String.raw`${notAfter('A-Za-z0-9+/')}(?<secret>AQE[A-Za-z0-9+/]{20,90}${FIXED_RUN}-[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=-[\x21-\x7e]{16})(?![A-Za-z0-9])`,
  ),
  minEntropy: 4,
  skipPlaceholderCheck: true,
  validate: checkBase64Parts,
  remediation:
    'Generate a new API key for the API credential in the Customer Area (Developers → API credentials → the credential → Generate API key, https://ca-live.adyen.com/; ca-test for test keys), deploy it, then revoke the leaked one and review the credential\'s recent payments.',
  samples: {
    positive: [
      "ADYEN_API_KEY=AQEdbnbP+HJMncwN2tORsz8usfMBjwWg7uxduihJhe9qGVeaBFM9QwV1bDb7kfNy1WIxIIkxgBw==-GbaSfWOnlKW8h4/tmLKJPAC6p5UtFSO2D0nd8tXdZQE=-OFi@K^wGdPIQ5U7<",
      'client.setApiKey("AQE6K23YCzOgVbwq/YnManj0P1HXUzVv5sLiZH4jnwHqIjxne38sQwV1bDb7kfNy1WIxIIkxgBw==-iSkW0Uw6m/pRQ8drTsJ+yEccX/ywp7fvewN/cXOs284=-F*d)r!#9+E[i1BfT");',
    ],
    negative: [
      'ADYEN_API_KEY=AQE...',
      'ADYEN_API_KEY=AQEwhmfuL7qNaBxRw0m...  # your live API key',
      // A documentation-style key: the base64 parts are placeholders.
      'ADYEN_API_KEY=AQExxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxQwV1bDb7kfNy1WIxIIkxgBw==-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA=-xxxxxxxxxxxxxxxx',
      // The middle part is cut short.
      "ADYEN_API_KEY=AQEG+7AcSccmAaRmABG4l1vZXy9Ye0KUcFEf0FoFO2IEVjkDjJOAQwV1bDb7kfNy1WIxIIkxgBw==-oegQWmaT+MbDfxowuDFtqrL4vGnbHRV=-S=d4l7k^&6>H6%5P",
      // No fixed run: another base64 value of that shape.
      "KEY=AQEG+7AcSccmAaRmABG4l1vZXy9Ye0KUcFEf0FoFO2IEVjkDjJOAQwV1bDb7kfNy1WIxIIkxgBx==-oegQWmaT+MbDfxowuDFtqrL4vGnbHRV/yc84VHP+cRw=-S=d4l7k^&6>H6%5P",
    ],
  },
};

const hmacKey: Rule = {
  id: 'adyen-hmac-key',
  provider: 'adyen',
  title: 'Adyen webhook HMAC key',
  // Whoever holds it can forge webhook events (an authorised payment) that the integration accepts.
  severity: 'high',
  keywords: ['adyen'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 220 },
  pattern: new RegExp(String.raw`adyen[\w.:\s"'{},-]{0,80}?hmac[\w.-]{0,16}?${ASSIGN_OR_ARGUMENT}(?<secret>[0-9A-Fa-f]{64})(?![0-9A-Za-z])`, 'i'),
  minEntropy: 3,
  remediation:
    'Generate a new HMAC key for the webhook in the Customer Area (Developers → Webhooks → the webhook → Security → HMAC key → Generate, https://ca-live.adyen.com/), deploy it, and check recent webhook events against the payments in the Customer Area.',
  samples: {
    positive: [
      'ADYEN_API_KEY=${ADYEN_API_KEY}\nADYEN_HMAC_KEY=46BC6FEB336EC271FEAE18B79750ABB5BCEC042A0B6BE5059370E325875B382A',
      "adyen:\n  merchantAccount: AcmeECOM\n  hmacKey: '19053869B3EEB27769EC12797BEFFEB2E90E20F3D1E19D48276AD28DF8C036B7'",
    ],
    negative: [
      'ADYEN_HMAC_KEY=your_hmac_key',
      'ADYEN_HMAC_KEY=0000000000000000000000000000000000000000000000000000000000000000',
      // No Adyen context: a SHA-256 digest.
      'sha256 = "ef72d620d8570635dce66258aa801dcb26b8b5c80a7961866b784cefb5ee25e3"',
      'ADYEN_HMAC_KEY=EF72D620D8570635DCE66258AA801DCB26B8B5C80A7961866B784CEFB5EE25E',
    ],
  },
};

export const adyen: ProviderDefinition = { id: 'adyen', name: 'Adyen', rules: [apiKey, hmacKey] };
