// Square credentials (https://developer.squareup.com/docs/build-basics/access-tokens): OAuth and
// personal access tokens are `EAAA` + 60 base64url characters, sent as Bearer tokens; an
// application's OAuth secret is `sq0csp-` + 43 characters; tokens from before the `EAAA` format
// were `sq0atp-` + 22 characters. Every token observed goes on with `l` or `E` (`EAAAl…`, `EAAAE…`):
// the keywords are those five characters, since `EAAA` alone occurs thousands of times in base64
// data. Sandbox tokens look the same, so a token counts whatever its environment.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const ACCESS_TOKENS_PAGE = 'https://developer.squareup.com/apps';

const accessToken: Rule = {
  id: 'square-access-token',
  provider: 'square',
  title: 'Square access token',
  severity: 'critical',
  keywords: ['EAAAl', 'EAAAE'],
  prefixes: ['EAAA'],
  window: { before: 0, after: 64 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>EAAA[lE][A-Za-z0-9_-]{59})${TOKEN_END}`),
  minEntropy: 4,
  remediation: `Revoke the token: a personal access token is replaced in the Developer Console (the application → Credentials → Replace, ${ACCESS_TOKENS_PAGE}); an OAuth token is revoked with POST /oauth2/revoke. Then review the seller's payments and refunds in the Square Dashboard.`,
  samples: {
    positive: [
      'SQUARE_ACCESS_TOKEN=EAAAlFkP9bqVp2SLMMxMGUxy4xShMn51sYvLY7iKX82WVHmh8NAuh0QNlL5RoHtO',
      "const client = new Client({ accessToken: 'EAAAExzTmCN4mm-Ko8lZ-WSPMlVp6HdTmfXPgREsdqV6Xje3h2m1xPY5MHXjgMTr', environment: Environment.Production });",
    ],
    negative: [
      'SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SQUARE_ACCESS_TOKEN=EAAA<your access token>',
      // Truncated.
      'SQUARE_ACCESS_TOKEN=EAAAlu7l8kkvkBexfNAPtesHPdOpyj1kQAjY3T-DY3CuZEohccKu9s7kHDQKfT',
      // Inside a longer base64 run (binary data), not a token.
      'data:image/png;base64,iVBORw0KGgoEAAAlu7l8kkvkBexfNAPtesHPdOpyj1kQAjY3TDY3CuZEohccKu9s7kHDQKfT7aa',
    ],
  },
};

const applicationSecret: Rule = {
  id: 'square-application-secret',
  provider: 'square',
  title: 'Square application OAuth secret',
  severity: 'high',
  keywords: ['sq0csp-'],
  prefixes: ['sq0csp-'],
  window: { before: 0, after: 50 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sq0csp-[A-Za-z0-9_-]{43})${TOKEN_END}`),
  minEntropy: 4,
  remediation: `Replace the application secret in the Developer Console (the application → OAuth → Application secret → Replace, ${ACCESS_TOKENS_PAGE}) and deploy the new one; whoever holds it can obtain OAuth tokens for the sellers who authorized the app.`,
  samples: {
    positive: [
      'SQUARE_APPLICATION_SECRET=sq0csp-_5KkS5K8O-yyznPWxHgKykY_ZblAavsZ-u-OUE7V_Z9',
      '  client_secret: "sq0csp-BaMQ26oCGvRu5upjg83IdMifEuQrBozk3SQsKMAsYnB"',
    ],
    negative: [
      'SQUARE_APPLICATION_SECRET=sq0csp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SQUARE_APPLICATION_SECRET=sq0csp-...',
      'SQUARE_APPLICATION_SECRET=sq0csp-RhFWf0K2Vc3-3h4kMTHFWSmK7TefxFUJ2O7Pi-XI9e',
      'SQUARE_APPLICATION_SECRET=sq0csp-RhFWf0K2Vc3-3h4kMTHFWSmK7TefxFUJ2O7Pi-XI9ewQ',
    ],
  },
};

const legacyAccessToken: Rule = {
  id: 'square-legacy-access-token',
  provider: 'square',
  title: 'Square access token (legacy sq0atp- format)',
  severity: 'critical',
  keywords: ['sq0atp-'],
  prefixes: ['sq0atp-'],
  window: { before: 0, after: 29 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sq0atp-[A-Za-z0-9_-]{22})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation: `Replace the access token in the Developer Console (the application → Credentials, ${ACCESS_TOKENS_PAGE}) and deploy the new one; then review the seller's payments and refunds in the Square Dashboard.`,
  samples: {
    positive: [
      "SquareConnect::Configuration.default.access_token = 'sq0atp-dSSoKuChGwOkJAY1VG1e3i'",
      'SQUARE_TOKEN=sq0atp-JDdJQzAFYT6j-PUIdkBK5B',
    ],
    negative: [
      'SQUARE_TOKEN=sq0atp-XXXXXXXXXXXXXXXXXXXXXX',
      'SQUARE_TOKEN=sq0atp-woobJhZW8vIpMefNofUOK',
      'SQUARE_TOKEN=sq0atp-woobJhZW8vIpMefNofUOKr9',
    ],
  },
};

export const square: ProviderDefinition = { id: 'square', name: 'Square', rules: [accessToken, applicationSecret, legacyAccessToken] };
