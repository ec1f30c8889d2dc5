// POST /api/github/webhooks: leakstop's own handler in place of Probot's middleware, whose 9 s timeout
// answered 202 for bodies that never arrived, which read bodies of any size, and which logged whole
// payloads. Order matters: everything the headers can refuse (unsigned, unknown event, too large,
// over the memory budget) is refused before a byte of the body is read; the body is read under a
// cap and a deadline; then the signature, the JSON, the event's shape; then the handlers run and
// are awaited, so 200 means the job is in Redis and anything else lets GitHub record a failure.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_WEBHOOK_BODY_BUDGET_MB } from '../config/operator-env.js';
import { errorSummary } from '../error-summary.js';
import type { Logger } from '../log.js';
import { isAcceptedEvent, payloadFitsEvent, SUBSCRIBED_EVENTS, type AcceptedEvent } from './accepted-events.js';
import { BodyBudget } from './body-budget.js';
import { BodyReadError, describeBytes, discardBody, readBody } from './read-body.js';

/** GitHub caps webhook payloads at 25 MB. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface WebhookLimits {
  /** Larger bodies are answered 413; GitHub's own maximum by default. */
  maxBodyBytes: number;
  /** A body that has not arrived this long after its headers is answered 503. */
  bodyTimeoutMs: number;
  /** Bytes of bodies held at once, over all requests; past it a delivery is answered 503. */
  bodyBudgetBytes: number;
}

export const DEFAULT_WEBHOOK_LIMITS: WebhookLimits = {
  maxBodyBytes: MAX_BODY_BYTES,
  // GitHub waits 10 s for an answer; this leaves time to queue the job and answer.
  bodyTimeoutMs: 8_000,
  bodyBudgetBytes: DEFAULT_WEBHOOK_BODY_BUDGET_MB * 1024 * 1024,
};

/** Seconds a refused delivery is told to wait (Retry-After) when the process is busy. */
const RETRY_AFTER_SECONDS = 10;

/** What the endpoint needs of @octokit/webhooks (Probot's `probot.webhooks`). */
export interface WebhookReceiver {
  verify(payload: string, signature: string): Promise<boolean>;
  /** Runs the handlers of the event; rejects with @octokit/webhooks' AggregateError if any failed. */
  receive(event: { id: string; name: string; payload: unknown }): Promise<void>;
}

const SIGNATURE = /^sha256=[0-9a-f]{64}$/;
const JSON_CONTENT_TYPE = /^\s*application\/json\s*(?:;|$)/i;

/** A delivery refused with `status`; `close` when its body was not read and must not be. */
class Refusal extends Error {
  override name = 'Refusal';

  constructor(
    readonly status: number,
    message: string,
    readonly close: boolean,
    /** Bytes of the body, when it was read. */
    readonly bodyBytes?: number,
  ) {
    super(message);
  }
}

interface DeliveryHeaders {
  id: string;
  event: AcceptedEvent;
  signature: string;
  contentLength: number | undefined;
}

export function createWebhookEndpoint(deps: { webhooks: WebhookReceiver; log: Logger; limits?: Partial<WebhookLimits> }): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const limits: WebhookLimits = { ...DEFAULT_WEBHOOK_LIMITS, ...deps.limits };
  const budget = new BodyBudget(limits.bodyBudgetBytes);

  return async (request, response) => {
    let headers: DeliveryHeaders;
    try {
      headers = checkHeaders(request, limits);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refuse(response, error, deps.log, { deliveryId: headerForLog(request, 'x-github-delivery'), event: headerForLog(request, 'x-github-event') });
      return;
    }
    const log = deps.log.child({ deliveryId: headers.id, event: headers.event });
    // A chunked body (GitHub always sends a length) reserves the most it may grow to.
    const reserved = headers.contentLength ?? limits.maxBodyBytes;
    if (!budget.tryReserve(reserved)) {
      const refusal = new Refusal(
        503,
        `${describeBytes(budget.inFlightBytes)} of webhook bodies are in flight and ${describeBytes(reserved)} more would pass the ${describeBytes(budget.limitBytes)} budget (WEBHOOK_BODY_BUDGET_MB): redeliver this delivery`,
        false,
      );
      // Read and dropped, not kept: answered before the body is in, the sender (still writing it)
      // would see the connection reset rather than this answer.
      const drained = await discardBody(request, limits.bodyTimeoutMs);
      refuse(response, drained ? refusal : new Refusal(refusal.status, refusal.message, true), log, { contentLength: headers.contentLength, inFlightBytes: budget.inFlightBytes, retryAfter: true });
      return;
    }
    try {
      await receiveDelivery(request, response, headers, { ...deps, log, limits });
    } finally {
      budget.release(reserved);
    }
  };
}

