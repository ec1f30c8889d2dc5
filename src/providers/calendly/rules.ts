// Calendly personal access tokens and OAuth access tokens (https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens):
// JWTs issued by `https://auth.calendly.com`, whose payload starts with that issuer. The keyword is
// the base64url of `{"iss":"https://auth.calendly.com`, how the payload begins; validate() decodes
// it and checks the issuer.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { jwtPayload } from '../jwt-payload.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function checkIssuer({ secret }: Candidate): Validation {
  const payload = jwtPayload(secret);
  if (!payload) return { valid: false, reason: 'not a JWT with a JSON payload' };
  return payload['iss'] === 'https://auth.calendly.com' ? { valid: true, confidence: 'structure' } : { valid: false, reason: 'issuer is not auth.calendly.com' };
}

const accessToken: Rule = {
  id: 'calendly-access-token',
  provider: 'calendly',
  title: 'Calendly personal access token',
  severity: 'high',
  keywords: ['eyJpc3MiOiJodHRwczovL2F1dGguY2FsZW5kbHkuY29t'],
  window: { before: 200, after: 1200 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>eyJ[A-Za-z0-9_-]{10,200}\.eyJpc3MiOiJodHRwczovL2F1dGguY2FsZW5kbHkuY29t[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{20,400})${TOKEN_END}`),
  validate: checkIssuer,
  remediation:
    'Delete the token in Calendly (Integrations & apps → API and webhooks → Personal access tokens, https://calendly.com/integrations/api_webhooks), generate a new one, and check the webhook subscriptions it could create.',
  samples: {
    positive: [
      'CALENDLY_TOKEN=eyJraWQiOiIxY2UxZTEzNiIsInR5cCI6IlBBVCIsImFsZyI6IkVTNTEyIn0.eyJpc3MiOiJodHRwczovL2F1dGguY2FsZW5kbHkuY29tIiwiaWF0IjoxNzMwOTI1NjMwLCJqdGkiOiIyMjBlNTcxZC0wYmI0LTQ5ODAtYjBiNy1mZDk5MDAwOTNmMDEiLCJ1c2VyX3V1aWQiOiJjOTVjMWIyNS05ZGUxLTQ1NDEtYjE5MC02YzVhNzIzMzlmYjcifQ.BOMNT1TiiZfbage9bBhLfHYRhx6GLbQXMRkOhpQ6QywGXPp2zxCyV6UvPhM23orMQtPnme2pdkP8BftDYkuvR8olyy7aplz9fbNqp9ZPJdEU74I2HL_8iLgBgGNVundz1lfnPPXMfXbEVqmOJW9LHmt24I8oq_PBvbnAGEmHge8K4kYS',
      'curl https://api.calendly.com/users/me -H "Authorization: Bearer eyJraWQiOiIxY2UxZTEzNiIsInR5cCI6IlBBVCIsImFsZyI6IkVTNTEyIn0.eyJpc3MiOiJodHRwczovL2F1dGguY2FsZW5kbHkuY29tIiwiaWF0IjoxNzMwMTAzNTQ2LCJqdGkiOiJiYTFkNTBmZi05MGZmLTQ4NDItODFkOS03MjA2NGE1MTlmYzMiLCJ1c2VyX3V1aWQiOiIwZmU2OTBlMS0yNTVjLTQ0YzUtYTI2Ni05YjYzMTI1YTE1OGQifQ.mGew06Wl-fJAvsk58VggZnXmyewfGiiVKq-GOyb9fsEUn8CTz1h8hOD5K_lUxF-a_2Yj9yvsPBp3aX8n8ZP_Fe386sxdenW0_uN4DED9-dM4xjWgPDJY1KDvg_c8dmA33tEzY_F_i_jP7n7nMVeFtjZ7_dEr40xdL4VU6IdGorW8NQtG"',
    ],
    negative: [
      // Another host under calendly.com as issuer.
      'TOKEN=eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJodHRwczovL2F1dGguY2FsZW5kbHkuY29tLmV2aWwuZXhhbXBsZSIsInN1YiI6IngifQ.EtEqm251xie9CMjen9NPBqMxHdvbKdWS2OAJwoMINT4',
      'CALENDLY_TOKEN=eyJ...',
      'CALENDLY_TOKEN=<personal access token>',
      // The payload cut off: not JSON.
      'CALENDLY_TOKEN=eyJraWQiOiIxY2UxZTEzNiIsInR5cCI6IlBBVCIsImFsZyI6IkVTNTEyIn0.eyJpc3MiOiJodHRwczovL2F1dGguY2FsZW5kbHkuY29tIiwiaWF0IjoxNzMw.EtEqm251xie9CMjen9NPBqMxHdvbKdWS2OAJwoMINT49fawlCA7MTRLOKFZ',
    ],
  },
};

export const calendly: ProviderDefinition = { id: 'calendly', name: 'Calendly', rules: [accessToken] };
