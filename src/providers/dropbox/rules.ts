// Dropbox OAuth access tokens (https://developers.dropbox.com/oauth-guide). Short-lived tokens, the
// only kind Dropbox issues since 2021, start `sl.` (newer ones `sl.u.`) and run to well over a
// hundred base64url characters; they last four hours, but a refresh token beside one lasts until
// revoked. Long-lived tokens issued before then (and still valid) are 64 characters whose middle is
// a run of `A`s (`<11 characters>AAAAAAAAA<44>`, visible in any generated from the App Console):
// that shape counts near the word "dropbox".
import { placeholderReason } from '../../detect/placeholder.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const REMEDIATION =
  'Revoke the token (POST https://api.dropboxapi.com/2/auth/token/revoke with it, or disconnect the app under Settings → Connected apps, https://www.dropbox.com/account/connected_apps), and for an app\'s own token regenerate it in the App Console (https://www.dropbox.com/developers/apps).';

/** Random base64url mixes cases and digits; `sl.` + a long dotted identifier does not. */
function looksRandom({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const shortLivedToken: Rule = {
  id: 'dropbox-short-lived-token',
  provider: 'dropbox',
  title: 'Dropbox short-lived access token',
  severity: 'medium',
  keywords: ['sl.'],
  prefixes: ['sl.'],
  window: { before: 0, after: 1500 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sl\.(?:u\.)?[A-Za-z0-9_-]{130,1400})${TOKEN_END}`),
  minEntropy: 4.5,
  validate: looksRandom,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'DROPBOX_ACCESS_TOKEN=sl.41A0ytz8Nw5DpghcHGafUJeSWkrELIeG3_LVudAjElV2NuWRBNrlIQlicpulwT0eAKXMpQRTQxPm8dMa7DK-4L0tDAy9K_MPfaATLaVX_Gi8Hk_UeEM0UYHog6KIF8PlWIWl6YMm',
      "dbx = dropbox.Dropbox('sl.u.MHC94UabutPS0Ys2LcgYwFpAJ0Xv37cLQn8RjwRLc9fj3Aph4FdirY65rSx7m_uKrHI3g-EmdSKoEIyuS-TW67M2i9JjsviTjzECNwDCxjpFxcWNHt2Ci21E6kUEM356LTHkLsmJ')",
    ],
    negative: [
      'DROPBOX_ACCESS_TOKEN=sl.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'DROPBOX_ACCESS_TOKEN=sl.<your token>',
      'context = ssl.create_default_context()',
      // Cut short.
      'DROPBOX_ACCESS_TOKEN=sl.46ZoOdIIC3rESKisYhQ4KE1m4-eMhi69vzJBV07bkTB2BtSm70hlWqvmmwmGxik9czGh8NAEV7orASu1nmry',
    ],
  },
};

/** The run of `A`s is the format, not a placeholder: the shared checks run on the rest. */
function checkLongLived(candidate: Candidate): Validation {
  const rest = candidate.secret.slice(0, 11) + candidate.secret.slice(20);
  const reason = placeholderReason(rest);
  return reason ? { valid: false, reason } : looksRandom({ ...candidate, secret: rest });
}

const longLivedToken: Rule = {
  id: 'dropbox-long-lived-token',
  provider: 'dropbox',
  title: 'Dropbox long-lived access token',
  severity: 'high',
  keywords: ['dropbox'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>[A-Za-z0-9_-]{11}AAAAAAAAA[A-Za-z0-9_-]{44})${TOKEN_END}`),
  minEntropy: 3.5,
  skipPlaceholderCheck: true,
  validate: checkLongLived,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'DROPBOX_ACCESS_TOKEN=7VUlRAnPBxIAAAAAAAAAwm8vZjFxr9KkGpqkN1ztsrOYf6gAJ_xNHMcAFazMwVk3',
      "dbx = dropbox.Dropbox('a9c32731SEuAAAAAAAAAABZkUVi7g0KPHQ8jgK-b2cjLaqzWb7MquVWgxFxZVGhq')",
    ],
    negative: [
      // No Dropbox context.
      'TOKEN=K2NxvYfKKrwAAAAAAAAAvMAtalJMdVCGhnbb88aMyOwcv2QBwqjhQ4NvzvpJxwgT',
      'DROPBOX_ACCESS_TOKEN=xxxxxxxxxxxAAAAAAAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'DROPBOX_ACCESS_TOKEN=<your access token>',
      // One character short.
      'DROPBOX_ACCESS_TOKEN=K2NxvYfKKrwAAAAAAAAAvMAtalJMdVCGhnbb88aMyOwcv2QBwqjhQ4NvzvpJxwg',
    ],
  },
};

export const dropbox: ProviderDefinition = { id: 'dropbox', name: 'Dropbox', rules: [shortLivedToken, longLivedToken] };
