// Plaid credentials (https://plaid.com/docs/api/#api-access, https://plaid.com/docs/quickstart/glossary/):
// the API secret, 30 hex characters per environment, sent with the 24-hex client id; and an Item's
// access token, `access-<environment>-<UUID>`, which reads that user's bank data. The secret has
// no prefix, so it counts only where it is named as Plaid's. Sandbox access tokens reach only
// made-up banks and are not findings; `development` was retired in 2024.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT, TOKEN_END, TOKEN_START } from '../boundaries.js';

const HEX = '[0-9a-f]';
const DASHBOARD = 'https://dashboard.plaid.com/developers/keys';

const secret: Rule = {
  id: 'plaid-secret',
  provider: 'plaid',
  title: 'Plaid API secret',
  severity: 'critical',
  keywords: ['plaid'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(String.raw`plaid[\w.:\s"'{}()=,-]{0,80}?secret[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}(?<secret>${HEX}{30})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation: `Rotate the secret in the Plaid Dashboard (Developers → Keys → Rotate secret, ${DASHBOARD}), deploy the new one, then delete the old one; with the client id it can read every linked account.`,
  samples: {
    positive: [
      'PLAID_CLIENT_ID=1d0ea742707c309ce628c6de\nPLAID_SECRET=3da7706b7d2bfbbf60ac0a6d477b0d',
      "const configuration = new Configuration({\n  basePath: PlaidEnvironments.production,\n  baseOptions: { headers: { 'PLAID-CLIENT-ID': 'e3ab3176d17a275ba3f2daf8', 'PLAID-SECRET': '515f2b41fa0770c3586f88c9b084f6' } },\n});",
      // plaid-python's configuration.
      'configuration = plaid.Configuration(host=plaid.Environment.Production, api_key={"clientId": "d962b3236ec43a14531d1785", "secret": "c54f0dc0354a2f0f1a95eb0436f908"})',
    ],
    negative: [
      'PLAID_SECRET=your_plaid_secret',
      'PLAID_SECRET=000000000000000000000000000000',
      // The client id is an identifier.
      'PLAID_CLIENT_ID=94d8f199a9ab42f4edc82d51',
      // No Plaid context.
      'secret = "8897516c5aabd486afb09555bb7e0c"',
      // 32 hex: not a Plaid secret.
      'PLAID_SECRET=8897516c5aabd486afb09555bb7e0c1f',
    ],
  },
};

const accessToken: Rule = {
  id: 'plaid-access-token',
  provider: 'plaid',
  title: 'Plaid production access token',
  severity: 'high',
  keywords: ['access-production-'],
  prefixes: ['access-production-'],
  window: { before: 0, after: 54 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>access-production-${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Call /item/remove with the access token (https://plaid.com/docs/api/items/#itemremove) so it stops working, have the user link the account again, and check which products the token was used for in the Dashboard logs.',
  samples: {
    positive: [
      'ACCESS_TOKEN=access-production-abfe29dd-cc78-4098-9ef7-790087ddbf6c',
      "client.transactionsSync({ access_token: 'access-production-07f6a088-47d7-4630-a45b-2b041d862994' })",
    ],
    negative: [
      // Sandbox tokens reach only test institutions.
      'ACCESS_TOKEN=access-sandbox-88ccff89-3c86-4703-9d8d-f22772a04aed',
      'ACCESS_TOKEN=access-production-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'ACCESS_TOKEN=access-production-88ccff89-3c86-4703-9d8d-f22772a04ae',
      'ACCESS_TOKEN=access-production-00000000-0000-0000-0000-000000000000',
    ],
  },
};

export const plaid: ProviderDefinition = { id: 'plaid', name: 'Plaid', rules: [secret, accessToken] };
