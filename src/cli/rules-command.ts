// `leakstop rules`: the rule catalogue, for people (text) or tools (json).
import { allProviders } from '../providers/index.js';

export function listRules(format: 'text' | 'json'): string {
  const rules = allProviders.flatMap((provider) =>
    provider.rules.map((rule) => ({ id: rule.id, provider: provider.id, providerName: provider.name, title: rule.title, severity: rule.severity, keywords: [...rule.keywords] })),
  );
  if (format === 'json') return `${JSON.stringify(rules, null, 2)}\n`;
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}`);
  return `${lines.join('\n')}\n${rules.length} rules from ${allProviders.length} providers\n`;
}
