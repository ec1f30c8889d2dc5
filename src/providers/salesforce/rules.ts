// Salesforce session ids and OAuth access tokens (https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_access_tokens.htm):
// the org's 15-character id, which always starts with the Organization key prefix `00D`, then `!`,
// then the opaque session part (alphanumerics, `.` and `_`). The `!` right after an org id is the
// structure; the pattern demands it, so `00D` elsewhere (a `\u00D7` escape, a colour) never matches.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

/** The session id in Salesforce's own documentation, copied into tutorials. */
const DOCUMENTATION_EXAMPLE_START = '00D50000000IehZ!';

const accessToken: Rule = {
  id: 'salesforce-access-token',
  provider: 'salesforce',
  title: 'Salesforce access token (session id)',
  severity: 'high',
  keywords: ['00D'],
  prefixes: ['00D'],
  window: { before: 0, after: 220 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_.!])(?<secret>00D[A-Za-z0-9]{12}![A-Za-z0-9._]{80,200})(?![A-Za-z0-9._!])/,
  minEntropy: 4,
  validate: ({ secret }) => (secret.startsWith(DOCUMENTATION_EXAMPLE_START) ? { valid: false, reason: 'example from the Salesforce documentation' } : { valid: true }),
  remediation:
    "Revoke the session in Salesforce (Setup → Session Management → Remove, or the connected app's OAuth usage → Revoke, https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_revoke_token.htm), and reset the credentials of the user it belongs to.",
  samples: {
    positive: [
      'SF_ACCESS_TOKEN=00DTPO3c7CxRvX9!yXg7Qc4B1I43bsRAQSUFZqKYC._YjjpT7xbTqi0HCNyWXUgzywHkskR2KU.B8vr_8_..Y8QN4jgOIxJ_nXSqOeYz9PpqXIH8W3Cz',
      'curl https://acme.my.salesforce.com/services/data/v60.0/sobjects -H "Authorization: Bearer 00DRCH9aFktTAQC!eyDhmeff8fMeJcfLbgTivF0tb1q4UD0sLqIJv0Rb_NclJ2YdYZsATpT4b6IYTc_Z_trLUyWYpXgMOCldj8FEly5nwmagJFGnKozW"',
    ],
    negative: [
      // The session id of Salesforce's own documentation.
      'sessionId=00D50000000IehZ!AQcAQH0dMHZfz972Szmpkb58urFRkgeBGsxL_QJWwYMfAbUeeG7c1E6LYUfiDUkWe6H34r1AAwOR8B8fLEz6n04NPGRrq0FM',
      'const times = "\\u00D7\\u00D7";',
      'SF_ACCESS_TOKEN=00Dxxxxxxxxxxxx!xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // An org id alone is no credential.
      'SF_ORG_ID=00DTPO3c7CxRvX9',
      // The session part cut short.
      'SF_ACCESS_TOKEN=00DTPO3c7CxRvX9!yXg7Qc4B1I43bsRAQSUFZqKYC._YjjpT7xbTq',
    ],
  },
};

export const salesforce: ProviderDefinition = { id: 'salesforce', name: 'Salesforce', rules: [accessToken] };
