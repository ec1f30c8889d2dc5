// The provider registry (src/providers/index.ts) against the folders, the adapters, the CLI's JSON
// and the README: a provider is one folder and one line, and what it declares it can do is what its
// adapter does, what `leakstop rules --format json` says and what the README's table shows.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listRules } from '../../src/cli/rules-command.js';
import { KEY_MATERIAL_RULES } from '../../src/detect/key-material.js';
import { capabilitiesOf, loadAdapters, PROVIDERS, providerModule } from '../../src/providers/index.js';
import { capabilityKind, RESPONSE_STEPS, type Capability } from '../../src/providers/provider.js';

const PROVIDERS_DIR = fileURLToPath(new URL('../../src/providers/', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const RULES_DOC = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));

const adapters = await loadAdapters({ env: {} });

describe('the provider registry', () => {
  it('lists every folder under src/providers/ once, under the folder name', () => {
    const folders = readdirSync(PROVIDERS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(PROVIDERS.map((module) => module.detection.id).sort()).toEqual(folders);
  });

  it('loads one adapter per provider with a response, each under its own id', () => {
    const responding = PROVIDERS.filter((module) => module.response !== undefined).map((module) => module.detection.id);
    expect([...adapters.keys()].sort()).toEqual([...responding].sort());
    for (const [id, adapter] of adapters) {
      expect(adapter.provider).toBe(id);
      expect(adapter.manualRevokeUrl).toMatch(/^https:\/\//);
    }
  });

  it('declares capabilities only for its own rules, and every manual step with an https page', () => {
    for (const module of PROVIDERS) {
      const ruleIds = new Set(module.detection.rules.map((rule) => rule.id));
      for (const ruleId of Object.keys(module.response?.capabilities.rules ?? {})) expect(ruleIds.has(ruleId), `${module.detection.id}: ${ruleId}`).toBe(true);
      for (const rule of module.detection.rules) {
        for (const capability of Object.values(capabilitiesOf(module.detection.id, rule.id)) as Capability[]) {
          if (typeof capability === 'object') expect(capability.manual, `${rule.id}`).toMatch(/^https:\/\/[^\s]+$/);
        }
      }
    }
  });

  it('holds each adapter to its declaration: a method exactly where some rule declares the step "api"', () => {
    for (const [id, adapter] of adapters) {
      const module = providerModule(id)!;
      for (const step of RESPONSE_STEPS) {
        const declaredApi = module.detection.rules.some((rule) => capabilitiesOf(id, rule.id)[step] === 'api');
        expect(adapter[step] !== undefined, `${id}.${step}: declared ${declaredApi ? 'api' : 'not api'} for every rule`).toBe(declaredApi);
      }
    }
  });

  it('gives a provider without a response no capability at all', () => {
    expect(capabilitiesOf('google', 'google-api-key')).toEqual({ verify: 'none', revoke: 'none', rotate: 'none', describe: 'none', activity: 'none' });
    expect(adapters.has('google')).toBe(false);
  });
});

describe('what the registry declares, as users see it', () => {
  it('`leakstop rules --format json` carries every rule capabilities of "api", "manual" or "none"', () => {
    const rules = JSON.parse(listRules('json')) as { id: string; provider: string; capabilities: Record<string, string> }[];
    // With the key-material rules found by file structure in binary files.
    expect(rules.length).toBe(PROVIDERS.reduce((sum, module) => sum + module.detection.rules.length, 0) + Object.keys(KEY_MATERIAL_RULES).length);
    for (const rule of rules) {
      const declared = capabilitiesOf(rule.provider, rule.id);
      expect(rule.capabilities).toEqual(Object.fromEntries(RESPONSE_STEPS.map((step) => [step, capabilityKind(declared[step])])));
    }
    const linear = rules.find((rule) => rule.id === 'linear-api-key');
    expect(linear?.capabilities).toEqual({ verify: 'api', revoke: 'manual', rotate: 'none', describe: 'none', activity: 'none' });
  });

  it('docs/rules.md is `leakstop rules --format reference`: every rule, regenerated with the rules', () => {
    expect(readFileSync(RULES_DOC, 'utf8'), 'regenerate it: node bin/leakstop.js rules --format reference > docs/rules.md').toBe(listRules('reference'));
  });

  it("the README's provider table is `leakstop rules --format markdown`", () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf('<!-- providers:start -->');
    const end = readme.indexOf('<!-- providers:end -->');
    expect(start, 'README.md has the providers:start marker').toBeGreaterThan(-1);
    const table = readme.slice(readme.indexOf('\n', start) + 1, end);
    expect(table.trim()).toBe(listRules('markdown').trim());
  });
});
