// JetBrains TeamCity access tokens (https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens),
// sent as `Authorization: Bearer`: three base64 parts joined by dots like a JWT, but the header is
// always `{"typ": "TCV2"}` (`eyJ0eXAiOiAiVENWMiJ9`), the second part encodes the token's
// 27-character id and the third a UUID, which validate() decodes.
import { decodeBase64, decodeBase64Url } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const HEADER = 'eyJ0eXAiOiAiVENWMiJ9';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodePart(part: string): string | undefined {
  return (decodeBase64(part) ?? decodeBase64Url(part))?.toString('latin1');
}

function checkStructure({ secret }: Candidate): Validation {
  const [, id = '', uuid = ''] = secret.split('.');
  if (!/^[A-Za-z0-9_-]{27}$/.test(decodePart(id) ?? '')) return { valid: false, reason: 'second part does not decode to a token id' };
  if (!UUID.test(decodePart(uuid) ?? '')) return { valid: false, reason: 'third part does not decode to a UUID' };
  return { valid: true, confidence: 'structure' };
}

const accessToken: Rule = {
  id: 'teamcity-access-token',
  provider: 'teamcity',
  title: 'TeamCity access token',
  severity: 'high',
  keywords: [HEADER],
  prefixes: [`${HEADER}.`],
  window: { before: 0, after: 110 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_.-])(?<secret>${HEADER}\.[A-Za-z0-9+/_-]{36}\.[A-Za-z0-9+/_-]{48})(?![A-Za-z0-9+/_=.-])`),
  validate: checkStructure,
  remediation:
    'Delete the token on its owner\'s TeamCity profile (Profile → Access Tokens, https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens), check the server\'s audit log for its use, and create a new token with an expiry and limited permissions.',
  samples: {
    positive: [
      'TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.VjFhdGJNSTd0Y25NOVVlWVZXMDlZWEhTLWtl.NWVkNTg5M2ItYTIzZS00ZTYzLWE4MGYtMTdjZjIzYzJmYzNh',
      'curl -H "Authorization: Bearer eyJ0eXAiOiAiVENWMiJ9.X1B5bjdvaTlaZ3VkNGJJMHVHVms1eWxZRnN2.ODg4NDM1NTYtMDI0MC00MTE3LWJjMjQtYzUzMTgxYmIxOWNj" https://ci.example.com/app/rest/builds',
    ],
    negative: [
      '$env:TC_TOKEN="eyJ0eXAiOiAiVENWMiJ9..."',
      // The third part does not decode to a UUID.
      'TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.VjFhdGJNSTd0Y25NOVVlWVZXMDlZWEhTLWtl.QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB',
      // Truncated.
      'TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.VjFhdGJNSTd0Y25NOVVlWVZXMDlZWEhTLWtl.NWVkNTg5M2ItYTIzZS00ZTYzLWE4MGYtMTdjZjIzYzJm',
    ],
  },
};

export const teamcity: ProviderDefinition = { id: 'teamcity', name: 'JetBrains TeamCity', rules: [accessToken] };
