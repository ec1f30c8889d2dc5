// Harness API key tokens (https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys),
// sent as `x-api-key`: `pat.` (a personal access token) or `sat.` (a service account token), the
// account identifier (22 base64url characters; absent in early tokens), the API key's 24-hex-digit
// id and a 20-character secret, dot-separated.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const apiKeyToken: Rule = {
  id: 'harness-api-key-token',
  provider: 'harness',
  title: 'Harness API key token',
  // Pipelines, secrets and connectors of the account, with its owner's permissions.
  severity: 'critical',
  keywords: ['pat.', 'sat.'],
  prefixes: ['pat.', 'sat.'],
  window: { before: 0, after: 72 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>[ps]at\.(?:[A-Za-z0-9_-]{22}\.)?[0-9a-f]{24}\.[A-Za-z0-9]{20})(?![A-Za-z0-9_.-])/,
  minEntropy: 3.5,
  remediation:
    'Delete the token under its API key in Harness (your profile → My API Keys, or Account Settings → Access Control → Service Accounts for a service account, https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys), check the audit trail for its use, and create a new token with an expiry.',
  samples: {
    positive: [
      "curl -H 'x-api-key: pat.uDersi7NCThTsXVumGMqCD.98712e078f4c8db51e88b1d6.78gvpnwdhwoy2xq5LePd' https://app.harness.io/gateway/ng/api/projects",
      'HARNESS_PLATFORM_API_KEY=sat.7wQfqpMhWUxA70nvUhdFv2.45eb9d03b549428db331aecc.qR8pgFvQvCFaf2gEYBT4',
      'HARNESS_API_KEY=pat.3150a2a9a6a8a232ecc70c3e.QpeN4x8G3F8KORFBQt8P',
    ],
    negative: [
      "curl -H 'x-api-key: pat.xxxx.yyyy.zzzz' https://app.harness.io/gateway/ng/api/version",
      "--header 'x-api-key: pat.12345.6789'",
      // Truncated secret.
      'HARNESS_API_KEY=pat.uDersi7NCThTsXVumGMqCD.98712e078f4c8db51e88b1d6.78gvpnwdhwoy2xq5',
      'const compat.uDersi7NCThTsXVumGMqCD = 1;',
    ],
  },
};

export const harness: ProviderDefinition = { id: 'harness', name: 'Harness', rules: [apiKeyToken] };
