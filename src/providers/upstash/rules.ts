// Upstash credentials.
// - QStash tokens (https://upstash.com/docs/qstash/api, https://upstash.com/docs/qstash/howto/reset-token):
//   sent as a Bearer token; a QStash token is standard base64 of a JSON object
//   {"UserID":…,"Password":…}, so it begins `eyJVc2VySUQiOi`. validate() decodes it and requires both
//   fields.
// - Redis REST tokens (https://upstash.com/docs/redis/api): the database's REST API token, read from
//   UPSTASH_REDIS_REST_TOKEN. It has no published format or prefix, so it is a finding only when
//   assigned to an Upstash-named token.
import { decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkQstashToken({ secret }: Candidate): Validation {
  const bytes = decodeBase64(secret);
  if (!bytes) return { valid: false, reason: 'not base64' };
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof value !== 'object' || value === null) return { valid: false, reason: 'not a JSON object' };
    const { UserID: user, Password: password } = value as Record<string, unknown>;
    return typeof user === 'string' && typeof password === 'string' && password.length >= 8
      ? { valid: true, confidence: 'structure' }
      : { valid: false, reason: 'no UserID and Password' };
  } catch {
    return { valid: false, reason: 'not JSON' };
  }
}

const qstashToken: Rule = {
  id: 'upstash-qstash-token',
  provider: 'upstash',
  title: 'Upstash QStash token',
  severity: 'high',
  keywords: ['eyJVc2VySUQiOi'],
  window: { before: 0, after: 400 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9+/])(?<secret>eyJVc2VySUQiOi[A-Za-z0-9+/]{40,380}={0,2})(?![A-Za-z0-9+/=])/,
  validate: checkQstashToken,
  remediation:
    'Roll the token in the Upstash Console (QStash → Reset token, https://console.upstash.com/qstash), update QSTASH_TOKEN everywhere it is used, and check the schedules and URL groups for ones you did not create.',
  samples: {
    positive: [
      'QSTASH_TOKEN=eyJVc2VySUQiOiIzODBlMzg0ZS1kZDhiLTRmNmUtOWVkOC00NzdiZjIyNjVhN2IiLCJQYXNzd29yZCI6ImQ2ODA1YThmY2VkYjBlMmYwY2FiNmE2MzQ3ZTE4MTZkIn0=',
      'curl -H "Authorization: Bearer eyJVc2VySUQiOiIwN2M4MDRjZi1mYzMwLTQ5ZWYtYTdlYy0wOThiOTYyMzA4NDciLCJQYXNzd29yZCI6ImI3NzIzZTgyN2MxNTJiMjNkMjQxYmI1ZjYwYzZiZjQ2In0=" https://qstash.upstash.io/v2/schedules',
    ],
    negative: [
      'QSTASH_TOKEN=eyJVc2VySUQiOi...',
      // The right start, then random base64: not JSON.
      'QSTASH_TOKEN=eyJVc2VySUQiOiAtsl54zUUPD9pltZAEWBhMUcpUFh3G9xW9qPNJAwLjBzyGNnqCh70tozNSVbDxAoVIwpg',
      // Cut off: the JSON does not close.
      'QSTASH_TOKEN=eyJVc2VySUQiOiIzODBlMzg0ZS1kZDhiLTRmNmUtOWVkOC00NzdiZjIyNjVhN2IiLCJQYXNz',
    ],
  },
};

/** A REST token is random base64: it mixes digits and both cases. */
function checkRestToken({ secret }: Candidate): Validation {
  return /[0-9]/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret) ? { valid: true } : { valid: false, reason: 'not random: a placeholder' };
}

const redisRestToken: Rule = {
  id: 'upstash-redis-rest-token',
  provider: 'upstash',
  title: 'Upstash Redis REST token',
  severity: 'high',
  keywords: ['upstash'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 260 },
  pattern: new RegExp(String.raw`upstash[A-Za-z0-9_.-]{0,24}token${ASSIGN}(?<secret>[A-Za-z0-9+/_-]{40,200}={0,2})(?![A-Za-z0-9+/=_-])`, 'i'),
  minEntropy: 4,
  validate: checkRestToken,
  remediation:
    "Reset the database password in the Upstash Console (the database's details → Reset password, https://console.upstash.com/), which revokes its REST tokens, and update UPSTASH_REDIS_REST_TOKEN everywhere it is used.",
  samples: {
    positive: [
      'UPSTASH_REDIS_REST_TOKEN=Atsl54zUUPD9pltZAEWBhMUcpUFh3G9xW9qPNJAwLjBzyGNnqCh70tozNSVbDxAoVIwpgMg',
      'export UPSTASH_REDIS_TOKEN="A2sC7iSm+LamgRSDtqcQeRmhW0JVauEU7GToUziXFyt9o/C8GXUQ3h6c//3yPoiBHYLfVjg"',
    ],
    negative: [
      'UPSTASH_REDIS_REST_TOKEN=your_upstash_redis_rest_token_goes_here',
      'UPSTASH_REDIS_REST_TOKEN=${UPSTASH_REDIS_REST_TOKEN}',
      'UPSTASH_REDIS_REST_TOKEN=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      // A token with no Upstash name.
      'REDIS_TOKEN=Atsl54zUUPD9pltZAEWBhMUcpUFh3G9xW9qPNJAwLjBzyGNnqCh70tozNSVbDxAoVIwpgMg',
    ],
  },
};

export const upstash: ProviderDefinition = { id: 'upstash', name: 'Upstash', rules: [qstashToken, redisRestToken] };
