// Doppler tokens: `dp.<type>.` + 40–44 alphanumerics. Types: pt (personal), st (service, with an
// optional environment slug: dp.st.prd.…), sa (service account), ct (CLI), scim, audit.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const token: Rule = {
  id: 'doppler-token',
  provider: 'doppler',
  title: 'Doppler token',
  severity: 'critical',
  keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
  prefixes: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
  window: { before: 0, after: 96 },
  anchor: 'keyword',
  pattern:
    /(?<![A-Za-z0-9_.-])(?<secret>dp\.(?:pt|st(?:\.[a-z0-9_-]{2,35})?|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9_.-])/,
  minEntropy: 3.5,
  remediation:
    'Revoke the token in the Doppler dashboard (https://dashboard.doppler.com/): personal and CLI tokens under Tokens, service tokens under the project config\'s Access tab, service account tokens under Team → Service Accounts.',
  samples: {
    positive: [
      'DOPPLER_TOKEN=dp.pt.IWtZvRWWGLHjtrfoyzFr0SuXPpdSXlyH3pZGXBXi9Tu',
      'doppler run --token dp.st.prd.pxT1pI2xLpnMU2UtTHEsN6rUuUcY12XXCWcsOzce4sB -- npm start',
      '  DOPPLER_TOKEN: "dp.sa.UaLiazK4SUbQvqUxy8SuTOeXHMS8I8yQGJyROHSSjlz"',
      'export DOPPLER_TOKEN=dp.st.ZbwiWmWboDnbKPL5hw2tlPXhcKirwljFAcueqDEOKiG',
    ],
    negative: [
      'DOPPLER_TOKEN=dp.st.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'DOPPLER_TOKEN=dp.pt.your_personal_token',
      // 32 characters: truncated.
      'DOPPLER_TOKEN=dp.ct.3anIlrO23HzNizCOxkXybbeTMhHIQ6w4',
      // Not a Doppler token type.
      'DOPPLER_TOKEN=dp.xx.3anIlrO23HzNizCOxkXybbeTMhHIQ6w4L4GpfjmaaC6',
    ],
  },
};

export const doppler: ProviderDefinition = { id: 'doppler', name: 'Doppler', rules: [token] };
