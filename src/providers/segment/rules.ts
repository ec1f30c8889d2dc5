// Segment credentials. Public API tokens (https://docs.segmentapis.com/tag/Getting-Started#section/Get-an-API-token)
// start `sgp_` and can change a whole workspace; Sourcegraph's tokens share the prefix but are
// lower-case hex, which a Segment token (mixed-case base62) never is. Source write keys
// (https://segment.com/docs/connections/find-writekey/) are 32 alphanumerics that let anyone send
// events into the source; they ship in browser snippets, so only server-side copies under a Segment
// name (SEGMENT_WRITE_KEY, segmentWriteKey) count, at low severity. `segment` alone is too common
// a word to be the keyword.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function looksRandom({ secret }: Candidate): Validation {
  const body = secret.replace(/^sgp_/, '');
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const publicApiToken: Rule = {
  id: 'segment-public-api-token',
  provider: 'segment',
  title: 'Segment Public API token',
  severity: 'high',
  keywords: ['sgp_'],
  prefixes: ['sgp_'],
  window: { before: 0, after: 90 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sgp_[A-Za-z0-9]{40,80})${TOKEN_END}`),
  minEntropy: 4,
  validate: looksRandom,
  remediation:
    'Revoke the token in Segment (Settings → Workspace settings → Access management → Tokens, https://app.segment.com/goto-my-workspace/settings/access-management/tokens), create a new one with the least role, and review the workspace audit trail.',
  samples: {
    positive: ['SEGMENT_PUBLIC_API_TOKEN=sgp_zGB1zYVLvEugG7HTBD6zE3baAiT1xKhCFEHxATSBjfxzJnV2XhRIoYVpIMijAhco', 'curl https://api.segmentapis.com/ -H "Authorization: Bearer sgp_8BMima4QDjuvMmfJnEKdXOulGACJcsgZ8dT8KY5zLM56XR6BScbcK4zHDmRnf01O"'],
    negative: [
      'SEGMENT_PUBLIC_API_TOKEN=sgp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SEGMENT_PUBLIC_API_TOKEN=sgp_<token>',
      // A Sourcegraph access token: same prefix, lower-case hex.
      'SRC_ACCESS_TOKEN=sgp_4d62be366d79e8bbfd767564664fe1f7da7765c0',
      'const msgp_bFBYxUBiDWliL9CQX5TvREMlmCbAkU0IHRoGZs5ZvBKEaMUF2BDNCzh29TZhpxeY = 1;',
      // Cut short.
      'SEGMENT_PUBLIC_API_TOKEN=sgp_bFBYxUBiDWliL9CQX5TvREMlmCbAk',
    ],
  },
};

const writeKey: Rule = {
  id: 'segment-write-key',
  provider: 'segment',
  title: 'Segment source write key',
  severity: 'low',
  keywords: ['segment_write_key', 'segmentwritekey', 'segment-write-key'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 100 },
  pattern: /segment[_-]?write[_-]?key["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.8,
  validate: looksRandom,
  remediation:
    "Rotate the source's write key in Segment (the source → Settings → API Keys → Rotate, https://segment.com/docs/connections/find-writekey/) and deploy the new one; events sent with the old key can be filtered out downstream.",
  samples: {
    positive: ['SEGMENT_WRITE_KEY=8HmbW9vdX5gzUOwNqP6rTn0D52kJ329K', "analytics:\n  segmentWriteKey: 'XPpuTjirKfkBaFMya1pqZkxOmJNT6CCX'"],
    negative: ['WRITE_KEY=8HmbW9vdX5gzUOwNqP6rTn0D52kJ329K', 'SEGMENT_WRITE_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SEGMENT_WRITE_KEY=${SEGMENT_KEY}'],
  },
};

export const segment: ProviderDefinition = { id: 'segment', name: 'Segment', rules: [publicApiToken, writeKey] };
