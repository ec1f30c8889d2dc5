import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { vaultAdapter } from '../../../src/providers/vault/adapter.js';
import { credential, expectContained, expectDone, settingsFor, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const VAULT = 'https://vault.acme.test:8200';
const harness = useAdapterHarness('vault', { LEAKSTOP_VAULT_URL: VAULT, LEAKSTOP_VAULT_NAMESPACE: 'admin/ci' });
const token = () => credential('vault-token', `hvs.${randomChars(24)}`);
const LOOKUP = {
  data: { accessor: 'kSm8Lm3mCgYq9dNWn9aQ8Wc5', display_name: 'github-ci', policies: ['default', 'deploy'], expire_time: '2026-11-24T12:00:00.000000Z', type: 'service', path: 'auth/approle/login', last_renewal_time: null },
};

describe('vault adapter', () => {
  verifyContract(harness, {
    adapter: vaultAdapter,
    origin: VAULT,
    credential: token,
    request: (scope, raw) => scope.get('/v1/auth/token/lookup-self').matchHeader('x-vault-token', raw).matchHeader('x-vault-namespace', 'admin/ci'),
    live: { body: LOOKUP },
    identity: { account: 'github-ci', type: 'service token', expiresAt: '2026-11-24T12:00:00.000Z' },
    dead: { status: 403, body: { errors: ['permission denied'] } },
  });

  it('describes the token’s policies', async () => {
    nock(VAULT).get('/v1/auth/token/lookup-self').reply(200, LOOKUP);
    expect(expectDone(await vaultAdapter.describe!(token(), harness.ctx))).toEqual({ scopes: ['default', 'deploy'], notes: ['issued by auth/approle/login'] });
  });

  it('revokes the token with revoke-self', async () => {
    const cred = token();
    nock(VAULT).post('/v1/auth/token/revoke-self').matchHeader('x-vault-token', cred.secret.reveal()).reply(204);
    const outcome = await vaultAdapter.revoke!(cred, harness.ctx);
    expect(outcome).toMatchObject({ status: 'done', data: { reversible: false } });
    expectContained(harness, cred.secret.reveal(), VAULT, [outcome]);
  });

  it('sends nothing when the operator configured no Vault', async () => {
    const ctx = { ...harness.ctx, settings: settingsFor('vault', {}) };
    expect(await vaultAdapter.verify!(token(), ctx)).toMatchObject({ status: 'unsupported' });
    expect(await vaultAdapter.revoke!(token(), ctx)).toMatchObject({ status: 'unsupported' });
    expect(harness.sent).toEqual([]);
  });
});
