// Ably API keys (https://ably.com/docs/auth/basic): `<app id>.<key id>:<key secret>`, the ids 6
// base64url characters each and the secret 16 (older keys) to 43 characters. The shape is
// distinctive but has no fixed text, so a key counts only near the word "ably".
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** A random secret mixes letters and digits; `config.server:localhostDefault` is words. */
function checkSecret({ groups }: Candidate): Validation {
  const keySecret = groups['keySecret'] ?? '';
  const mixed = /[0-9]/.test(keySecret) && /[a-z]/.test(keySecret) && /[A-Z]/.test(keySecret);
  return mixed ? { valid: true } : { valid: false, reason: 'key secret is not a mix of upper case, lower case and digits' };
}

const apiKey: Rule = {
  id: 'ably-api-key',
  provider: 'ably',
  title: 'Ably API key',
  severity: 'high',
  keywords: ['ably'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: /(?<![A-Za-z0-9_.:-])(?<secret>[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{6}:(?<keySecret>[A-Za-z0-9_-]{16,43}))(?![A-Za-z0-9_.:-])/,
  minEntropy: 3.5,
  validate: checkSecret,
  remediation:
    'Revoke the key in the Ably dashboard (the app → API Keys → Revoke, https://ably.com/accounts), create a new one with only the capabilities it needs, and deploy it; prefer token auth in clients so keys stay on servers.',
  samples: {
    positive: [
      'ABLY_API_KEY=D2bqzj.uJ6lUQ:WqSXmtAlR8aNsTe3ocqmQyFxo6ZFAaLMQuAPqU9QsDu',
      "const ably = new Ably.Realtime('aK0EYB.N-_iWd:2HUyOtkbwVj8V5v7');",
    ],
    negative: [
      "const ably = new Ably.Realtime('REPLACE_WITH_YOUR_API_KEY');",
      "const ably = new Ably.Realtime('Qx7pLm.b2KdW9:*****');",
      // No Ably context.
      'KEY=u_D_Jm.xKB8t1:_F1xMgprNAAhkvG4zoip5o7IHlxJHVW2f-OKQJ-LivZ',
      // Words, not a key (a host and port setting near the word).
      'ably_fallback = "server.domain:localhostDefaultHost"',
    ],
  },
};

export const ably: ProviderDefinition = { id: 'ably', name: 'Ably', rules: [apiKey] };
