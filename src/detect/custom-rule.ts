// Custom rules: patterns a repository's config (`rules.custom`) or the operator's environment
// (LEAKSTOP_CUSTOM_RULES) adds to the built-in ones. They are plain data until here, so that they
// cross worker threads and key engine caches; here each becomes a Rule whose pattern runs on RE2.
import { linearPattern } from './linear-pattern.js';
import type { ProviderDefinition, Rule, Severity } from './rule.js';

/** The provider id of every custom rule's findings: leakstop has no adapter for it (capability 'none'). */
export const CUSTOM_PROVIDER_ID = 'custom';

/** Where a custom rule's match may lie around a keyword when its definition does not say (see Rule.window). */
export const DEFAULT_CUSTOM_WINDOW = { before: 64, after: 256 } as const;

/** A custom rule as configured (validated by config/custom-rules.schema.ts). */
export interface CustomRuleSpec {
  id: string;
  title: string;
  severity: Severity;
  keywords: readonly string[];
  keywordsIgnoreCase?: boolean | undefined;
  anchor?: 'keyword' | undefined;
  window?: { before: number; after: number } | undefined;
  /** RE2 syntax; a named group `secret` ((?P<secret>…) or (?<secret>…)) marks the credential. */
  pattern: string;
  remediation?: string | undefined;
  samples: { positive: readonly string[]; negative: readonly string[] };
}

/** The Rule a custom rule runs as; throws LinearPatternError when RE2 cannot compile its pattern. */
export function customRule(spec: CustomRuleSpec): Rule {
  return {
    id: spec.id,
    provider: CUSTOM_PROVIDER_ID,
    title: spec.title,
    severity: spec.severity,
    keywords: spec.keywords,
    ...(spec.keywordsIgnoreCase ? { keywordsIgnoreCase: true } : {}),
    ...(spec.anchor === undefined ? {} : { anchor: spec.anchor }),
    window: spec.window ?? DEFAULT_CUSTOM_WINDOW,
    pattern: linearPattern(spec.pattern),
    remediation: spec.remediation ?? defaultRemediation(spec.id),
    samples: spec.samples,
  };
}

function defaultRemediation(id: string): string {
  return `Found by the custom rule '${id}'. leakstop cannot revoke it: revoke it by hand where it was issued, replace it, and remove it from the history.`;
}

/**
 * The providers with the custom rules added, as one provider ranked before the generic rule: a
 * built-in rule reporting the same characters wins, and the generic rule yields to a custom finding.
 */
export function withCustomRules(providers: readonly ProviderDefinition[], specs: readonly CustomRuleSpec[]): readonly ProviderDefinition[] {
  if (specs.length === 0) return providers;
  const custom: ProviderDefinition = { id: CUSTOM_PROVIDER_ID, name: 'Custom rules', rules: specs.map(customRule) };
  const generic = providers.findIndex((provider) => provider.rules.every((rule) => rule.confidence === 'entropy'));
  const at = generic === -1 ? providers.length : generic;
  return [...providers.slice(0, at), custom, ...providers.slice(at)];
}
