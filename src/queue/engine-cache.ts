// Engines compile every rule, so scan jobs share them: one per set of disabled rule ids and custom
// rules (most repositories disable none and add none), a handful at most. A repository's custom
// rules are part of the key, so a job never scans with another repository's rules.
import { createHash } from 'node:crypto';
import { withCustomRules, type CustomRuleSpec } from '../detect/custom-rule.js';
import { createEngine, type Engine } from '../detect/engine.js';
import { allProviders } from '../providers/index.js';

const ENGINE_CACHE_LIMIT = 16;
const engines = new Map<string, Engine>();

/** What a scan runs: the built-in rules but the disabled ones, and the custom rules (the operator's, then the repository's). */
export interface RuleSelection {
  disabledRules: readonly string[];
  customRules: readonly CustomRuleSpec[];
}

/** The engine for a selection, compiled once per distinct selection (the oldest dropped past 16). */
export function cachedEngine(selection: RuleSelection): Engine {
  const key = selectionKey(selection);
  let engine = engines.get(key);
  if (engine === undefined) {
    if (engines.size >= ENGINE_CACHE_LIMIT) engines.delete(engines.keys().next().value ?? '');
    engine = createEngine({ providers: withCustomRules(allProviders, selection.customRules), disabledRules: new Set(selection.disabledRules) });
    engines.set(key, engine);
  }
  return engine;
}

/** A digest, not the rules themselves: 100 custom rules with their samples would make a key of megabytes. */
function selectionKey({ disabledRules, customRules }: RuleSelection): string {
  if (customRules.length === 0) return [...disabledRules].sort().join('\n');
  const digest = createHash('sha256').update(JSON.stringify(customRules)).digest('base64url');
  return `${[...disabledRules].sort().join('\n')}\n#custom:${digest}`;
}
