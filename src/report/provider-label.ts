// How a finding's provider reads in prose (incident issues, check-run annotations). Built-in rules
// name their provider by id (`aws`, `github`); a custom rule's findings all carry the provider id
// `custom`, which names no one: "Revoke the credential with custom" says nothing, so they read as
// the rule that found them.
import { CUSTOM_PROVIDER_ID } from '../detect/custom-rule.js';

export function providerLabel(finding: { provider: string; title: string }): string {
  return finding.provider === CUSTOM_PROVIDER_ID ? `a custom rule (${finding.title})` : finding.provider;
}

export function isCustomProvider(provider: string): boolean {
  return provider === CUSTOM_PROVIDER_ID;
}
