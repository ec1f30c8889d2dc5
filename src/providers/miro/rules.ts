// Miro REST API access tokens (https://developers.miro.com/docs/getting-started-with-oauth): OAuth
// tokens Miro issues begin with the base64url of a small JSON header naming their data region
// (`{"miro.origin":"eu01"}`), then `_` and the random part. The keyword is the header's start;
// validate() decodes the header and reports the region.
import { decodeBase64Url } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function checkHeader({ groups }: Candidate): Validation {
  const text = decodeBase64Url(groups['header'] ?? '')?.toString('utf8');
  const region = text === undefined ? undefined : /^\{"miro\.origin":"([a-z0-9-]{2,12})"\}$/.exec(text)?.[1];
  return region ? { valid: true, confidence: 'structure', details: { region } } : { valid: false, reason: 'header is not {"miro.origin":"<region>"}' };
}

const accessToken: Rule = {
  id: 'miro-access-token',
  provider: 'miro',
  title: 'Miro access token',
  severity: 'high',
  keywords: ['eyJtaXJvLm9yaWdpbiI6'],
  prefixes: ['eyJtaXJvLm9yaWdpbiI6'],
  window: { before: 0, after: 100 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>(?<header>eyJtaXJvLm9yaWdpbiI6[A-Za-z0-9-]{6,30})_[A-Za-z0-9_-]{25,60})${TOKEN_END}`),
  minEntropy: 4,
  validate: checkHeader,
  remediation:
    "Revoke the token (POST https://api.miro.com/v2/oauth/revoke) or uninstall the app from the team (https://miro.com/app/settings/), then reinstall it for a new token.",
  samples: {
    positive: ['MIRO_ACCESS_TOKEN=eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_zy4XVhvs5XgIQYF60jwzLRrQ1Dq', 'curl https://api.miro.com/v2/boards -H "Authorization: Bearer eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_6_g6VwyQu22aJmFPVb5n1P6opUB"'],
    negative: ['MIRO_ACCESS_TOKEN=eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_xxxxxxxxxxxxxxxxxxxxxxxxxxx', 'MIRO_ACCESS_TOKEN=eyJtaXJvLm9yaWdpbiI6...', 'MIRO_ACCESS_TOKEN=<access token>', 'MIRO_ACCESS_TOKEN=eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_--PUM3eMEG'],
  },
};

export const miro: ProviderDefinition = { id: 'miro', name: 'Miro', rules: [accessToken] };
