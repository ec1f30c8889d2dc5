// Langfuse API keys (https://langfuse.com/docs/api-and-data-platform/features/public-api; the
// SDKs' LANGFUSE_SECRET_KEY and LANGFUSE_PUBLIC_KEY): a project's key pair, the secret key `sk-lf-`
// and the public key `pk-lf-`, each the prefix and a UUID. The public key alone authenticates
// nothing; the secret key with it reads and writes the project's traces and prompts.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const secretKey: Rule = {
  id: 'langfuse-secret-key',
  provider: 'langfuse',
  title: 'Langfuse secret key',
  severity: 'high',
  keywords: ['sk-lf-'],
  prefixes: ['sk-lf-'],
  window: { before: 0, after: 43 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sk-lf-${UUID})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Delete the key pair in Langfuse (the project\'s Settings → API Keys, on cloud.langfuse.com or your own instance), create a new pair, and check the project\'s traces, prompts and datasets for changes you did not make.',
  samples: {
    positive: [
      'LANGFUSE_PUBLIC_KEY=pk-lf-68b7b504-2e60-4d9a-919b-30af34fad06f\nLANGFUSE_SECRET_KEY=sk-lf-46f6294c-ad0c-47c5-bc31-ff0991f2ebee',
      'langfuse = Langfuse(secret_key="sk-lf-ec007fda-423c-4347-a59e-4c2770e7020b", host="https://cloud.langfuse.com")',
    ],
    negative: [
      'LANGFUSE_SECRET_KEY=sk-lf-...',
      'LANGFUSE_SECRET_KEY=sk-lf-test',
      // The public key alone.
      'LANGFUSE_PUBLIC_KEY=pk-lf-68b7b504-2e60-4d9a-919b-30af34fad06f',
      'LANGFUSE_SECRET_KEY=sk-lf-00000000-0000-0000-0000-000000000000',
    ],
  },
};

export const langfuse: ProviderDefinition = { id: 'langfuse', name: 'Langfuse', rules: [secretKey] };
