// Shared checks that reject values which look like credentials but are placeholders, templates or
// documentation examples. Run by the engine on every candidate unless a rule opts out.
import { shannonEntropy } from './entropy.js';

const TEMPLATE_MARKERS = ['${', '{{', '}}', '<', '>', '$(', '#{', '[[', ']]'];
/**
 * printf's `%s` where the value ends or a separator follows (`app:%s@db`, `Bearer %s`). Followed by a
 * letter or digit it is two characters of a random key: Django's secret keys draw from an alphabet
 * with `%` in it, and ~2% of real ones hold `%s` somewhere (they were dropped as templates).
 */
const PRINTF_MARKER = /%s(?![A-Za-z0-9])/;

/** Words that real random keys practically never contain, and documentation often does. */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|your[_-]?(?:api|key|secret|token|password|own)|changeme|change_me|redacted|replace[_-]?me|insert[_-]?|fake[_-]?|not[_-]?a[_-]?real|xxxx|\*\*\*\*|\.\.\.|process\.env|os\.environ|getenv|env\[|secrets\./i;

const REPEATED_RUN = /(.)\1{5}/;
const SEQUENTIAL_RUNS = ['0123456789', 'abcdefghij', 'ABCDEFGHIJ', '1234567890'];
/** Every 6-character piece of the runs, cut once rather than on every candidate. */
const SEQUENTIAL_PIECES = [...new Set(SEQUENTIAL_RUNS.flatMap((run) => Array.from({ length: run.length - 5 }, (_, i) => run.slice(i, i + 6))))];

/** Below this, a value of 16+ characters is a pattern (aaaa, abab), not a random key. */
const MIN_ENTROPY_LONG_VALUE = 2.5;

/** Why this value is a placeholder, or undefined when it may be a real credential. */
export function placeholderReason(value: string): string | undefined {
  for (const marker of TEMPLATE_MARKERS) {
    if (value.includes(marker)) return `template marker '${marker}'`;
  }
  if (PRINTF_MARKER.test(value)) return "template marker '%s'";
  const word = PLACEHOLDER_WORDS.exec(value);
  if (word) return `placeholder text '${word[0]}'`;
  if (REPEATED_RUN.test(value)) return 'repeated characters';
  if (hasSequentialRun(value)) return 'sequential characters';
  if (value.length >= 16 && shannonEntropy(value) < MIN_ENTROPY_LONG_VALUE) return 'low entropy';
  return undefined;
}

function hasSequentialRun(value: string): boolean {
  return SEQUENTIAL_PIECES.some((piece) => value.includes(piece));
}
