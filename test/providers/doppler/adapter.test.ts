import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { dopplerAdapter } from '../../../src/providers/doppler/adapter.js';
import { credential, expectContained, expectDone, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const DOPPLER = 'https://api.doppler.com';
const harness = useAdapterHarness('doppler');
const token = () => credential('doppler-token', `dp.st.prd.${randomChars(43)}`);
const ME = { workplace: { slug: 'acme', name: 'Acme' }, type: 'service_token', token_preview: 'dp.st.prd…', slug: 'ci', name: 'ci-deploy', created_at: '2026-10-01T08:00:00.000Z', last_seen_at: '2026-11-23T11:40:00.000Z' };

describe('doppler adapter', () => {
  verifyContract(harness, {
    adapter: dopplerAdapter,
    origin: DOPPLER,
    credential: token,
    request: (scope, raw) => scope.get('/v3/me').matchHeader('authorization', `Bearer ${raw}`),
    live: { body: ME },
    identity: { account: 'ci-deploy', owner: 'Acme', type: 'service token' },
    dead: { status: 401, body: { messages: ['Invalid Auth token'], success: false } },
  });

  it('reports when the token was last seen', async () => {
    nock(DOPPLER).get('/v3/me').reply(200, ME);
    expect(expectDone(await dopplerAdapter.activity!(token(), harness.ctx))).toMatchObject({ lastUsedAt: '2026-11-23T11:40:00.000Z', events: [] });
  });

  it('revokes the token with POST /v3/auth/revoke', async () => {
    const cred = token();
    const raw = cred.secret.reveal();
    nock(DOPPLER).post('/v3/auth/revoke', { token: raw }).matchHeader('authorization', `Bearer ${raw}`).reply(200, { success: true });
    const outcome = await dopplerAdapter.revoke!(cred, harness.ctx);
    expect(outcome).toMatchObject({ status: 'done', data: { reversible: false } });
    expectContained(harness, raw, DOPPLER, [outcome]);
  });
});
