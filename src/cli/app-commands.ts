// `leakstop web`, `leakstop worker` and `leakstop start`: the GitHub App's processes. They check the
// environment and Redis before taking any work, and on SIGTERM/SIGINT drain: stop accepting
// webhooks and jobs, let running jobs finish (up to a grace period), close queues and Redis, exit 0.
import type { Server } from 'node:http';
import { Probot } from 'probot';
import { leakstopApp } from '../app.js';
import { parseOperatorEnv, type OperatorSettings, type ProcessRole } from '../config/operator-env.js';
import { createLogger, type Logger } from '../log.js';
import { createQueues, enqueueScanJobs, withEnqueueTimeout, type ScanQueues } from '../queue/queues.js';
import { checkEvictionPolicy, createRedisConnection, describeRedisUrl, waitForRedis, type RedisClient } from '../queue/redis-connection.js';
import { RedisIncidentStore } from '../queue/redis-incident-store.js';
import { errorSummary } from '../queue/process-scan-job.js';
import { createScanWorker, type ScanWorkers, type ScanWorkerSettings } from '../queue/worker.js';
import type { ScanJobDeps } from '../queue/process-scan-job.js';
import { RedisResponseStore } from '../queue/redis-response-store.js';
import { RedisRevokeBudget } from '../queue/redis-revoke-budget.js';
import { credentialJobs, reportJobFor, ResponseQueue, type ApprovalJob } from '../queue/response-jobs.js';
import { createResponseWorker, type ResponseWorkerSettings } from '../queue/response-worker.js';
import { createAwsAdapter, parseAwsSettings } from '../providers/aws-adapter.js';
import { createGithubAdapter } from '../providers/github-adapter.js';
import type { ProviderAdapter } from '../respond/adapter.js';
import { adapterFor } from '../respond/adapters.js';
import { parseResponseEnv, responseEnabled } from '../respond/response-env.js';
import { createRotationSink } from '../respond/sinks/create-rotation-sink.js';
import { startWorkerThread, workerThreadAvailable } from '../queue/worker-thread.js';
import { createWebServer, listen, WEBHOOK_PATH } from '../webhooks/web-server.js';
import type { CliIO } from './main.js';

/** Credentials per response flow (a report job writes each one's incident and the check run once). */
const CREDENTIALS_PER_RUN = 100;

/** How long a shutdown waits for running scans before handing them back to the queue. */
export const SHUTDOWN_GRACE_MS = 25_000;

export interface AppProcessOptions {
  /** Overrides of the worker's queue timings (tests use short stalled intervals). */
  worker?: Partial<ScanWorkerSettings>;
  /** Overrides of the response worker's timings (tests use short retry delays). */
  response?: Partial<ResponseWorkerSettings>;
  /** Where log lines go (tests inspect them); stdout when absent. */
  log?: Logger;
  /** Listen host for the web server; all interfaces when absent. */
  host?: string;
  shutdownGraceMs?: number;
  /**
   * For `start`: run the scan workers on a worker thread, so scans never hold up webhook answers.
   * 'auto' (the default) does so in the compiled build; the TypeScript sources under a test runner
   * cannot start one and run the workers on the main thread.
   */
  workerThread?: boolean | 'auto';
}

/** The running processes of one role, and how to stop them cleanly. */
export interface AppProcess {
  settings: OperatorSettings;
  /** The port the web server listens on (for `web` and `start`). */
  port?: number;
  server?: Server;
  queues?: ScanQueues;
  workers?: ScanWorkers;
  /** Drains and closes everything; safe to call more than once. */
  close(): Promise<void>;
  /** Settles if a part stops on its own (the worker thread died): the process should exit non-zero. */
  failed: Promise<Error>;
}

