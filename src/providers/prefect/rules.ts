// Prefect Cloud API keys (https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys), the
// PREFECT_API_KEY of `prefect cloud login -k`: user keys start `pnu_`, service-account (bot) keys
// `pnb_`, then 36 base62 characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'prefect-api-key',
  provider: 'prefect',
  title: 'Prefect Cloud API key',
  severity: 'high',
  keywords: ['pnu_', 'pnb_'],
  prefixes: ['pnu_', 'pnb_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pn[ub]_[A-Za-z0-9]{36})${TOKEN_END}`),
  minEntropy: 4,
  remediation:
    'Delete the key in Prefect Cloud (your profile → API Keys, or the service account\'s keys, https://app.prefect.cloud/my/api-keys), check the workspace\'s audit log, and create a new key with an expiry.',
  samples: {
    positive: [
      'PREFECT_API_KEY=pnu_dGcTwwNFDmSHplbywahQCVg6QFvhnRaSS12O',
      "prefect cloud login -k 'pnb_yr3NFfTLTfGxBzHn7oOZ604yPGLDUxd9yHEo'",
    ],
    negative: [
      'PREFECT_API_KEY=pnu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      "prefect cloud login -k '<my-api-key>'",
      'SELECT pnu_code, jibun_address FROM parcels',
      // Truncated.
      'PREFECT_API_KEY=pnu_0USG4u4azfmGZG4XcqvCBwmfq7I90tEfdW',
    ],
  },
};

export const prefect: ProviderDefinition = { id: 'prefect', name: 'Prefect', rules: [apiKey] };
