// One HTTP call to a provider, turned into data or a Setback the same way for every adapter:
// 401/403/404 mean the credential is dead (for verify), 429 and 5xx are retryable with the
// provider's Retry-After, anything else fails for a human to look at. Summaries name the call by
// its template ('GitHub GET /user'), never by its URL, which for some providers holds the secret.
import type { z } from 'zod';
import type { Secret } from '../detect/secret.js';
import type { AdapterContext, Setback, Unsupported } from './contract.js';

/** A provider (or sink) that has not answered by then is retried later. */
export const PROVIDER_TIMEOUT_MS = 15_000;
const DEFAULT_DEAD_STATUSES: readonly number[] = [401, 403, 404];

export interface ProviderRequest<S extends z.ZodType> {
  /** For people and logs: 'GitHub GET /user'. Never the URL itself. */
  what: string;
  method?: 'GET' | 'POST' | 'DELETE' | 'PATCH' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; URLSearchParams as a form. */
  body?: Record<string, unknown> | URLSearchParams;
  /** Statuses that mean the credential does not work. Revoke calls narrow this (403 there is a refusal). */
  deadStatuses?: readonly number[];
  /** Error statuses whose body the adapter reads itself (GraphQL APIs report errors in a 400 body). */
  bodyStatuses?: readonly number[];
  /** Shape of a successful answer; an empty body is parsed as undefined. */
  schema: S;
  /** Every secret the request carries, scrubbed from any text that could reach a summary. */
  secrets: readonly Secret[];
}

export type ProviderResponse<T> = { ok: true; data: T; status: number; headers: Headers } | { ok: false; setback: Setback };

/** Sends the request and classifies the answer; never throws for a provider's or network's failure. */
export async function callProvider<S extends z.ZodType>(ctx: Pick<AdapterContext, 'fetch' | 'now'>, request: ProviderRequest<S>): Promise<ProviderResponse<z.infer<S>>> {
  let response: Response;
  try {
    response = await ctx.fetch(request.url, buildInit(request));
  } catch (error) {
    return { ok: false, setback: failed(true, `${request.what}: ${networkReason(error)}`, request.secrets) };
  }
  const text = await readBody(response);
  if (!response.ok && !request.bodyStatuses?.includes(response.status)) return { ok: false, setback: classifyFailure(response, request, ctx.now()) };
  const parsed = request.schema.safeParse(parseBody(text));
  if (!parsed.success) {
    return { ok: false, setback: failed(false, `${request.what} answered ${response.status} with a body leakstop does not understand`, request.secrets) };
  }
  return { ok: true, data: parsed.data as z.infer<S>, status: response.status, headers: response.headers };
}

function buildInit(request: ProviderRequest<z.ZodType>): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'leakstop', ...request.headers };
  let body: string | undefined;
  if (request.body instanceof URLSearchParams) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = request.body.toString();
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  // A redirect could carry the secret to another host: providers' APIs do not redirect, so refuse.
  return { method: request.method ?? 'GET', headers, body, redirect: 'error', signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) };
}

async function readBody(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function classifyFailure(response: Response, request: ProviderRequest<z.ZodType>, now: Date): Setback {
  const { status } = response;
  const where = `${request.what} answered ${status}`;
  if (isRateLimited(response)) {
    const retryAfterSeconds = retryAfter(response.headers, now);
    const wait = retryAfterSeconds === undefined ? '' : `; retry after ${retryAfterSeconds} s`;
    return failed(true, `${where}: rate limited${wait}`, request.secrets, retryAfterSeconds);
  }
  if (status >= 500) return failed(true, `${where}: the provider had an error`, request.secrets, retryAfter(response.headers, now));
  if ((request.deadStatuses ?? DEFAULT_DEAD_STATUSES).includes(status)) {
    return { status: 'not-live', summary: scrub(`${where}: the credential is not valid (revoked, expired or never real)`, request.secrets) };
  }
  return failed(false, `${where}: the request was refused`, request.secrets);
}

/** 429, or GitHub's primary limit: 403 with no requests remaining. */
function isRateLimited(response: Response): boolean {
  return response.status === 429 || (response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0');
}

/** Retry-After as seconds or an HTTP date, else GitHub's x-ratelimit-reset (epoch seconds). */
export function retryAfter(headers: Headers, now: Date): number | undefined {
  const header = headers.get('retry-after');
  if (header !== null) {
    if (/^[0-9]{1,9}(?:\.[0-9]{1,6})?$/.test(header.trim())) return Math.ceil(Number(header));
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null && /^[0-9]{9,12}$/.test(reset)) return Math.max(0, Number(reset) - Math.floor(now.getTime() / 1000));
  return undefined;
}

/** The error's code (ECONNREFUSED, TimeoutError...), never its message: undici's may quote the URL. */
export function networkReason(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
    const cause: unknown = error.cause;
    if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return `network error (${cause.code})`;
  }
  return 'network error';
}

export function failed(retryable: boolean, summary: string, secrets: readonly Secret[], retryAfterSeconds?: number): Setback {
  return { status: 'failed', retryable, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }), summary: scrub(summary, secrets) };
}

export function unsupported(summary: string, manualUrl: string): Unsupported {
  return { status: 'unsupported', summary, manualUrl };
}

/** Last line of defence: any raw secret in a text becomes its redacted form. */
export function scrub(text: string, secrets: readonly Secret[]): string {
  let clean = text;
  for (const secret of secrets) {
    const raw = secret.reveal();
    if (raw.length > 0) clean = clean.split(raw).join(secret.redacted);
  }
  return clean;
}
