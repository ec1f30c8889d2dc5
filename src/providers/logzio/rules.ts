// Logz.io tokens (https://docs.logz.io/docs/user-guide/admin/authentication-tokens/): data shipping
// tokens are 32 letters, API tokens are UUIDs. Neither has a prefix, so a token counts only where
// named as Logz.io's.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN_OR_CALL } from '../boundaries.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NAMED = String.raw`logz[._-]?io[\w.:\s"'{}()/,-]{0,60}?(?:token|api[_.-]?key|key)[\w.-]{0,12}?${ASSIGN_OR_CALL}`;

/** Shipping tokens are random letters of both cases; a 32-letter word is not one. */
function checkToken({ secret }: Candidate): Validation {
  if (secret.includes('-')) return { valid: true, details: { tokenType: 'API token' } };
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) ? { valid: true, details: { tokenType: 'data shipping token' } } : { valid: false, reason: 'not a mix of cases' };
}

const token: Rule = {
  id: 'logzio-token',
  provider: 'logzio',
  title: 'Logz.io shipping or API token',
  severity: 'high',
  keywords: ['logzio', 'logz.io', 'logz_io', 'logz-io'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`${NAMED}(?<secret>[A-Za-z]{32}|${UUID})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.3,
  validate: checkToken,
  remediation:
    'Delete the token in Logz.io (Settings → Manage tokens: data shipping tokens or API tokens, https://app.logz.io/#/dashboard/settings/manage-tokens), create a new one, and check the account for data or changes you did not make.',
  samples: {
    positive: [
      'LOGZIO_TOKEN=ktDUVtSPlaMLxlOsVTlbjdUNLJkGQZlJ',
      'LOGZIO_API_TOKEN=09b2d164-6084-4298-8887-f7da4e1f26a4',
      "exporters:\n  logzio/logs:\n    account_token: 'CHOYHRNiaWZlyYuyilllhfpytjIiogIL'",
    ],
    negative: [
      'LOGZIO_TOKEN=<<LOG-SHIPPING-TOKEN>>',
      'LOGZIO_TOKEN=${LOGZIO_TOKEN}',
      // A 32-letter word in one case.
      'LOGZIO_TOKEN=abcdefghijklmnopqrstuvwxyzabcdef',
      // Not named as a token.
      'LOGZIO_LISTENER=listener.logz.io ktDUVtSPlaMLxlOsVTlbjdUNLJkGQZlJ',
    ],
  },
};

export const logzio: ProviderDefinition = { id: 'logzio', name: 'Logz.io', rules: [token] };
