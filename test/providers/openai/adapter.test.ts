import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { openaiAdapter } from '../../../src/providers/openai/adapter.js';
import { credential, expectContained, expectDone, NOW, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const OPENAI = 'https://api.openai.com';
const ADMIN_KEY = `sk-admin-${randomChars(58)}T3BlbkFJ${randomChars(58)}`;
const harness = useAdapterHarness('openai', { LEAKSTOP_OPENAI_ADMIN_KEY: ADMIN_KEY });

const projectKey = () => credential('openai-api-key', `sk-proj-${randomChars(74)}T3BlbkFJ${randomChars(74)}`, { keyType: 'project key' });

/** The redacted value OpenAI's admin API shows for a key: its first and last characters. */
function redacted(raw: string): string {
  return `${raw.slice(0, 10)}...${raw.slice(-4)}`;
}

function keyObject(raw: string, owner: 'user' | 'service_account', id = 'key_abc') {
  return {
    object: 'organization.project.api_key',
    id,
    name: 'ci deploy',
    redacted_value: redacted(raw),
    created_at: 1763000000,
    last_used_at: 1763895000,
    owner:
      owner === 'user'
        ? { type: 'user', user: { id: 'user_abc', email: 'dev@acme.test', name: 'Dev', role: 'owner', created_at: 1700000000 } }
        : { type: 'service_account', service_account: { id: 'svc_acct_abc', name: 'ci-bot', role: 'member', created_at: 1700000000 } },
  };
}

/** Admin listing: one project with the leaked key and an unrelated one. */
function mockListing(raw: string, owner: 'user' | 'service_account'): nock.Scope {
  const admin = nock(OPENAI).matchHeader('authorization', `Bearer ${ADMIN_KEY}`);
  admin.get('/v1/organization/projects').query({ limit: '100' }).reply(200, { object: 'list', data: [{ id: 'proj_abc', object: 'organization.project', name: 'Shop', status: 'active', created_at: 1700000000 }], has_more: false, first_id: 'proj_abc', last_id: 'proj_abc' });
  admin
    .get('/v1/organization/projects/proj_abc/api_keys')
    .query({ limit: '100' })
    .reply(200, { object: 'list', data: [keyObject(`sk-proj-${randomChars(40)}`, 'user', 'key_other'), keyObject(raw, owner)], has_more: false, first_id: 'key_other', last_id: 'key_abc' });
  return admin;
}

/** Neither the leaked key nor the admin key leaves OpenAI, and the leaked key never goes to an admin endpoint. */
function expectKeysContained(raw: string, outcomes: readonly unknown[]): void {
  expectContained(harness, raw, OPENAI, outcomes);
  expectContained(harness, ADMIN_KEY, OPENAI, outcomes);
  for (const request of harness.sent.filter((r) => r.url.includes('/v1/organization/'))) expect(JSON.stringify(request)).not.toContain(raw);
}

describe('openai adapter', () => {
  verifyContract(harness, {
    adapter: openaiAdapter,
    origin: OPENAI,
    credential: projectKey,
    request: (scope, raw) => scope.get('/v1/models').matchHeader('authorization', `Bearer ${raw}`),
    live: { body: { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' }] }, headers: { 'openai-organization': 'acme-inc' } },
    identity: { account: 'acme-inc', type: 'project key' },
    dead: { status: 401, body: { error: { message: 'Incorrect API key provided: sk-proj-********************abcd.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } },
  });

  it('deletes the leaked key, found by its redacted value with the admin key', async () => {
    const cred = projectKey();
    const raw = cred.secret.reveal();
    mockListing(raw, 'user').delete('/v1/organization/projects/proj_abc/api_keys/key_abc').reply(200, { object: 'organization.project.api_key.deleted', id: 'key_abc', deleted: true });
    const outcome = await openaiAdapter.revoke!(cred, harness.ctx);
    expect(outcome).toEqual({ status: 'done', data: { reversible: false }, summary: 'deleted key key_abc ("ci deploy") of user dev@acme.test in project Shop' });
    expectKeysContained(raw, [outcome]);
  });

  it('reports a key no project has as not live', async () => {
    const cred = projectKey();
    mockListing(`sk-proj-${randomChars(40)}`, 'user');
    const outcome = await openaiAdapter.revoke!(cred, harness.ctx);
    expect(outcome.status).toBe('not-live');
  });

  it('passes on a rate-limited admin listing as retryable', async () => {
    nock(OPENAI).get('/v1/organization/projects').query(true).reply(429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'retry-after': '30' });
    const outcome = await openaiAdapter.revoke!(projectKey(), harness.ctx);
    expect(outcome).toMatchObject({ status: 'failed', retryable: true, retryAfterSeconds: 30 });
  });

  it('treats an admin API 5xx as retryable', async () => {
    nock(OPENAI).get('/v1/organization/projects').query(true).reply(500, { error: { message: 'The server had an error', type: 'server_error' } });
    expect(await openaiAdapter.revoke!(projectKey(), harness.ctx)).toMatchObject({ status: 'failed', retryable: true });
  });

  it('issues a new key for a service account and returns it wrapped', async () => {
    const cred = projectKey();
    const raw = cred.secret.reveal();
    const newKey = `sk-svcacct-${randomChars(74)}T3BlbkFJ${randomChars(74)}`;
    mockListing(raw, 'service_account')
      .post('/v1/organization/projects/proj_abc/service_accounts/svc_acct_abc/api_keys', { name: 'ci deploy (rotated by leakstop)' })
      .reply(200, { object: 'organization.project.service_account.api_key', id: 'key_new', name: 'ci deploy (rotated by leakstop)', created_at: 1763902800, value: newKey });
    const outcome = await openaiAdapter.rotate!(cred, harness.ctx);
    const rotation = expectDone(outcome);
    expect(rotation.replacement.reveal()).toBe(newKey);
    expect(rotation.consumerHint).toBe('new key key_new of service account ci-bot in project Shop');
    expect(JSON.stringify(outcome)).not.toContain(newKey);
    expectKeysContained(raw, [outcome]);
  });

  it('leaves a user key\'s replacement to its owner', async () => {
    const cred = projectKey();
    mockListing(cred.secret.reveal(), 'user');
    expect(await openaiAdapter.rotate!(cred, harness.ctx)).toMatchObject({ status: 'unsupported', manualUrl: 'https://platform.openai.com/api-keys' });
  });

  it('describes the key\'s project and owner', async () => {
    const cred = projectKey();
    mockListing(cred.secret.reveal(), 'service_account');
    expect(expectDone(await openaiAdapter.describe!(cred, harness.ctx))).toEqual({ scopes: ['project:Shop'], notes: ['owned by service account ci-bot (project role member)', 'created 2025-11-13T02:13:20.000Z'] });
  });

  it('summarises the key\'s completions usage by day and model', async () => {
    const cred = projectKey();
    const start = Math.floor(NOW.getTime() / 1000) - 7 * 86_400;
    mockListing(cred.secret.reveal(), 'user')
      .get('/v1/organization/usage/completions')
      .query({ start_time: String(start), bucket_width: '1d', limit: '8', api_key_ids: 'key_abc', group_by: 'model' })
      .reply(200, {
        object: 'page',
        data: [
          { object: 'bucket', start_time: start, end_time: start + 86_400, results: [] },
          { object: 'bucket', start_time: start + 86_400, end_time: start + 172_800, results: [{ object: 'organization.usage.completions.result', input_tokens: 1000, output_tokens: 500, num_model_requests: 5, model: 'gpt-4o', api_key_id: null }] },
        ],
        has_more: false,
        next_page: null,
      });
    const outcome = await openaiAdapter.activity!(cred, harness.ctx);
    expect(expectDone(outcome)).toEqual({
      lastUsedAt: '2025-11-23T10:50:00.000Z',
      events: [{ time: '2026-11-17T12:00:00.000Z', action: '5 requests, 1500 tokens', source: 'gpt-4o' }],
      notes: ['completions usage by day and model over the last 7 days'],
    });
    expect(outcome.summary).toBe('5 completion requests in the last 7 days; last used 2025-11-23T10:50:00.000Z');
  });

  it('deletes a leaked admin key with the operator\'s admin key', async () => {
    const admin = credential('openai-admin-key', `sk-admin-${randomChars(58)}T3BlbkFJ${randomChars(58)}`);
    const raw = admin.secret.reveal();
    const api = nock(OPENAI).matchHeader('authorization', `Bearer ${ADMIN_KEY}`);
    api
      .get('/v1/organization/admin_api_keys')
      .query({ limit: '100' })
      .reply(200, { object: 'list', data: [{ object: 'organization.admin_api_key', id: 'key_admin1', name: 'terraform', redacted_value: redacted(raw), created_at: 1711471533, last_used_at: null, owner: { type: 'user', id: 'user_abc', name: 'Dev', role: 'owner', created_at: 1711471533 } }], has_more: false, first_id: 'key_admin1', last_id: 'key_admin1' });
    api.delete('/v1/organization/admin_api_keys/key_admin1').reply(200, { id: 'key_admin1', object: 'organization.admin_api_key.deleted', deleted: true });
    const outcome = await openaiAdapter.revoke!(admin, harness.ctx);
    expect(outcome).toEqual({ status: 'done', data: { reversible: false }, summary: 'deleted admin key key_admin1 ("terraform") with the operator\'s admin key' });
    expectKeysContained(raw, [outcome]);
  });

  it('sends a leaked admin key\'s other capabilities to its page', async () => {
    const admin = credential('openai-admin-key', `sk-admin-${randomChars(58)}T3BlbkFJ${randomChars(58)}`);
    expect(await openaiAdapter.describe!(admin, harness.ctx)).toMatchObject({ status: 'unsupported', manualUrl: 'https://platform.openai.com/settings/organization/admin-keys' });
    expect(harness.sent).toEqual([]);
  });
});

describe('openai adapter without an operator admin key', () => {
  const bare = useAdapterHarness('openai');
  it('lets a leaked admin key delete itself', async () => {
    const admin = credential('openai-admin-key', `sk-admin-${randomChars(58)}T3BlbkFJ${randomChars(58)}`);
    const raw = admin.secret.reveal();
    const api = nock(OPENAI).matchHeader('authorization', `Bearer ${raw}`);
    api.get('/v1/organization/admin_api_keys').query({ limit: '100' }).reply(200, { object: 'list', data: [{ object: 'organization.admin_api_key', id: 'key_admin1', name: null, redacted_value: redacted(raw) }], has_more: false });
    api.delete('/v1/organization/admin_api_keys/key_admin1').reply(200, { id: 'key_admin1', object: 'organization.admin_api_key.deleted', deleted: true });
    const outcome = await openaiAdapter.revoke!(admin, bare.ctx);
    expect(outcome).toMatchObject({ status: 'done', summary: 'deleted admin key key_admin1 ("unnamed") with the leaked key itself' });
    expectContained(bare, raw, OPENAI, [outcome]);
  });

  it('sends project key revocation to a human', async () => {
    expect(await openaiAdapter.revoke!(projectKey(), bare.ctx)).toMatchObject({ status: 'unsupported', manualUrl: 'https://platform.openai.com/api-keys' });
    expect(bare.sent).toEqual([]);
  });
});
