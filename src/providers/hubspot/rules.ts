// HubSpot private app access tokens, sent as Bearer tokens
// (https://developers.hubspot.com/docs/apps/legacy-apps/authentication/intro-to-auth): `pat-`, the
// account's data-center region (na1, na2, eu1, ap1...), `-`, then a random (version 4) UUID.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const HEX = '[0-9a-f]';

const privateAppToken: Rule = {
  id: 'hubspot-private-app-token',
  provider: 'hubspot',
  title: 'HubSpot private app access token',
  severity: 'high',
  keywords: ['pat-na', 'pat-eu', 'pat-ap'],
  prefixes: ['pat-na1-', 'pat-na2-', 'pat-eu1-', 'pat-ap1-'],
  window: { before: 0, after: 45 },
  anchor: 'keyword',
  pattern: new RegExp(
    String.raw`${TOKEN_START}(?<secret>pat-(?:na|eu|ap)[1-9]-${HEX}{8}-${HEX}{4}-4${HEX}{3}-[89ab]${HEX}{3}-${HEX}{12})${TOKEN_END}`,
  ),
  minEntropy: 3,
  remediation:
    'Rotate the token in HubSpot (Settings → Integrations → Private apps → the app → Auth → Rotate, https://developers.hubspot.com/docs/api/private-apps), deploy the new one, and check the app\'s API call log.',
  samples: {
    positive: [
      'HUBSPOT_ACCESS_TOKEN=pat-na1-e03c4c11-8734-4425-af6b-21728732744f',
      "const client = new hubspot.Client({ accessToken: 'pat-eu1-2b671fe1-7b77-4fb5-8f8a-278a2364fea7' });",
    ],
    negative: [
      'HUBSPOT_ACCESS_TOKEN=pat-na1-xxxx...',
      'expect(authorization).toBe("Bearer pat-na1-test");',
      // Not a version 4 UUID.
      'HUBSPOT_ACCESS_TOKEN=pat-na1-e03c4c11-8734-1425-af6b-21728732744f',
      // Truncated.
      'HUBSPOT_ACCESS_TOKEN=pat-na1-e03c4c11-8734-4425-af6b-21728732744',
    ],
  },
};

export const hubspot: ProviderDefinition = { id: 'hubspot', name: 'HubSpot', rules: [privateAppToken] };
