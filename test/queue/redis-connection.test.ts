// The start-up check that Redis keeps BullMQ's keys (maxmemory-policy noeviction), and the helpers
// that describe Redis in messages without its password.
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { checkEvictionPolicy, checkPersistence, createRedisConnection, describeRedisUrl, RedisPolicyError, waitForRedis } from '../../src/queue/redis-connection.js';
import { captureLog } from '../e2e/helpers.js';
import { describeWithRedis, redisUrl } from './redis.js';

/** A stand-in for the one command the check sends. */
function redisAnswering(config: () => Promise<unknown>): Redis {
  return { config } as unknown as Redis;
}

describe('the eviction policy check', () => {
  it('refuses any policy but noeviction, saying how to fix it', async () => {
    const redis = redisAnswering(() => Promise.resolve(['maxmemory-policy', 'allkeys-lru']));
    const error = await checkEvictionPolicy(redis, createLogger({ level: 'silent' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisPolicyError);
    expect((error as Error).message).toMatch(/maxmemory-policy is 'allkeys-lru'.*need 'noeviction'/);
    expect((error as Error).message).toContain('CONFIG SET maxmemory-policy noeviction');
  });

  it('warns and goes on when CONFIG is disabled (managed Redis)', async () => {
    const { log, lines } = captureLog();
    const redis = redisAnswering(() => Promise.reject(new Error("ERR unknown command 'CONFIG'")));
    await checkEvictionPolicy(redis, log);
    expect(lines.join('')).toMatch(/cannot read Redis maxmemory-policy \(CONFIG is disabled\)/);
  });
});

/** A stand-in answering INFO persistence and CONFIG GET the way a managed Redis may (either can be disabled). */
function redisWithPersistence(info: () => Promise<string>, config: (name: string) => Promise<unknown>): Redis {
  return { info: () => info(), config: (_get: string, name: string) => config(name) } as unknown as Redis;
}

const CONFIG_DISABLED = (): Promise<never> => Promise.reject(new Error("ERR unknown command 'CONFIG'"));

describe('the persistence check', () => {
  it('accepts an append-only file even where CONFIG is disabled', async () => {
    const { log, lines } = captureLog();
    const redis = redisWithPersistence(() => Promise.resolve('# Persistence\r\nloading:0\r\naof_enabled:1\r\n'), CONFIG_DISABLED);
    await expect(checkPersistence(redis, log, { allowVolatile: false })).resolves.toBe('aof');
    expect(lines).toEqual([]);
  });

  it('refuses appendonly no where CONFIG is disabled (snapshots cannot be told from nothing)', async () => {
    const redis = redisWithPersistence(() => Promise.resolve('aof_enabled:0\r\n'), CONFIG_DISABLED);
    const error = await checkPersistence(redis, createLogger({ level: 'silent' }), { allowVolatile: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisPolicyError);
    expect((error as Error).message).toMatch(/no persistence \(appendonly no, no RDB snapshots, or CONFIG is disabled\)/);
  });

  it('warns that appendfsync no may lose writes on a power loss', async () => {
    const { log, lines } = captureLog();
    const redis = redisWithPersistence(() => Promise.resolve('aof_enabled:1\n'), (name) => Promise.resolve([name, 'no']));
    await expect(checkPersistence(redis, log, { allowVolatile: false })).resolves.toBe('aof');
    expect(lines.join('')).toContain('set appendfsync everysec');
  });

  it('warns and goes on when INFO is disabled too', async () => {
    const { log, lines } = captureLog();
    const redis = redisWithPersistence(() => Promise.reject(new Error("ERR unknown command 'INFO'")), CONFIG_DISABLED);
    await expect(checkPersistence(redis, log, { allowVolatile: false })).resolves.toBe('unknown');
    expect(lines.join('')).toContain('cannot read Redis persistence (INFO is disabled)');
  });
});

describeWithRedis('the eviction policy of the test Redis', () => {
  it('passes the check (redis-server defaults to noeviction)', async () => {
    const silent = createLogger({ level: 'silent' });
    const redis = createRedisConnection(redisUrl(), 'client', silent);
    try {
      await waitForRedis(redis, redisUrl());
      await expect(checkEvictionPolicy(redis, silent)).resolves.toBeUndefined();
    } finally {
      redis.disconnect();
    }
  });
});

describe('Redis in messages', () => {
  it('hides the password', () => {
    expect(describeRedisUrl('redis://default:hunter2@redis.internal:6379/0')).toBe('redis://default:***@redis.internal:6379/0');
    expect(describeRedisUrl('not a url')).toBe('(unparseable REDIS_URL)');
  });

  it('says which Redis could not be reached, and what to check', async () => {
    const silent = createLogger({ level: 'silent' });
    // Port 1 on loopback: nothing listens there.
    const redis = createRedisConnection('redis://:secret@127.0.0.1:1', 'client', silent);
    try {
      await expect(waitForRedis(redis, 'redis://:secret@127.0.0.1:1', 200)).rejects.toThrow(/cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 within 0\.2 s: check REDIS_URL/);
    } finally {
      redis.disconnect();
    }
  });
});
