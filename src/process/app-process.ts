// The composition root of the GitHub App's processes (`leakstop web`, `worker`, `start`): reads the
// operator environment, checks Redis before taking any work, wires the web server, the scan workers
// and the leak response together, and closes them in order: stop accepting webhooks and jobs, let
// running jobs finish (up to a grace period), close queues and Redis. The CLI (cli/app-commands.ts)
// runs it until a signal; the worker thread (worker-thread-main.ts) runs its `worker` role.
import type { Server } from 'node:http';
import { Probot } from 'probot';
import { leakstopApp } from '../app.js';
import { InstallationWrites, prioritizedOctokit } from '../github/prioritized-writes.js';
import { parseOperatorEnv, type AppProcessSettings, type ProcessRole } from '../config/operator-env.js';
import { readOperatorCustomRules } from '../config/operator-custom-rules.js';
import type { CustomRuleSpec } from '../detect/custom-rule.js';
import { createLogger, type Logger } from '../log.js';
import { githubRequestPolicy } from '../github/request-policy.js';
import { createQueues, enqueueScanJobs, withEnqueueTimeout, type ScanQueues } from '../queue/queues.js';
import { checkEvictionPolicy, checkPersistence, createRedisConnection, describeRedisUrl, RedisConnections, waitForRedis, type ConnectionRole, type RedisClient } from '../queue/redis-connection.js';
import { RedisCheckRunStore } from '../queue/redis-check-run-store.js';
import { RedisIncidentStore } from '../queue/redis-incident-store.js';
import { createScanWorker, type ScanWorkers, type ScanWorkerSettings } from '../queue/worker.js';
import { RedisResponseStore } from '../queue/redis-response-store.js';
import { RedisRevokeBudget } from '../queue/redis-revoke-budget.js';
import { ResponseQueue, type ApprovalJob } from '../queue/response-jobs.js';
import { responseRequests, type ResponseRequests } from '../queue/response-requests.js';
import { createResponseWorker, type ResponseWorkerSettings } from '../queue/response-worker.js';
import { loadAdapters } from '../providers/index.js';
import type { ProviderAdapter } from '../providers/contract.js';
import { parseResponseEnv, responseEnabled } from '../respond/response-env.js';
import { createRotationSink } from '../respond/sinks/create-rotation-sink.js';
import { startWorkerThread, workerThreadAvailable } from './worker-thread.js';
import { createWebServer, listen, WEBHOOK_PATH } from '../webhooks/web-server.js';
import { RedisDeliveryLog } from '../queue/redis-delivery-log.js';
import { DEFAULT_RECONCILE_SETTINGS, deliveryLogTtlMs, startReconciler, type ReconcileSettings } from '../webhooks/reconcile-deliveries.js';

/**
 * How long a shutdown may take in all, whatever Redis or GitHub do: running jobs get most of it,
 * closing queues and connections the rest (closeReserveMs); then every connection is cut and the
 * jobs still running are left to stalled-job recovery (their locks expire and another worker takes
 * them). Under the 30 s a container orchestrator waits before SIGKILL.
 */
export const SHUTDOWN_GRACE_MS = 25_000;

/** The part of the grace kept for closing queues and connections after the workers' drain. */
export function closeReserveMs(graceMs: number): number {
  return Math.min(2_000, Math.floor(graceMs / 5));
}

