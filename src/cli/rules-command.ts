// `leakstop rules`: the rule catalogue, for people (text) or tools (json). The JSON is stable: each
// rule's id, provider, title, severity, keywords, how it is found (`foundBy`: "keywords", or "file
// structure" for key material in binary files), and what the leak response can do for its
// credentials (`capabilities`: "api", "manual" or "none" per step), read from the registry's
// declarations without loading any adapter. Text and JSON add the custom rules that apply where the
// command runs (`custom`: "operator" or "repository"); markdown and the reference are built-in only.
import { CUSTOM_PROVIDER_ID, type CustomRuleSpec } from '../detect/custom-rule.js';
import { KEY_MATERIAL_RULES } from '../detect/key-material.js';
import { allProviders, capabilitiesOf, providerModule } from '../providers/index.js';
import { capabilityKind, RESPONSE_STEPS, type Capabilities, type Capability, type CapabilityKind, type ResponseStepName } from '../providers/provider.js';

export type RulesFormat = 'text' | 'json' | 'markdown' | 'reference';

/** Custom rules to list: the operator's (LEAKSTOP_CUSTOM_RULES) and the repository's config's. */
export interface ListedCustomRules {
  operator: readonly CustomRuleSpec[];
  repository: readonly CustomRuleSpec[];
}

const NO_CUSTOM_RULES: ListedCustomRules = { operator: [], repository: [] };

/** Key material in binary files: rules of the private-key provider found by magic bytes and ASN.1, not by keywords. */
const BINARY_RULES = Object.values(KEY_MATERIAL_RULES);
const BINARY_PROVIDER_ID = 'private-key';

interface ListedRule {
  id: string;
  provider: string;
  providerName: string;
  title: string;
  severity: string;
  keywords: string[];
  foundBy: 'keywords' | 'file structure';
  capabilities: Record<ResponseStepName, CapabilityKind>;
  custom?: 'operator' | 'repository';
}

