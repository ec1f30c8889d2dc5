import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../../src/detect/checksum.js';
import { npmAdapter, npmTokenKey } from '../../../src/providers/npm/adapter.js';
import { credential, expectContained, expectDone, RETRYABLE_RATE_LIMIT, RETRYABLE_SERVER_ERROR, useAdapterHarness } from '../adapter-kit.js';

const REGISTRY = 'https://registry.npmjs.org';
const harness = useAdapterHarness('npm');

function token(): { raw: string; key: string; cred: ReturnType<typeof credential> } {
  const raw = generateGithubStyleToken('npm_');
  return { raw, key: npmTokenKey(raw), cred: credential('npm-access-token', raw) };
}

function entry(key: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { token: 'npm_ab', key, cidr_whitelist: null, readonly: false, automation: false, created: '2026-09-01T10:00:00.000Z', updated: '2026-09-01T10:00:00.000Z', ...extra };
}

describe('npm adapter', () => {
  it('verifies a live token with GET /-/whoami', async () => {
    const { raw, cred } = token();
    nock(REGISTRY).get('/-/whoami').matchHeader('authorization', `Bearer ${raw}`).reply(200, { username: 'acme-publisher' });
    const outcome = await npmAdapter.verify!(cred, harness.ctx);
    expect(expectDone(outcome)).toEqual({ account: 'acme-publisher', type: 'access token' });
    expectContained(harness, raw, REGISTRY, [outcome]);
  });

  it('reports a dead token (401), a rate limit (429) and a registry error (503)', async () => {
    const { cred } = token();
    nock(REGISTRY).get('/-/whoami').reply(401, { error: 'You must be logged in' });
    nock(REGISTRY).get('/-/whoami').reply(429, 'Too Many Requests', { 'retry-after': '30' });
    nock(REGISTRY).get('/-/whoami').reply(503, 'unavailable');
    expect((await npmAdapter.verify!(cred, harness.ctx)).status).toBe('not-live');
    expect(await npmAdapter.verify!(cred, harness.ctx)).toMatchObject(RETRYABLE_RATE_LIMIT);
    expect(await npmAdapter.verify!(cred, harness.ctx)).toMatchObject(RETRYABLE_SERVER_ERROR);
  });

  it('finds the token’s key across pages of the token list and deletes it by key', async () => {
    const { raw, key, cred } = token();
    const other = npmTokenKey(generateGithubStyleToken('npm_'));
    nock(REGISTRY)
      .get('/-/npm/v1/tokens')
      .matchHeader('authorization', `Bearer ${raw}`)
      .reply(200, { objects: [entry(other)], total: 2, urls: { next: `${REGISTRY}/-/npm/v1/tokens?page=1` } });
    nock(REGISTRY).get('/-/npm/v1/tokens').query({ page: '1' }).reply(200, { objects: [entry(key)], total: 2, urls: {} });
    nock(REGISTRY).delete(`/-/npm/v1/tokens/token/${key}`).matchHeader('authorization', `Bearer ${raw}`).reply(204);
    const outcome = await npmAdapter.revoke!(cred, harness.ctx);
    expect(outcome).toMatchObject({ status: 'done', data: { reversible: false } });
    // The token travels only in the Authorization header, never in a URL.
    for (const request of harness.sent) expect(request.url).not.toContain(raw);
    expectContained(harness, raw, REGISTRY, [outcome]);
  });

  it('does not follow a next page on another host', async () => {
    const { raw, cred } = token();
    nock(REGISTRY).get('/-/npm/v1/tokens').reply(200, { objects: [], urls: { next: 'https://evil.example/-/npm/v1/tokens?page=1' } });
    const outcome = await npmAdapter.revoke!(cred, harness.ctx);
    expect(outcome).toMatchObject({ status: 'unsupported', manualUrl: 'https://docs.npmjs.com/revoking-access-tokens' });
    expect(harness.sent.map((r) => new URL(r.url).origin)).toEqual([REGISTRY]);
    expectContained(harness, raw, REGISTRY, [outcome]);
  });

  it('sends a token that may not list tokens (403) to a human', async () => {
    const { cred } = token();
    nock(REGISTRY).get('/-/npm/v1/tokens').reply(403, { error: 'forbidden' });
    expect(await npmAdapter.revoke!(cred, harness.ctx)).toMatchObject({ status: 'unsupported' });
  });

  it('describes a publish token from its list entry', async () => {
    const { key, cred } = token();
    nock(REGISTRY).get('/-/npm/v1/tokens').reply(200, { objects: [entry(key, { automation: true, cidr_whitelist: ['10.0.0.0/8'] })], urls: {} });
    expect(expectDone(await npmAdapter.describe!(cred, harness.ctx))).toEqual({
      scopes: ['publish'],
      notes: ['automation token: bypasses two-factor authentication when publishing', 'usable only from 10.0.0.0/8', 'created 2026-09-01T10:00:00.000Z'],
    });
  });
});
