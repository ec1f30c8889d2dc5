// Supabase secret API keys (https://supabase.com/docs/guides/api/api-keys): `sb_secret_` keys,
// which bypass Row Level Security, and the legacy `service_role` JWT they replace. Publishable keys
// (`sb_publishable_`) and legacy `anon` JWTs are meant to be public and are not findings.
// A secret key is `sb_secret_`, 22 base64url characters, `_` and 8 more (as the Supabase CLI's
// local default shows); no checksum is published. A legacy key is an HS256 JWT whose payload says
// who issued it and for which role ({"iss":"supabase","ref":"<project>","role":"service_role",…}):
// validate() decodes it and keeps only service_role keys, never the CLI's public demo keys
// (issuer `supabase-demo`).
import { decodeBase64Url } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** The secret key every local `supabase start` prints: public, in Supabase's own docs and CLI. */
const LOCAL_DEVELOPMENT_KEY = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

const REMEDIATION =
  "Rotate the key in the project's Settings → API Keys (https://supabase.com/dashboard/project/_/settings/api-keys): delete the secret key, or for a legacy service_role key roll the JWT secret or move to new API keys; then check the data it could read and write, since it bypasses Row Level Security.";

function checkSecretKey({ secret }: Candidate): Validation {
  return secret === LOCAL_DEVELOPMENT_KEY ? { valid: false, reason: 'the Supabase CLI local development key' } : { valid: true };
}

const secretKey: Rule = {
  id: 'supabase-secret-key',
  provider: 'supabase',
  title: 'Supabase secret API key',
  severity: 'critical',
  keywords: ['sb_secret_'],
  prefixes: ['sb_secret_'],
  window: { before: 0, after: 41 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sb_secret_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: checkSecretKey,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'SUPABASE_SECRET_KEY=sb_secret_lfS2_ib3qYxxzGoy9Bj4RQ_BdWOvvPK',
      "const supabase = createClient(url, 'sb_secret_3B9Qtw-bExNHg_ami8yLBQ_pC1CYovl');",
    ],
    negative: [
      'SUPABASE_SECRET_KEY=sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz',
      'SUPABASE_SECRET_KEY=sb_secret_...',
      'SUPABASE_SECRET_KEY=sb_secret_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxx',
      // The last part cut short.
      'SUPABASE_SECRET_KEY=sb_secret_lfS2_ib3qYxxzGoy9Bj4RQ_BdWOvv',
      'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=sb_publishable_lfS2_ib3qYxxzGoy9Bj4RQ_BdWOvvPK',
    ],
  },
};

/** The payload of a JWT as an object, or undefined. */
function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const bytes = decodeBase64Url(parts[1]!);
  if (!bytes || !decodeBase64Url(parts[0]!) || !decodeBase64Url(parts[2]!)) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function checkServiceRoleJwt({ secret }: Candidate): Validation {
  const payload = jwtPayload(secret);
  if (!payload) return { valid: false, reason: 'not a JWT with a JSON payload' };
  if (payload['iss'] !== 'supabase') return { valid: false, reason: `issuer is ${String(payload['iss']).slice(0, 40)}, not supabase` };
  if (payload['role'] !== 'service_role') return { valid: false, reason: `role is ${String(payload['role']).slice(0, 40)}, not service_role` };
  const ref = payload['ref'];
  return { valid: true, confidence: 'structure', details: typeof ref === 'string' && /^[a-z0-9]{1,40}$/.test(ref) ? { project: ref } : {} };
}

const serviceRoleJwt: Rule = {
  id: 'supabase-service-role-jwt',
  provider: 'supabase',
  title: 'Supabase service_role key (legacy JWT)',
  severity: 'critical',
  // base64url of `{"iss":"supabas` and of `{"role":"service_role",`: how the payload starts, with
  // the issuer first (hosted projects) or the role first (keys generated for self-hosting).
  keywords: ['eyJpc3MiOiJzdXBhYmFz', 'eyJyb2xlIjoic2VydmljZV9yb2xlI'],
  window: { before: 320, after: 1500 },
  pattern: /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,300}\.eyJ[A-Za-z0-9_-]{20,1000}\.[A-Za-z0-9_-]{20,400})(?![A-Za-z0-9_-])/,
  validate: checkServiceRoleJwt,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InBueHZieHBteWtpbnB5Z3Vyc2J2Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcyNDg2NTgzMSwiZXhwIjoyMDQwNjk3NjY2fQ.VQ1kDO5OFrZ8xI36GvZRe_r5n77Opx4i1BiFAhUOPOc',
      "const admin = createClient(SUPABASE_URL, 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InJxc2tsamxxemxla2pvemhnd3FiIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODQ0NDAyNywiZXhwIjoyMDM5NDMxMzE1fQ.GRFmaxyrwKQT_8YP3DqKrvjX1laLkYFG5g-l7s69BGA');",
      'SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoic3VwYWJhc2UiLCJpYXQiOjE3MzAwMDAwMDAsImV4cCI6MTg4Nzc2NjQwMH0.A6KA224PYWheV_YYBrXbfGurl4WRq6Q9w_vKLQmFs44',
    ],
    negative: [
      // The anon key of the same kind of project: public by design.
      'NEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFxZ3pxdGZ5bHhqbmd6bGV2andxIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MjEwOTA4MjUsImV4cCI6MjAzNDEwNzg0M30.LMnIZKoOoBELg_kYKfw6xKMqTz7V9jZYooBLepU2cQI',
      // The CLI's public demo service_role key (issuer supabase-demo).
      'SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU',
      'SUPABASE_SERVICE_ROLE_KEY=eyJ...',
      // The payload cut off: not JSON.
      'SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InBueHZieHBteWtpbnB5Z3Vyc2J2Iiwicm9sZSI6InNlcnZp.VQ1kDO5OFrZ8xI36GvZRe_r5n77Opx4i1BiFAhUOPOc',
    ],
  },
};

export const supabase: ProviderDefinition = { id: 'supabase', name: 'Supabase', rules: [secretKey, serviceRoleJwt] };
