// The operator's environment for the GitHub App processes (`leakstop web|worker|start`): Probot's own
// variables as Probot documents them, plus Redis and worker settings. Every problem names the
// variable and says what to set, so a misconfigured deployment fails at start-up, not on a webhook.
import { z } from 'zod';
import { ProblemsError } from '../problems-error.js';
import { readAppPrivateKey } from './app-private-key.js';
import { DEFAULT_GITHUB_TIMEOUT_MS } from '../github/request-timeout.js';

export type ProcessRole = 'web' | 'worker' | 'start';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where GitHub (or GitHub Enterprise Server) answers: REST, git over HTTPS, and web pages. */
export interface GitHubEndpoints {
  /** REST API base: https://api.github.com, or `${proto}://${host}/api/v3` for GHE. */
  apiBaseUrl: string;
  /** Prefix of clone URLs: `${gitBaseUrl}/${owner}/${repo}.git`. */
  gitBaseUrl: string;
  /** Prefix of web links (commits, issues): https://github.com or the GHE host. */
  htmlBaseUrl: string;
}

export interface AppProcessSettings {
  appId: number;
  /** PEM text; absent only when the role does not authenticate as the app. */
  privateKey: string;
  /** Empty for `worker`, which never receives webhooks. */
  webhookSecret: string;
  port: number;
  logLevel: LogLevel;
  github: GitHubEndpoints;
  redisUrl: string;
  /** REDIS_URL names one node of a Redis Cluster; the client follows the cluster's slot map. */
  redisCluster: boolean;
  workerConcurrency: number;
  /** BullMQ key prefix; a Redis Cluster hash tag such as `{leakstop}` keeps a queue's keys in one slot. */
  queuePrefix: string;
  /** Bytes of webhook bodies the web process holds at once (WEBHOOK_BODY_BUDGET_MB). */
  webhookBodyBudgetBytes: number;
  /** How long one GitHub request may take before the job goes back to the queue (LEAKSTOP_GITHUB_TIMEOUT_MS). */
  githubTimeoutMs: number;
  /** LEAKSTOP_ALLOW_VOLATILE_REDIS: run on a Redis without an append-only file, with a warning. */
  allowVolatileRedis: boolean;
  /** LEAKSTOP_RECONCILE_MINUTES: how often the web process redelivers webhooks Redis lost; 0 turns it off. */
  reconcileMinutes: number;
}

export class OperatorEnvError extends ProblemsError {
  override name = 'OperatorEnvError';

  constructor(problems: string[]) {
    super(problems, 'the environment is not a valid leakstop configuration');
  }
}

const DEFAULT_PORT = 3000;
const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 256;
export const DEFAULT_QUEUE_PREFIX = '{leakstop}';
export const DEFAULT_WEBHOOK_BODY_BUDGET_MB = 64;
/** One delivery of GitHub's largest payload (25 MB) must always fit. */
const MIN_WEBHOOK_BODY_BUDGET_MB = 25;
const MAX_WEBHOOK_BODY_BUDGET_MB = 4096;
const MAX_GITHUB_TIMEOUT_MS = 600_000;
export const DEFAULT_RECONCILE_MINUTES = 5;
const MAX_RECONCILE_MINUTES = 24 * 60;