/** Starts the role's processes in this Node process and returns once they accept work. */
export async function startAppProcess(role: ProcessRole, env: NodeJS.ProcessEnv, options: AppProcessOptions = {}): Promise<AppProcess> {
  const settings = parseOperatorEnv(env, role);
  const log = options.log ?? createLogger({ level: settings.logLevel });
  const client = createRedisConnection(settings.redisUrl, 'client', log, { cluster: settings.redisCluster });
  const closers: (() => Promise<void>)[] = [() => quit(client)];
  const intake: (() => Promise<void>)[] = [];
  const closeEverything = async (): Promise<void> => {
    // Stop taking webhooks first, then drain the workers, then close queues and connections.
    await closeAll(intake);
    await closeAll(closers);
  };
  try {
    await waitForRedis(client, settings.redisUrl);
    await checkEvictionPolicy(client, log);
    const probot = new Probot({
      appId: settings.appId,
      privateKey: settings.privateKey,
      // The worker never verifies webhooks; Probot insists on some secret.
      secret: settings.webhookSecret || 'unused-by-the-worker',
      baseUrl: settings.github.apiBaseUrl,
      log,
      // Deliberately no redisConfig: Probot would fetch ioredis with npx at run time for it.
    });
    const running: AppProcess = { settings, close: closeEverything, failed: new Promise<Error>(() => {}) };
    const context: StartContext = { probot, client, log, options, closers, intake, env };
    if (role !== 'worker') await startWeb(running, context);
    if (role === 'worker' || (role === 'start' && !useWorkerThread(options))) startWorkers(running, context);
    else if (role === 'start') await startWorkersOnThread(running, env, context);
    log.info({ role, port: running.port, redis: describeRedisUrl(settings.redisUrl), prefix: settings.queuePrefix, cluster: settings.redisCluster, api: settings.github.apiBaseUrl }, 'leakstop started');
    return running;
  } catch (error) {
    await closeEverything();
    throw error;
  }
}

interface StartContext {
  probot: Probot;
  client: RedisClient;
  log: Logger;
  options: AppProcessOptions;
  /** Run in reverse order at shutdown: the last started is the first stopped. */
  closers: (() => Promise<void>)[];
  /** What stops new work arriving (the HTTP server): closed before anything else. */
  intake: (() => Promise<void>)[];
  env: NodeJS.ProcessEnv;
}

async function startWeb(running: AppProcess, context: StartContext): Promise<void> {
  const { settings } = running;
  const producer = createRedisConnection(settings.redisUrl, 'producer', context.log, { cluster: settings.redisCluster });
  context.closers.push(() => quit(producer));
  const queues = createQueues(producer, { prefix: settings.queuePrefix });
  context.closers.push(() => queues.close());
  await queues.ready();
  // Approvals ("Revoke now", `/leakstop revoke`) go to the response queue, unless the response is off.
  const responseOn = responseEnabled(context.env);
  const responseQueue = responseOn ? new ResponseQueue(producer, settings.queuePrefix) : undefined;
  if (responseQueue !== undefined) context.closers.push(() => responseQueue.close());
  const app = leakstopApp({
    enqueue: (jobs) => enqueueScanJobs(queues, jobs),
    ...(responseQueue === undefined ? {} : { enqueueApproval: (job: ApprovalJob) => withEnqueueTimeout(responseQueue.addApproval(job)) }),
    appId: settings.appId,
    log: context.log,
  });
  const server = await createWebServer({ probot: context.probot, app, redis: context.client, queues, log: context.log });
  running.port = await listen(server, settings.port, context.options.host);
  running.server = server;
  running.queues = queues;
  context.intake.push(() => closeServer(server));
  context.log.info({ port: running.port, path: WEBHOOK_PATH }, 'receiving webhooks');
}

function startWorkers(running: AppProcess, context: StartContext): void {
  const { settings } = running;
  const connection = createRedisConnection(settings.redisUrl, 'worker', context.log, { cluster: settings.redisCluster });
  context.closers.push(() => quit(connection));
  const incidents = new RedisIncidentStore(context.client, { prefix: settings.queuePrefix });
  const response = startResponse(running, context, incidents);
  const workers = createScanWorker({
    connection,
    github: (installationId) => context.probot.auth(installationId),
    incidents,
    log: context.log,
    endpoints: settings.github,
    settings: { prefix: settings.queuePrefix, concurrency: settings.workerConcurrency, ...context.options.worker },
    ...(response === undefined ? {} : response),
  });
  running.workers = workers;
  context.closers.push(() => workers.close(context.options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS));
  context.log.info({ concurrency: settings.workerConcurrency }, 'processing scan jobs');
}