/** Everything the headers alone can refuse, before the body is read. */
function checkHeaders(request: IncomingMessage, limits: WebhookLimits): DeliveryHeaders {
  if (request.method !== 'POST') throw new Refusal(405, `webhooks are POSTed, not ${request.method ?? 'sent without a method'}`, true);
  const contentType = request.headers['content-type'];
  if (contentType === undefined || !JSON_CONTENT_TYPE.test(contentType)) {
    throw new Refusal(415, 'the Content-Type is not application/json: set the webhook content type to application/json in the app settings', true);
  }
  const signature = request.headers['x-hub-signature-256'];
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) {
    throw new Refusal(400, 'X-Hub-Signature-256 is missing or not sha256=<64 hex digits>: GitHub signs deliveries only when the app has a webhook secret, so set one (WEBHOOK_SECRET)', true);
  }
  const id = request.headers['x-github-delivery'];
  const event = request.headers['x-github-event'];
  if (typeof id !== 'string' || id === '' || typeof event !== 'string' || event === '') {
    throw new Refusal(400, 'X-GitHub-Delivery or X-GitHub-Event is missing: only GitHub deliveries are taken here', true);
  }
  if (!isAcceptedEvent(event)) {
    throw new Refusal(400, `leakstop does not subscribe to "${event.slice(0, 100)}" events: untick them under "Subscribe to events" in the app's settings (it handles ${SUBSCRIBED_EVENTS.join(', ')})`, true);
  }
  const length = request.headers['content-length'];
  const contentLength = length === undefined ? undefined : Number(length);
  if (contentLength !== undefined && contentLength > limits.maxBodyBytes) {
    throw new Refusal(413, `the request body is ${describeBytes(contentLength)}, over the ${describeBytes(limits.maxBodyBytes)} GitHub ever sends`, true);
  }
  return { id, event, signature, contentLength };
}

async function receiveDelivery(
  request: IncomingMessage,
  response: ServerResponse,
  headers: DeliveryHeaders,
  deps: { webhooks: WebhookReceiver; log: Logger; limits: WebhookLimits },
): Promise<void> {
  const delivery = await readDelivery(request, headers, deps);
  if (delivery instanceof Refusal) {
    refuse(response, delivery, deps.log, { contentLength: headers.contentLength, ...(delivery.bodyBytes === undefined ? {} : { bodyBytes: delivery.bodyBytes }), retryAfter: delivery.status === 503 });
    return;
  }
  try {
    await deps.webhooks.receive({ id: headers.id, name: headers.event, payload: delivery.payload });
  } catch (error) {
    const failure = handlerFailure(error);
    deps.log.error({ status: failure.status, bodyBytes: delivery.bodyBytes, err: errorSummary(error) }, 'webhook delivery failed');
    sendJson(response, failure.status, { error: failure.message });
    return;
  }
  response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
}

/**
 * The body, its signature checked, parsed and fitting its event; or why not. Its own function so
 * that the raw bytes and the text are unreachable (collectable) while the handlers run.
 */
async function readDelivery(
  request: IncomingMessage,
  headers: DeliveryHeaders,
  deps: { webhooks: WebhookReceiver; limits: WebhookLimits },
): Promise<{ payload: unknown; bodyBytes: number } | Refusal> {
  let text: string;
  let bodyBytes: number;
  try {
    const body = await readBody(request, { maxBytes: deps.limits.maxBodyBytes, deadlineMs: deps.limits.bodyTimeoutMs, expectedBytes: headers.contentLength });
    bodyBytes = body.length;
    text = body.toString('utf8');
  } catch (error) {
    if (!(error instanceof BodyReadError)) throw error;
    return new Refusal(error.status, error.message, true);
  }
  if (!(await deps.webhooks.verify(text, headers.signature))) {
    return new Refusal(400, "signature does not match the body: check that WEBHOOK_SECRET is the webhook secret set in the app's settings", false, bodyBytes);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return new Refusal(400, 'the body is not JSON', false, bodyBytes);
  }
  if (!payloadFitsEvent(headers.event, payload)) {
    return new Refusal(400, `the payload is not a "${headers.event}" event: X-GitHub-Event names another event than the one sent`, false, bodyBytes);
  }
  return { payload, bodyBytes };
}

/** The status and message of a handler's failure: @octokit/webhooks wraps them in an AggregateError. */
function handlerFailure(error: unknown): { status: number; message: string } {
  const first = error instanceof AggregateError && error.errors.length > 0 ? (error.errors[0] as unknown) : error;
  const summary = errorSummary(first);
  return { status: summary.status ?? 500, message: `${summary.name}: ${summary.message}` };
}

/**
 * Answers a refused delivery and logs why, with its ids and sizes. A refusal before the body was
 * read closes the connection: keeping it alive would make Node read (drain) the rest of the body.
 */
function refuse(
  response: ServerResponse,
  refusal: Refusal,
  log: Logger,
  fields: { deliveryId?: string | undefined; event?: string | undefined; contentLength?: number | undefined; bodyBytes?: number; inFlightBytes?: number; retryAfter?: boolean },
): void {
  const { retryAfter, ...logFields } = fields;
  log.warn({ ...logFields, status: refusal.status, reason: refusal.message }, 'webhook delivery refused');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfter === true) headers['retry-after'] = String(RETRY_AFTER_SECONDS);
  // Node closes the connection once the answer is sent, without reading the rest of the body.
  if (refusal.close) headers.connection = 'close';
  response.writeHead(refusal.status, headers).end(`${JSON.stringify({ error: refusal.message })}\n`);
}

/** A header of a refused request, short enough for a log line whoever sent it. */
function headerForLog(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value.slice(0, 100) : undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body)}\n`);
}
