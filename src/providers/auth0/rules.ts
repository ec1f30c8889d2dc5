// Auth0 credentials. Application client secrets (https://auth0.com/docs/get-started/applications/application-settings)
// are 64 base64url characters with no prefix: they count under an Auth0 name (AUTH0_CLIENT_SECRET,
// auth0 clientSecret). Management API tokens (https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens)
// are RS256 JWTs whose issuer is the tenant (`https://<tenant>.auth0.com/`) and whose audience is its
// `/api/v2/`: validate() keeps only those, near the word "auth0".
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { jwtPayload } from '../jwt-payload.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function looksRandom({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const TENANT_ISSUER = /^https:\/\/([a-z0-9][a-z0-9-]{0,62})(?:\.[a-z]{2})?\.auth0\.com\/$/;

function checkManagementToken({ secret }: Candidate): Validation {
  const payload = jwtPayload(secret);
  if (!payload) return { valid: false, reason: 'not a JWT with a JSON payload' };
  const tenant = typeof payload['iss'] === 'string' ? TENANT_ISSUER.exec(payload['iss'])?.[1] : undefined;
  if (!tenant) return { valid: false, reason: 'issuer is no Auth0 tenant' };
  const aud = payload['aud'];
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.some((a) => typeof a === 'string' && a.endsWith('/api/v2/'))) return { valid: false, reason: 'audience is not the Management API' };
  return { valid: true, confidence: 'structure', details: { tenant } };
}

const clientSecret: Rule = {
  id: 'auth0-client-secret',
  provider: 'auth0',
  title: 'Auth0 application client secret',
  severity: 'high',
  keywords: ['auth0'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 400 },
  pattern: new RegExp(String.raw`(?:auth0[A-Za-z0-9_.-]{0,20}?client[_-]?secret|clientSecret|client_secret)["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[A-Za-z0-9_-]{64})${TOKEN_END}`, 'i'),
  minEntropy: 4,
  validate: looksRandom,
  remediation:
    "Rotate the application's client secret in the Auth0 Dashboard (Applications → the application → Settings → Rotate secret, https://manage.auth0.com/) and deploy the new one.",
  samples: {
    positive: [
      'AUTH0_CLIENT_SECRET=jSH4RX0TE7Cz8CON7NyQOIjpKvoMPEipakBOEgI2LpH5DL5yuoiAAQhGpntHb8OQ',
      "const auth0 = new AuthenticationClient({\n  domain: 'acme.eu.auth0.com',\n  clientId: 'Wn3UeK0xTr7c1qZsB9vHLa4m',\n  clientSecret: 'R9MdJVN-9yr2D2IL4X4MDVhbeTaS_Yxzq4iini9sC-Wwsvihj8k4KCZl74dE-kZb',\n});",
    ],
    negative: [
      // No Auth0 context.
      'CLIENT_SECRET=jSH4RX0TE7Cz8CON7NyQOIjpKvoMPEipakBOEgI2LpH5DL5yuoiAAQhGpntHb8OQ',
      'AUTH0_CLIENT_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'AUTH0_CLIENT_SECRET=<your client secret>',
      // Cut short.
      'AUTH0_CLIENT_SECRET=jSH4RX0TE7Cz8CON7NyQOIjpKvoMPEipakBOEgI2LpH5DL5yuoiAAQ',
    ],
  },
};

