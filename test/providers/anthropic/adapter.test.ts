import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { anthropicAdapter } from '../../../src/providers/anthropic/adapter.js';
import { credential, expectContained, expectDone, NOW, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const ANTHROPIC = 'https://api.anthropic.com';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ADMIN_KEY = `sk-ant-admin01-${randomChars(93, URL_SAFE)}AA`;
const harness = useAdapterHarness('anthropic', { LEAKSTOP_ANTHROPIC_ADMIN_KEY: ADMIN_KEY });

const apiKey = () => credential('anthropic-api-key', `sk-ant-api03-${randomChars(93, URL_SAFE)}AA`);

/** The hint the Admin API shows: 'sk-ant-api03-R2D...igAA'. */
function hint(raw: string): string {
  return `${raw.slice(0, 16)}...${raw.slice(-4)}`;
}

function keyObject(raw: string, id: string) {
  return {
    type: 'api_key',
    id,
    name: 'Developer Key',
    partial_key_hint: hint(raw),
    status: 'active',
    workspace_id: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
    created_at: '2026-10-30T23:58:27.427722Z',
    created_by: { id: 'user_01WCz1FkmYMm4gnmykNKUu3Q', type: 'user' },
  };
}

function mockListing(raw: string): nock.Scope {
  const admin = nock(ANTHROPIC).matchHeader('x-api-key', ADMIN_KEY).matchHeader('anthropic-version', '2023-06-01');
  admin
    .get('/v1/organizations/api_keys')
    .query({ status: 'active', limit: '1000' })
    .reply(200, { data: [keyObject(`sk-ant-api03-${randomChars(93, URL_SAFE)}AA`, 'apikey_other'), keyObject(raw, 'apikey_01Rj2N8SVvo6BePZj99NhmiT')], has_more: false, first_id: 'apikey_other', last_id: 'apikey_01Rj2N8SVvo6BePZj99NhmiT' });
  return admin;
}

function expectKeysContained(raw: string, outcomes: readonly unknown[]): void {
  expectContained(harness, raw, ANTHROPIC, outcomes);
  expectContained(harness, ADMIN_KEY, ANTHROPIC, outcomes);
  for (const request of harness.sent.filter((r) => r.url.includes('/v1/organizations/'))) expect(JSON.stringify(request)).not.toContain(raw);
}

describe('anthropic adapter', () => {
  verifyContract(harness, {
    adapter: anthropicAdapter,
    origin: ANTHROPIC,
    credential: apiKey,
    request: (scope, raw) => scope.get('/v1/models').matchHeader('x-api-key', raw).matchHeader('anthropic-version', '2023-06-01'),
    live: { body: { data: [{ type: 'model', id: 'claude-sonnet-4-20250514', display_name: 'Claude Sonnet 4', created_at: '2025-05-22T00:00:00Z' }], has_more: false, first_id: 'claude-sonnet-4-20250514', last_id: 'claude-sonnet-4-20250514' } },
    identity: { account: 'Anthropic API key', type: 'API key' },
    dead: { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } },
  });

  it('disables the leaked key, found by its hint with the admin key', async () => {
    const cred = apiKey();
    const raw = cred.secret.reveal();
    mockListing(raw).post('/v1/organizations/api_keys/apikey_01Rj2N8SVvo6BePZj99NhmiT', { status: 'inactive' }).reply(200, { ...keyObject(raw, 'apikey_01Rj2N8SVvo6BePZj99NhmiT'), status: 'inactive' });
    const outcome = await anthropicAdapter.revoke!(cred, harness.ctx);
    expect(outcome).toEqual({ status: 'done', data: { reversible: true }, summary: 'set key apikey_01Rj2N8SVvo6BePZj99NhmiT ("Developer Key") to inactive (reversible in the Console)' });
    expectKeysContained(raw, [outcome]);
  });

  it('reports a key that is no longer active as not live', async () => {
    mockListing(`sk-ant-api03-${randomChars(93, URL_SAFE)}AA`);
    expect((await anthropicAdapter.revoke!(apiKey(), harness.ctx)).status).toBe('not-live');
  });

  it('passes on a rate-limited or failing Admin API as retryable', async () => {
    nock(ANTHROPIC).get('/v1/organizations/api_keys').query(true).reply(429, { type: 'error', error: { type: 'rate_limit_error', message: 'Rate limited' } }, { 'retry-after': '30' });
    expect(await anthropicAdapter.revoke!(apiKey(), harness.ctx)).toMatchObject({ status: 'failed', retryable: true, retryAfterSeconds: 30 });
    nock(ANTHROPIC).get('/v1/organizations/api_keys').query(true).reply(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(await anthropicAdapter.revoke!(apiKey(), harness.ctx)).toMatchObject({ status: 'failed', retryable: true });
  });

  it('verifies a leaked Admin API key against its organization', async () => {
    const admin = credential('anthropic-admin-key', `sk-ant-admin01-${randomChars(93, URL_SAFE)}AA`);
    const raw = admin.secret.reveal();
    nock(ANTHROPIC).get('/v1/organizations/me').matchHeader('x-api-key', raw).reply(200, { id: '12345678-1234-5678-1234-567812345678', type: 'organization', name: 'Acme' });
    const outcome = await anthropicAdapter.verify!(admin, harness.ctx);
    expect(expectDone(outcome)).toEqual({ account: 'Acme', owner: '12345678-1234-5678-1234-567812345678', type: 'Admin API key' });
    expectContained(harness, raw, ANTHROPIC, [outcome]);
  });

  it('has no rotate: the Admin API cannot create keys', () => {
    expect(anthropicAdapter.rotate).toBeUndefined();
  });

  it('describes the key\'s workspace and creator', async () => {
    const cred = apiKey();
    mockListing(cred.secret.reveal());
    expect(expectDone(await anthropicAdapter.describe!(cred, harness.ctx))).toEqual({
      scopes: ['workspace:wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ'],
      notes: ['created 2026-10-30T23:58:27.427722Z by user user_01WCz1FkmYMm4gnmykNKUu3Q'],
    });
  });

  it('summarises the key\'s Messages usage by day and model', async () => {
    const cred = apiKey();
    const startingAt = new Date(NOW.getTime() - 7 * 86_400_000).toISOString();
    mockListing(cred.secret.reveal())
      .get('/v1/organizations/usage_report/messages')
      .query({ starting_at: startingAt, bucket_width: '1d', limit: '8', 'api_key_ids[]': 'apikey_01Rj2N8SVvo6BePZj99NhmiT', 'group_by[]': 'model' })
      .reply(200, {
        data: [
          { starting_at: '2026-11-22T00:00:00Z', ending_at: '2026-11-23T00:00:00Z', results: [{ uncached_input_tokens: 1500, cache_read_input_tokens: 0, output_tokens: 500, model: 'claude-sonnet-4-20250514', api_key_id: null }] },
          { starting_at: '2026-11-23T00:00:00Z', ending_at: '2026-11-24T00:00:00Z', results: [] },
        ],
        has_more: false,
        next_page: null,
      });
    const outcome = await anthropicAdapter.activity!(cred, harness.ctx);
    expect(expectDone(outcome).events).toEqual([{ time: '2026-11-22T00:00:00Z', action: '2000 tokens', source: 'claude-sonnet-4-20250514' }]);
    expect(outcome.summary).toBe('2000 tokens on 1 model-days in the last 7 days');
  });
});

describe('anthropic adapter without an admin key', () => {
  const bare = useAdapterHarness('anthropic');
  it('sends revocation to the Console', async () => {
    expect(await anthropicAdapter.revoke!(apiKey(), bare.ctx)).toMatchObject({ status: 'unsupported', manualUrl: 'https://console.anthropic.com/settings/keys' });
    expect(bare.sent).toEqual([]);
  });
});
