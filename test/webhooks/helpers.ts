// What the webhook tests share: GitHub's own example payloads, signatures as GitHub computes them,
// an app identity with a throwaway private key, and the web server wired to a real Redis queue.
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { Probot } from 'probot';
import type { Redis } from 'ioredis';
import { leakstopApp } from '../../src/app.js';
import { createLogger, deliveryLogger, type Logger } from '../../src/log.js';
import type { ApprovalJob } from '../../src/queue/response-jobs.js';
import type { WebhookDelivery, WebhookDeps } from '../../src/webhooks/delivery.js';
import { createQueues, enqueueScanJobs, type ScanQueues } from '../../src/queue/queues.js';
import { createWebServer, listen, WEBHOOK_PATH } from '../../src/webhooks/web-server.js';
import type { WebhookLimits } from '../../src/webhooks/webhook-endpoint.js';

interface WebhookDefinition {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
const definitions = require('@octokit/webhooks-examples') as WebhookDefinition[];

/** The app id our tests run as: the one in GitHub's example check_run.rerequested payload. */
export const APP_ID = 2;
export const WEBHOOK_SECRET = `test-webhook-secret-${randomUUID()}`;
/** The installation GitHub's examples use where they have one. */
export const INSTALLATION_ID = 1;

let privateKey: string | undefined;

/** A freshly generated RSA key: Probot insists on one even when no token is ever requested. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return privateKey;
}

/**
 * A deep copy of GitHub's example payload for `event` (the first one `pick` accepts). Examples
 * recorded outside an app installation lack `installation`; app deliveries always carry it.
 */
export function examplePayload(event: string, pick: (payload: Record<string, unknown>) => boolean = () => true): Record<string, unknown> {
  const found = definitions.find((definition) => definition.name === event)?.examples.find(pick);
  if (found === undefined) throw new Error(`@octokit/webhooks-examples has no ${event} example that matches`);
  const payload = structuredClone(found);
  payload.installation ??= { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  return payload;
}

export function actionIs(action: string): (payload: Record<string, unknown>) => boolean {
  return (payload) => payload.action === action;
}

/** X-Hub-Signature-256 as GitHub computes it. */
export function sign(body: string, secret: string = WEBHOOK_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivery {
  event: string;
  payload: unknown;
  id?: string;
  /** Overrides the signature (a wrong one, for the tests that expect a refusal). */
  signature?: string;
}

export interface DeliveryResponse {
  status: number;
  text: string;
  ms: number;
}

/** POSTs a delivery as GitHub does: JSON body, event name, delivery GUID, signature. */
export async function deliver(baseUrl: string, delivery: Delivery): Promise<DeliveryResponse> {
  const body = JSON.stringify(delivery.payload);
  const started = performance.now();
  const response = await fetch(`${baseUrl}${WEBHOOK_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': delivery.event,
      'x-github-delivery': delivery.id ?? randomUUID(),
      'x-hub-signature-256': delivery.signature ?? sign(body),
      'user-agent': 'GitHub-Hookshot/test',
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** The headers GitHub sends with a delivery of `body`; `overrides` replaces (or with undefined, drops) some. */
export function deliveryHeaders(event: string, body: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'x-github-event': event,
    'x-github-delivery': randomUUID(),
    'x-hub-signature-256': sign(body),
    'user-agent': 'GitHub-Hookshot/test',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A delivery whose body the test writes when it chooses (or never): headers are sent at once. */
export interface OpenDelivery {
  request: ClientRequest;
  response: Promise<RawResponse>;
  /** Resolves when the connection is closed, by either side. */
  closed: Promise<void>;
  /** Whether the test had finished writing the body when the connection closed. */
  bodyFinished(): boolean;
}

export function openDelivery(baseUrl: string, headers: Record<string, string>): OpenDelivery {
  const request = httpRequest(`${baseUrl}${WEBHOOK_PATH}`, { method: 'POST', headers, agent: false });
  let finished = false;
  request.on('finish', () => (finished = true));
  // The server may close the connection while the body is still being written: that is the point.
  request.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => request.on('close', resolve));
  const response = new Promise<RawResponse>((resolve, reject) => {
    request.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('close', () => reject(new Error('the connection closed without an answer')));
  });
  response.catch(() => undefined);
  request.flushHeaders();
  return { request, response, closed, bodyFinished: () => finished };
}

export interface TestWebServer {
  baseUrl: string;
  queues: ScanQueues;
  server: Server;
  close(): Promise<void>;
}

/**
 * The web process as `leakstop web` builds it, on an ephemeral loopback port, storing jobs through
 * `producer` under `prefix`. `enqueueTimeoutMs` shortens the wait on a hung Redis.
 */
export async function startTestWebServer(options: {
  producer: Redis;
  client: Redis;
  prefix: string;
  enqueueTimeoutMs?: number;
  log?: Logger;
  /** False for a Redis that never answers. */
  waitReady?: boolean;
  /** Shorter deadlines and smaller budgets than the defaults, so tests stay fast. */
  limits?: Partial<WebhookLimits>;
}): Promise<TestWebServer> {
  const log = options.log ?? createLogger({ level: 'silent' });
  const queues = createQueues(options.producer, { prefix: options.prefix });
  // Closing a queue before it has finished connecting leaves BullMQ's start-up commands unanswered.
  if (options.waitReady !== false) await queues.ready();
  const probot = new Probot({ appId: APP_ID, privateKey: testPrivateKey(), secret: WEBHOOK_SECRET, log });
  const app = leakstopApp({ enqueue: (jobs) => enqueueScanJobs(queues, jobs, options.enqueueTimeoutMs), appId: APP_ID, log });
  const server = await createWebServer({ probot, app, redis: options.client, queues, log, ...(options.limits === undefined ? {} : { limits: options.limits }) });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    queues,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queues.close();
    },
  };
}

/** What an approval handler did with one delivery: the jobs it queued and why it logged what it did. */
export interface ApprovalOutcome {
  queued: ApprovalJob[];
  /** The `reason` of each line logged. */
  reasons: unknown[];
}

/**
 * Hands `payload` to an approval handler (`/leakstop revoke`, "Revoke now") as the app would, with
 * a queue that records approvals and refuses scans; `deps` overrides parts of it.
 */
export async function deliverApproval(
  handler: (delivery: WebhookDelivery, deps: WebhookDeps) => Promise<void>,
  event: string,
  payload: unknown,
  options: { id: string; deps?: Partial<WebhookDeps> },
): Promise<ApprovalOutcome> {
  const outcome: ApprovalOutcome = { queued: [], reasons: [] };
  const log = createLogger({ level: 'info', destination: { write: (line: string) => void outcome.reasons.push((JSON.parse(line) as { reason?: unknown }).reason) } });
  const delivery: WebhookDelivery = { id: options.id, event, payload, log: deliveryLogger(log, { id: options.id, event }) };
  const deps: WebhookDeps = {
    enqueue: () => Promise.reject(new Error(`${event} never queues a scan`)),
    enqueueApproval: (job) => {
      outcome.queued.push(job);
      return Promise.resolve(`approve-${job.deliveryId}`);
    },
    appId: APP_ID,
    ...options.deps,
  };
  await handler(delivery, deps);
  return outcome;
}
