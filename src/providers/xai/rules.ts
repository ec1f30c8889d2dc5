// xAI API keys: `xai-` + 80 base62 characters, created on the API Keys page of the xAI Console
// (https://docs.x.ai/developers/quickstart) and read from XAI_API_KEY by the SDKs.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'xai-api-key',
  provider: 'xai',
  title: 'xAI API key',
  severity: 'high',
  keywords: ['xai-'],
  prefixes: ['xai-'],
  window: { before: 0, after: 84 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>xai-[A-Za-z0-9]{80})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Delete the key on the API Keys page of the xAI Console (https://console.x.ai), create a new one with only the endpoints and models it needs, and check the team\'s usage.',
  samples: {
    positive: [
      'XAI_API_KEY=xai-EVOjXeMRnE5JALQ88uA1iMTVN5Ed2wU7DqVUvKFOW5M3GpTnBAnWgtFaSNERCcZOXXhSqXoff2RwgPyb',
      'client = Client(api_key="xai-gBjAN2qk0KT4mCEU2TcRWRoZn1B7fNRf4A1YbsfKGE38Cs5IorHIBlCnOfTNMhaOxhbyBL7qeuUa6Xcm")',
    ],
    negative: [
      'export XAI_API_KEY="xai-YOUR-KEY"',
      'XAI_API_KEY=xai-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Truncated.
      'XAI_API_KEY=xai-EVOjXeMRnE5JALQ88uA1iMTVN5Ed2wU7DqVUvKFOW5M3GpTnBAnWgtFaSNERCcZOXXhSqXoff2RwgPy',
      // A package name that happens to start with xai-.
      'pip install xai-sdk',
    ],
  },
};

export const xai: ProviderDefinition = { id: 'xai', name: 'xAI', rules: [apiKey] };
