// Lemon Squeezy API keys (https://docs.lemonsqueezy.com/api/getting-started/requests#authentication):
// JSON Web Tokens signed with RS256, sent as Bearer tokens. A JWT is not a secret by its shape
// (most are short-lived session tokens), so a key counts near Lemon Squeezy's name, with the RS256
// header every key carries and claims that say it is an access token (a subject and a token id).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

/** {"typ":"JWT","alg":"RS256"}, base64url-encoded: the header of every Lemon Squeezy key. */
const HEADER = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9';

function decodeClaims(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function checkClaims({ groups }: Candidate): Validation {
  const claims = decodeClaims(groups['payload'] ?? '');
  if (typeof claims !== 'object' || claims === null) return { valid: false, reason: 'payload is not JSON' };
  const { sub, jti } = claims as Record<string, unknown>;
  return typeof sub === 'string' && typeof jti === 'string' ? { valid: true, confidence: 'structure' } : { valid: false, reason: 'no subject and token id: not an API key' };
}

const apiKey: Rule = {
  id: 'lemonsqueezy-api-key',
  provider: 'lemonsqueezy',
  title: 'Lemon Squeezy API key',
  severity: 'high',
  keywords: ['lemonsqueezy', 'lemon_squeezy', 'lemon-squeezy', 'lemon squeezy'],
  keywordsIgnoreCase: true,
  prefixes: [HEADER],
  window: { before: 300, after: 2100 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>${HEADER}\.(?<payload>[A-Za-z0-9_-]{40,1500})\.[A-Za-z0-9_-]{300,700})${TOKEN_END}`),
  minEntropy: 4,
  validate: checkClaims,
  remediation:
    'Delete the key in Lemon Squeezy (Settings → API, https://app.lemonsqueezy.com/settings/api), create a new one, deploy it, and review the store\'s orders, subscriptions and payouts for changes you did not make.',
  samples: {
    positive: [
      'LEMONSQUEEZY_API_KEY=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIwZDUxYjc4Ny0xNTQzLTRmZDYtOTAzZi05NzRmZjgwYWY1NGUiLCJqdGkiOiJjZTk1OGUyNGFkY2Q1ZGI1ZGM3YTg3MjUyNTQ2NTAzNTE4YzFjZjJlYjRmZTMzMDM4ZTQyYjE1ZmY3N2MwNTA3MmY3OGQ3Y2ZmMGI3NGYwMyIsImlhdCI6MTczMDAwMDAwMC4xMjM0NTYsIm5iZiI6MTczMDAwMDAwMC4xMjM0NTksImV4cCI6MTc2MTUzNjAwMCwic3ViIjoiMTAwMDAwIiwic2NvcGVzIjpbXX0.baUaq3HRTT8cKVjG5auaQ75AB0BxdP2po9etWENrljYVXZUwwkxYuh46_dPCYGl-kvCyMEpqsP3v1Osf0eVvg0BXMnqp5qjmi8sn9iIzRxW7C8VX6kYig2WlY34CHt5nKWK30xTh6dG8zowSRZ2bMKKsDby1fkAGmaRffzYNS0on3Rdbl3yp_4oJ0qNvnWyCwwofcvWg-MlcyCcy1fkbSfPemBy_6STePd1OOYUxQqR0Jtrj8CFAZX511tsjYfn9StYegKupcjSn2aspiMEV3BohIPZeFYH71YE-JzzFk7pwsjl54KQOESxL7NfW8ie7Wu-gLnGgY0AelbB5FlvvsA',
      "import { lemonSqueezySetup } from '@lemonsqueezy/lemonsqueezy.js';\nlemonSqueezySetup({ apiKey: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJjYTc3YzNhNC0zMjYwLTQzMjItOGQwOS05ZWViN2I0ZDRlMmQiLCJqdGkiOiI3ZjAzYzk2NGZmMmVlNTgxNTQ5NmY0NThiMWY1YTQ4MTc2NDEzYjZkOWIwZTJiZTdlM2Q1MDBjYzE5N2RmODg2MDZkYmZiZWIwOWE3ZTA4ZiIsImlhdCI6MTczMzE5NjgwMC4xMjM0NTYsIm5iZiI6MTczMzE5NjgwMC4xMjM0NTksImV4cCI6MTc2NDczMjgwMCwic3ViIjoiMTA3MzMxIiwic2NvcGVzIjpbXX0.eqJxXaDpmGcHKRq83pVUcfdaHjaVuqjD2CIkvt_7PDYGabkutE06JDWJ7XTpr5xfPxB7Y0wX0j-r9uCM9UAmErGhBzP29MIHHDQ-E8eshcfuTHkgqFIlCxSqWF2MU7Qc8eK3BbtnVmvSCO1EcEDBIVyyZXv0qYwGfm82JMimq8Buc1ktgt_JjrSBHa7QH4GOzB0k-8aaT8CSzO55TV7J0L6462gm9AJaVDL6d7Qb815KoWN_LcckRqE7ORH4SjC1SswLOkTdNtP4OSBo2U-pL6A-yXXgtHqSDuLt39Lsxygn1LIi0SKxMB8k6OebuKRETTszITPAZOPOt2lDKMrL_g' });",
    ],
    negative: [
      'LEMONSQUEEZY_API_KEY=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9...',
      'LEMONSQUEEZY_API_KEY=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.xxxxx',
      // A JWT without the claims of an access token.
      'LEMONSQUEEZY_DEMO_TOKEN=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIiwibmFtZSI6ImRlbW8iLCJpYXQiOjE3MzYzOTM2MDB9.NGV3RmQk5Q7YE02q6VeppxkY8QlFj-UXdvG0iMjWRlbwwgEySz9Ebsa3qfze_25XNE36Njd-pjx4AmBZD0_ld3X6mdtqdwEKk0lxnCd4_U_-gI-vCFnilgBFST68Idq3Ki-mqHDyF11jQvcAj5phlG92yDHnC8RD0ZMKZUmO6nNNh5YnAv1FvymPwWRrv-9CWOzo9_ZL0UBUxXL9UI6izAk5t6LaUr_GMSs0hKfOecjmU0YsodAppM7eI7ZEqRFN9ZScYyY1XY_iJw5QZcgRq6ulrEfOWYX6ovI_A42ZJABxOC2RwErQ7FbsYawkiapqyYtYKYELqTf2ICEqRiJW1A',
      // No Lemon Squeezy context.
      'TOKEN=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIwZDUxYjc4Ny0xNTQzLTRmZDYtOTAzZi05NzRmZjgwYWY1NGUiLCJqdGkiOiJjZTk1OGUyNGFkY2Q1ZGI1ZGM3YTg3MjUyNTQ2NTAzNTE4YzFjZjJlYjRmZTMzMDM4ZTQyYjE1ZmY3N2MwNTA3MmY3OGQ3Y2ZmMGI3NGYwMyIsImlhdCI6MTczMDAwMDAwMC4xMjM0NTYsIm5iZiI6MTczMDAwMDAwMC4xMjM0NTksImV4cCI6MTc2MTUzNjAwMCwic3ViIjoiMTAwMDAwIiwic2NvcGVzIjpbXX0.baUaq3HRTT8cKVjG5auaQ75AB0BxdP2po9etWENrljYVXZUwwkxYuh46_dPCYGl-kvCyMEpqsP3v1Osf0eVvg0BXMnqp5qjmi8sn9iIzRxW7C8VX6kYig2WlY34CHt5nKWK30xTh6dG8zowSRZ2bMKKsDby1fkAGmaRffzYNS0on3Rdbl3yp_4oJ0qNvnWyCwwofcvWg-MlcyCcy1fkbSfPemBy_6STePd1OOYUxQqR0Jtrj8CFAZX511tsjYfn9StYegKupcjSn2aspiMEV3BohIPZeFYH71YE-JzzFk7pwsjl54KQOESxL7NfW8ie7Wu-gLnGgY0AelbB5FlvvsA',
    ],
  },
};

export const lemonsqueezy: ProviderDefinition = { id: 'lemonsqueezy', name: 'Lemon Squeezy', rules: [apiKey] };
