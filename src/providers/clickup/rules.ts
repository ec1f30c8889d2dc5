// ClickUp personal API tokens (https://developer.clickup.com/docs/authentication): "Personal API
// tokens always begin with pk_", followed by the user's numeric id, `_` and 32 upper-case
// alphanumerics. The numeric id between the underscores tells them from other `pk_` keys (Stripe's
// publishable keys, Clerk's).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const personalToken: Rule = {
  id: 'clickup-personal-token',
  provider: 'clickup',
  title: 'ClickUp personal API token',
  severity: 'high',
  keywords: ['pk_'],
  prefixes: ['pk_'],
  window: { before: 0, after: 60 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>pk_\d{4,12}_[A-Z0-9]{32})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Regenerate the token in ClickUp (avatar → Settings → Apps → API Token → Regenerate, https://app.clickup.com/settings/apps): the old one stops working; then review what it changed in the workspaces its user can reach.',
  samples: {
    positive: [
      'CLICKUP_API_TOKEN=pk_19517947_QI0WBPK7Z711AEDG25INC04V5YASJEZY',
      "fetch('https://api.clickup.com/api/v2/team', { headers: { Authorization: 'pk_54597841_LKAHO5CRFKBZ16UBJWMM4YB7FOLTCZJC' } });",
    ],
    negative: [
      "const stripe = Stripe('pk_live_51HYqPQLkdIwHu7ixAbCdEfGh');",
      'CLICKUP_API_TOKEN=pk_12345678_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'CLICKUP_API_TOKEN=pk_<user id>_<token>',
      // Lower case: not ClickUp's alphabet.
      'CLICKUP_API_TOKEN=pk_36669714_kjlraosxbybd7363jsvet5l94msoj7s9',
      // Cut short.
      'CLICKUP_API_TOKEN=pk_36669714_KJLRAOSXBYBD7363JSVET5L94MSOJ7',
    ],
  },
};

export const clickup: ProviderDefinition = { id: 'clickup', name: 'ClickUp', rules: [personalToken] };
