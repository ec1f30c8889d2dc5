// Weights & Biases API keys (https://docs.wandb.ai/guides/track/environment-variables/; WANDB_API_KEY,
// `wandb login`, stored in ~/.netrc for api.wandb.ai). Current keys are `wandb_v1_` + 27 base62
// characters + `_` + 49 more, as every key observed has. Older keys are 40 hex characters with no
// prefix, found only where named as a W&B key, passed to wandb.login(), or in a netrc entry for
// api.wandb.ai.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START, assignOperator } from '../boundaries.js';

const REMEDIATION =
  'Revoke the key in Weights & Biases (User settings → API keys, https://wandb.ai/settings), create a new one, and check the projects it could write to for runs and artifacts you did not log.';

const apiKey: Rule = {
  id: 'wandb-api-key',
  provider: 'wandb',
  title: 'Weights & Biases API key',
  severity: 'high',
  keywords: ['wandb_v1_'],
  prefixes: ['wandb_v1_'],
  window: { before: 0, after: 86 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>wandb_v1_[A-Za-z0-9]{27}_[A-Za-z0-9]{49})${TOKEN_END}`),
  minEntropy: 3.8,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'export WANDB_API_KEY=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',
      'wandb.login(key="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")',
    ],
    negative: [
      'WANDB_API_KEY=wandb_v1_xxx',
      'WANDB_API_KEY=wandb_v1_REDACTED',
      // Truncated.
      'WANDB_API_KEY=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',
    ],
  },
};

const ASSIGN = String.raw`["'\]]?\s{0,4}${assignOperator(':=,(')}\s{0,4}(?:key\s{0,2}=\s{0,2})?["'\x60]?`;
const NAMED = String.raw`wandb[\w.:\s"'{},-]{0,40}?(?:api[_.-]?key|login)${ASSIGN}`;
const NETRC = String.raw`machine\s{1,4}api\.wandb\.ai\s{1,4}login\s{1,4}[^\s]{1,64}\s{1,4}password\s{1,4}`;

const legacyApiKey: Rule = {
  id: 'wandb-legacy-api-key',
  provider: 'wandb',
  title: 'Weights & Biases API key (40 hex)',
  severity: 'high',
  keywords: ['wandb'],
  keywordsIgnoreCase: true,
  window: { before: 10, after: 160 },
  pattern: new RegExp(String.raw`(?:${NETRC}|${NAMED})(?<secret>[0-9a-f]{40})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'WANDB_API_KEY=8b40a31a9f081404c1dd34a4fdee49a9ef492692',
      'import wandb\nwandb.login(key="11e9b7db95f80c7f82dadfad4f78869c137ff8fc")',
      'machine api.wandb.ai\n  login user\n  password 8b40a31a9f081404c1dd34a4fdee49a9ef492692',
    ],
    negative: [
      'WANDB_API_KEY=<your-wandb-api-key>',
      'WANDB_API_KEY=0000000000000000000000000000000000000000',
      // A commit id near the name, not assigned to it.
      'wandb run 1a2b3c4 at commit 8b40a31a9f081404c1dd34a4fdee49a9ef492692',
      'WANDB_RUN_ID=8b40a31a9f081404c1dd34a4fdee49a9ef492692',
    ],
  },
};

export const wandb: ProviderDefinition = { id: 'wandb', name: 'Weights & Biases', rules: [apiKey, legacyApiKey] };
