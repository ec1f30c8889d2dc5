// The start-up check that Redis keeps BullMQ's keys (maxmemory-policy noeviction), and the helpers
// that describe Redis in messages without its password.
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { checkEvictionPolicy, createRedisConnection, describeRedisUrl, RedisPolicyError, waitForRedis } from '../../src/queue/redis-connection.js';
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
