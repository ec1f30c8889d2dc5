// Better Stack (formerly Logtail) source tokens, which send logs into a source
// (https://betterstack.com/docs/logs/start/), and Uptime/Telemetry API tokens: 24 base62 characters
// with no prefix. A token counts only where named as Better Stack's or Logtail's, or passed to a
// Logtail client.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_CALL } from '../boundaries.js';

const NAMED = String.raw`(?:better[_.-]?stack|logtail)[\w.:\s"'{}(),-]{0,60}?(?:source[_.-]?token|api[_.-]?token|token|api[_.-]?key)[\w.-]{0,12}?${ASSIGN_OR_CALL}`;
const CLIENT = String.raw`logtail\(\s{0,4}["'\x60]`;

const token: Rule = {
  id: 'betterstack-token',
  provider: 'betterstack',
  title: 'Better Stack (Logtail) source or API token',
  severity: 'medium',
  keywords: ['betterstack', 'better_stack', 'better-stack', 'logtail'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`(?:${CLIENT}|${NAMED})(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.3,
  validate: ({ secret }) =>
    /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' },
  remediation:
    'Regenerate the token in Better Stack (the source\'s settings for a source token, or Settings → API tokens, https://betterstack.com/settings/api-tokens), update the senders, and check the source for logs you did not send.',
  samples: {
    positive: [
      'BETTER_STACK_SOURCE_TOKEN=S6oyLIYA2o68Oa5ldy9Ny64T',
      "const logtail = new Logtail('RyuoLAcvJ4pCJImprHMOiDFV');",
      'LOGTAIL_SOURCE_TOKEN=S6oyLIYA2o68Oa5ldy9Ny64T',
    ],
    negative: [
      'BETTER_STACK_SOURCE_TOKEN=<source-token>',
      'LOGTAIL_SOURCE_TOKEN=$LOGTAIL_SOURCE_TOKEN',
      // A 24-character word.
      "const logtail = new Logtail('yoursourcetokengoeshere');",
      // Not named as a token.
      'LOGTAIL_SOURCE_ID=S6oyLIYA2o68Oa5ldy9Ny64T',
    ],
  },
};

export const betterstack: ProviderDefinition = { id: 'betterstack', name: 'Better Stack', rules: [token] };
