// `leakstop rules`: the rule catalogue, for people (text) or tools (json). The JSON is stable: each
// rule's id, provider, title, severity, keywords, and what the leak response can do for its
// credentials (`capabilities`: "api", "manual" or "none" per step), read from the registry's
// declarations without loading any adapter.
import { allProviders, capabilitiesOf, providerModule } from '../providers/index.js';
import { capabilityKind, RESPONSE_STEPS, type Capabilities, type Capability, type CapabilityKind, type ResponseStepName } from '../providers/provider.js';

export function listRules(format: 'text' | 'json' | 'markdown'): string {
  if (format === 'markdown') return capabilityTable();
  const rules = allProviders.flatMap((provider) =>
    provider.rules.map((rule) => ({
      id: rule.id,
      provider: provider.id,
      providerName: provider.name,
      title: rule.title,
      severity: rule.severity,
      keywords: [...rule.keywords],
      capabilities: capabilityKinds(provider.id, rule.id),
    })),
  );
  if (format === 'json') return `${JSON.stringify(rules, null, 2)}\n`;
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}`);
  return `${lines.join('\n')}\n${rules.length} rules from ${allProviders.length} providers\n`;
}

function capabilityKinds(provider: string, ruleId: string): Record<ResponseStepName, CapabilityKind> {
  const declared = capabilitiesOf(provider, ruleId);
  return Object.fromEntries(RESPONSE_STEPS.map((step) => [step, capabilityKind(declared[step])])) as Record<ResponseStepName, CapabilityKind>;
}

/**
 * What the leak response can do, per provider and kind of credential, as a Markdown table: the
 * README's table is this output (a test keeps them equal). Rules of a provider with the same
 * capabilities share a row.
 */
function capabilityTable(): string {
  const header = ['| provider | credentials | verify | revoke | rotate | describe | activity |', '|---|---|---|---|---|---|---|'];
  const rows: string[] = [];
  for (const provider of allProviders) {
    if (providerModule(provider.id)?.response === undefined) continue;
    const groups = new Map<string, { capabilities: Capabilities; rules: string[] }>();
    for (const rule of provider.rules) {
      const capabilities = capabilitiesOf(provider.id, rule.id);
      const key = JSON.stringify(capabilities);
      const group = groups.get(key) ?? { capabilities, rules: [] };
      group.rules.push(`\`${rule.id}\``);
      groups.set(key, group);
    }
    for (const { capabilities, rules } of groups.values()) {
      rows.push(`| ${provider.name} | ${rules.join(', ')} | ${RESPONSE_STEPS.map((step) => cell(capabilities[step])).join(' | ')} |`);
    }
  }
  const detectOnly = allProviders.filter((provider) => providerModule(provider.id)?.response === undefined).map((provider) => provider.name);
  return `${[...header, ...rows].join('\n')}\n\nDetected and reported, with no response: ${detectOnly.join(', ')}.\n`;
}

function cell(capability: Capability): string {
  if (capability === 'api') return 'API';
  if (capability === 'none') return '–';
  return `[by hand](${capability.manual})`;
}