export function listRules(format: RulesFormat, custom: ListedCustomRules = NO_CUSTOM_RULES): string {
  if (format === 'markdown') return capabilityTable();
  if (format === 'reference') return ruleReference();
  const builtIn = builtInRules();
  const rules = [...builtIn, ...customRules(custom.operator, 'operator'), ...customRules(custom.repository, 'repository')];
  if (format === 'json') return `${JSON.stringify(rules, null, 2)}\n`;
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}${textNote(r)}`);
  const customCount = rules.length - builtIn.length;
  const customLine = customCount === 0 ? '' : `, and ${customCount} custom rule${customCount === 1 ? '' : 's'} (${customSources(custom)})`;
  return `${lines.join('\n')}\n${builtIn.length} rules from ${allProviders.length} providers${customLine}\n`;
}

function builtInRules(): ListedRule[] {
  const byKeywords = allProviders.flatMap((provider) =>
    provider.rules.map((rule): ListedRule => ({
      id: rule.id,
      provider: provider.id,
      providerName: provider.name,
      title: rule.title,
      severity: rule.severity,
      keywords: [...rule.keywords],
      foundBy: 'keywords',
      capabilities: capabilityKinds(provider.id, rule.id),
    })),
  );
  const binaryProviderName = allProviders.find((provider) => provider.id === BINARY_PROVIDER_ID)?.name ?? BINARY_PROVIDER_ID;
  const binary = BINARY_RULES.map((rule): ListedRule => ({
    id: rule.id,
    provider: BINARY_PROVIDER_ID,
    providerName: binaryProviderName,
    title: rule.title,
    severity: rule.severity,
    keywords: [],
    foundBy: 'file structure',
    capabilities: capabilityKinds(BINARY_PROVIDER_ID, rule.id),
  }));
  return [...byKeywords, ...binary];
}

function customRules(specs: readonly CustomRuleSpec[], source: 'operator' | 'repository'): ListedRule[] {
  return specs.map((spec) => ({
    id: spec.id,
    provider: CUSTOM_PROVIDER_ID,
    providerName: 'Custom rules',
    title: spec.title,
    severity: spec.severity,
    keywords: [...spec.keywords],
    foundBy: 'keywords',
    capabilities: capabilityKinds(CUSTOM_PROVIDER_ID, spec.id),
    custom: source,
  }));
}

function textNote(rule: ListedRule): string {
  if (rule.custom === 'operator') return '  [custom: operator, LEAKSTOP_CUSTOM_RULES]';
  if (rule.custom === 'repository') return '  [custom: repository config]';
  return rule.foundBy === 'file structure' ? '  [by file structure, in binary files]' : '';
}

function customSources(custom: ListedCustomRules): string {
  const sources = [custom.operator.length > 0 ? "the operator's LEAKSTOP_CUSTOM_RULES" : '', custom.repository.length > 0 ? "the repository's config" : ''];
  return sources.filter(Boolean).join(' and ');
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

/**
 * Every rule, provider by provider, as docs/rules.md (a test keeps the file equal to this output):
 * what each finds, how (its type prefixes, or the words it needs nearby), what it checks offline and
 * what the response can do.
 */
function ruleReference(): string {
  const ruleCount = allProviders.reduce((n, p) => n + p.rules.length, 0) + BINARY_RULES.length;
  const lines = [
    '# Rules',
    '',
    `<!-- Generated by \`leakstop rules --format reference\`: do not edit. -->`,
    '',
    `${ruleCount} rules from ${allProviders.length} providers. A rule runs only where one of its keywords occurs (a type prefix such as`,
    '`ghp_`, or words such as the provider\'s name near a value without a prefix); "offline check" is what it verifies',
    'without the network before reporting (a checksum, a decodable structure), and a finding without one is reported on its',
    'pattern alone. Key material in binary files (PKCS#12, Java keystores, DER private keys) is found by file structure:',
    'magic bytes and ASN.1, whatever the file is called, with no keyword. The response columns say what leakstop does about',
    'a live credential (see the README). Custom rules (the config\'s `rules.custom`, LEAKSTOP_CUSTOM_RULES) are not listed here:',
    '`leakstop rules` in a repository lists those that apply to it.',
    '',
    '| provider | rule | title | severity | found by | offline check | verify | revoke |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const provider of allProviders) {
    for (const rule of provider.rules) {
      const capabilities = capabilitiesOf(provider.id, rule.id);
      const foundBy = rule.prefixes && rule.prefixes.length > 0 ? `prefix ${rule.prefixes.map(code).join(', ')}` : `near ${rule.keywords.map(code).join(', ')}`;
      const check = rule.validate ? (rule.confidence === 'checksum' ? 'checksum' : 'yes') : '–';
      lines.push(`| ${provider.name} | \`${rule.id}\` | ${escapeCell(rule.title)} | ${rule.severity} | ${foundBy} | ${check} | ${cell(capabilities.verify)} | ${cell(capabilities.revoke)} |`);
    }
    if (provider.id !== BINARY_PROVIDER_ID) continue;
    for (const rule of BINARY_RULES) {
      const capabilities = capabilitiesOf(provider.id, rule.id);
      lines.push(`| ${provider.name} | \`${rule.id}\` | ${escapeCell(rule.title)} | ${rule.severity} | by file structure (binary) | structure | ${cell(capabilities.verify)} | ${cell(capabilities.revoke)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Inline code in a table cell: a backtick inside is doubled-delimited, a pipe escaped. */
function code(text: string): string {
  const escaped = text.replace(/\|/g, '\\|');
  return escaped.includes('`') ? `\`\` ${escaped} \`\`` : `\`${escaped}\``;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function cell(capability: Capability): string {
  if (capability === 'api') return 'API';
  if (capability === 'none') return '–';
  return `[by hand](${capability.manual})`;
}
