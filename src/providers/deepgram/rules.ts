// Deepgram API keys (https://developers.deepgram.com/docs/create-additional-api-keys; sent as
// `Authorization: Token <key>`, DEEPGRAM_API_KEY): 40 hex characters with no prefix. A key counts only
// where named as Deepgram's or passed to a Deepgram client.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { assignOperator } from '../boundaries.js';

const ASSIGN = String.raw`["'\]]?\s{0,4}${assignOperator(':=,(')}\s{0,4}(?:api_key\s{0,2}=\s{0,2})?["'\x60]?`;
// `client` with ASSIGN's `(`: `DeepgramClient("<key>")` (Python), `deepgram = createClient("<key>")` (JavaScript).
const NAMED = String.raw`deepgram[\w.:\s"'{}(),=-]{0,60}?(?:api[_.-]?key|key|token|client)[\w.-]{0,12}?${ASSIGN}`;

const apiKey: Rule = {
  id: 'deepgram-api-key',
  provider: 'deepgram',
  title: 'Deepgram API key',
  severity: 'high',
  keywords: ['deepgram'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`${NAMED}(?<secret>[0-9a-f]{40})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation:
    'Delete the key in the Deepgram console (the project\'s Settings → API Keys, https://console.deepgram.com/), create a new one with only the role it needs, and check the project\'s usage for requests you did not make.',
  samples: {
    positive: [
      'DEEPGRAM_API_KEY=beca9ed8342e1bcf975b0854eb751968865ad696',
      'deepgram = DeepgramClient(api_key="ca909e8b4ef9da63f537194a3f6b501095170875")',
      'deepgram = DeepgramClient("c2b85a1f68caf6a5ee1d961abba4c141e438ac24")',
      'const deepgram = createClient("6f0a2e35330582d39eae97b9c9e470fcc7ac1c0e");',
    ],
    negative: [
      'DEEPGRAM_API_KEY=YOUR_DEEPGRAM_API_KEY',
      'DEEPGRAM_API_KEY=0000000000000000000000000000000000000000',
      // A commit id near the name, not assigned as a key.
      'deepgram-sdk v3.4.0 (commit beca9ed8342e1bcf975b0854eb751968865ad696)',
      // The key read from the environment, and a commit id after an SDK's name and version.
      'const deepgram = createClient(process.env.DEEPGRAM_API_KEY); // beca9ed8342e1bcf975b0854eb751968865ad696',
      // Truncated.
      'DEEPGRAM_API_KEY=beca9ed8342e1bcf975b0854eb751968865ad69',
    ],
  },
};

export const deepgram: ProviderDefinition = { id: 'deepgram', name: 'Deepgram', rules: [apiKey] };
