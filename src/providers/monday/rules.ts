// monday.com personal API tokens (https://developer.monday.com/api-reference/docs/authentication):
// "personal V2 API tokens" with no documented length, issued as HS256 JWTs whose payload starts with
// the account's `tid` and carries the user id (`uid`), the account id (`actid`) and the permission
// (`per`, "me:write"). The keyword is the base64url of `{"tid":`, how the payload begins; validate()
// decodes it and keeps only tokens with monday's claims, never another issuer's JWT.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { jwtPayload } from '../jwt-payload.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function checkClaims({ secret }: Candidate): Validation {
  const payload = jwtPayload(secret);
  if (!payload) return { valid: false, reason: 'not a JWT with a JSON payload' };
  const { tid, uid, actid, per } = payload;
  if (typeof tid !== 'number' || typeof uid !== 'number' || typeof actid !== 'number') return { valid: false, reason: 'no numeric tid, uid and actid claims' };
  if (typeof per !== 'string' || !/^me:(?:write|read)$/.test(per)) return { valid: false, reason: 'no monday permission claim' };
  return { valid: true, confidence: 'structure', details: { account: String(actid), user: String(uid) } };
}

const apiToken: Rule = {
  id: 'monday-api-token',
  provider: 'monday',
  title: 'monday.com personal API token',
  severity: 'high',
  keywords: ['eyJ0aWQiOj'],
  window: { before: 120, after: 600 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>eyJ[A-Za-z0-9_-]{10,100}\.eyJ0aWQiOj[A-Za-z0-9_-]{20,500}\.[A-Za-z0-9_-]{20,100})${TOKEN_END}`),
  validate: checkClaims,
  remediation:
    'Regenerate the token in monday.com (profile picture → Developers → My access tokens → Regenerate, https://developer.monday.com/api-reference/docs/authentication): the old one stops working at once; then review the boards its user can change.',
  samples: {
    positive: [
      'MONDAY_API_TOKEN=eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOjk0MDExNDY5MiwiYWFpIjoxMSwidWlkIjoyODYwMjIxNSwiaWFkIjoiMjAyNS0wMS0xOVQxMDoyNDoyNC4wMDBaIiwicGVyIjoibWU6d3JpdGUiLCJhY3RpZCI6MTEzMjk2MTEsInJnbiI6InVzZTEifQ.wREG8SVOviRt9b8uYbkURQCu8gBKs4bTDbULLCn9TZ9',
      "headers = {'Authorization': 'eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOjY1NTkyNjc3MiwiYWFpIjoxMSwidWlkIjozMzY5MTgwNSwiaWFkIjoiMjAyNS0wNC0xMlQxMDozOToyOS4wMDBaIiwicGVyIjoibWU6d3JpdGUiLCJhY3RpZCI6ODQ0NDg5MjksInJnbiI6InVzZTEifQ.FODr5Z2LIRGQnkg3IoZikbpp4Erip_NbZJbZJ6ZHyMF', 'API-Version': '2024-10'}",
    ],
    negative: [
      // A JWT whose payload starts with a tid but is some other issuer's (no monday claims).
      'ID_TOKEN=eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOiI3MmY5ODhiZi04NmYxLTQxYWYtOTFhYi0yZDdjZDAxMWRiNDciLCJzdWIiOiJ1c2VyIn0.wREG8SVOviRt9b8uYbkURQCu8gBKs4bTDbULLCn9TZ9',
      'MONDAY_API_TOKEN=eyJ...',
      'MONDAY_API_TOKEN=<your API token>',
      // The payload cut off: not JSON.
      'MONDAY_API_TOKEN=eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOjk0MDExNDY5MiwiYWFpIjoxMSwidWlkIjoyODYwMjIxNSwiaWFkIjoiMjAyNS0wMS0xOVQxMDoy.wREG8SVOviRt9b8uYbkURQCu8gBKs4bTDbULLCn9TZ9',
    ],
  },
};

export const monday: ProviderDefinition = { id: 'monday', name: 'monday.com', rules: [apiToken] };
