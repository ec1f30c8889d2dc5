// CockroachDB Cloud API keys (https://www.cockroachlabs.com/docs/cockroachcloud/managing-access#api-access,
// COCKROACH_API_KEY for ccloud and the Terraform provider): `CCDB1_`, the key id (22 letters and
// digits), `_` and the secret (40), as the Terraform provider checks them.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'cockroachdb-cloud-api-key',
  provider: 'cockroach',
  title: 'CockroachDB Cloud API key',
  // Clusters, SQL users and network rules of the organization, with the service account's roles.
  severity: 'critical',
  keywords: ['CCDB1_'],
  prefixes: ['CCDB1_'],
  window: { before: 0, after: 70 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>CCDB1_[A-Za-z0-9]{22}_[A-Za-z0-9]{40})${TOKEN_END}`),
  minEntropy: 4,
  remediation:
    'Delete the API key on its service account in the CockroachDB Cloud Console (Organization → Access Management → Service Accounts, https://cockroachlabs.cloud/access), check the organization\'s audit logs, and create a new key.',
  samples: {
    positive: [
      'provider "cockroach" {\n  apikey = "CCDB1_xRMW45Wt3LEvlSZxxNpte4_crXfBX1GlJRf1IIxEqapdy2QQn9YwOqUMCgDmogE"\n}',
      'COCKROACH_API_KEY=CCDB1_vZ5Yj8sSupnMuwkpZeUalb_X7i5dNvhKmyBoeknGnA2oub34B2TRnU5Po0mOzWD',
    ],
    negative: [
      'cockroachMcpApiKey: "CCDB1_test_key_that_is_not_real",',
      // The key id alone, as listed in the console.
      'const CREATOR_KEY_ID = "CCDB1_AKazdJnF2adJAg9fo7EH7e";',
      '      SUBROUTINE CCDB1_ABIA( IMAGE, NPIX, SEED, STATUS )',
      'COCKROACH_API_KEY=CCDB1_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

export const cockroach: ProviderDefinition = { id: 'cockroach', name: 'CockroachDB Cloud', rules: [apiKey] };
