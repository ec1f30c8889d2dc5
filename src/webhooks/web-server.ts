// The web process's HTTP server: GitHub's webhooks through our own endpoint (limits, signature
// check, then the app's handlers through Probot), and GET /healthz for load balancers. Nothing else
// is served.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EmitterWebhookEvent } from '@octokit/webhooks';
import type { ApplicationFunction, Probot } from 'probot';
import type { Logger } from '../log.js';
import { queueHealth } from '../queue/health.js';
import type { ScanQueues } from '../queue/queues.js';
import type { RedisClient } from '../queue/redis-connection.js';
import { createWebhookEndpoint, type WebhookLimits } from './webhook-endpoint.js';

export const HEALTH_PATH = '/healthz';
export const WEBHOOK_PATH = '/api/github/webhooks';

export interface WebServerDeps {
  probot: Probot;
  app: ApplicationFunction;
  /** A fail-fast client connection for the health check's PING. */
  redis: RedisClient;
  queues: Pick<ScanQueues, 'scan' | 'backfill' | 'scanReport'>;
  log: Logger;
  /** Body size, deadline and memory budget; GitHub's limits and ours by default. */
  limits?: Partial<WebhookLimits>;
}

export async function createWebServer(deps: WebServerDeps): Promise<Server> {
  await deps.probot.load(deps.app, { cwd: process.cwd(), addHandler: refuseHttpHandler });
  const webhooks = createWebhookEndpoint({
    webhooks: {
      verify: (payload, signature) => deps.probot.webhooks.verify(payload, signature),
      // The endpoint checked the event name and the payload's shape against that name.
      receive: (event) => deps.probot.webhooks.receive(event as EmitterWebhookEvent),
    },
    log: deps.log,
    ...(deps.limits === undefined ? {} : { limits: deps.limits }),
  });
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      deps.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'request failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method === 'GET' && pathOf(request) === HEALTH_PATH) {
      const health = await queueHealth(deps.redis, deps.queues);
      sendJson(response, health.status === 'ok' ? 200 : 503, health);
      return;
    }
    if (pathOf(request) === WEBHOOK_PATH) {
      await webhooks(request, response);
      return;
    }
    sendJson(response, 404, { error: `not found: ${request.method ?? ''} ${pathOf(request)}` });
  }

  // GitHub gives up on a delivery after 10 s; a slow client must not hold a socket much longer.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  return server;
}

/** The app serves no HTTP routes of its own (Probot lets apps add some): only this server's. */
function refuseHttpHandler(): void {
  throw new Error('leakstop serves no HTTP routes from its Probot app: add them to src/webhooks/web-server.ts');
}

/** The request's path; a trailing slash (a webhook URL entered as `…/webhooks/`) does not count. */
function pathOf(request: IncomingMessage): string {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body)}\n`);
}

/** Listens on `port` (0: any free port) on `host`, resolving with the port actually bound. */
export async function listen(server: Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : port;
}
