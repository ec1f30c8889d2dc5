// Shared harness for provider adapter tests: real fetch through nock, every outgoing request
// recorded, no request may go unmatched and no mock unused, and helpers to prove that a secret
// reaches only its own provider and never an Outcome.
import nock from 'nock';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fingerprint, Secret } from '../../src/detect/secret.js';
import {
  adapterContext,
  type AdapterContext,
  type Credential,
  type Identity,
  type OperatorSettings,
  type Outcome,
  type ProviderAdapter,
  type ProviderContext,
} from '../../src/providers/contract.js';
import { parseOperatorSettings } from '../../src/providers/index.js';

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export interface AdapterHarness {
  /**
   * The context the adapter under test gets: its own provider's settings. Typed `never` so that it
   * fits any adapter's context type; the settings are the provider's own, read from `env`.
   */
  ctx: AdapterContext<never>;
  /** The response's context: every provider's settings (what the response steps take). */
  response: ProviderContext;
  sent: SentRequest[];
}

/** A fixed clock: Retry-After dates and budgets are computed against it. */
export const NOW = new Date('2026-11-23T12:00:00Z');

/**
 * Installs nock guards for the calling test file and returns a harness refreshed before each test,
 * for the adapter of `provider` (its folder name under src/providers/).
 */
export function useAdapterHarness(provider: string, env: NodeJS.ProcessEnv = {}, files: Record<string, string> = {}): AdapterHarness {
  const response = makeContext(parseOperatorSettings(env, readFrom(files)));
  const harness: AdapterHarness = { ctx: forAdapter(response, provider), response, sent: [] };
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string; host?: string }): void => {
    unmatched.push(`${req.method ?? '?'} ${req.host ?? ''}${req.path ?? ''}`);
  };

  beforeEach(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
    unmatched.length = 0;
    harness.sent = [];
    harness.response = recordingContext(harness.response.settings, harness.sent);
    harness.ctx = forAdapter(harness.response, provider);
  });

  afterEach(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(unmatched, 'requests that no mock matched').toEqual([]);
    expect(pending, 'mocks that were never used').toEqual([]);
  });

  return harness;
}

function readFrom(files: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    return text;
  };
}

function forAdapter(response: ProviderContext, provider: string): AdapterContext<never> {
  return adapterContext(response, provider) as AdapterContext<never>;
}

/** One provider's settings from `env`, typed to fit its adapter's context (see AdapterHarness.ctx). */
export function settingsFor(provider: string, env: NodeJS.ProcessEnv = {}): never {
  return parseOperatorSettings(env)[provider] as never;
}

function makeContext(settings: OperatorSettings): ProviderContext {
  return { fetch, settings, now: () => NOW };
}

/** Real fetch (so nock intercepts it), wrapped to keep a copy of every request as sent. */
function recordingContext(settings: OperatorSettings, sent: SentRequest[]): ProviderContext {
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    sent.push({ url: String(input), method: init?.method ?? 'GET', headers, body: typeof init?.body === 'string' ? init.body : '' });
    return fetch(input, init);
  };
  return { fetch: recordingFetch, settings, now: () => NOW };
}

export function credential(ruleId: string, raw: string, details: Record<string, string> = {}): Credential {
  return { secret: new Secret(raw), ruleId, fingerprint: fingerprint(ruleId, raw), details };
}

/** The raw secret went only to `allowedOrigin` and appears in no outcome. */
export function expectContained(harness: AdapterHarness, raw: string, allowedOrigin: string, outcomes: readonly unknown[]): void {
  for (const request of harness.sent) {
    if (new URL(request.url).origin === allowedOrigin) continue;
    expect(JSON.stringify(request), `request to ${new URL(request.url).origin}`).not.toContain(raw);
  }
  for (const outcome of outcomes) expect(JSON.stringify(outcome)).not.toContain(raw);
  for (const outcome of outcomes) {
    if (typeof outcome === 'object' && outcome !== null && 'summary' in outcome) expect(String(outcome.summary)).not.toContain(raw);
  }
}

/** Narrows an outcome to 'done' (failing the test with its summary otherwise). */
export function expectDone<T>(outcome: Outcome<T>): T {
  if (outcome.status !== 'done') expect.fail(`expected done, got ${outcome.status}: ${outcome.summary}`);
  return outcome.data;
}

export const RETRYABLE_RATE_LIMIT = { status: 'failed', retryable: true, retryAfterSeconds: 30 } as const;
export const RETRYABLE_SERVER_ERROR = { status: 'failed', retryable: true } as const;

export interface VerifySpec {
  adapter: ProviderAdapter;
  /** The provider's origin: the only place the secret may go. */
  origin: string;
  credential: () => Credential;
  /** The verify request as the provider expects it, including how the secret authenticates it. */
  request: (scope: nock.Scope, raw: string) => nock.Interceptor;
  live: { body: nock.Body; headers?: Record<string, string> };
  identity: Identity;
  dead: { status: number; body: nock.Body };
}

/**
 * What is each provider's own in verify: the request it sends for a live credential and the identity
 * it makes of the answer, and what its API answers for a dead one, never leaking the secret. (Rate
 * limits and server errors are classified by callProvider, tested once in http.test.ts.)
 */
export function verifyContract(harness: AdapterHarness, spec: VerifySpec): void {
  it('verifies a live credential', async () => {
    const cred = spec.credential();
    const raw = cred.secret.reveal();
    spec.request(nock(spec.origin), raw).reply(200, spec.live.body, spec.live.headers);
    const outcome = await spec.adapter.verify!(cred, harness.ctx);
    expect(expectDone(outcome)).toEqual(spec.identity);
    expectContained(harness, raw, spec.origin, [outcome]);
  });

  it(`reports a dead credential (${spec.dead.status}) as not live`, async () => {
    const cred = spec.credential();
    spec.request(nock(spec.origin), cred.secret.reveal()).reply(spec.dead.status, spec.dead.body);
    const outcome = await spec.adapter.verify!(cred, harness.ctx);
    expect(outcome.status).toBe('not-live');
    expectContained(harness, cred.secret.reveal(), spec.origin, [outcome]);
  });

}