/** Each variable's rule and, on failure, the sentence that tells the operator what to set. */
const envSchema = z.object({
  APP_ID: z
    .string({ error: 'is not set: set APP_ID to the App ID shown on your GitHub App settings page' })
    .regex(/^[1-9][0-9]{0,15}$/, { error: 'must be the numeric App ID shown on your GitHub App settings page' }),
  PRIVATE_KEY: z.string().optional(),
  PRIVATE_KEY_PATH: z.string().optional(),
  WEBHOOK_SECRET: z.string().optional(),
  PORT: z
    .string()
    .regex(/^[0-9]{1,5}$/, { error: 'must be a TCP port number, e.g. PORT=3000' })
    .transform(Number)
    // 0 asks the system for any free port (tests, and runs behind a supervisor that reads the log).
    .refine((port) => port <= 65535, { error: 'must be a TCP port number from 0 to 65535' })
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  GHE_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?$/, { error: 'must be a host name (and optional :port) without a scheme or path, e.g. GHE_HOST=github.example.com' })
    .optional(),
  GHE_PROTOCOL: z.enum(['https', 'http'], { error: 'must be https or http' }).optional(),
  REDIS_URL: z
    .string({ error: 'is not set: set REDIS_URL to your Redis server, e.g. REDIS_URL=redis://127.0.0.1:6379' })
    .regex(/^rediss?:\/\/[^\s]{1,2000}$/, { error: 'must be a redis:// or rediss:// URL, e.g. REDIS_URL=redis://127.0.0.1:6379' }),
  REDIS_CLUSTER: z
    .enum(['true', 'false'], { error: 'must be true or false: set REDIS_CLUSTER=true when REDIS_URL names a node of a Redis Cluster' })
    .transform((value) => value === 'true')
    .optional(),
  WORKER_CONCURRENCY: z
    .string()
    .regex(/^[0-9]{1,4}$/, { error: `must be a whole number of jobs per worker process, 1 to ${MAX_CONCURRENCY}` })
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_CONCURRENCY, { error: `must be from 1 to ${MAX_CONCURRENCY}` })
    .optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.{}-]{1,64}$/, { error: 'must be 1-64 letters, digits, _ . - { }; use a hash tag such as {leakstop} on Redis Cluster' })
    .optional(),
  WEBHOOK_BODY_BUDGET_MB: z
    .string()
    .regex(/^[0-9]{1,4}$/, { error: `must be a whole number of megabytes, ${MIN_WEBHOOK_BODY_BUDGET_MB} to ${MAX_WEBHOOK_BODY_BUDGET_MB}` })
    .transform(Number)
    .refine((mb) => mb >= MIN_WEBHOOK_BODY_BUDGET_MB && mb <= MAX_WEBHOOK_BODY_BUDGET_MB, {
      error: `must be from ${MIN_WEBHOOK_BODY_BUDGET_MB} (one delivery of GitHub's largest payload) to ${MAX_WEBHOOK_BODY_BUDGET_MB}`,
    })
    .optional(),
  LEAKSTOP_GITHUB_TIMEOUT_MS: z
    .string()
    .regex(/^[0-9]{1,6}$/, { error: `must be a whole number of milliseconds, e.g. LEAKSTOP_GITHUB_TIMEOUT_MS=${DEFAULT_GITHUB_TIMEOUT_MS}` })
    .transform(Number)
    .refine((ms) => ms >= 100 && ms <= MAX_GITHUB_TIMEOUT_MS, { error: `must be from 100 to ${MAX_GITHUB_TIMEOUT_MS} ms (the default is ${DEFAULT_GITHUB_TIMEOUT_MS})` })
    .optional(),
  LEAKSTOP_ALLOW_VOLATILE_REDIS: z
    .enum(['true', 'false'], { error: 'must be true or false: set LEAKSTOP_ALLOW_VOLATILE_REDIS=true only to run on a Redis without an append-only file' })
    .transform((value) => value === 'true')
    .optional(),
  LEAKSTOP_RECONCILE_MINUTES: z
    .string()
    .regex(/^[0-9]{1,4}$/, { error: `must be a whole number of minutes between webhook reconciliations, 1 to ${MAX_RECONCILE_MINUTES}, or 0 to turn them off` })
    .transform(Number)
    .refine((n) => n <= MAX_RECONCILE_MINUTES, { error: `must be from 0 to ${MAX_RECONCILE_MINUTES}` })
    .optional(),
});

/** Checked apart from the schema so that it is reported alongside any other problem. */
function checkClusterPrefix(picked: Record<string, string>, problems: string[]): void {
  if (picked.REDIS_CLUSTER !== 'true' || hasHashTag(picked.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX)) return;
  problems.push(
    'QUEUE_PREFIX must contain a hash tag such as {leakstop} when REDIS_CLUSTER=true (BullMQ runs scripts over many keys of a queue, which a cluster allows only within one slot): set QUEUE_PREFIX={leakstop} or leave it unset',
  );
}

