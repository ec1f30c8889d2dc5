// Mezmo (formerly LogDNA) ingestion keys (https://docs.mezmo.com/docs/ingestion-key): 32 hex
// characters with no prefix, sent by the agent and the log libraries. A key counts only where named
// as Mezmo's or LogDNA's (MZ_INGESTION_KEY, LOGDNA_INGESTION_KEY, a logdna setting).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_CALL } from '../boundaries.js';

const NAMED = String.raw`(?:logdna|mezmo|(?<![a-z0-9])mz)[\w.:\s"'{}(),-]{0,60}?(?:ingestion[_.-]?key|ingest[_.-]?key|api[_.-]?key|service[_.-]?key|key)[\w.-]{0,12}?${ASSIGN_OR_CALL}`;

const ingestionKey: Rule = {
  id: 'mezmo-ingestion-key',
  provider: 'mezmo',
  title: 'Mezmo (LogDNA) ingestion key',
  severity: 'medium',
  keywords: ['logdna', 'mezmo', 'mz_ingestion'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`${NAMED}(?<secret>[0-9a-f]{32})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation:
    'Delete the key in Mezmo (Settings → Organization → API Keys, https://app.mezmo.com/manage/api-keys), create a new one for the agents, and check the account for logs you did not send.',
  samples: {
    positive: [
      'LOGDNA_INGESTION_KEY=813da6bb025a751d630b279cd0f41b33',
      'MZ_INGESTION_KEY=a8f985d1892d00df369b99865eaaad42',
      "logdna:\n  ingestion_key: '150345b0c6c86e65e6401d4ba4c9d6a7'\n  tags: production",
    ],
    negative: [
      'LOGDNA_INGESTION_KEY=<YOUR INGESTION KEY>',
      'MZ_INGESTION_KEY=00000000000000000000000000000000',
      // 32 hex not named as a Mezmo key.
      'etag = "813da6bb025a751d630b279cd0f41b33"',
      // Truncated.
      'LOGDNA_INGESTION_KEY=813da6bb025a751d630b279cd0f41b3',
    ],
  },
};

export const mezmo: ProviderDefinition = { id: 'mezmo', name: 'Mezmo (LogDNA)', rules: [ingestionKey] };
