// The declarative HTTP adapter (src/providers/http-adapter.ts): each auth scheme puts the secret
// where the provider wants it and nowhere else, verify and describe share one call per credential,
// a mapping may turn an answer into a setback, and revoke maps its own answer.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Credential } from '../../src/providers/contract.js';
import { httpAdapter } from '../../src/providers/http-adapter.js';
import { credential, expectContained, expectDone, useAdapterHarness } from './adapter-kit.js';

const API = 'https://api.example-provider.test';
const harness = useAdapterHarness('example');
const settings = { apiUrl: API };
const ctx = (): typeof harness.ctx => ({ ...harness.ctx, settings: settings as never });
const token = (): Credential => credential('example-token', `exm_${'Zq8vN3xLp2Rt7YwK5mB9cD4fG6hJ1sA0'}`);

const whoSchema = z.object({ login: z.string(), scopes: z.array(z.string()), suspended: z.boolean().optional() });

function exampleAdapter(auth: Parameters<typeof httpAdapter>[0]['inspect']['auth']) {
  return httpAdapter({
    provider: 'example',
    manualRevokeUrl: 'https://example-provider.test/settings/tokens',
    inspect: {
      what: 'Example GET /who',
      url: (s: typeof settings, secret) => ('inUrl' in auth ? `${s.apiUrl}/t/${secret}/who` : `${s.apiUrl}/who`),
      auth,
      schema: whoSchema,
      identity: ({ login, suspended }) => (suspended ? { status: 'not-live', summary: `${login} is suspended` } : { data: { account: login }, summary: `live token of ${login}` }),
      access: ({ scopes }) => ({ data: { scopes }, summary: `${scopes.length} scopes` }),
    },
    revoke: {
      what: 'Example DELETE /token',
      method: 'DELETE',
      url: (s: typeof settings) => `${s.apiUrl}/token`,
      auth: { bearer: true },
      schema: z.undefined(),
      revoked: () => ({ data: { reversible: false }, summary: 'Example deleted the token' }),
    },
  });
}

describe('httpAdapter', () => {
  it.each([
    ['bearer', { bearer: true as const }, (raw: string) => ({ authorization: `Bearer ${raw}` })],
    ['basic', { basicUser: 'api' }, (raw: string) => ({ authorization: `Basic ${Buffer.from(`api:${raw}`).toString('base64')}` })],
    ['a header of its own', { header: 'x-api-key' }, (raw: string) => ({ 'x-api-key': raw })],
  ])('sends the secret as %s, only to the provider', async (_name, auth, expected) => {
    const cred = token();
    const raw = cred.secret.reveal();
    const scope = nock(API).get('/who');
    for (const [header, value] of Object.entries(expected(raw))) scope.matchHeader(header, value);
    scope.reply(200, { login: 'ci-bot', scopes: ['repo'] });

    const outcome = await exampleAdapter(auth).verify!(cred, ctx());

    expect(expectDone(outcome)).toEqual({ account: 'ci-bot' });
    expectContained(harness, raw, API, [outcome]);
  });

  it('puts the secret in the URL only where the provider asks, and names the call without it', async () => {
    const cred = token();
    const raw = cred.secret.reveal();
    nock(API).get(`/t/${raw}/who`).reply(503);

    const outcome = await exampleAdapter({ inUrl: true }).verify!(cred, ctx());

    expect(outcome).toMatchObject({ status: 'failed', retryable: true });
    expect(outcome.summary).toContain('Example GET /who');
    expect(outcome.summary).not.toContain(raw);
    expect(harness.sent.map((r) => r.headers['authorization'])).toEqual([undefined]);
  });

  it('answers verify and describe with one call for the same credential', async () => {
    const cred = token();
    nock(API).get('/who').once().reply(200, { login: 'ci-bot', scopes: ['repo', 'admin:org'] });
    const adapter = exampleAdapter({ bearer: true });

    expect(expectDone(await adapter.verify!(cred, ctx()))).toEqual({ account: 'ci-bot' });
    expect(expectDone(await adapter.describe!(cred, ctx()))).toEqual({ scopes: ['repo', 'admin:org'] });
    expect(harness.sent).toHaveLength(1);
  });

  it('keeps no failure: asking again after a 503 asks the provider again', async () => {
    const cred = token();
    nock(API).get('/who').reply(503).get('/who').reply(200, { login: 'ci-bot', scopes: [] });
    const adapter = exampleAdapter({ bearer: true });

    expect((await adapter.verify!(cred, ctx())).status).toBe('failed');
    expect(expectDone(await adapter.verify!(cred, ctx()))).toEqual({ account: 'ci-bot' });
  });

  it('lets a mapping turn an answer into a setback', async () => {
    nock(API).get('/who').reply(200, { login: 'ci-bot', scopes: [], suspended: true });
    expect(await exampleAdapter({ bearer: true }).verify!(token(), ctx())).toEqual({ status: 'not-live', summary: 'ci-bot is suspended' });
  });

  it('passes a dead credential through as not live, and revokes through its own call', async () => {
    nock(API).get('/who').reply(401, { message: 'Bad credentials' });
    nock(API).delete('/token').reply(204);
    const adapter = exampleAdapter({ bearer: true });

    expect((await adapter.verify!(token(), ctx())).status).toBe('not-live');
    expect(await adapter.revoke!(token(), ctx())).toEqual({ status: 'done', data: { reversible: false }, summary: 'Example deleted the token' });
  });

  it('declares only the steps it was given', () => {
    const bare = httpAdapter({
      provider: 'example',
      manualRevokeUrl: 'https://example-provider.test/settings/tokens',
      inspect: { what: 'Example GET /who', url: () => `${API}/who`, auth: { bearer: true }, schema: whoSchema, identity: ({ login }) => ({ data: { account: login }, summary: login }) },
    });
    expect(Object.keys(bare).sort()).toEqual(['manualRevokeUrl', 'provider', 'verify']);
  });
});
