// OpenAI API keys. Every current key holds the marker T3BlbkFJ (base64 of "OpenAI") between two
// random halves: project keys sk-proj-, service account keys sk-svcacct-, admin keys sk-admin-,
// and legacy user keys sk-<20>T3BlbkFJ<20>. Shapes follow gitleaks' openai rule.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const MARKER = 'T3BlbkFJ';
const HALF = String.raw`(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})`;
const START = TOKEN_START;
const END = TOKEN_END;

const KEY_TYPES: Record<string, string> = {
  proj: 'project key',
  svcacct: 'service account key',
};

function describeApiKey({ groups }: Candidate): Validation {
  const kind = groups['kind'];
  return { valid: true, details: { keyType: kind === undefined ? 'user key (legacy)' : (KEY_TYPES[kind] ?? kind) } };
}

const apiKey: Rule = {
  id: 'openai-api-key',
  provider: 'openai',
  title: 'OpenAI API key',
  severity: 'high',
  keywords: [MARKER],
  prefixes: ['sk-proj-', 'sk-svcacct-', 'sk-'],
  window: { before: 90, after: 90 },
  pattern: new RegExp(
    String.raw`${START}(?<secret>sk-(?<kind>proj|svcacct)-${HALF}${MARKER}${HALF}|sk-[A-Za-z0-9]{20}${MARKER}[A-Za-z0-9]{20})${END}`,
  ),
  minEntropy: 4,
  validate: describeApiKey,
  remediation:
    'Delete the key at https://platform.openai.com/api-keys (project and service account keys: the project\'s API keys page), create a new one, and check the usage page for calls you did not make.',
  samples: {
    positive: [
      'OPENAI_API_KEY=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',
      'client = OpenAI(api_key="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")',
      "openai.api_key = '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'",
    ],
    negative: [
      'OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'OPENAI_API_KEY=sk-proj-<your project key>',
      // Truncated: the second half is cut short.
      'OPENAI_API_KEY=sk-proj-tEvBYKlqWjJR6fljii_uG6ZSieZ_zI7yCg4PoJH30Rgp1r8r20ZxCYP9tHk1-4M-8S5DEtU16oT3BlbkFJs5ebiKSppqUYpwqxTThakMEPQ_006',
      // An sk- value without the marker is not an OpenAI key.
      'OPENAI_API_KEY=sk-n9fL0CkZWVEs0FKLITFKAAa4A7cOMReJ5hIfu3fqZ9Vb',
    ],
  },
};

const adminKey: Rule = {
  id: 'openai-admin-key',
  provider: 'openai',
  title: 'OpenAI admin API key',
  severity: 'critical',
  keywords: [MARKER],
  prefixes: ['sk-admin-'],
  window: { before: 70, after: 70 },
  pattern: new RegExp(String.raw`${START}(?<secret>sk-admin-[A-Za-z0-9_-]{58}${MARKER}[A-Za-z0-9_-]{58})${END}`),
  minEntropy: 4,
  remediation:
    'Delete the admin key at https://platform.openai.com/settings/organization/admin-keys, create a new one if needed, and review the organization audit log for changes made with it.',
  samples: {
    positive: [
      'OPENAI_ADMIN_KEY=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',
      'headers = {"Authorization": "Bearer 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"}',
    ],
    negative: [
      'OPENAI_ADMIN_KEY=sk-admin-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'OPENAI_ADMIN_KEY=sk-admin-<admin key>',
      'OPENAI_ADMIN_KEY=sk-admin-zgZt_axpkuN2uKlGavjmOHnKsBjigp2wwdGpzWIV843ZVMdiGxnHJm3mQNT3BlbkFJpvfOMF4p0t4CwmfcBZ5oXtDg',
    ],
  },
};

export const openai: ProviderDefinition = { id: 'openai', name: 'OpenAI', rules: [apiKey, adminKey] };
