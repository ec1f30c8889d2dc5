// Text that quotes what a user wrote (a config error naming a key, a YAML excerpt) may quote a
// credential: every credential the engine finds is replaced by its redacted form before the text is shown.
import { createEngine, INLINE_ALLOW_MARKER, type Engine } from '../detect/engine.js';
import { allProviders } from '../providers/index.js';

let engine: Engine | undefined;

/**
 * `text` with every credential found in it, or in `source` (the text it quotes from, e.g. the whole
 * config file, where a secret has the context a rule needs), replaced by its redacted form. An inline
 * allow comment does not apply here: it keeps a finding out of a report, not a secret in an error.
 */
export function redactSecretsIn(text: string, source = ''): string {
  engine ??= createEngine({ providers: allProviders });
  const scanned = `${source}\n${text}`.replaceAll(INLINE_ALLOW_MARKER, ' '.repeat(INLINE_ALLOW_MARKER.length));
  const replacements = new Map<string, string>();
  for (const finding of engine.scanText(scanned).findings) {
    for (const secret of [finding.secret, ...Object.values(finding.related ?? {})]) replacements.set(secret.reveal(), secret.redacted);
  }
  // Longest first: a secret that contains another is replaced whole.
  let redacted = text;
  for (const raw of [...replacements.keys()].sort((a, b) => b.length - a.length)) {
    if (raw.length > 0) redacted = redacted.split(raw).join(replacements.get(raw)!);
  }
  return redacted;
}
