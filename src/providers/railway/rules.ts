// Railway API tokens (https://docs.railway.com/reference/public-api#creating-a-token): account,
// workspace and project tokens, created in the dashboard and read by the CLI from RAILWAY_TOKEN
// (project) or RAILWAY_API_TOKEN (account or workspace). They are UUIDs with no prefix, so a token
// is a finding only when assigned to a Railway-named token; a project or service ID never is.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;

function checkUuid({ secret }: Candidate): Validation {
  return new Set(secret.replaceAll('-', '')).size < 6 ? { valid: false, reason: 'a placeholder UUID' } : { valid: true };
}

const apiToken: Rule = {
  id: 'railway-api-token',
  provider: 'railway',
  title: 'Railway API token',
  severity: 'critical',
  keywords: ['railway'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 110 },
  pattern: new RegExp(String.raw`railway[A-Za-z0-9_.-]{0,24}token${ASSIGN}(?<secret>${UUID})(?![0-9A-Za-z-])`, 'i'),
  validate: checkUuid,
  remediation:
    'Delete the token on the account tokens page (https://railway.com/account/tokens) or, for a project token, in the project settings under Tokens, and check the deployments and variables it could change.',
  samples: {
    positive: [
      'RAILWAY_TOKEN=67e880e0-8462-4a19-9f94-1eed9e884e2d',
      '      RAILWAY_API_TOKEN: "817c16ee-5b15-4394-851d-99580b51edbd"',
      "const railwayToken = '257e66b4-e07e-44e1-9fb7-fa8c65896d1b';",
    ],
    negative: [
      'RAILWAY_PROJECT_ID=67e880e0-8462-4a19-9f94-1eed9e884e2d',
      'RAILWAY_TOKEN=${{ secrets.RAILWAY_TOKEN }}',
      'RAILWAY_TOKEN=00000000-0000-0000-0000-000000000000',
      // A UUID with no Railway token named.
      'SESSION_TOKEN=817c16ee-5b15-4394-851d-99580b51edbd',
    ],
  },
};

export const railway: ProviderDefinition = { id: 'railway', name: 'Railway', rules: [apiToken] };
