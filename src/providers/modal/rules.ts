// Modal tokens (https://modal.com/docs/reference/modal.config, ~/.modal.toml and
// MODAL_TOKEN_ID/MODAL_TOKEN_SECRET): a token id `ak-` and a token secret `as-`, each followed by
// 22 letters and digits. `as-` is common text, so the secret is looked for only after a name that
// says token secret (token_secret, MODAL_TOKEN_SECRET, --token-secret).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

function checkMix({ secret }: Candidate): Validation {
  const body = secret.slice(3);
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const tokenSecret: Rule = {
  id: 'modal-token-secret',
  provider: 'modal',
  title: 'Modal token secret',
  severity: 'high',
  keywords: ['token_secret', 'token-secret'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 50 },
  pattern: /token[_-]secret["'\x60]?(?:[\t ]{0,4}[:=][\t ]{0,4}|[\t ]{1,4})["'\x60]?(?<secret>as-[A-Za-z0-9]{22})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.8,
  validate: checkMix,
  remediation:
    'Revoke the token in Modal (Settings → API Tokens, https://modal.com/settings/tokens), check the workspace\'s apps and usage for runs you did not start, and create a new token.',
  samples: {
    positive: [
      'MODAL_TOKEN_ID=ak-9VtCrLzOQ05ES4LeFrLsQI\nMODAL_TOKEN_SECRET=as-tMaeMaGo3yY2ybtjYMntnD',
      '[default]\ntoken_id = "ak-9VtCrLzOQ05ES4LeFrLsQI"\ntoken_secret = "as-aPeWajjzEpzDaGLfKe78h2"',
      'modal token set --token-id ak-9VtCrLzOQ05ES4LeFrLsQI --token-secret as-aPeWajjzEpzDaGLfKe78h2',
    ],
    negative: [
      'MODAL_TOKEN_SECRET=as-xxxxx',
      'export MODAL_TOKEN_SECRET=as-FAKESECRETSTRINGABCDEF',
      'oauth_token_secret = request.args["oauth_token_secret"]',
      'MODAL_TOKEN_SECRET=as-...',
    ],
  },
};

export const modal: ProviderDefinition = { id: 'modal', name: 'Modal', rules: [tokenSecret] };
