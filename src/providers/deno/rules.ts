// Deno Deploy access tokens (https://docs.deno.com/deploy/manual/api/, the DENO_DEPLOY_TOKEN of
// deployctl): personal tokens start `ddp_`, organization tokens `ddo_`, then 36 base62 characters.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const accessToken: Rule = {
  id: 'deno-deploy-token',
  provider: 'deno',
  title: 'Deno Deploy access token',
  // It deploys code to the projects it can reach.
  severity: 'critical',
  keywords: ['ddp_', 'ddo_'],
  prefixes: ['ddp_', 'ddo_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>dd[po]_[A-Za-z0-9]{36})${TOKEN_END}`),
  minEntropy: 4,
  remediation:
    'Delete the token on the Deno Deploy access tokens page (your account or organization Settings → Access Tokens, https://dash.deno.com/account#access-tokens), check the projects\' deployments for ones you did not make, and create a new token.',
  samples: {
    positive: [
      'DENO_DEPLOY_TOKEN=ddp_3hYPspHDQ5IJb3AhuuXSjNlzmDfhQb5KxyJ4',
      'deployctl deploy --project=shop --token=ddo_eQBJEZJKFEAJEUjPLe9TnrEd4r0XgUJUlfW1 main.ts',
    ],
    negative: [
      'DENO_DEPLOY_TOKEN=ddp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Identifiers that begin the same way.
      'parser.add_argument("--ddp_find_unused_parameters_in_the_backward_pass", type=bool)',
      // Truncated.
      'DENO_DEPLOY_TOKEN=ddp_fcXZIrwyDzfaNpmUGvlNa3KLtlhBDxPB6k',
    ],
  },
};

export const deno: ProviderDefinition = { id: 'deno', name: 'Deno Deploy', rules: [accessToken] };
