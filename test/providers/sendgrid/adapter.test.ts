import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { sendgridAdapter } from '../../../src/providers/sendgrid/adapter.js';
import { credential, expectContained, expectDone, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const SENDGRID = 'https://api.sendgrid.com';
const harness = useAdapterHarness('sendgrid');
const KEY_ID = 'Xq3bW9tYRkGm2JvL8pZc1A';
const apiKey = () => credential('sendgrid-api-key', `SG.${KEY_ID}.${randomChars(43)}`);

describe('sendgrid adapter', () => {
  verifyContract(harness, {
    adapter: sendgridAdapter,
    origin: SENDGRID,
    credential: apiKey,
    request: (scope, raw) => scope.get('/v3/scopes').matchHeader('authorization', `Bearer ${raw}`),
    live: { body: { scopes: ['mail.send', 'api_keys.delete', 'api_keys.read'] } },
    identity: { account: 'SendGrid account of this key', type: 'API key with 3 scopes' },
    dead: { status: 401, body: { errors: [{ field: null, message: 'authorization required' }] } },
  });

  it('describes the key’s scopes', async () => {
    nock(SENDGRID).get('/v3/scopes').reply(200, { scopes: ['mail.send'] });
    expect(expectDone(await sendgridAdapter.describe!(apiKey(), harness.ctx))).toEqual({ scopes: ['mail.send'], notes: ['can send mail as the account'] });
  });

  it('deletes the key by its id, authenticated by the key itself', async () => {
    const cred = apiKey();
    const raw = cred.secret.reveal();
    nock(SENDGRID).delete(`/v3/api_keys/${KEY_ID}`).matchHeader('authorization', `Bearer ${raw}`).reply(204);
    const outcome = await sendgridAdapter.revoke!(cred, harness.ctx);
    expect(outcome).toMatchObject({ status: 'done', data: { reversible: false } });
    expectContained(harness, raw, SENDGRID, [outcome]);
  });

  it('sends a key that may not manage keys (403) to a human', async () => {
    nock(SENDGRID).delete(`/v3/api_keys/${KEY_ID}`).reply(403, { errors: [{ message: 'access forbidden' }] });
    expect(await sendgridAdapter.revoke!(apiKey(), harness.ctx)).toMatchObject({ status: 'unsupported', manualUrl: 'https://app.sendgrid.com/settings/api_keys' });
  });
});
