// Runway developer API keys (https://docs.dev.runwayml.com/; RUNWAYML_API_SECRET, sent as a Bearer
// token): `key_` + 128 hex characters, as every key observed has. `key_` alone is everywhere in code,
// so the keyword is the provider's name near the key.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';

const apiKey: Rule = {
  id: 'runway-api-key',
  provider: 'runway',
  title: 'Runway API key',
  severity: 'high',
  keywords: ['runwayml', 'runway_api', 'runway-api'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9_-')}(?<secret>key_[0-9a-f]{128})${notBefore('A-Za-z0-9_-')}`),
  minEntropy: 3.5,
  remediation:
    'Disable the key in the Runway developer portal (API Keys, https://dev.runwayml.com/), create a new one, and check the organization\'s credit usage for generations you did not start.',
  samples: {
    positive: [
      'RUNWAYML_API_SECRET=key_6323e1415babab5fcf69bb8ab25b7815b2c72f51aa516949023b24e89e53fcddf90fecf5dc12c9982d807f57ae2d5e04c5689c1b0e5bb9c4a7c4aaac69494d46',
      'from runwayml import RunwayML\nclient = RunwayML(api_key="key_5d332bb4d7c424b0312587f06050d2af44ae18bcff2c74e626c498d209a54feb0cce517bf609d1d527429d5feaae60e1c2de5d4f724ba0650644a43d40a99f69")',
    ],
    negative: [
      'export RUNWAYML_API_SECRET="key_..."',
      'RUNWAYML_API_SECRET=key_123456789012345678901234567890',
      // No Runway context: a 128-hex value (a SHA-512) after key_.
      'cache_key_6323e1415babab5fcf69bb8ab25b7815b2c72f51aa516949023b24e89e53fcddf90fecf5dc12c9982d807f57ae2d5e04c5689c1b0e5bb9c4a7c4aaac69494d46',
      'sha512 = "key_6323e1415babab5fcf69bb8ab25b7815b2c72f51aa516949023b24e89e53fcddf90fecf5dc12c9982d807f57ae2d5e04c5689c1b0e5bb9c4a7c4aaac69494d46"',
      // Truncated.
      'RUNWAYML_API_SECRET=key_6323e1415babab5fcf69bb8ab25b7815b2c72f51aa516949023b24e89e53fcddf90fecf5dc12c9982d807f57ae2d5e04c5689c1b0e5bb9c4a7c4aaac69494d4',
    ],
  },
};

export const runway: ProviderDefinition = { id: 'runway', name: 'Runway', rules: [apiKey] };
