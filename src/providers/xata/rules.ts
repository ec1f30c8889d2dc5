// Xata API keys (https://xata.io/docs/getting-started/api-keys, XATA_API_KEY, also the password of
// a Xata Postgres connection string): `xau_` + 33 letters and digits.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'xata-api-key',
  provider: 'xata',
  title: 'Xata API key',
  severity: 'critical',
  keywords: ['xau_'],
  prefixes: ['xau_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>xau_[A-Za-z0-9]{33})${TOKEN_END}`),
  minEntropy: 4,
  remediation:
    'Delete the key in Xata (Account settings → Personal API keys, or the workspace\'s service API keys, https://app.xata.io/settings), check the databases it could reach, and create a new key.',
  samples: {
    positive: [
      'XATA_API_KEY=xau_isvfBvV9iW28uSYcOv3et2SZMTxDWG62o',
      'DATABASE_URL=postgresql://ec94no:xau_5Vin1gAPKk168Ev9yTZwfseQxIMYX33hw@us-east-1.sql.xata.sh/shop:main?sslmode=require',
    ],
    negative: [
      'XATA_API_KEY=xau_xxxxxxxxxxxxxxxxxxxxx',
      'XATA_API_KEY=xau_YOUR_KEY_HERE',
      'set XATA_API_KEY=xau_*********************************',
      // Truncated.
      'XATA_API_KEY=xau_isvfBvV9iW28uSYcOv3et2SZMTx',
    ],
  },
};

export const xata: ProviderDefinition = { id: 'xata', name: 'Xata', rules: [apiKey] };
