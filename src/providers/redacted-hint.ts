// Admin APIs never return a key's value, only a redacted hint of it ('sk-proj-abc...wxyz',
// 'sk-ant-api03-R2D...igAA', 'sk-****abcd'). This tells whether a leaked key fits such a hint, so
// the operator's admin key can find the leaked key's id without the secret ever being sent.

/** The mask between the visible prefix and suffix: an ellipsis, or a run of asterisks and dots. */
const MASK = /\u2026|[*.]{2,200}/;
/** Fewer visible characters than this could match many keys by chance. */
const MIN_VISIBLE = 6;

/** True when `raw` starts with the hint's visible prefix and ends with its visible suffix. */
export function matchesRedactedHint(raw: string, hint: string): boolean {
  const mask = MASK.exec(hint);
  if (mask === null) return false;
  const prefix = hint.slice(0, mask.index);
  const suffix = hint.slice(mask.index + mask[0].length).replace(/^[*.\u2026]{1,200}/, '');
  if (prefix.length + suffix.length < MIN_VISIBLE || suffix.length < 2) return false;
  return raw.length > prefix.length + suffix.length && raw.startsWith(prefix) && raw.endsWith(suffix);
}
