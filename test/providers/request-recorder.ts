// nock for the tests of clients that do not use ProviderContext.fetch (the AWS SDK, rotation sinks):
// no real network, every request recorded with its headers and body, and checks that nothing went
// unmatched, no mock was left unused, and no raw secret travelled anywhere it must not.
import nock from 'nock';
import { expect } from 'vitest';

export interface RecordedRequest {
  host: string;
  method: string;
  path: string;
  headers: string;
  body: string;
}

export interface HttpMock {
  requests: RecordedRequest[];
  /** nock(origin), recording every request it answers. */
  scope(origin: string): nock.Scope;
  /** Asserts no unmatched request and no unused mock; call before dispose. */
  verifyDone(): void;
  /** Asserts `secret` appears in no request, except (when given) in those to `allowedHost`. */
  expectNotSent(secret: string, allowedHost?: string): void;
  dispose(): void;
}

export function mockHttp(): HttpMock {
  nock.disableNetConnect();
  const requests: RecordedRequest[] = [];
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; host?: string; hostname?: string; path?: string }): void => {
    unmatched.push(`${req.method ?? '?'} ${req.hostname ?? req.host ?? '?'}${req.path ?? ''}`);
  };
  nock.emitter.on('no match', onNoMatch);
  return {
    requests,
    scope(origin) {
      const scope = nock(origin);
      scope.on('request', (req: { method: string; path: string; headers: Record<string, unknown> }, _interceptor: unknown, body: string) => {
        requests.push({ host: new URL(origin).host, method: req.method, path: req.path, headers: JSON.stringify(req.headers), body });
      });
      return scope;
    },
    verifyDone() {
      expect(unmatched, 'requests no mock matched').toEqual([]);
      expect(nock.pendingMocks(), 'mocks never used').toEqual([]);
    },
    expectNotSent(secret, allowedHost) {
      for (const request of requests) {
        if (request.host === allowedHost) continue;
        const where = `${request.method} ${request.host}${request.path}`;
        expect(request.body, `secret in the body of ${where}`).not.toContain(secret);
        expect(request.headers, `secret in the headers of ${where}`).not.toContain(secret);
        expect(decodeURIComponent(request.path), `secret in the path of ${where}`).not.toContain(secret);
      }
    },
    dispose() {
      nock.emitter.off('no match', onNoMatch);
      nock.cleanAll();
    },
  };
}

/** The form field `name` of an AWS query-protocol body (Action=...&Version=...). */
export function formField(body: unknown, name: string): string | null {
  if (typeof body === 'string') return new URLSearchParams(body).get(name);
  if (typeof body === 'object' && body !== null) {
    const value = (body as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : null;
  }
  return null;
}
