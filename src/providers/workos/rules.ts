// WorkOS API keys (https://workos.com/docs/reference/api-keys): `sk_live_` (production) or `sk_test_`
// (staging) then base64 of `key_<ULID>,<secret>`, so the body always starts `a2V5XzAx` (base64 of
// `key_01`, a ULID's first characters). That structure tells a WorkOS key from a Stripe key with the
// same prefix; validate() decodes it and checks the key id.
import { decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';

const DECODED = /^key_[0-9A-HJKMNP-TV-Z]{26},[\x21-\x7e]{16,120}$/;

function checkStructure({ secret }: Candidate): Validation {
  const body = secret.slice(8);
  const padded = body + '='.repeat((4 - (body.length % 4)) % 4);
  const text = decodeBase64(padded)?.toString('latin1');
  if (text === undefined || !DECODED.test(text)) return { valid: false, reason: 'does not decode to key_<ULID>,<secret>' };
  return { valid: true, confidence: 'structure', details: { environment: secret.startsWith('sk_live_') ? 'production' : 'staging' } };
}

const apiKey: Rule = {
  id: 'workos-api-key',
  provider: 'workos',
  title: 'WorkOS API key',
  severity: 'critical',
  keywords: ['sk_live_a2V5XzAx', 'sk_test_a2V5XzAx'],
  prefixes: ['sk_live_', 'sk_test_'],
  window: { before: 0, after: 200 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9_')}(?<secret>sk_(?:live|test)_a2V5XzAx[A-Za-z0-9+/]{40,180})${notBefore('A-Za-z0-9_+/=')}`),
  validate: checkStructure,
  remediation:
    'Delete the key in the WorkOS Dashboard (API Keys, https://dashboard.workos.com/api-keys), create a new one, deploy it, and review the organizations, SSO connections and directories it could change.',
  samples: {
    positive: [
      'WORKOS_API_KEY=sk_live_a2V5XzAxNTRBMko5NlM3OVpTS0E3S1NGS1RQOE1ULG5SWFEwVEZkVWhjVEp3b0NHNmhmbWRMQ1I',
      "const workos = new WorkOS('sk_test_a2V5XzAxS1lGUUpXREc1RDdETkpRRUo3NlpHUDAxLFRlNUhLS0piOU1LOXhkeGJjcVhOMXo2OG0');",
    ],
    negative: [
      // A Stripe key: no WorkOS key id inside.
      'STRIPE_SECRET_KEY=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',
      // Base64 of `key_01` followed by no ULID.
      'WORKOS_API_KEY=sk_live_a2V5XzAxeHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4',
      'WORKOS_API_KEY=sk_test_...',
      // Cut short: the secret after the comma is missing.
      'WORKOS_API_KEY=sk_live_a2V5XzAxNTRBMko5NlM3OVpTS0E3S1NGS1RQOE1ULG5SWFEw',
    ],
  },
};

export const workos: ProviderDefinition = { id: 'workos', name: 'WorkOS', rules: [apiKey] };
