// Neon API keys (https://neon.com/docs/manage/api-keys, https://neon.com/docs/reference/api/get-started):
// personal, organization and project-scoped keys, sent as a Bearer token. Neon does not publish
// their format; the keys it issues are `napi_` followed by 64 lower-case letters and digits, and
// the rule takes exactly that (so N-API identifiers such as napi_create_string_utf8 never match).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const apiKey: Rule = {
  id: 'neon-api-key',
  provider: 'neon',
  title: 'Neon API key',
  severity: 'critical',
  keywords: ['napi_'],
  prefixes: ['napi_'],
  window: { before: 0, after: 69 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>napi_[a-z0-9]{64})(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  remediation:
    'Revoke the key under Account settings → API keys (or the organization\'s Settings → API keys) in the Neon Console (https://console.neon.tech/app/settings/api-keys), then check the projects, branches and roles it could change.',
  samples: {
    positive: [
      'NEON_API_KEY=napi_2bz96ryncq2crdopg68q1pd680q4cf82a6csj5jv2yiakytirmu0emx080ncqf4o',
      'curl -H "Authorization: Bearer napi_89wqzaf4w3800viq6w2vuptqy3nt5155b3jw1pu4j8tezxr9uezyso4gdgxay9io" https://console.neon.tech/api/v2/projects',
    ],
    negative: [
      'NEON_API_KEY=napi_your_neon_api_key',
      'NEON_API_KEY=napi_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'napi_status status = napi_create_string_utf8(env, str, NAPI_AUTO_LENGTH, &result);',
      // 63 characters: truncated.
      'NEON_API_KEY=napi_ntm4rsx16keikrp0m0qz128rc312qs6f9rpykzjazrboyuwlsa0uaj46w5o7ecb',
    ],
  },
};

export const neon: ProviderDefinition = { id: 'neon', name: 'Neon', rules: [apiKey] };