export interface AppProcessOptions {
  /** Overrides of the worker's queue timings (tests use short stalled intervals). */
  worker?: Partial<ScanWorkerSettings>;
  /** Overrides of the response worker's timings (tests use short retry delays). */
  response?: Partial<ResponseWorkerSettings>;
  /** Where log lines go (tests inspect them); stdout when absent. */
  log?: Logger;
  /** Overrides of webhook reconciliation's bounds (window, pages, budget). */
  reconcile?: Partial<ReconcileSettings>;
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
  settings: AppProcessSettings;
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
  // Read where scans run (and by `start` for its worker thread too): a bad rule stops start-up here.
  const operatorRules = role === 'web' ? [] : readOperatorCustomRules(env);
  const log = options.log ?? createLogger({ level: settings.logLevel });
  const connections = new RedisConnections();
  const connect = (connectionRole: ConnectionRole): RedisClient => connections.add(createRedisConnection(settings.redisUrl, connectionRole, log, { cluster: settings.redisCluster }));
  const client = connect('client');
  const closers: (() => Promise<void>)[] = [() => quit(client)];
  const intake: (() => Promise<void>)[] = [];
  const atDeadline: (() => Promise<void>)[] = [];
  const graceMs = options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS;
  const drain = { endsAt: Number.POSITIVE_INFINITY };
  let closing: Promise<void> | undefined;
  const closeEverything = (): Promise<void> => {
    closing ??= shutDown({ graceMs, drain, intake, closers, atDeadline, connections, log });
    return closing;
  };
  try {
    await waitForRedis(client, settings.redisUrl);
    await checkEvictionPolicy(client, log);
    const persistence = await checkPersistence(client, log, { allowVolatile: settings.allowVolatileRedis });
    const requestPolicy = githubRequestPolicy(settings.githubTimeoutMs);
    const probot = new Probot({
      appId: settings.appId,
      privateKey: settings.privateKey,
      // The worker never verifies webhooks; Probot insists on some secret.
      secret: settings.webhookSecret || 'unused-by-the-worker',
      baseUrl: settings.github.apiBaseUrl,
      log,
      // A deadline on every GitHub request; waits (retries, rate limits) go back to the queue. And each
      // installation's writes in order: check runs before incident issues, a second apart.
      ...requestPolicy,
      Octokit: prioritizedOctokit(new InstallationWrites(), requestPolicy.Octokit),
      // Deliberately no redisConfig: Probot would fetch ioredis with npx at run time for it.
    });
    const running: AppProcess = { settings, close: closeEverything, failed: new Promise<Error>(() => {}) };
    const runsWorkers = role === 'worker' || (role === 'start' && !useWorkerThread(options));
    // Loaded before any work is taken, once: GitHub's revocation budget is shared by every worker
    // through Redis, and a bad LEAKSTOP_AWS_* stops the worker at start-up rather than failing the first leak.
    const adapters =
      runsWorkers && responseEnabled(env)
        ? await loadAdapters({ env, githubRevokeBudget: new RedisRevokeBudget(client, { prefix: settings.queuePrefix }) })
        : undefined;
    const drainLeftMs = (): number => Math.max(0, drain.endsAt - Date.now());
    const context: StartContext = { probot, client, connect, drainLeftMs, log, options, closers, intake, atDeadline, env, operatorRules, ...(adapters === undefined ? {} : { adapters }) };
    if (role !== 'worker') await startWeb(running, context);
    if (runsWorkers) startWorkers(running, context);
    else if (role === 'start') await startWorkersOnThread(running, env, context);
    log.info({ role, port: running.port, customRules: operatorRules.length, redis: describeRedisUrl(settings.redisUrl), persistence, prefix: settings.queuePrefix, cluster: settings.redisCluster, api: settings.github.apiBaseUrl }, 'leakstop started');
    return running;
  } catch (error) {
    await closeEverything();
    throw error;
  }
}

interface StartContext {
  probot: Probot;
  client: RedisClient;
  /** Opens a Redis connection that the shutdown cuts at its deadline if it has not closed by then. */
  connect: (role: ConnectionRole) => RedisClient;
  /** What is left of the workers' drain once the shutdown has begun: every drain shares one deadline. */
  drainLeftMs: () => number;
  log: Logger;
  options: AppProcessOptions;
  /** Run in reverse order at shutdown: the last started is the first stopped. */
  closers: (() => Promise<void>)[];
  /** What stops new work arriving (the HTTP server): closed before anything else. */
  intake: (() => Promise<void>)[];
  /** Run when the grace is over and something has not closed: stop it hard. */
  atDeadline: (() => Promise<void>)[];
  env: NodeJS.ProcessEnv;
  /** The operator's custom rules (LEAKSTOP_CUSTOM_RULES), run on every repository's scans. */
  operatorRules: readonly CustomRuleSpec[];
  /** The providers' response adapters, by provider id, for processes that run the response. */
  adapters?: ReadonlyMap<string, ProviderAdapter>;
}

