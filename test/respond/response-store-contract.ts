// What every ResponseStore promises, written once and run against the memory store
// (test/respond/response-store.test.ts) and the Redis store (test/queue/redis-response-store.test.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import type { StepRecord } from '../../src/respond/response-record.js';
import type { ResponseStore } from '../../src/respond/response-store.js';

export const FINGERPRINT = '0123456789abcdef0123456789abcdef';
export const OTHER_FINGERPRINT = 'fedcba9876543210fedcba9876543210';

export function stepRecord(overrides: Partial<StepRecord> = {}): StepRecord {
  return { step: 'verify', status: 'done', summary: 'live: octocat', at: '2025-03-04T05:06:07.000Z', by: 'octo-org/payments', ...overrides };
}

export interface ContractStores {
  store: ResponseStore;
  /** The same data as another worker sees it (the same store again where there is one process). */
  peer: ResponseStore;
}

/** Work that records when it enters and leaves, to show whether two holders overlapped. */
function work(name: string, timeline: string[], ms = 60) {
  return async (): Promise<string> => {
    timeline.push(`${name} in`);
    await sleep(ms);
    timeline.push(`${name} out`);
    return name;
  };
}

/** Registers the contract's tests; `stores` is called inside each test, after the caller's beforeEach. */
export function responseStoreContract(stores: () => ContractStores): void {
  it('has no records for a credential it has not seen', async () => {
    expect(await stores().store.records(FINGERPRINT)).toEqual({});
  });

  it("returns each step's latest record, per credential, to every worker", async () => {
    const { store, peer } = stores();
    const verified = stepRecord();
    const awaiting = stepRecord({ step: 'revoke', status: 'awaiting-approval', summary: 'waiting for approval' });
    const revoked = stepRecord({ step: 'revoke', status: 'done', summary: 'revoked', reversible: true, approvedBy: 'octocat' });
    await store.save(FINGERPRINT, verified);
    await store.save(FINGERPRINT, awaiting);
    await peer.save(FINGERPRINT, revoked);
    expect(await store.records(FINGERPRINT)).toEqual({ verify: verified, revoke: revoked });
    expect(await peer.records(FINGERPRINT)).toEqual({ verify: verified, revoke: revoked });
    expect(await store.records(OTHER_FINGERPRINT)).toEqual({});
  });

  it('refuses a record the schema refuses, and keeps the one it had', async () => {
    const { store } = stores();
    await store.save(FINGERPRINT, stepRecord());
    await expect(store.save(FINGERPRINT, stepRecord({ summary: 'x'.repeat(2_001) }))).rejects.toThrow();
    await expect(store.save(FINGERPRINT, { ...stepRecord(), secret: 'ghp_nope' } as StepRecord)).rejects.toThrow();
    expect(await store.records(FINGERPRINT)).toEqual({ verify: stepRecord() });
  });

  it('lets one caller at a time work on a credential', async () => {
    const { store, peer } = stores();
    const timeline: string[] = [];
    const results = await Promise.all([store.lock(FINGERPRINT, work('a', timeline)), peer.lock(FINGERPRINT, work('b', timeline))]);
    expect(results).toEqual(['a', 'b']);
    const first = timeline[0]?.slice(0, 1);
    const second = first === 'a' ? 'b' : 'a';
    expect(timeline).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
  });

  it('lets callers on two credentials work at once', async () => {
    const { store, peer } = stores();
    const timeline: string[] = [];
    await Promise.all([store.lock(FINGERPRINT, work('a', timeline)), peer.lock(OTHER_FINGERPRINT, work('b', timeline))]);
    expect(timeline.slice(0, 2).sort()).toEqual(['a in', 'b in']);
  });

  it('releases the lock when the work throws, to a caller already waiting and to a later one', async () => {
    const { store, peer } = stores();
    const timeline: string[] = [];
    const failing = store.lock(FINGERPRINT, async () => {
      await work('a', timeline)();
      throw new Error('provider said 500');
    });
    await sleep(10);
    const waiting = peer.lock(FINGERPRINT, work('b', timeline));
    await expect(failing).rejects.toThrow('provider said 500');
    expect(await waiting).toBe('b');
    expect(timeline).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(await store.lock(FINGERPRINT, () => Promise.resolve('later'))).toBe('later');
  });

  it('keeps a sealed value per credential and slot until forgotten', async () => {
    const { store, peer } = stores();
    expect(await store.kept(FINGERPRINT, 'approval')).toBeUndefined();
    await store.keep(FINGERPRINT, 'approval', 'sealed-1', 3_600);
    await store.keep(FINGERPRINT, 'replacement', 'sealed-2', 3_600);
    expect(await peer.kept(FINGERPRINT, 'approval')).toBe('sealed-1');
    expect(await peer.kept(FINGERPRINT, 'replacement')).toBe('sealed-2');
    expect(await store.kept(OTHER_FINGERPRINT, 'approval')).toBeUndefined();
    await store.keep(FINGERPRINT, 'approval', 'sealed-3', 3_600);
    expect(await store.kept(FINGERPRINT, 'approval')).toBe('sealed-3');
    await peer.forget(FINGERPRINT, 'approval');
    expect(await store.kept(FINGERPRINT, 'approval')).toBeUndefined();
    expect(await store.kept(FINGERPRINT, 'replacement')).toBe('sealed-2');
    await expect(store.forget(FINGERPRINT, 'never-kept')).resolves.toBeUndefined();
  });
}
