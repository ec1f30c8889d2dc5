// Atlassian Cloud API tokens (https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/),
// the tokens used with an email for Jira, Confluence and Bitbucket APIs ("a varied API token length",
// says that page): since 2023 they start `ATATT3` and end `=` + a CRC32 checksum in 8 hex digits
// (see ./checksum.ts). Atlassian revokes tokens it finds in public repositories
// (https://support.atlassian.com/jira/kb/api-tokens-are-revoked-automatically-when-used-in-public-spaces/).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { checkAtlassianChecksum } from './checksum.js';

const apiToken: Rule = {
  id: 'atlassian-api-token',
  provider: 'atlassian',
  title: 'Atlassian API token',
  // The account's access to every Jira, Confluence and Bitbucket site it belongs to.
  severity: 'critical',
  keywords: ['ATATT3'],
  prefixes: ['ATATT3'],
  window: { before: 0, after: 260 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>ATATT3[A-Za-z0-9_-]{150,240}=[A-F0-9]{8})(?![A-Za-z0-9_=-])/,
  validate: checkAtlassianChecksum,
  remediation:
    'Revoke the token at https://id.atlassian.com/manage-profile/security/api-tokens, check the audit logs of the sites it could reach, and create a new one with scopes and an expiry.',
  samples: {
    positive: ['JIRA_API_TOKEN=ATATT3xFfGF0kMzMxswIw_vn82oBlTCmkNLJvF5BonVkQ8AHe9IcUKIniU6hypfbZ2ZGtbj3k9_EVBHW4v2ZpPUHm7W38j8npHQuoFTgg9OT4UvjSxwMaGth3YLchWF3Y8dm_IIvYl5rbxzxi31QzTWPM31I2PoGskwJ1NJvlc2MiTqvcpGukl2=D64BEEA5', "jira = JIRA(server, basic_auth=('ci@acme.dev', 'ATATT3xFfGF0oqwbmkr0kb-hMmD3x0sgldAhWg586u3LoUohNZNJJSwUvndUZ7WiGHI1MT8wNqt-lNjm8tKdpp_wQEUen-QFWrFBHNf0nksjCsIDX5B-wijYCIbHO0qnKTXE5Mtz0HIHyY9gH-X-elxrrcanzeEkvGTPGrJGxQJMaFNtF7t2pv0=7ACAC5E3'))"],
    negative: [
      // One character changed: the checksum no longer matches.
      'JIRA_API_TOKEN=ATATT3xFfGF0kMzNxswIw_vn82oBlTCmkNLJvF5BonVkQ8AHe9IcUKIniU6hypfbZ2ZGtbj3k9_EVBHW4v2ZpPUHm7W38j8npHQuoFTgg9OT4UvjSxwMaGth3YLchWF3Y8dm_IIvYl5rbxzxi31QzTWPM31I2PoGskwJ1NJvlc2MiTqvcpGukl2=D64BEEA5',
      'JIRA_API_TOKEN="ATATT3xFfGF0..."',
      'jira_token = ATATT3xFfGF0-EXAMPLE-NOT-A-REAL-TOKEN',
      // Checksum cut off.
      'JIRA_API_TOKEN=ATATT3xFfGF0kMzMxswIw_vn82oBlTCmkNLJvF5BonVkQ8AHe9IcUKIniU6hypfbZ2ZGtbj3k9_EVBHW4v2ZpPUHm7W38j8npHQuoFTgg9OT4UvjSxwMaGth3YLchWF3Y8dm_IIvYl5rbxzxi31QzTWPM31I2PoGskwJ1NJvlc2MiTqvcpGukl2',
    ],
  },
};

export const atlassian: ProviderDefinition = { id: 'atlassian', name: 'Atlassian', rules: [apiToken] };
