// Most adapters are one HTTP call that says who a credential belongs to (and often what it may do),
// and perhaps one that revokes it. httpAdapter declares those calls and keeps the rest in one
// place: the request built with the secret (revealed here, and only here, to go to the provider's
// own endpoint), failures classified by callProvider, verify and describe answered by one call per
// credential, and what is provider knowledge (the endpoint, the auth scheme, the answer's schema and
// its meaning) left to the provider's file.
import type { z } from 'zod';
import type { Access, ActivitySummary, AdapterContext, Credential, Identity, Outcome, ProviderAdapter, Revocation, Setback, StepOrder } from './contract.js';
import { callProvider, type ProviderRequest } from './http.js';

/** How the leaked secret authenticates: a bearer token, HTTP basic with a user name, a header of its own, or the URL itself. */
export type HttpAuth = { bearer: true } | { basicUser: string } | { header: string; prefix?: string } | { inUrl: true };

export interface HttpCall<S, Schema extends z.ZodType> {
  /** For people and logs: 'Telegram getMe'. Never the URL. */
  what: string;
  method?: ProviderRequest<Schema>['method'];
  /** The endpoint from the provider's settings; `secret` is given only with `auth: { inUrl: true }`. */
  url: (settings: S, secret: string) => string;
  auth: HttpAuth;
  /** An object is sent as JSON; a function gets the secret, for APIs that take it in the body too. */
  body?: Record<string, unknown> | ((secret: string) => Record<string, unknown>);
  schema: Schema;
  /** Statuses that mean the credential does not work (default 401, 403, 404). */
  deadStatuses?: readonly number[];
  /** Error statuses whose body the mapping reads itself (GraphQL answers errors with a 400). */
  bodyStatuses?: readonly number[];
}

/** What a mapping makes of an answer: the data and a summary safe to show, or a setback. */
export type Answer<T> = { data: T; summary: string } | Setback;

export interface HttpAdapterSpec<S, I extends z.ZodType, R extends z.ZodType> {
  provider: string;
  manualRevokeUrl: string;
  order?: StepOrder;
  /** One call that answers verify and, with `access` or `activity`, describe or activity too: made once per credential. */
  inspect: HttpCall<S, I> & {
    identity: (data: z.infer<I>, credential: Credential) => Answer<Identity>;
    access?: (data: z.infer<I>, credential: Credential) => Answer<Access>;
    activity?: (data: z.infer<I>, credential: Credential) => Answer<ActivitySummary>;
  };
  revoke?: HttpCall<S, R> & { revoked: (data: z.infer<R>, credential: Credential) => Answer<Revocation> };
}

export function httpAdapter<S, I extends z.ZodType, R extends z.ZodType = z.ZodType>(spec: HttpAdapterSpec<S, I, R>): ProviderAdapter<S> {
  // verify and describe (or activity) run one after the other in one job, with the same credential:
  // a live answer is kept for it, so they make one call; a failure is not, so asking again asks again.
  const inspected = new WeakMap<Credential, Outcome<z.infer<I>>>();
  const inspect = async (credential: Credential, ctx: AdapterContext<S>): Promise<Outcome<z.infer<I>>> => {
    const known = inspected.get(credential);
    if (known !== undefined) return known;
    const answer = await send(spec.inspect, credential, ctx);
    if (answer.status === 'done') inspected.set(credential, answer);
    return answer;
  };
  const { identity, access, activity } = spec.inspect;
  const adapter: ProviderAdapter<S> = {
    provider: spec.provider,
    manualRevokeUrl: spec.manualRevokeUrl,
    ...(spec.order === undefined ? {} : { order: spec.order }),
    verify: async (credential, ctx) => mapOutcome(await inspect(credential, ctx), (data) => identity(data, credential)),
  };
  if (access !== undefined) adapter.describe = async (credential, ctx) => mapOutcome(await inspect(credential, ctx), (data) => access(data, credential));
  if (activity !== undefined) adapter.activity = async (credential, ctx) => mapOutcome(await inspect(credential, ctx), (data) => activity(data, credential));
  const revoke = spec.revoke;
  if (revoke !== undefined) adapter.revoke = async (credential, ctx) => mapOutcome(await send(revoke, credential, ctx), (data) => revoke.revoked(data, credential));
  return adapter;
}

/** The one place an HTTP adapter reveals the secret: into the request to the provider's own endpoint. */
async function send<S, Schema extends z.ZodType>(call: HttpCall<S, Schema>, credential: Credential, ctx: AdapterContext<S>): Promise<Outcome<z.infer<Schema>>> {
  const secret = credential.secret.reveal();
  const auth = call.auth;
  const headers: Record<string, string> = {};
  if ('bearer' in auth) headers['authorization'] = `Bearer ${secret}`;
  else if ('basicUser' in auth) headers['authorization'] = `Basic ${Buffer.from(`${auth.basicUser}:${secret}`).toString('base64')}`;
  else if ('header' in auth) headers[auth.header] = `${auth.prefix ?? ''}${secret}`;
  const response = await callProvider(ctx, {
    what: call.what,
    ...(call.method === undefined ? {} : { method: call.method }),
    url: call.url(ctx.settings, 'inUrl' in auth ? secret : ''),
    headers,
    ...(call.body === undefined ? {} : { body: typeof call.body === 'function' ? call.body(secret) : call.body }),
    ...(call.deadStatuses === undefined ? {} : { deadStatuses: call.deadStatuses }),
    ...(call.bodyStatuses === undefined ? {} : { bodyStatuses: call.bodyStatuses }),
    schema: call.schema,
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  return { status: 'done', data: response.data, summary: call.what };
}

function mapOutcome<T, U>(outcome: Outcome<T>, map: (data: T) => Answer<U>): Outcome<U> {
  if (outcome.status !== 'done') return outcome;
  const answer = map(outcome.data);
  return 'status' in answer ? answer : { status: 'done', data: answer.data, summary: answer.summary };
}
