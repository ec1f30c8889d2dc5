// Infisical service tokens (https://infisical.com/docs/documentation/platform/token): "prefixed with
// st. The part after the last . delimiter is a symmetric key; everything before it is an access
// token": `st.` + the token id (a UUID, or 24 hex on older instances) + `.` + 32 hex + `.` + 32 hex.
// `st.` alone is far too common a string to search for, so the rule runs within 200 characters of
// "infisical" (INFISICAL_TOKEN, `infisical run --token`). Machine identity access tokens are
// short-lived JWTs and are left to the JWT rules.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const serviceToken: Rule = {
  id: 'infisical-service-token',
  provider: 'infisical',
  title: 'Infisical service token',
  // Reads (and with write access, changes) the secrets of the environments it is scoped to.
  severity: 'critical',
  keywords: ['infisical'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  prefixes: ['st.'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_.-])(?<secret>st\.(?:${UUID}|[0-9a-f]{24})\.[0-9a-f]{32}\.[0-9a-f]{32})(?![A-Za-z0-9_.-])`),
  minEntropy: 3,
  remediation:
    'Delete the service token in Infisical (the project → Access Control → Service Tokens, https://infisical.com/docs/documentation/platform/token), rotate the secrets it could read, and move the workload to a machine identity.',
  samples: {
    positive: [
      'INFISICAL_TOKEN=st.fd6ae730-7b8b-4125-b2b0-a5b2bb7e1dd8.e701e3ef4fd049eb1f25c7424d863c36.2fba270b99b14fef66c4b60e2208c273',
      'infisical run --env=prod --token=st.3a216635f85686c418191a0a.c687f9f70960adadc86d59603749473b.43b45dab13037b2b2ab1604767403758 -- npm start',
    ],
    negative: [
      'INFISICAL_TOKEN=st.xxxx.yyyy.zzzz',
      'INFISICAL_TOKEN=st.your-token-here',
      // The symmetric key is cut off.
      'INFISICAL_TOKEN=st.54867a42-7292-4ca2-a676-41788b5ad4cc.bb78111d18d746b15b5f9b8df2f52ab3',
      // No Infisical context.
      'TOKEN=st.54867a42-7292-4ca2-a676-41788b5ad4cc.bb78111d18d746b15b5f9b8df2f52ab3.663b0f9ca64c293fedfe8dbce8e82e82',
    ],
  },
};

export const infisical: ProviderDefinition = { id: 'infisical', name: 'Infisical', rules: [serviceToken] };
