// Hetzner Cloud API tokens (https://docs.hetzner.cloud/reference/cloud#authentication, HCLOUD_TOKEN):
// 64 letters and digits, no prefix, so a token is a finding only when named as Hetzner's
// (HCLOUD_TOKEN, hcloud_token, hetzner_api_token…).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkMix({ secret }: Candidate): Validation {
  if (/^[0-9a-f]{64}$/i.test(secret)) return { valid: false, reason: 'hexadecimal: a hash, not a token' };
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiToken: Rule = {
  id: 'hetzner-cloud-api-token',
  provider: 'hetzner',
  title: 'Hetzner Cloud API token',
  severity: 'critical',
  keywords: ['hcloud', 'hetzner'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 130 },
  pattern: new RegExp(String.raw`(?:hcloud|hetzner)[A-Za-z0-9_.-]{0,24}token${ASSIGN}(?<secret>[A-Za-z0-9]{64})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 4,
  validate: checkMix,
  remediation:
    'Delete the token in the Hetzner Cloud Console (the project → Security → API tokens, https://console.hetzner.cloud/), check the project\'s servers and actions for ones you did not create, and create a new token.',
  samples: {
    positive: [
      'HCLOUD_TOKEN=PVfGzkD4pkDATqpNOEfC5xeYNsqR4JgLgQ4eUn9bKESf7akFxJRDhNyXQ9Nr12Us',
      'hetzner_api_token: "V1iKPUxKtlKR5xwqI7VUabZ9DaP37simtOHvUgjYABXCVVU2lpOyU7oO1UJ7TT4j"',
    ],
    negative: [
      // A SHA-256 named like a token.
      'HCLOUD_TOKEN=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'HCLOUD_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'HCLOUD_TOKEN=${HCLOUD_TOKEN}',
      // Not named as Hetzner's.
      'API_TOKEN=PVfGzkD4pkDATqpNOEfC5xeYNsqR4JgLgQ4eUn9bKESf7akFxJRDhNyXQ9Nr12Us',
    ],
  },
};

export const hetzner: ProviderDefinition = { id: 'hetzner', name: 'Hetzner Cloud', rules: [apiToken] };
