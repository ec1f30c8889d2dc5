// The operator environment of the app's processes (src/config/operator-env.ts): every bad or missing
// variable named at once, with what to set.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OperatorEnvError, parseOperatorEnv } from '../../src/config/operator-env.js';
import { makeTempDir } from '../scan/helpers.js';
import { testPrivateKey } from '../webhooks/helpers.js';

function problemsOf(env: Record<string, string | undefined>, role: 'web' | 'worker' | 'start' = 'web'): string[] {
  try {
    parseOperatorEnv(env as NodeJS.ProcessEnv, role);
    return [];
  } catch (error) {
    if (error instanceof OperatorEnvError) return error.problems;
    throw error;
  }
}

const VALID = { APP_ID: '12345', PRIVATE_KEY: '', WEBHOOK_SECRET: 'a-long-random-secret', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('the operator environment', () => {
  beforeAll(() => {
    VALID.PRIVATE_KEY = testPrivateKey();
  });

  it('names every missing variable and says what to set', () => {
    const problems = problemsOf({});
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^APP_ID is not set: set APP_ID to the App ID/),
        expect.stringMatching(/^REDIS_URL is not set: set REDIS_URL to your Redis server/),
        expect.stringMatching(/^PRIVATE_KEY is not set: set PRIVATE_KEY to the contents of your GitHub App \.pem file, or PRIVATE_KEY_PATH/),
        expect.stringMatching(/^WEBHOOK_SECRET is not set/),
      ]),
    );
  });

  it('does not ask a worker for the webhook secret, and refuses Probot\'s placeholder secret', () => {
    expect(problemsOf({ ...VALID, WEBHOOK_SECRET: '' }, 'worker')).toEqual([]);
    expect(problemsOf({ ...VALID, WEBHOOK_SECRET: 'development' })).toEqual([expect.stringMatching(/placeholder 'development'/)]);
  });

  it('reads the private key as PEM, with \\n escapes, base64-encoded, or from PRIVATE_KEY_PATH', () => {
    const pem = testPrivateKey();
    expect(parseOperatorEnv({ ...VALID, PRIVATE_KEY: pem.replaceAll('\n', '\\n') }, 'web').privateKey).toBe(pem);
    expect(parseOperatorEnv({ ...VALID, PRIVATE_KEY: Buffer.from(pem).toString('base64') }, 'web').privateKey).toBe(pem);
    const dir = makeTempDir('leakstop-key-');
    try {
      writeFileSync(`${dir.path}/app.pem`, pem);
      expect(parseOperatorEnv({ ...VALID, PRIVATE_KEY: '', PRIVATE_KEY_PATH: `${dir.path}/app.pem` }, 'web').privateKey).toBe(pem);
      expect(problemsOf({ ...VALID, PRIVATE_KEY: '', PRIVATE_KEY_PATH: `${dir.path}/missing.pem` })).toEqual([expect.stringMatching(/^PRIVATE_KEY_PATH cannot be read \(ENOENT\)/)]);
    } finally {
      dir.remove();
    }
    expect(problemsOf({ ...VALID, PRIVATE_KEY: 'not a key' })).toEqual([expect.stringMatching(/^PRIVATE_KEY is not a PEM private key/)]);
  });

  it('points the API, git and web links at GitHub Enterprise Server with GHE_HOST and GHE_PROTOCOL', () => {
    expect(parseOperatorEnv(VALID, 'web').github).toEqual({ apiBaseUrl: 'https://api.github.com', gitBaseUrl: 'https://github.com', htmlBaseUrl: 'https://github.com' });
    expect(parseOperatorEnv({ ...VALID, GHE_HOST: 'github.example.com', GHE_PROTOCOL: 'http' }, 'web').github).toEqual({
      apiBaseUrl: 'http://github.example.com/api/v3',
      gitBaseUrl: 'http://github.example.com',
      htmlBaseUrl: 'http://github.example.com',
    });
    expect(problemsOf({ ...VALID, GHE_HOST: 'https://github.example.com/' })).toEqual([expect.stringMatching(/^GHE_HOST must be a host name/)]);
  });

  it('checks ports, concurrency, log level and the queue prefix, and defaults them', () => {
    const settings = parseOperatorEnv(VALID, 'start');
    expect(settings).toMatchObject({ appId: 12345, port: 3000, logLevel: 'info', workerConcurrency: 4, queuePrefix: '{leakstop}', webhookBodyBudgetBytes: 64 * 1024 * 1024 });
    expect(problemsOf({ ...VALID, PORT: '70000', WORKER_CONCURRENCY: '0', LOG_LEVEL: 'loud', QUEUE_PREFIX: 'has space' })).toEqual([
      expect.stringMatching(/^PORT must be a TCP port number/),
      expect.stringMatching(/^LOG_LEVEL must be one of/),
      expect.stringMatching(/^WORKER_CONCURRENCY must be from 1 to/),
      expect.stringMatching(/^QUEUE_PREFIX must be 1-64 letters/),
    ]);
  });

  it('sizes the webhook body budget in MB, never below one 25 MB delivery', () => {
    expect(parseOperatorEnv({ ...VALID, WEBHOOK_BODY_BUDGET_MB: '256' }, 'web').webhookBodyBudgetBytes).toBe(256 * 1024 * 1024);
    expect(problemsOf({ ...VALID, WEBHOOK_BODY_BUDGET_MB: '10' })).toEqual([expect.stringMatching(/^WEBHOOK_BODY_BUDGET_MB must be from 25 \(one delivery of GitHub's largest payload\)/)]);
    expect(problemsOf({ ...VALID, WEBHOOK_BODY_BUDGET_MB: '1.5' })).toEqual([expect.stringMatching(/^WEBHOOK_BODY_BUDGET_MB must be a whole number of megabytes/)]);
  });

  it('bounds every GitHub request by LEAKSTOP_GITHUB_TIMEOUT_MS, 30 s unless set, and refuses a useless value', () => {
    expect(parseOperatorEnv(VALID, 'worker').githubTimeoutMs).toBe(30_000);
    expect(parseOperatorEnv({ ...VALID, LEAKSTOP_GITHUB_TIMEOUT_MS: '10000' }, 'worker').githubTimeoutMs).toBe(10_000);
    expect(problemsOf({ ...VALID, LEAKSTOP_GITHUB_TIMEOUT_MS: '10s' })).toEqual([expect.stringMatching(/^LEAKSTOP_GITHUB_TIMEOUT_MS must be a whole number of milliseconds/)]);
    expect(problemsOf({ ...VALID, LEAKSTOP_GITHUB_TIMEOUT_MS: '0' })).toEqual([expect.stringMatching(/^LEAKSTOP_GITHUB_TIMEOUT_MS must be from 100 to 600000 ms/)]);
  });
});

describe('REDIS_CLUSTER in the operator environment', () => {
  const base = { APP_ID: '1', PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----', REDIS_URL: 'redis://127.0.0.1:7000' };

  it('is off by default and on with REDIS_CLUSTER=true', () => {
    expect(parseOperatorEnv(base, 'worker').redisCluster).toBe(false);
    expect(parseOperatorEnv({ ...base, REDIS_CLUSTER: 'true' }, 'worker').redisCluster).toBe(true);
  });

  it('refuses a value other than true or false, saying what to set', () => {
    expect(() => parseOperatorEnv({ ...base, REDIS_CLUSTER: 'yes' }, 'worker')).toThrow(/REDIS_CLUSTER must be true or false: set REDIS_CLUSTER=true/);
  });

  it('refuses a queue prefix without a hash tag on a cluster', () => {
    const error = ((): unknown => {
      try {
        return parseOperatorEnv({ ...base, REDIS_CLUSTER: 'true', QUEUE_PREFIX: 'leakstop' }, 'worker');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(OperatorEnvError);
    expect((error as OperatorEnvError).problems).toEqual([expect.stringMatching(/^QUEUE_PREFIX must contain a hash tag such as \{leakstop\} when REDIS_CLUSTER=true/)]);
    // An empty tag does not count: Redis hashes the whole key then.
    expect(() => parseOperatorEnv({ ...base, REDIS_CLUSTER: 'true', QUEUE_PREFIX: '{}leakstop' }, 'worker')).toThrow(/QUEUE_PREFIX must contain a hash tag/);
    expect(parseOperatorEnv({ ...base, REDIS_CLUSTER: 'true', QUEUE_PREFIX: 'app-{ls}' }, 'worker').queuePrefix).toBe('app-{ls}');
    expect(parseOperatorEnv({ ...base, QUEUE_PREFIX: 'leakstop' }, 'worker').queuePrefix).toBe('leakstop');
  });

  it('reads LEAKSTOP_ALLOW_VOLATILE_REDIS and LEAKSTOP_RECONCILE_MINUTES, with safe defaults', () => {
    expect(parseOperatorEnv(VALID, 'web')).toMatchObject({ allowVolatileRedis: false, reconcileMinutes: 5 });
    expect(parseOperatorEnv({ ...VALID, LEAKSTOP_ALLOW_VOLATILE_REDIS: 'true', LEAKSTOP_RECONCILE_MINUTES: '0' }, 'web')).toMatchObject({ allowVolatileRedis: true, reconcileMinutes: 0 });
    expect(problemsOf({ ...VALID, LEAKSTOP_ALLOW_VOLATILE_REDIS: 'yes', LEAKSTOP_RECONCILE_MINUTES: '5m' })).toEqual([
      expect.stringMatching(/^LEAKSTOP_ALLOW_VOLATILE_REDIS must be true or false/),
      expect.stringMatching(/^LEAKSTOP_RECONCILE_MINUTES must be a whole number of minutes/),
    ]);
  });
});
