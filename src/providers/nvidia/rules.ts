// NVIDIA API keys for NIM endpoints on build.nvidia.com and NGC personal keys: `nvapi-` + 64
// base64url characters. NVIDIA's NeMo Retriever guide (https://docs.nvidia.com/nemo/retriever/latest/extraction/api-keys/)
// says the keys start with `nvapi-`; the length is what keys observed in the wild all have.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'nvidia-api-key',
  provider: 'nvidia',
  title: 'NVIDIA API key (NIM / NGC)',
  severity: 'high',
  keywords: ['nvapi-'],
  prefixes: ['nvapi-'],
  window: { before: 0, after: 70 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>nvapi-[A-Za-z0-9_-]{64})${TOKEN_END}`),
  minEntropy: 3.8,
  remediation:
    'Revoke the key (build.nvidia.com → Settings → API keys, or https://org.ngc.nvidia.com/setup/api-keys for an NGC personal key), generate a new one, and check NGC and NIM usage for calls or image pulls you did not make.',
  samples: {
    positive: [
      'NVIDIA_API_KEY=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',
      'client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="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")',
      'echo "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" | docker login nvcr.io --username \'$oauthtoken\' --password-stdin',
    ],
    negative: [
      'export NVIDIA_API_KEY="nvapi-..."',
      'NVIDIA_API_KEY=nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Truncated.
      'NVIDIA_API_KEY=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',
      'const my_nvapi-ebgLJatyfomjhBy6ogfAkM1_2S-C_83HHdx2fSnLtZabG481M3cnWX6uJXq6NOV7 = 1',
    ],
  },
};

export const nvidia: ProviderDefinition = { id: 'nvidia', name: 'NVIDIA', rules: [apiKey] };
