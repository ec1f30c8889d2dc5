// HashiCorp Vault tokens. Since Vault 1.10 they carry a type prefix: hvs. (service), hvb. (batch),
// hvr. (recovery). Older service tokens are `s.` + 24 base62 characters, too short a prefix to
// trust alone, so they count only next to the word "vault".
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const REVOKE =
  'Revoke the token with `vault token revoke <token>` (or by accessor, `vault token revoke -accessor <accessor>`), see https://developer.hashicorp.com/vault/docs/commands/token/revoke, then issue a new one from the auth method instead of committing it.';

/** Random base62 has both letter cases; a `hvs.my_vault_token_here` placeholder does not. */
function checkMixedCase({ secret }: Candidate): Validation {
  const body = secret.slice(secret.indexOf('.') + 1);
  if (/[a-z]/.test(body) && /[A-Z]/.test(body)) return { valid: true };
  return { valid: false, reason: 'single-case body: a placeholder, not a random token' };
}

const prefixedToken: Rule = {
  id: 'vault-token',
  provider: 'vault',
  title: 'HashiCorp Vault token',
  severity: 'critical',
  keywords: ['hvs.', 'hvb.', 'hvr.'],
  prefixes: ['hvs.', 'hvb.', 'hvr.'],
  window: { before: 0, after: 310 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>hv[sbr]\.[A-Za-z0-9_-]{24,300})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: checkMixedCase,
  remediation: REVOKE,
  samples: {
    positive: [
      'export VAULT_TOKEN=hvs.zCQz4a1eWquU9CHHEALrXFED',
      'vault_token = "hvs.CAESclhReHD3G0kqpu5tKzlXkk80bPAIyqtvapymuRJHfsQZkARiuGN3jB-Py6436GkLSH5OgIhvT2rWbP6XjsfK5V3"',
      'X-Vault-Token: hvb.AAAAAQvI7g839UWnKPxvCmnxg9arNf0Khkn2TxeNVwXqANddAbtSG1NHNfMwQ908xOu7NBz59Dqyl5byHj1EbZr0jtI_lEalYmtDRuH24Sni30TbUWzh9r5VBwP0Gxn-LlffFjriKiCLcdJOPS',
    ],
    negative: [
      'VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx',
      'VAULT_TOKEN=hvs.your_vault_token_goes_here',
      // 23 characters after the prefix: too short.
      'VAULT_TOKEN=hvs.Nlr02n8FmLY9ohuMQlw6yOt',
      'const legacy_hvs.Nlr02n8FmLY9ohuMQlw6yOtH = 1',
      'if (token.startsWith("hvs.")) return "service";',
    ],
  },
};

/** A camelCase member name with a number at the end: s.getKubeConfigController2. */
const CAMEL_CASE_MEMBER = /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+[0-9]{0,3}$/;

/** Legacy tokens were random base62: upper, lower and digits, not words. */
function checkLegacyToken({ secret }: Candidate): Validation {
  const body = secret.slice(2);
  const mixed = /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body);
  if (!mixed) return { valid: false, reason: 'not a mix of upper case, lower case and digits' };
  if (CAMEL_CASE_MEMBER.test(body)) return { valid: false, reason: 'a camelCase member name' };
  return { valid: true };
}

const legacyServiceToken: Rule = {
  id: 'vault-legacy-service-token',
  provider: 'vault',
  title: 'HashiCorp Vault service token (legacy format)',
  severity: 'high',
  keywords: ['vault'],
  prefixes: ['s.'],
  keywordsIgnoreCase: true,
  window: { before: 120, after: 160 },
  pattern: /(?<![A-Za-z0-9_.$-])(?<secret>s\.[A-Za-z0-9]{24})(?![A-Za-z0-9_.-])/,
  minEntropy: 3.5,
  validate: checkLegacyToken,
  remediation: REVOKE,
  samples: {
    positive: [
      'VAULT_TOKEN="s.soMRwrfQgDqQA2WnVqLeQHdZ"',
      'vault login s.rngWMtCNd6M5pGnfYW6iqpHd',
      "vault:\n  address: https://vault.internal:8200\n  token: s.8tBMpnpwy8of8ZzwIM0easc8",
    ],
    negative: [
      // No vault keyword nearby: an `s.` string alone is too common to report.
      'token: s.soMRwrfQgDqQA2WnVqLeQHdZ',
      'VAULT_TOKEN=s.xxxxxxxxxxxxxxxxxxxxxxxx',
      // Vault is mentioned, but these are members of an object named s.
      'const vaultTimeout = s.AcceptanceTimeoutSeconds;',
      'vaultClient.config = s.getKubeConfigController2;',
      'VAULT_TOKEN=s.THISSTRINGISALLUPPERCASE',
    ],
  },
};

export const vault: ProviderDefinition = { id: 'vault', name: 'HashiCorp Vault', rules: [prefixedToken, legacyServiceToken] };
