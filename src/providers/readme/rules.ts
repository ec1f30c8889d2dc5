// ReadMe API keys (https://docs.readme.com/main/reference/intro/authentication): project keys start
// `rdme_` (ReadMe's API definition gives their pattern as `rdme_\w+`); keys seen in published
// configuration are `rdme_`, six lower-case alphanumerics (`xn8s9h` on every one) and 64 hex; the
// pattern accepts 40 to 100 lower-case alphanumerics after `rdme_`, the shape of older keys too.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function looksRandom({ secret }: Candidate): Validation {
  const body = secret.slice(5);
  return /[a-z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of letters and digits' };
}

const apiKey: Rule = {
  id: 'readme-api-key',
  provider: 'readme',
  title: 'ReadMe API key',
  severity: 'high',
  keywords: ['rdme_'],
  prefixes: ['rdme_'],
  window: { before: 0, after: 110 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>rdme_[a-z0-9]{40,100})${TOKEN_END}`),
  minEntropy: 4,
  validate: looksRandom,
  remediation:
    "Delete the key in the ReadMe dashboard (the project → Configuration → API Keys, https://dash.readme.com/) and create a new one; the `rdme` CLI and GitHub Action read it from RDME_API_KEY.",
  samples: {
    positive: ['RDME_API_KEY=rdme_xn8s9hb0ac25c358e23e1b7d95dd66349194d892a724a69d79f0bb265bc25c87b2de1a', '- uses: readmeio/rdme@v10\n  with:\n    rdme: openapi upload openapi.json --key=rdme_xn8s9hef7a9bdacca2f0090c552219ee88a21601ce1bf3a22d0dab8fe38488f0e36678'],
    negative: ['RDME_API_KEY=rdme_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'RDME_API_KEY=rdme_<your key>', "import { rdme_config } from './config';", 'RDME_API_KEY=rdme_xn8s9hef7a9bdacca2f0090c552219ee'],
  },
};

export const readme: ProviderDefinition = { id: 'readme', name: 'ReadMe', rules: [apiKey] };
