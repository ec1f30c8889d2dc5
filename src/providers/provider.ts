// What one provider folder declares, in its index.ts: its detection rules, its operator settings,
// and, when leakstop can act on its leaked credentials, what it can do for each kind (the
// capabilities) and how to load the adapter that does it. The registry (index.ts beside this file)
// lists every provider once. Capabilities are data, read without loading any adapter: the CLI's
// `leakstop rules --format json`, the README's table and the response flow all read them, and a test
// holds each adapter to its declaration.
import type { ProviderDefinition } from '../detect/rule.js';
import type { ProviderAdapter } from './contract.js';
import type { RevokeBudget } from './github/revoker.js';
import type { SettingsSpec } from './settings.js';

export const RESPONSE_STEPS = ['verify', 'revoke', 'rotate', 'describe', 'activity'] as const;
export type ResponseStepName = (typeof RESPONSE_STEPS)[number];

/**
 * What leakstop can do in one step for one kind of credential: call the provider's API, tell a
 * person where to do it by hand (a page URL, and how when the page alone does not say), or nothing
 * at all (the step does not apply: an incoming webhook has no scopes to describe).
 */
export type Capability = 'api' | { manual: string; how?: string } | 'none';
export type CapabilityKind = 'api' | 'manual' | 'none';
export type Capabilities = Record<ResponseStepName, Capability>;

export interface CapabilityDeclaration {
  /** What every rule of the provider gets unless it says otherwise. */
  default: Capabilities;
  /** Per rule id, the steps that differ (GitHub OAuth tokens are revoked by hand, say). */
  rules?: Readonly<Record<string, Partial<Capabilities>>>;
}

/** What a response adapter may need beyond the operator's settings, supplied by the worker at start-up. */
export interface AdapterDeps {
  env: NodeJS.ProcessEnv;
  /** GitHub's revocation budget, shared by every worker through Redis; a process-local one without. */
  githubRevokeBudget?: RevokeBudget;
}

export interface ProviderModule {
  detection: ProviderDefinition;
  /** Operator settings read from the environment (base URLs, admin keys); none for most detect-only providers. */
  settings?: SettingsSpec<unknown>;
  /** Absent when leakstop only detects this provider's credentials. */
  response?: {
    capabilities: CapabilityDeclaration;
    /** Imported only when a worker starts: the CLI never loads an adapter or its SDK. */
    loadAdapter(deps: AdapterDeps): Promise<ProviderAdapter>;
  };
}

export function capabilityKind(capability: Capability): CapabilityKind {
  return typeof capability === 'string' ? capability : 'manual';
}

/** The capabilities of one rule of a provider: the default, with what the rule declares instead. */
/** What leakstop can do for a provider without a response: nothing. */
export const NO_CAPABILITIES: Capabilities = { verify: 'none', revoke: 'none', rotate: 'none', describe: 'none', activity: 'none' };

export function capabilitiesOfRule(module: ProviderModule, ruleId: string): Capabilities {
  const declared = module.response?.capabilities;
  if (declared === undefined) return NO_CAPABILITIES;
  return { ...declared.default, ...declared.rules?.[ruleId] };
}
