// Dynatrace access tokens (https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens-legacy):
// three parts separated by dots, the prefix `dt0c01` (API, PaaS and tenant tokens), a 24-character
// public identifier and a 64-character secret, both in upper-case base32 ([A-Z2-7]).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';

const accessToken: Rule = {
  id: 'dynatrace-access-token',
  provider: 'dynatrace',
  title: 'Dynatrace access token',
  severity: 'high',
  keywords: ['dt0c01.'],
  prefixes: ['dt0c01.'],
  window: { before: 0, after: 96 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9_.-')}(?<secret>dt0c01\.[A-Z2-7]{24}\.[A-Z2-7]{64})${notBefore('A-Za-z0-9_.-')}`),
  minEntropy: 3.5,
  remediation:
    'Revoke the token in Dynatrace (Access tokens, https://docs.dynatrace.com/docs/shortlink/token; the public part dt0c01.<24 characters> identifies it), generate a new one with only the scopes it needs, and check the audit log for its use.',
  samples: {
    positive: [
      'DT_API_TOKEN=dt0c01.7U5ZV7MCOEKT5P5TKNMBKJT7.PKBBWV7DWXRQZFNX4ZGSGZ6YBA6BXUMAJWROSGMHV4ZUFYO2H5XCLTGOL6V2QTEL',
      'curl -H "Authorization: Api-Token dt0c01.R6KLPRZHWN6ZDZZPKQFYHVAH.TZDJJCTVSKJPXVQFRXL7E52QA2L47CYBT5NCX7Z4366KEM4QGO6T7EWUNCFFI2ZR" https://abc12345.live.dynatrace.com/api/v2/metrics',
    ],
    negative: [
      // The token identifier alone is public by design.
      'Token dt0c01.7U5ZV7MCOEKT5P5TKNMBKJT7 was rotated',
      'DT_API_TOKEN=dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      // 0, 1, 8 and 9 are not base32.
      'DT_API_TOKEN=dt0c01.7U5ZV7MCOEKT5P5TKNMBKJT7.PKBBWV7DWXRQZFNX4ZGSGZ6YBA6BXUMAJWROSGMHV4ZUFYO2H5XCLTGOL6V2QT01',
      // Truncated.
      'DT_API_TOKEN=dt0c01.7U5ZV7MCOEKT5P5TKNMBKJT7.PKBBWV7DWXRQZFNX4ZGSGZ6YBA6BXUMAJWROSGMHV4ZUFYO2H5XCLTGOL6V2QTE',
    ],
  },
};

export const dynatrace: ProviderDefinition = { id: 'dynatrace', name: 'Dynatrace', rules: [accessToken] };
