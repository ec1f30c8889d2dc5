// ReadMe API keys (https://docs.readme.com/main/reference/intro/authentication): project keys start
// `rdme_` (ReadMe's API definition gives their pattern as `rdme_\w+`); keys issued are `rdme_` and
// a long run of lower-case alphanumerics. The pattern asks for at least 40 of them.
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
    positive: ['RDME_API_KEY=rdme_ycj93q7bgy0n22km9ri9kyomjo0z3pbhofzsvwgjh8tvfphn9gt326uganrynoogwrdeg9', '- uses: readmeio/rdme@v10\n  with:\n    rdme: openapi upload openapi.json --key=rdme_2ar4239evia2fgjgkg99rx0nqtio7r1epc305ahcw301umgee5l8178ab0azovnn4qei72'],
    negative: ['RDME_API_KEY=rdme_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'RDME_API_KEY=rdme_<your key>', "import { rdme_config } from './config';", 'RDME_API_KEY=rdme_vcbsiz211opj7enr918h6tgu1urbv'],
  },
};

export const readme: ProviderDefinition = { id: 'readme', name: 'ReadMe', rules: [apiKey] };
