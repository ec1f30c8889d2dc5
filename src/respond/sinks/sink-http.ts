// HTTP plumbing for the rotation sinks: one JSON request,
// and the mapping of rate limits, server errors and network failures onto a failed Outcome. Nothing
// here ever puts a request's headers or body into a summary: only the service name, the status
// and the provider's own error code, so a secret sent in a header cannot end up in an incident.
import type { Outcome } from '../../providers/contract.js';
import { networkReason, PROVIDER_TIMEOUT_MS, retryAfter } from '../../providers/http.js';

export type FailedOutcome = Extract<Outcome<never>, { status: 'failed' }>;

export interface JsonReply {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

/** Longest provider error code or message we echo into a summary; providers never put the key in it, and we cut it short anyway. */
const MAX_ERROR_TEXT = 120;
/** A Retry-After further away than this is treated as "later", not as a schedule to follow. */
const MAX_RETRY_AFTER_SECONDS = 3600;

/** Sends one request and reads its JSON body; a network failure becomes a failed, retryable Outcome. */
export async function requestJson(fetchFn: typeof fetch, url: string, init: RequestInit, service: string): Promise<JsonReply | FailedOutcome> {
  let response: Response;
  try {
    // A redirect could carry the new secret to another host: sinks' APIs do not redirect, so refuse.
    response = await fetchFn(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  } catch (error) {
    return { status: 'failed', retryable: true, summary: `${service} could not be reached (${networkReason(error)})` };
  }
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseJson(text) };
}

export function isFailed(value: JsonReply | FailedOutcome): value is FailedOutcome {
  return 'retryable' in value;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), if it gives a usable one. */
export function retryAfterSeconds(headers: Headers, now: Date): number | undefined {
  const seconds = retryAfter(headers, now);
  return seconds === undefined ? undefined : Math.min(MAX_RETRY_AFTER_SECONDS, seconds);
}

/** The provider's error type or message from a JSON error body ({ error: { type, message } } or { error: "..." }), cut short. */
export function providerErrorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as Record<string, unknown>)['error'] ?? (body as Record<string, unknown>)['errors'];
  if (typeof error === 'string') return error.slice(0, MAX_ERROR_TEXT);
  if (Array.isArray(error) && typeof error[0] === 'string') return error[0].slice(0, MAX_ERROR_TEXT);
  if (typeof error === 'object' && error !== null) {
    const record = error as Record<string, unknown>;
    const text = record['code'] ?? record['type'] ?? record['message'];
    if (typeof text === 'string') return text.slice(0, MAX_ERROR_TEXT);
  }
  return undefined;
}

/**
 * The Outcome for a status that is neither success nor a definite answer about the credential:
 * 429 and 5xx are worth retrying (with the provider's Retry-After), anything else is not.
 */
export function unexpectedStatus(service: string, reply: JsonReply, now: Date): FailedOutcome {
  const detail = providerErrorText(reply.body);
  const suffix = detail === undefined ? '' : `: ${detail}`;
  if (reply.status === 429) {
    const wait = retryAfterSeconds(reply.headers, now);
    const outcome: FailedOutcome = { status: 'failed', retryable: true, summary: `${service} rate limit reached (HTTP 429)${suffix}` };
    if (wait !== undefined) outcome.retryAfterSeconds = wait;
    return outcome;
  }
  if (reply.status >= 500) return { status: 'failed', retryable: true, summary: `${service} answered HTTP ${reply.status}${suffix}` };
  return { status: 'failed', retryable: false, summary: `${service} answered HTTP ${reply.status}${suffix}` };
}

/** Joins a base URL from the operator's settings and an API path without doubling or dropping a slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/{1,10}$/, '')}/${path.replace(/^\/{1,10}/, '')}`;
}