/**
 * The leak response's queue and worker, unless LEAKSTOP_RESPONSE=off; returns what the scan worker
 * calls to queue a scan's response. A bad response setting stops the worker at start-up.
 */
function startResponse(running: AppProcess, context: StartContext, incidents: RedisIncidentStore): Pick<Required<ScanJobDeps>, 'respond' | 'refreshResponse'> | undefined {
  const { settings } = running;
  const responseEnv = parseResponseEnv(context.env);
  if (!responseEnv.enabled) {
    context.log.warn('LEAKSTOP_RESPONSE=off: leaked credentials are reported, never verified or revoked');
    return undefined;
  }
  const producer = createRedisConnection(settings.redisUrl, 'producer', context.log, { cluster: settings.redisCluster });
  context.closers.push(() => quit(producer));
  const queue = new ResponseQueue(producer, settings.queuePrefix);
  context.closers.push(() => queue.close());
  // Adapters with operator state: GitHub's revocation budget is shared by every worker through Redis;
  // AWS's operator credentials are read now, so a bad LEAKSTOP_AWS_* stops the worker at start-up.
  const configured = new Map<string, ProviderAdapter>([
    ['github', createGithubAdapter({ revoker: { budget: new RedisRevokeBudget(context.client, { prefix: settings.queuePrefix }) } })],
    ['aws', createAwsAdapter({ settings: parseAwsSettings(context.env), env: context.env })],
  ]);
  const adapterOf = (provider: string): ProviderAdapter | undefined => configured.get(provider) ?? adapterFor(provider);
  const now = (): Date => new Date();
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  const sink = responseEnv.sink === undefined ? undefined : createRotationSink(responseEnv.sink, { fetch, env: context.env, now });
  const connection = createRedisConnection(settings.redisUrl, 'worker', context.log, { cluster: settings.redisCluster });
  context.closers.push(() => quit(connection));
  const worker = createResponseWorker({
    connection,
    settings: { prefix: settings.queuePrefix, ...(context.options.worker?.stalledInterval === undefined ? {} : { stalledInterval: context.options.worker.stalledInterval }), ...context.options.response },
    github: (installationId) => context.probot.auth(installationId),
    incidents,
    store: new RedisResponseStore(context.client, { prefix: settings.queuePrefix }),
    adapterFor: adapterOf,
    provider: { fetch, settings: responseEnv.providers, now },
    sink,
    sealKey: responseEnv.sealKey,
    queue,
    htmlBaseUrl: settings.github.htmlBaseUrl,
    appId: settings.appId,
    operatorDryRun: responseEnv.dryRun,
    log: context.log,
  });
  context.closers.push(() => worker.close(context.options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS));
  context.log.info({ dryRun: responseEnv.dryRun, sink: responseEnv.sink?.kind ?? 'none', sealKey: responseEnv.sealKey.id }, 'leak response on');
  const options = { sealKey: responseEnv.sealKey, operator: responseEnv, respondsTo: (provider: string) => adapterOf(provider) !== undefined };
  const chunks = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / CREDENTIALS_PER_RUN) }, (_, i) => items.slice(i * CREDENTIALS_PER_RUN, (i + 1) * CREDENTIALS_PER_RUN));
  const runId = (scanJobId: string, index: number): string => (index === 0 ? scanJobId : `${scanJobId}-${index}`);
  return {
    respond: async (request) => {
      // A backfill of a long history can find hundreds: one flow per chunk keeps each report job small.
      for (const [index, chunk] of chunks(credentialJobs(request, options)).entries()) await queue.add(runId(request.scanJobId, index), reportJobFor(chunk), chunk);
    },
    refreshResponse: async (request) => {
      const seen = new Set<string>();
      const credentials = request.findings.filter((f) => adapterOf(f.provider) !== undefined && !seen.has(f.fingerprint) && seen.add(f.fingerprint));
      for (const [index, chunk] of chunks(credentials).entries()) {
        await queue.addReport(`refresh-${runId(request.scanJobId, index)}`, {
          installationId: request.installationId,
          source: request.source,
          incidentRepo: request.incidentRepo,
          ...(request.headSha === undefined ? {} : { checkRun: { headSha: request.headSha } }),
          credentials: chunk.map((f) => ({ fingerprint: f.fingerprint, title: f.title.slice(0, 200), redacted: f.secret.redacted.slice(0, 100) })),
        });
      }
    },
  };
}

