// AssemblyAI API keys (https://www.assemblyai.com/docs/api-reference/overview#authorization; sent in
// the Authorization header, ASSEMBLYAI_API_KEY, aai.settings.api_key): 32 hex characters with no
// prefix. A key counts only where named as AssemblyAI's or set on the Python SDK's settings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { assignOperator } from '../boundaries.js';

const ASSIGN = String.raw`["'\]]?\s{0,4}${assignOperator(':=,(')}\s{0,4}(?:api_key\s{0,2}=\s{0,2})?["'\x60]?`;
const NAMED = String.raw`(?:assembly[_-]?ai[\w.:\s"'{}(),-]{0,60}?(?:api[_.-]?key|key|token)|aai\.settings\.api_key)[\w.-]{0,12}?${ASSIGN}`;

const apiKey: Rule = {
  id: 'assemblyai-api-key',
  provider: 'assemblyai',
  title: 'AssemblyAI API key',
  severity: 'high',
  keywords: ['assemblyai', 'assembly_ai', 'assembly-ai', 'aai.settings'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`${NAMED}(?<secret>[0-9a-f]{32})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation:
    'Delete the key in the AssemblyAI dashboard (API Keys, https://www.assemblyai.com/app/api-keys), create a new one, and check usage for transcriptions you did not request.',
  samples: {
    positive: ['ASSEMBLYAI_API_KEY=31db9f79ce4e93617eb42d2010612664', 'import assemblyai as aai\naai.settings.api_key = "6f8bb542245945f35492a0cb12b36402"'],
    negative: [
      'ASSEMBLYAI_API_KEY=<YOUR_API_KEY>',
      'ASSEMBLYAI_API_KEY=00000000000000000000000000000000',
      // Not named as a key.
      'ASSEMBLYAI_TRANSCRIPT_ID=31db9f79ce4e93617eb42d2010612664',
      // Truncated.
      'ASSEMBLYAI_API_KEY=31db9f79ce4e93617eb42d201061266',
    ],
  },
};

export const assemblyai: ProviderDefinition = { id: 'assemblyai', name: 'AssemblyAI', rules: [apiKey] };
