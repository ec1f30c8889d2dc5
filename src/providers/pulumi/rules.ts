// Pulumi Cloud access tokens (personal, organization and team,
// https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/): `pul-` + 40 hex, as the
// REST API reference's create-token response shows
// (https://www.pulumi.com/docs/pulumi-cloud/reference/personal-access-tokens).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

/** The token in the REST API reference's example response. */
const DOCUMENTATION_EXAMPLE = 'pul-75a564ac7f3a48079a0c448c1e1ec95c4cfed141';

function notTheExample({ secret }: Candidate): Validation {
  return secret === DOCUMENTATION_EXAMPLE ? { valid: false, reason: 'example from the Pulumi REST API reference' } : { valid: true };
}

const accessToken: Rule = {
  id: 'pulumi-access-token',
  provider: 'pulumi',
  title: 'Pulumi Cloud access token',
  // Reads stack state (with its secrets' ciphertext and outputs) and runs deployments.
  severity: 'critical',
  keywords: ['pul-'],
  prefixes: ['pul-'],
  window: { before: 0, after: 44 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pul-[a-f0-9]{40})${TOKEN_END}`),
  minEntropy: 3,
  validate: notTheExample,
  remediation:
    'Delete the token in Pulumi Cloud (Settings → Access tokens, https://app.pulumi.com/account/tokens, or the organization or team token page), review the audit log for its use, and create a new one.',
  samples: {
    positive: [
      'export PULUMI_ACCESS_TOKEN=pul-4fbb4904f4d0d77d4601ea15a0444e8c86fe07ae',
      '        PULUMI_ACCESS_TOKEN: "pul-9f4a8dbaa9ec99c9d605a548c4bf6bf9aaa922de"',
    ],
    negative: [
      '"tokenValue": "pul-75a564ac7f3a48079a0c448c1e1ec95c4cfed141"',
      'PULUMI_ACCESS_TOKEN=pul-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // 39 hex: truncated.
      'PULUMI_ACCESS_TOKEN=pul-9d08815f47c17c50a7a423c612b89894f31dc7d',
      // Uppercase hex never occurs.
      'PULUMI_ACCESS_TOKEN=pul-9D08815F47C17C50A7A423C612B89894F31DC7DA',
      'const npm-pul-9d08815f47c17c50a7a423c612b89894f31dc7da-x',
    ],
  },
};

export const pulumi: ProviderDefinition = { id: 'pulumi', name: 'Pulumi', rules: [accessToken] };
