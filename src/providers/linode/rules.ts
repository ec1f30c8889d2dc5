// Linode (Akamai Cloud) personal access tokens
// (https://techdocs.akamai.com/linode-api/reference/post-personal-access-token,
// https://techdocs.akamai.com/linode-api/reference/api-workflow): sent as `Authorization: Bearer`,
// 64 lower-case hex digits as issued, with no prefix. 64 hex digits alone are a SHA-256, so a token
// is a finding only when assigned to a Linode-named token or key (LINODE_TOKEN, linode_api_token,
// LINODE_CLI_TOKEN…).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkHex({ secret }: Candidate): Validation {
  return /^[0-9]+$|^[a-f]+$/.test(secret) ? { valid: false, reason: 'not random hex' } : { valid: true };
}

const personalAccessToken: Rule = {
  id: 'linode-personal-access-token',
  provider: 'linode',
  title: 'Linode personal access token',
  severity: 'critical',
  keywords: ['linode'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 120 },
  pattern: new RegExp(String.raw`linode[A-Za-z0-9_.-]{0,24}(?:token|key|pat)${ASSIGN}(?<secret>[0-9a-f]{64})(?![0-9A-Za-z])`, 'i'),
  minEntropy: 3.5,
  validate: checkHex,
  remediation:
    'Revoke the token in Cloud Manager (My Profile → API Tokens, https://cloud.linode.com/profile/tokens), check the account\'s events for changes it made, and create a new token with only the scopes needed and an expiry.',
  samples: {
    positive: [
      'LINODE_TOKEN=a37ed2c940bfcecf59b275f6deb39c8ed54a72ff6371985baaf2507c8eb43e60',
      'linode_api_token: "dcd5f12603e34b98b61dbba108cba0a850bd760b99a0f51433870d560dc53e90"',
      '[DEFAULT]\nlinode_cli_token = 2ad5df4eb60e7994ee6cbcff44b5eb1a67bd51ae44774d0167063bf0533eb64a',
      // .NET Web.config appSettings.
      '<appSettings>\n  <add key="LinodeToken" value="835447d7c50f20e079367c22cf29ee9a461e5fe8e53437d6ede1e28d50878ce3" />\n</appSettings>',
    ],
    negative: [
      // A SHA-256 with no Linode token named.
      'sha256 = "a37ed2c940bfcecf59b275f6deb39c8ed54a72ff6371985baaf2507c8eb43e60"',
      'LINODE_TOKEN=<your personal access token>',
      'LINODE_TOKEN=0000000000000000000000000000000000000000000000000000000000000000',
      // An image checksum, named as such.
      'linode_image_sha256 = "dcd5f12603e34b98b61dbba108cba0a850bd760b99a0f51433870d560dc53e90"',
    ],
  },
};

export const linode: ProviderDefinition = { id: 'linode', name: 'Linode (Akamai)', rules: [personalAccessToken] };
