import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Secret } from '../../src/detect/secret.js';
import type { ProviderContext } from '../../src/providers/contract.js';
import { parseOperatorSettings } from '../../src/providers/index.js';
import { callProvider, retryAfter, scrub } from '../../src/providers/http.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const API = 'https://api.provider.test';
const SECRET = new Secret('tok_Zq8vN3xLp2Rt7YwK5mB9cD4f');
const ctx: ProviderContext = { fetch, settings: parseOperatorSettings({}), now: () => NOW };

function call(path: string, extra: { deadStatuses?: number[] } = {}) {
  return callProvider(ctx, { what: 'Provider GET /thing', url: `${API}${path}`, schema: z.object({ name: z.string() }), secrets: [SECRET], ...extra });
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  expect(pending).toEqual([]);
});

describe('callProvider', () => {
  it('parses a successful answer with the schema', async () => {
    nock(API).get('/thing').reply(200, { name: 'ok', extra: true });
    expect(await call('/thing')).toMatchObject({ ok: true, data: { name: 'ok' }, status: 200 });
  });

  it('fails without retry on an answer it does not understand', async () => {
    nock(API).get('/thing').reply(200, '<html>login</html>');
    expect(await call('/thing')).toEqual({ ok: false, setback: { status: 'failed', retryable: false, summary: 'Provider GET /thing answered 200 with a body leakstop does not understand' } });
  });

  it('maps 401, 403 and 404 to not-live unless the caller narrows them', async () => {
    nock(API).get('/thing').reply(401).get('/thing').reply(403).get('/thing').reply(404).get('/thing').reply(403);
    for (let i = 0; i < 3; i++) expect(await call('/thing')).toMatchObject({ ok: false, setback: { status: 'not-live' } });
    expect(await call('/thing', { deadStatuses: [401] })).toMatchObject({ ok: false, setback: { status: 'failed', retryable: false } });
  });

  // Every adapter's calls go through here: these cases are tested once, not per provider.
  it('passes on Retry-After from a 429 as a retryable failure, whatever the body', async () => {
    nock(API).get('/thing').reply(429, { message: 'Too Many Requests' }, { 'retry-after': '30' });
    expect(await call('/thing')).toMatchObject({ ok: false, setback: { status: 'failed', retryable: true, retryAfterSeconds: 30 } });
  });

  it.each([500, 502, 503, 504])('treats a %i as retryable', async (status) => {
    nock(API).get('/thing').reply(status, 'Service Unavailable');
    const answer = await call('/thing');
    expect(answer).toMatchObject({ ok: false, setback: { status: 'failed', retryable: true } });
    expect(JSON.stringify(answer)).not.toContain(SECRET.reveal());
  });

  it('reads Retry-After as an HTTP date', async () => {
    nock(API).get('/thing').reply(429, '', { 'retry-after': new Date(NOW.getTime() + 90_000).toUTCString() });
    expect(await call('/thing')).toMatchObject({ ok: false, setback: { status: 'failed', retryable: true, retryAfterSeconds: 90 } });
  });

  it('retries a network failure, naming its code and never the URL', async () => {
    nock(API).get(`/bot${SECRET.reveal()}/thing`).replyWithError({ code: 'ECONNRESET', message: `socket hang up at ${API}/bot${SECRET.reveal()}` });
    const result = await call(`/bot${SECRET.reveal()}/thing`);
    expect(result).toMatchObject({ ok: false, setback: { status: 'failed', retryable: true } });
    expect(JSON.stringify(result)).not.toContain(SECRET.reveal());
  });

  it('refuses to follow a redirect, which could carry the secret elsewhere', async () => {
    nock(API).get('/thing').reply(302, '', { location: 'https://elsewhere.test/thing' });
    expect(await call('/thing')).toMatchObject({ ok: false, setback: { status: 'failed', retryable: true } });
  });
});

describe('retryAfter', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('reads seconds, dates and GitHub’s reset time', () => {
    expect(retryAfter(headers({ 'retry-after': '12' }), NOW)).toBe(12);
    expect(retryAfter(headers({ 'retry-after': '1.2' }), NOW)).toBe(2);
    expect(retryAfter(headers({ 'x-ratelimit-reset': String(NOW.getTime() / 1000 + 60) }), NOW)).toBe(60);
    expect(retryAfter(headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(retryAfter(headers({}), NOW)).toBeUndefined();
  });
});

describe('scrub', () => {
  it('replaces every occurrence of a secret by its redacted form', () => {
    expect(scrub(`a ${SECRET.reveal()} b ${SECRET.reveal()}`, [SECRET])).toBe(`a ${SECRET.redacted} b ${SECRET.redacted}`);
  });
});