async function startWeb(running: AppProcess, context: StartContext): Promise<void> {
  const { settings } = running;
  const producer = context.connect('producer');
  context.closers.push(() => quit(producer));
  const queues = createQueues(producer, { prefix: settings.queuePrefix });
  context.closers.push(() => queues.close());
  await queues.ready();
  // Approvals ("Revoke now", `/leakstop revoke`) go to the response queue, unless the response is off.
  const responseOn = responseEnabled(context.env);
  const responseQueue = responseOn ? new ResponseQueue(producer, settings.queuePrefix) : undefined;
  if (responseQueue !== undefined) context.closers.push(() => responseQueue.close());
  const reconcile: ReconcileSettings = { ...DEFAULT_RECONCILE_SETTINGS, ...context.options.reconcile };
  const deliveries = settings.reconcileMinutes > 0 ? new RedisDeliveryLog(producer, { prefix: settings.queuePrefix, ttlMs: deliveryLogTtlMs(reconcile) }) : undefined;
  const app = leakstopApp({
    enqueue: (jobs) => enqueueScanJobs(queues, jobs),
    ...(deliveries === undefined ? {} : { recordQueued: (deliveryId: string) => withEnqueueTimeout(deliveries.recordQueued(deliveryId)) }),
    ...(responseQueue === undefined ? {} : { enqueueApproval: (job: ApprovalJob) => withEnqueueTimeout(responseQueue.addApproval(job)) }),
    appId: settings.appId,
    log: context.log,
  });
  const server = await createWebServer({ probot: context.probot, app, redis: context.client, queues, log: context.log, limits: { bodyBudgetBytes: settings.webhookBodyBudgetBytes } });
  running.port = await listen(server, settings.port, context.options.host);
  running.server = server;
  running.queues = queues;
  context.intake.push(() => closeServer(server));
  context.log.info({ port: running.port, path: WEBHOOK_PATH }, 'receiving webhooks');
  if (deliveries !== undefined) {
    const reconciler = startReconciler({
      redis: context.client,
      prefix: settings.queuePrefix,
      intervalMs: settings.reconcileMinutes * 60_000,
      github: () => context.probot.auth(),
      deliveries,
      log: context.log,
      settings: reconcile,
    });
    context.intake.push(() => Promise.resolve(reconciler.stop()));
  } else context.log.warn('LEAKSTOP_RECONCILE_MINUTES=0: webhooks that an outage lost are not redelivered');
}

function startWorkers(running: AppProcess, context: StartContext): void {
  const { settings } = running;
  const connection = context.connect('worker');
  context.closers.push(() => quit(connection));
  const stores = {
    incidents: new RedisIncidentStore(context.client, { prefix: settings.queuePrefix }),
    // Every write of a check run renders it from these records, in the scan and the response workers alike.
    checkRuns: new RedisCheckRunStore(context.client, { prefix: settings.queuePrefix }),
    responses: new RedisResponseStore(context.client, { prefix: settings.queuePrefix }),
  };
  const response = startResponse(running, context, stores);
  const workers = createScanWorker({
    connection,
    github: (installationId) => context.probot.auth(installationId),
    incidents: stores.incidents,
    checkRuns: stores.checkRuns,
    log: context.log,
    endpoints: settings.github,
    operatorRules: context.operatorRules,
    settings: { prefix: settings.queuePrefix, concurrency: settings.workerConcurrency, ...context.options.worker },
    ...(response === undefined ? {} : { ...response, responses: stores.responses }),
  });
  running.workers = workers;
  context.closers.push(() => workers.close(context.drainLeftMs()));
  context.log.info({ concurrency: settings.workerConcurrency }, 'processing scan jobs');
}

/**
 * The leak response's queue and worker, unless LEAKSTOP_RESPONSE=off; returns what the scan worker
 * calls to queue a scan's response. A bad response setting stops the worker at start-up.
 */
