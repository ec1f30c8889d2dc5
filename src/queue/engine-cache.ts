// Engines compile every rule, so scan jobs share them: one per set of disabled rule ids (most
// repositories disable none), a handful at most.
import { createEngine, type Engine } from '../detect/engine.js';
import { allProviders } from '../providers/index.js';

const ENGINE_CACHE_LIMIT = 16;
const engines = new Map<string, Engine>();

/** The engine for a repository's `rules.disable`, compiled once per set (the oldest set dropped past 16). */
export function cachedEngine(disabledRules: readonly string[]): Engine {
  const key = [...disabledRules].sort().join('\n');
  let engine = engines.get(key);
  if (engine === undefined) {
    if (engines.size >= ENGINE_CACHE_LIMIT) engines.delete(engines.keys().next().value ?? '');
    engine = createEngine({ providers: allProviders, disabledRules: new Set(disabledRules) });
    engines.set(key, engine);
  }
  return engine;
}