const managementToken: Rule = {
  id: 'auth0-management-api-token',
  provider: 'auth0',
  title: 'Auth0 Management API token',
  severity: 'critical',
  keywords: ['auth0'],
  keywordsIgnoreCase: true,
  window: { before: 100, after: 2500 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>eyJ[A-Za-z0-9_-]{10,300}\.eyJ[A-Za-z0-9_-]{20,2000}\.[A-Za-z0-9_-]{20,700})${TOKEN_END}`),
  validate: checkManagementToken,
  remediation:
    'Revoke the token by rotating the signing key or deleting the machine-to-machine grant that issued it (Applications → APIs → Auth0 Management API → Machine to Machine Applications, https://manage.auth0.com/), and review the tenant logs for changes.',
  samples: {
    positive: [
      'AUTH0_MANAGEMENT_TOKEN=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImdUSDN1Z3ZxbTZ4WHZPZE9CRWdUYjkifQ.eyJpc3MiOiJodHRwczovL2FjbWUtcHJvZC51cy5hdXRoMC5jb20vIiwic3ViIjoick5QTE9CekhRWFZrR3ZocTRUcmZ3Q1JNanpBblpFcE5AY2xpZW50cyIsImF1ZCI6Imh0dHBzOi8vYWNtZS1wcm9kLnVzLmF1dGgwLmNvbS9hcGkvdjIvIiwiaWF0IjoxNzMwMjY4MDM5LCJleHAiOjE3MzAzNjM4ODksInNjb3BlIjoicmVhZDp1c2VycyB1cGRhdGU6dXNlcnMiLCJndHkiOiJjbGllbnQtY3JlZGVudGlhbHMiLCJhenAiOiJDcXdnMzJwRE1RUkQ1ZGR3blY5MnJ3amNJMzV5TEd3NiJ9.qaF1yFOBnS3029qCP_c2BdGZE-D8wFQqHOFRLLG_ZHmP4vBHBo6Rmshq54kC325t-L2LNK8x9Cex3XGBMU5zseJRpw2UWpdfhQ5X8B755r4sokyBvy7m1R_aUeyV-KUJx4JjOr4CkXQPkTU63pj64ExhHn4CSJjBiwa0ynGkGxmCNV_stW4bsDfypB6MtGk9Hbus7nwHmpuSjQokiiq3sUyQD0iUI5Sx1nBc0JTfBvzH2gr49WXby3Fwr0wXqCTNdgfTS6RPYH-ehPwniFbvZ0Nx9Upknq73va7F3ABzp4PxnOSIL9CU03LBRUUNQaTj7kk7FlkUIDmBYvO4HqK6d9',
      "const management = new ManagementClient({ domain: 'acme-prod.us.auth0.com', token: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IktmMDdJS1V3LVVBamlGSnpQcmN6VGUifQ.eyJpc3MiOiJodHRwczovL2FjbWUtcHJvZC51cy5hdXRoMC5jb20vIiwic3ViIjoieXpIcEhKVklETDlNMEhiRTNJaUlJbXhkM0V2UnViVzVAY2xpZW50cyIsImF1ZCI6Imh0dHBzOi8vYWNtZS1wcm9kLnVzLmF1dGgwLmNvbS9hcGkvdjIvIiwiaWF0IjoxNzMwNjk5NTIxLCJleHAiOjE3MzA4NzQwNDUsInNjb3BlIjoicmVhZDp1c2VycyB1cGRhdGU6dXNlcnMiLCJndHkiOiJjbGllbnQtY3JlZGVudGlhbHMiLCJhenAiOiJic2tBMUI2ckNuSEJwOUNBYVcyN0xDRFF5RmROUmFHSSJ9.Ad3iJ2b6YyYtMnbZisnKJ9cYfKm5lafFG0DmXl8GBzINpmaMHUI0ycENu7vtGFmgC38vxPMNnEkthcABorjAWx10TQqwijtEFl0jCC-xPqktTS6C8LX5b6tZank9pXZcRMxKn38A4Hn2n2xdNA706W3ODp9kKaMwt8QwzQM2ZYRncJrlf5ooco-b_J2g714MMr0pt_QlKoZP5hzQtmfctphxxeUFo8phiJ_XnIZXFGoJXMteMqGXlj1TXM2W6AA3nq3yMLPyOrUyT_4QZWWZk1PsGecSKuLQLkLnCl8itDKOYs03oa0hSuC3AtfVEH_WpMV9rz2CEh6Q8RFioK9Lmk' });",
    ],
    negative: [
      // An access token for the application's own API, not the Management API.
      'AUTH0_ACCESS_TOKEN=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2FjbWUtcHJvZC51cy5hdXRoMC5jb20vIiwiYXVkIjoiaHR0cHM6Ly9hcGkuYWNtZS5leGFtcGxlLyIsInN1YiI6InVzZXIifQ.qaF1yFOBnS3029qCP_c2BdGZE-D8wFQqHOFRLLG_ZHmP4vBHBo6Rmshq54kC325t',
      'AUTH0_MANAGEMENT_TOKEN=eyJ...',
      'AUTH0_MANAGEMENT_TOKEN=<management api token>',
      // Another issuer's JWT beside the word.
      'AUTH0_MANAGEMENT_TOKEN=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InBueHZieHBteWtpbnB5Z3Vyc2J2Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSJ9.VQ1kDO5OFrZ8xI36GvZRe_r5n77Opx4i1BiFAhUOPOc',
    ],
  },
};

export const auth0: ProviderDefinition = { id: 'auth0', name: 'Auth0', rules: [clientSecret, managementToken] };
