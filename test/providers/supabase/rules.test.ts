// Supabase legacy keys: what the decoded JWT payload decides, and what a finding says about it.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { supabase } from '../../../src/providers/supabase/rules.js';

const engine = createEngine({ providers: [supabase] });

/** An HS256 JWT with this payload and a random signature, as Supabase issues its legacy keys. */
function jwt(payload: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
}

function scan(text: string) {
  return engine.scanText(text).findings.map((f) => ({ ruleId: f.ruleId, confidence: f.confidence, details: f.details }));
}

describe('supabase provider', () => {
  it('reports a service_role key with the project it belongs to', () => {
    const key = jwt({ iss: 'supabase', ref: 'qwertyuiopasdfghjklz', role: 'service_role', iat: 1718000000, exp: 2033000000 });
    expect(scan(`SUPABASE_SERVICE_ROLE_KEY=${key}`)).toEqual([{ ruleId: 'supabase-service-role-jwt', confidence: 'structure', details: { project: 'qwertyuiopasdfghjklz' } }]);
  });

  it.each(['anon', 'authenticated'])('ignores a %s key: public by design', (role) => {
    expect(scan(`SUPABASE_KEY=${jwt({ iss: 'supabase', ref: 'qwertyuiopasdfghjklz', role, iat: 1718000000, exp: 2033000000 })}`)).toEqual([]);
  });

  it('ignores a service_role JWT another issuer signed', () => {
    expect(scan(`KEY=${jwt({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 })}`)).toEqual([]);
  });

  it('finds a service_role key next to an anon key, and only it', () => {
    const anon = jwt({ iss: 'supabase', ref: 'qwertyuiopasdfghjklz', role: 'anon', iat: 1718000000, exp: 2033000000 });
    const service = jwt({ iss: 'supabase', ref: 'qwertyuiopasdfghjklz', role: 'service_role', iat: 1718000000, exp: 2033000000 });
    const found = engine.scanText(`SUPABASE_ANON_KEY=${anon}\nSUPABASE_SERVICE_ROLE_KEY=${service}\n`).findings;
    expect(found.map((f) => [f.ruleId, f.line, f.secret.reveal()])).toEqual([['supabase-service-role-jwt', 2, service]]);
  });
});