function useWorkerThread(options: AppProcessOptions): boolean {
  const wanted = options.workerThread ?? 'auto';
  return wanted === 'auto' ? workerThreadAvailable() : wanted;
}

async function startWorkersOnThread(running: AppProcess, env: NodeJS.ProcessEnv, context: StartContext): Promise<void> {
  const plainEnv = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const thread = await startWorkerThread({
    env: plainEnv,
    worker: context.options.worker ?? {},
    ...(context.options.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: context.options.shutdownGraceMs }),
  });
  running.failed = thread.failed;
  context.closers.push(() => thread.close());
  context.log.info('scan workers run on a worker thread');
}

/** Closes in reverse start order; each step runs even if an earlier one failed. */
async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  const errors: unknown[] = [];
  while (closers.length > 0) {
    const close = closers.pop();
    try {
      await close?.();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, 'leakstop did not shut down cleanly');
}

async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets with no request in flight would otherwise hold close() open.
    server.closeIdleConnections();
  });
}

async function quit(redis: RedisClient): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    // Already disconnected: nothing to flush.
    redis.disconnect();
  }
}

/** What the CLI needs from the process: signals to wait for. */
export interface SignalSource {
  once(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

/**
 * The CLI entry: runs the role until SIGTERM or SIGINT, then drains and returns exit code 0.
 * `options` lets tests shorten the queue timings; the CLI passes none.
 */
export async function runAppCommand(role: ProcessRole, io: CliIO, signals: SignalSource = process, options: AppProcessOptions = {}): Promise<number> {
  const log = options.log ?? createLogger({ level: parseOperatorEnv(io.env, role).logLevel });
  // ioredis and BullMQ reject some internal commands with no listener when a connection drops; the
  // connection recovers by itself, so such a rejection is logged rather than allowed to end the process.
  const onUnhandled = (reason: unknown): void => log.error({ err: errorSummary(reason) }, 'unhandled rejection');
  process.on('unhandledRejection', onUnhandled);
  try {
    return await runUntilSignal(role, io, signals, { ...options, log });
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}

async function runUntilSignal(role: ProcessRole, io: CliIO, signals: SignalSource, options: AppProcessOptions & { log: Logger }): Promise<number> {
  const { log } = options;
  const running = await startAppProcess(role, io.env, options);
  let stopSignal = (): void => {};
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    const onTerm = (): void => done('SIGTERM');
    const onInt = (): void => done('SIGINT');
    const done = (received: NodeJS.Signals): void => {
      stopSignal();
      resolve(received);
    };
    stopSignal = () => {
      signals.off('SIGTERM', onTerm);
      signals.off('SIGINT', onInt);
    };
    signals.once('SIGTERM', onTerm);
    signals.once('SIGINT', onInt);
  });
  const outcome = await Promise.race([signal, running.failed]);
  stopSignal();
  if (outcome instanceof Error) {
    log.fatal({ err: errorSummary(outcome) }, 'shutting down: a part of leakstop stopped');
    await running.close().catch(() => undefined);
    return 1;
  }
  const graceMs = options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS;
  log.info({ signal: outcome, graceMs }, 'shutting down: no new work; running scans get the grace period to finish');
  await running.close();
  log.info('shut down cleanly');
  return 0;
}
