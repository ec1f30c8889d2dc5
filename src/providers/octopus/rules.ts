// Octopus Deploy API keys (https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key),
// sent as `X-Octopus-ApiKey`: `API-` followed by upper-case letters and digits (26 to 32 as
// issued). `API-` alone is common in text, so the key must mix letters and digits.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

function checkMix({ secret }: Candidate): Validation {
  const body = secret.slice(4);
  return /[0-9]/.test(body) && /[A-Z]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of letters and digits' };
}

const apiKey: Rule = {
  id: 'octopus-deploy-api-key',
  provider: 'octopus',
  title: 'Octopus Deploy API key',
  // Deployments to every environment the user may deploy to.
  severity: 'critical',
  keywords: ['API-'],
  prefixes: ['API-'],
  window: { before: 0, after: 36 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>API-[A-Z0-9]{26,32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: checkMix,
  remediation:
    'Revoke the key in Octopus (your profile → My API Keys, or the service account\'s API keys, https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key), check the audit log for deployments and changes it made, and create a new key with an expiry.',
  samples: {
    positive: [
      'curl -H "X-Octopus-ApiKey: API-Q6AFGCK8SKZ3JT1ZALV14IFB30" https://octopus.example.com/api/projects',
      'OCTOPUS_API_KEY=API-F7KT9IYTACBBMKOME9VH8DEVDSO',
    ],
    negative: [
      'curl -H "X-Octopus-ApiKey: API-YOUR_SOURCE_API_KEY" https://octopus.example.com/api',
      'OCTOPUS_API_KEY=API-XXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      "curl -H 'X-Octopus-ApiKey: API-GUEST' https://octopus.example.com/api",
      // Upper-case words, no digits.
      'ERROR_CODES = ["API-AUTHENTICATIONREQUIREDERRORS"]',
    ],
  },
};

export const octopus: ProviderDefinition = { id: 'octopus', name: 'Octopus Deploy', rules: [apiKey] };
