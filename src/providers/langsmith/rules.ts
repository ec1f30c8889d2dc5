// LangSmith API keys: personal access tokens (`lsv2_pt_`) and service keys (`lsv2_sk_`), each
// followed by 32 hex, `_` and 10 hex (https://docs.langchain.com/langsmith/create-account-api-key).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'langsmith-api-key',
  provider: 'langsmith',
  title: 'LangSmith API key',
  severity: 'high',
  keywords: ['lsv2_pt_', 'lsv2_sk_'],
  prefixes: ['lsv2_pt_', 'lsv2_sk_'],
  window: { before: 0, after: 51 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10})${TOKEN_END}`),
  minEntropy: 3,
  remediation:
    'Delete the key in LangSmith (Settings → API Keys, https://smith.langchain.com/settings), create a new one, and check the traces and datasets of the workspaces it could reach.',
  samples: {
    positive: [
      'LANGSMITH_API_KEY=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',
      'os.environ["LANGCHAIN_API_KEY"] = "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"',
    ],
    negative: [
      'LANGSMITH_API_KEY=lsv2_pt_...',
      'LANGSMITH_API_KEY=lsv2_pt_00000000000000000000000000000000_0000000000',
      // The second part is cut short.
      'LANGSMITH_API_KEY=lsv2_pt_095a08919646c0f6a3c3602d430a42af_b4a40a586',
      // A key type LangSmith does not issue.
      'LANGSMITH_API_KEY=lsv2_xx_095a08919646c0f6a3c3602d430a42af_b4a40a5861',
    ],
  },
};

export const langsmith: ProviderDefinition = { id: 'langsmith', name: 'LangSmith', rules: [apiKey] };
