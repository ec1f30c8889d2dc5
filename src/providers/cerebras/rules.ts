// Cerebras Inference API keys, generated in the Cloud Console (https://inference-docs.cerebras.ai/console/api-keys)
// and sent as a Bearer token: `csk-` + 48 lower-case letters and digits, as every key observed has.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'cerebras-api-key',
  provider: 'cerebras',
  title: 'Cerebras API key',
  severity: 'high',
  keywords: ['csk-'],
  prefixes: ['csk-'],
  window: { before: 0, after: 52 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>csk-[a-z0-9]{48})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Delete the key on the API Keys page of the Cerebras Cloud Console (https://cloud.cerebras.ai; deletion is immediate), create a new one, and check the project\'s usage for requests you did not make.',
  samples: {
    positive: [
      'CEREBRAS_API_KEY=csk-i23o3jqtcln5jky5qrlipsmt9agv8nzt6su0in7hafn4tidf',
      'client = Cerebras(api_key="csk-ntia7ewp2fn2wgzctzo5to3w7mt3ce6zbjh1jubqrleoh7hc")',
    ],
    negative: [
      'export CEREBRAS_API_KEY=csk-...',
      'CEREBRAS_API_KEY=csk-your-api-key',
      // Truncated.
      'CEREBRAS_API_KEY=csk-i23o3jqtcln5jky5qrlipsmt9agv8nzt6su0in7hafn4tid',
      // Upper case is not what Cerebras issues.
      'CEREBRAS_API_KEY=csk-I23O3JQTCLN5JKY5QRLIPSMT9AGV8NZT6SU0IN7HAFN4TIDF',
    ],
  },
};

export const cerebras: ProviderDefinition = { id: 'cerebras', name: 'Cerebras', rules: [apiKey] };