/**
 * Redis Cluster's hash-tag rule: the slot is computed from the text between the first `{` and the
 * next `}`, if that text is not empty. BullMQ keys start with the prefix, so its tag decides.
 */
export function hasHashTag(prefix: string): boolean {
  const open = prefix.indexOf('{');
  if (open === -1) return false;
  const close = prefix.indexOf('}', open + 1);
  return close > open + 1;
}

/** Reads and checks the variables `role` needs; throws OperatorEnvError listing every problem. */
export function parseOperatorEnv(env: NodeJS.ProcessEnv, role: ProcessRole): AppProcessSettings {
  const picked = pickEnv(env);
  const parsed = envSchema.safeParse(picked);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  checkClusterPrefix(picked, problems);
  const privateKey = readPrivateKey(env, problems);
  const webhookSecret = role === 'worker' ? '' : readWebhookSecret(env, problems);
  if (!parsed.success || problems.length > 0) throw new OperatorEnvError(problems);
  const values = parsed.data;
  return {
    appId: Number(values.APP_ID),
    privateKey: privateKey ?? '',
    webhookSecret,
    port: values.PORT ?? DEFAULT_PORT,
    logLevel: values.LOG_LEVEL ?? 'info',
    github: githubEndpoints(values.GHE_HOST, values.GHE_PROTOCOL),
    redisUrl: values.REDIS_URL,
    redisCluster: values.REDIS_CLUSTER ?? false,
    workerConcurrency: values.WORKER_CONCURRENCY ?? DEFAULT_CONCURRENCY,
    queuePrefix: values.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX,
    webhookBodyBudgetBytes: (values.WEBHOOK_BODY_BUDGET_MB ?? DEFAULT_WEBHOOK_BODY_BUDGET_MB) * 1024 * 1024,
    githubTimeoutMs: values.LEAKSTOP_GITHUB_TIMEOUT_MS ?? DEFAULT_GITHUB_TIMEOUT_MS,
    allowVolatileRedis: values.LEAKSTOP_ALLOW_VOLATILE_REDIS ?? false,
    reconcileMinutes: values.LEAKSTOP_RECONCILE_MINUTES ?? DEFAULT_RECONCILE_MINUTES,
  };
}

/** An empty variable counts as unset, as in a shell `FOO= leakstop web`. */
function pickEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  return picked;
}

/** GHE_HOST moves the REST API, git clones and web links together, as Probot does for the API. */
export function githubEndpoints(host: string | undefined, protocol: 'https' | 'http' | undefined): GitHubEndpoints {
  if (!host) return { apiBaseUrl: 'https://api.github.com', gitBaseUrl: 'https://github.com', htmlBaseUrl: 'https://github.com' };
  const origin = `${protocol ?? 'https'}://${host}`;
  return { apiBaseUrl: `${origin}/api/v3`, gitBaseUrl: origin, htmlBaseUrl: origin };
}

/** The app's private key (see app-private-key.ts); a missing or unusable one is a problem to report. */
function readPrivateKey(env: NodeJS.ProcessEnv, problems: string[]): string | undefined {
  const key = readAppPrivateKey(env);
  if (key === undefined) {
    problems.push('PRIVATE_KEY is not set: set PRIVATE_KEY to the contents of your GitHub App .pem file, or PRIVATE_KEY_PATH to its path');
    return undefined;
  }
  if ('problem' in key) {
    problems.push(key.problem);
    return undefined;
  }
  return key.pem;
}

/** Probot falls back to the secret 'development'; a deployed app must never accept that. */
function readWebhookSecret(env: NodeJS.ProcessEnv, problems: string[]): string {
  const secret = env.WEBHOOK_SECRET ?? '';
  if (secret === '') problems.push('WEBHOOK_SECRET is not set: set it to the webhook secret entered on your GitHub App settings page');
  else if (secret === 'development') problems.push("WEBHOOK_SECRET is Probot's placeholder 'development': set it to a long random value and enter the same on your GitHub App settings page");
  return secret;
}
