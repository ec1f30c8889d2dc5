// Anthropic API keys (sk-ant-api03-…) and Admin API keys (sk-ant-admin01-…): 93 random base64url
// characters and a fixed "AA" suffix. Shapes follow gitleaks' anthropic rules.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const START = TOKEN_START;
const END = TOKEN_END;

const apiKey: Rule = {
  id: 'anthropic-api-key',
  provider: 'anthropic',
  title: 'Anthropic API key',
  severity: 'high',
  keywords: ['sk-ant-api03-'],
  prefixes: ['sk-ant-api03-'],
  window: { before: 0, after: 108 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>sk-ant-api03-[A-Za-z0-9_-]{93}AA)${END}`),
  minEntropy: 4,
  remediation:
    'Delete the key in the Anthropic Console (https://console.anthropic.com/settings/keys), create a new one, and check the usage page for requests you did not make.',
  samples: {
    positive: [
      'ANTHROPIC_API_KEY=sk-ant-api03-3frBdIpWDoDnt_y1Fd5WrnwXvotD3eVphCpgrEwlyl_RUH_j35Fk5D8GSc4pH9_NHydJGe9i8SrXTmsCDCumPmOGtfYXZAA',
      'client = anthropic.Anthropic(api_key="sk-ant-api03-ZVF3XJCyd9UqiNWSaTptlISJLBSqtTGq6RKSMwI4ZP3m6k9MG3HqUMXfDpVgHMu6CtndZYqCswwgMcxyirme7zsSXSSeBAA")',
    ],
    negative: [
      'ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA',
      'ANTHROPIC_API_KEY=sk-ant-api03-...',
      // Wrong suffix.
      'ANTHROPIC_API_KEY=sk-ant-api03-3frBdIpWDoDnt_y1Fd5WrnwXvotD3eVphCpgrEwlyl_RUH_j35Fk5D8GSc4pH9_NHydJGe9i8SrXTmsCDCumPmOGtfYXZBB',
      // Truncated.
      'ANTHROPIC_API_KEY=sk-ant-api03-3frBdIpWDoDnt_y1Fd5WrnwXvotD3eVphCpgrEwlyl_RUH_j35Fk5D8GSc4pH9_NHydJGe9i8SrXTAA',
    ],
  },
};

const adminKey: Rule = {
  id: 'anthropic-admin-key',
  provider: 'anthropic',
  title: 'Anthropic Admin API key',
  severity: 'critical',
  keywords: ['sk-ant-admin01-'],
  prefixes: ['sk-ant-admin01-'],
  window: { before: 0, after: 110 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>sk-ant-admin01-[A-Za-z0-9_-]{93}AA)${END}`),
  minEntropy: 4,
  remediation:
    'Delete the Admin API key in the Anthropic Console (https://console.anthropic.com/settings/admin-keys) and review the organization for members, workspaces or keys it created.',
  samples: {
    positive: [
      'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-2LtPInXwAF6npTMOsEdbUJG4ee0l0lmgAu8fcnQTRbfDcqRfP9yXmojSBAZF4Yi7ZwfuBhfy_tOG0aqTal10t1YRafOBMAA',
      "  -H 'x-api-key: sk-ant-admin01-BpAodpljnTjge8_NKxH-DoKzPNFJmpN07v2FJ-zabSFSYWHl6s7-TSd9n1mLgxETHpON8IeNx05s5uy1xkWWhTVcE_LZ3AA' \\",
    ],
    negative: [
      'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA',
      'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-<admin key>',
      'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-2LtPInXwAF6npTMOsEdbUJG4ee0l0lmgAu8fcnQTRbfDcqRfP9yXmojSBAZF4Yi7ZwfuBhfy_tOG0aqTAA',
    ],
  },
};

export const anthropic: ProviderDefinition = { id: 'anthropic', name: 'Anthropic', rules: [apiKey, adminKey] };
