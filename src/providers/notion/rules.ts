// Notion API tokens, sent as Bearer tokens (https://developers.notion.com/reference/authentication;
// handling: https://developers.notion.com/guides/authorization/credential-security). Current
// internal-connection tokens are `ntn_` + 46 base62 characters; tokens issued before the 2024
// change are `secret_` + 43, a prefix shared with countless other secrets, so those count only
// near the word "notion".
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

/** Random base62 mixes cases and digits; `ntn_`/`secret_` + a long identifier does not. */
function looksRandom({ secret }: Candidate): Validation {
  const body = secret.slice(secret.indexOf('_') + 1);
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const REMEDIATION =
  'Refresh or delete the token in the integration\'s settings (https://www.notion.so/profile/integrations → the integration → Configuration → Refresh), deploy the new one, and review the pages shared with the integration.';

const integrationToken: Rule = {
  id: 'notion-integration-token',
  provider: 'notion',
  title: 'Notion API token',
  severity: 'high',
  keywords: ['ntn_'],
  prefixes: ['ntn_'],
  window: { before: 0, after: 50 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>ntn_[A-Za-z0-9]{46})${TOKEN_END}`),
  minEntropy: 3.5,
  validate: looksRandom,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'NOTION_TOKEN=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',
      "const notion = new Client({ auth: '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' });",
    ],
    negative: [
      'NOTION_TOKEN=ntn_…',
      "$table->string('ntn_number')->nullable();",
      'NOTION_TOKEN=ntn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Truncated.
      'NOTION_TOKEN=ntn_946602630962Zp3VxkmYT18I62VtdY49gVEE90kkpSZL0',
    ],
  },
};

const legacyToken: Rule = {
  id: 'notion-legacy-token',
  provider: 'notion',
  title: 'Notion API token (legacy secret_ format)',
  severity: 'high',
  keywords: ['notion'],
  keywordsIgnoreCase: true,
  prefixes: ['secret_'],
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>secret_[A-Za-z0-9]{43})${TOKEN_END}`),
  minEntropy: 3.5,
  validate: looksRandom,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'NOTION_API_KEY=secret_RI9vSAOKNcBcZUayE18o5hj126HMDBoCNsmzFgkdShm',
      'headers = {\n  "Notion-Version": "2022-06-28",\n  "Authorization": "Bearer secret_kg02bgweiOOODS7rwzsmnKisluPmMRRyt7urO0sX1bk",\n}',
    ],
    negative: [
      // No Notion context: some other service's secret_ value.
      'APP_SECRET=secret_RI9vSAOKNcBcZUayE18o5hj126HMDBoCNsmzFgkdShm',
      'NOTION_API_KEY=secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'NOTION_API_KEY=secret_your_integration_token_here',
      // Truncated.
      'NOTION_API_KEY=secret_RI9vSAOKNcBcZUayE18o5hj126HMDBoCNsmzFgkdSh',
    ],
  },
};

export const notion: ProviderDefinition = { id: 'notion', name: 'Notion', rules: [integrationToken, legacyToken] };