function startResponse(running: AppProcess, context: StartContext, stores: { incidents: RedisIncidentStore; checkRuns: RedisCheckRunStore; responses: RedisResponseStore }): ResponseRequests | undefined {
  const { settings } = running;
  const responseEnv = parseResponseEnv(context.env);
  if (!responseEnv.enabled) {
    context.log.warn('LEAKSTOP_RESPONSE=off: leaked credentials are reported, never verified or revoked');
    return undefined;
  }
  const producer = context.connect('producer');
  context.closers.push(() => quit(producer));
  const queue = new ResponseQueue(producer, settings.queuePrefix);
  context.closers.push(() => queue.close());
  const adapters = context.adapters ?? new Map<string, ProviderAdapter>();
  const adapterOf = (provider: string): ProviderAdapter | undefined => adapters.get(provider);
  const now = (): Date => new Date();
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  const sink = responseEnv.sink === undefined ? undefined : createRotationSink(responseEnv.sink, { fetch, env: context.env, now });
  const connection = context.connect('worker');
  context.closers.push(() => quit(connection));
  const worker = createResponseWorker({
    connection,
    settings: { prefix: settings.queuePrefix, ...(context.options.worker?.stalledInterval === undefined ? {} : { stalledInterval: context.options.worker.stalledInterval }), ...context.options.response },
    github: (installationId) => context.probot.auth(installationId),
    incidents: stores.incidents,
    checkRuns: stores.checkRuns,
    store: stores.responses,
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
  context.closers.push(() => worker.close(context.drainLeftMs()));
  context.log.info({ dryRun: responseEnv.dryRun, sink: responseEnv.sink?.kind ?? 'none', sealKey: responseEnv.sealKey.id }, 'leak response on');
  return responseRequests(queue, { sealKey: responseEnv.sealKey, operator: responseEnv, respondsTo: (provider) => adapterOf(provider) !== undefined });
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
    // The thread drains and closes within what is left of this process's grace.
    shutdownGraceMs: graceOf(context.options) - closeReserveMs(graceOf(context.options)),
  });
  running.failed = thread.failed;
  context.closers.push(() => thread.close());
  context.atDeadline.push(() => thread.terminate());
  context.log.info('scan workers run on a worker thread');
}

function graceOf(options: AppProcessOptions): number {
  return options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS;
}

interface Shutdown {
  graceMs: number;
  /** Set here when the shutdown begins: the workers' drains end by then. */
  drain: { endsAt: number };
  intake: (() => Promise<void>)[];
  closers: (() => Promise<void>)[];
  atDeadline: (() => Promise<void>)[];
  connections: RedisConnections;
  log: Logger;
}

/**
 * Stops taking webhooks, drains the workers, then closes queues and connections, all within the
 * grace. What has not closed by then (a Redis that is down or hung answers no QUIT; a job stuck on
 * a call) is cut: every Redis connection is disconnected, so nothing reconnects or keeps the
 * process alive, and the jobs still running are recovered by another worker once their locks expire.
 */
async function shutDown(shutdown: Shutdown): Promise<void> {
  const { graceMs, log } = shutdown;
  shutdown.drain.endsAt = Date.now() + graceMs - closeReserveMs(graceMs);
  const orderly = (async () => {
    await closeAll(shutdown.intake);
    await closeAll(shutdown.closers);
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), graceMs);
  });
  const outcome = await Promise.race([orderly.then(() => 'closed' as const, () => 'failed' as const), deadline]);
  clearTimeout(timer);
  if (outcome === 'deadline') {
    orderly.catch(() => undefined);
    log.warn({ graceMs, connections: shutdown.connections.size }, 'shutdown grace is over: closing every Redis connection now; jobs still running go back to the queue when their locks expire');
    await Promise.allSettled(shutdown.atDeadline.map((stop) => stop()));
  }
  // After an orderly close this ends only what BullMQ left open; after the deadline, everything.
  shutdown.connections.disconnectAll();
  if (outcome !== 'deadline') await orderly;
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
