// Trello user tokens (https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/):
// tokens issued since 2023 start `ATTA`, then 64 lower-case hex characters and 8 upper-case hex
// ones (their check value). Older 64-hex tokens have no prefix and are left out: without one they
// are any SHA-256.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const userToken: Rule = {
  id: 'trello-user-token',
  provider: 'trello',
  title: 'Trello user token',
  severity: 'high',
  keywords: ['ATTA'],
  prefixes: ['ATTA'],
  window: { before: 0, after: 80 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>ATTA[a-f0-9]{64}[A-F0-9]{8})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Revoke the token in Trello (account → Settings → Applications → Revoke, https://trello.com/my/account) and authorize the integration again for a new one.',
  samples: {
    positive: [
      'TRELLO_TOKEN=ATTA051cd006c9695fb109dc11709d46a736cfc76cd8110ccadc74242c6dc53b473cC197BF3A',
      'curl "https://api.trello.com/1/members/me/boards?key=3f9a2c81d07e4b56a1c9e2f04b7d8a63&token=ATTAf2cc58323c246b3868cda69ed51d37f673f32e4cf257636fa043c3f72aa61f6dBC7CB95C"',
    ],
    negative: [
      'const ATTACHMENT_LIMIT = 10;',
      'TRELLO_TOKEN=ATTAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TRELLO_TOKEN=ATTA<your token>',
      // Cut short.
      'TRELLO_TOKEN=ATTA4496a820f44cf6926a285d832af81432a9a708c8f7450283ac7092cde1538ad34',
    ],
  },
};

export const trello: ProviderDefinition = { id: 'trello', name: 'Trello', rules: [userToken] };
