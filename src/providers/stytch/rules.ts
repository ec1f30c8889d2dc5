// Stytch project secrets (https://stytch.com/docs/guides/dashboard/api-keys): `secret-live-` for a
// project's live environment (`secret-test-` for its test environment, which holds only test users)
// then 35 base64url characters and `=`, used as the basic-auth password beside the project id.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_START } from '../boundaries.js';

function looksRandom({ secret }: Candidate): Validation {
  const body = secret.slice(12);
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const liveSecret: Rule = {
  id: 'stytch-live-secret',
  provider: 'stytch',
  title: 'Stytch live project secret',
  severity: 'critical',
  keywords: ['secret-live-'],
  prefixes: ['secret-live-'],
  window: { before: 0, after: 60 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>secret-live-[A-Za-z0-9_-]{30,44}={0,2})(?![A-Za-z0-9_=-])`),
  minEntropy: 4,
  validate: looksRandom,
  remediation:
    "Rotate the secret in the Stytch Dashboard (API keys → the live environment → Rotate, https://stytch.com/dashboard/api-keys), deploy the new one, then complete the rotation so the old secret stops working.",
  samples: {
    positive: ['STYTCH_SECRET=secret-live-sJykKqr_3tJ0NVrWCDEh3w5lPXEyfNCkqtT=', "client = stytch.Client(project_id='project-live-7c2e6b0a-53d4-4f3e-9a1b-2f8e0c7d5a41', secret='secret-live-fHGAD7oyPbaE6ZFnbdHQUvg0oa_J8sv5R34=')"],
    negative: [
      'STYTCH_SECRET=secret-test-VUHC97MhDys8S5U-KBusZMrxwHcH5ReoG6M=',
      'STYTCH_SECRET=secret-live-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=',
      'STYTCH_SECRET=secret-live-<your secret>',
      // Cut short.
      'STYTCH_SECRET=secret-live-o3M2Cr9eI9XiNcJ1nif9',
    ],
  },
};

export const stytch: ProviderDefinition = { id: 'stytch', name: 'Stytch', rules: [liveSecret] };
