// Frame.io developer tokens (https://developer.frame.io/docs/getting-started/authentication): a
// persistent bearer token with its user's access, `fio-u-` then 64 base64url characters.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function looksRandom({ secret }: Candidate): Validation {
  const body = secret.slice(6);
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const developerToken: Rule = {
  id: 'frameio-developer-token',
  provider: 'frameio',
  title: 'Frame.io developer token',
  severity: 'high',
  keywords: ['fio-u-'],
  prefixes: ['fio-u-'],
  window: { before: 0, after: 72 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>fio-u-[A-Za-z0-9_-]{64})${TOKEN_END}`),
  minEntropy: 4,
  validate: looksRandom,
  remediation:
    'Delete the token in the Frame.io developer site (Tokens → the token → Delete, https://developer.frame.io/app/tokens) and create a new one with only the scopes needed.',
  samples: {
    positive: ['FRAMEIO_TOKEN=fio-u-Lo5BWIWRcOYcoQAzDcuYxPqEXnx7-R1b28YsZpvc57NKKhALW9LLE7w71FUHed62', 'curl https://api.frame.io/v2/me -H "Authorization: Bearer fio-u-2eIptqJqhak8rdhFwFyeUuuz64zUibiHnegBMEMTarOvdWIy30NPTFo5oDOMu_hN"'],
    negative: [
      'FRAMEIO_TOKEN=fio-u-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'FRAMEIO_TOKEN=fio-u-<your developer token>',
      // Cut short.
      'FRAMEIO_TOKEN=fio-u-2VrlBd-WR_TCt09H0D1QD_PAtOVCOyAi5GRSu5De7JuqF_TIL5j',
    ],
  },
};

export const frameio: ProviderDefinition = { id: 'frameio', name: 'Frame.io', rules: [developerToken] };
