// Bitbucket Cloud repository, project and workspace access tokens
// (https://support.atlassian.com/bitbucket-cloud/docs/using-workspace-access-tokens/,
// https://confluence.atlassian.com/bitbucket/downloads-resource-812221853.html): `ATCTT3` and, like Atlassian's
// API tokens, `=` + a CRC32 checksum in 8 hex digits at the end (checked by validate()). App
// passwords (`ATBB`) are left out: Bitbucket disabled them in June 2026 and their checksum is not
// known, so a match could not be told from a look-alike.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { checkAtlassianChecksum } from '../atlassian/checksum.js';

const accessToken: Rule = {
  id: 'bitbucket-access-token',
  provider: 'bitbucket',
  title: 'Bitbucket access token (repository, project or workspace)',
  severity: 'critical',
  keywords: ['ATCTT3'],
  prefixes: ['ATCTT3'],
  window: { before: 0, after: 260 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>ATCTT3[A-Za-z0-9_-]{150,240}=[A-F0-9]{8})(?![A-Za-z0-9_=-])/,
  validate: checkAtlassianChecksum,
  remediation:
    'Revoke the token in Bitbucket (the repository, project or workspace settings → Access tokens, as described at https://support.atlassian.com/bitbucket-cloud/docs/using-workspace-access-tokens/), check the repositories it could reach for pushes you did not make, and create a new one.',
  samples: {
    positive: [
      'git clone https://x-token-auth:ATCTT3xFfGN0gnQem3mHK6dyLST7WUbLpuF4YkkP0tDWBX70ppuaTgsCHxziKshDATqhn0O9mn9T8N4oDljfpa7n2iJ9X38t-LCK938Gls9-xwsixEyyhbiInzviPZ8UFwX8vtb7oj3doEOuNAv4xg_uEMTZcIPwzs7NKdXvviJY5Cmk--yzTbg=98D2605B@bitbucket.org/acme/app.git',
      'BITBUCKET_TOKEN="ATCTT3xFfGN0oq7iN6umEQRPu1xmh5AazW-QHieLq6FfgQ8Y499nN9ULRQeM8wkFiXOAnC5IsT-IDKZsCigpjURk8TvV69UkGnyq1Zeare-ff38YBqRHS2n8nhrK258SqWwGsX6PjZLXzBuWpKNYY39T5ok7psdHOOZJtlb-jGgbgSIMtoGfGwY=8B185E91"',
    ],
    negative: [
      'BITBUCKET_TOKEN="ATCTT3xFfGN0oq7jN6umEQRPu1xmh5AazW-QHieLq6FfgQ8Y499nN9ULRQeM8wkFiXOAnC5IsT-IDKZsCigpjURk8TvV69UkGnyq1Zeare-ff38YBqRHS2n8nhrK258SqWwGsX6PjZLXzBuWpKNYY39T5ok7psdHOOZJtlb-jGgbgSIMtoGfGwY=8B185E91"',
      'BITBUCKET_TOKEN="ATCTT3xFfGN0<token>"',
      'BITBUCKET_TOKEN="ATCTT3xFfGN0oq7iN6umEQRPu1xmh5AazW-QHieLq6FfgQ8Y499nN9ULRQeM8wkFiXOAnC5IsT-IDKZsCigpjURk8TvV69UkGnyq1Zeare-ff38YBqRHS2n8nhrK258SqWwGsX6PjZLXzBuWpKNYY39T5ok7psdHOOZJtlb-jGgbgSIMtoGfGwY"',
    ],
  },
};

export const bitbucket: ProviderDefinition = { id: 'bitbucket', name: 'Bitbucket', rules: [accessToken] };
