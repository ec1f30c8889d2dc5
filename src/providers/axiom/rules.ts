// Axiom tokens (https://axiom.co/docs/reference/tokens): API tokens (`xaat-`, scoped to datasets and
// actions) and personal access tokens (`xapt-`, the user's full access; sent with the org id), each
// the prefix and a lower-case UUID.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const apiToken: Rule = {
  id: 'axiom-api-token',
  provider: 'axiom',
  title: 'Axiom API token',
  severity: 'high',
  keywords: ['xaat-'],
  prefixes: ['xaat-'],
  window: { before: 0, after: 42 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>xaat-${UUID})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Delete the token in Axiom (Settings → API tokens, https://app.axiom.co/settings/api-tokens), create one with only the datasets and actions it needs, and check the datasets it could reach for data you did not send.',
  samples: {
    positive: [
      'AXIOM_TOKEN=xaat-a69b08bd-f6e3-4f34-8888-5fa05152eae2',
      "const axiom = new Axiom({ token: 'xaat-0f14a343-572d-4656-a3d1-ef12ceada291' });",
    ],
    negative: [
      'AXIOM_TOKEN=xaat-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'AXIOM_TOKEN=xaat-your-token-here',
      'AXIOM_TOKEN=xaat-00000000-0000-0000-0000-000000000000',
      // Truncated.
      'AXIOM_TOKEN=xaat-a69b08bd-f6e3-4f34-8888-5fa05152eae',
    ],
  },
};

const personalToken: Rule = {
  id: 'axiom-personal-token',
  provider: 'axiom',
  title: 'Axiom personal access token',
  severity: 'critical',
  keywords: ['xapt-'],
  prefixes: ['xapt-'],
  window: { before: 0, after: 42 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>xapt-${UUID})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Delete the token in Axiom (Settings → Profile → Personal tokens, https://app.axiom.co/profile), create an API token scoped to what the integration needs instead, and review the org\'s settings and datasets for changes made with it.',
  samples: {
    positive: [
      'AXIOM_TOKEN=xapt-8eea8487-b92b-4f94-b166-c9559544c260\nAXIOM_ORG_ID=acme-x1y2',
      'axiom auth login --token xapt-99b8cf17-0821-4e90-967d-161f7c131080 --org-id acme-x1y2',
    ],
    negative: [
      'AXIOM_TOKEN=xapt-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'AXIOM_TOKEN=xapt-<personal token>',
      // Upper-case hex is not what Axiom issues.
      'AXIOM_TOKEN=xapt-8EEA8487-B92B-4F94-B166-C9559544C260',
    ],
  },
};

export const axiom: ProviderDefinition = { id: 'axiom', name: 'Axiom', rules: [apiToken, personalToken] };
