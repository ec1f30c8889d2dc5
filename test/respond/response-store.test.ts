// The in-memory response store keeps the ResponseStore contract, and records from an older version
// that no longer parse count as absent (parseRecords, which the Redis store shares).
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryResponseStore, parseRecords } from '../../src/respond/response-store.js';
import { FINGERPRINT, responseStoreContract, stepRecord } from './response-store-contract.js';

describe('the memory response store', () => {
  let store: MemoryResponseStore;
  beforeEach(() => {
    store = new MemoryResponseStore();
  });

  // One process: every worker shares the one store.
  responseStoreContract(() => ({ store, peer: store }));

  it('lets kept values expire after their TTL, by the injected clock', async () => {
    let now = Date.parse('2025-03-04T00:00:00Z');
    const timed = new MemoryResponseStore(() => now);
    await timed.keep(FINGERPRINT, 'approval', 'sealed', 60);
    now += 59_999;
    expect(await timed.kept(FINGERPRINT, 'approval')).toBe('sealed');
    now += 1;
    expect(await timed.kept(FINGERPRINT, 'approval')).toBeUndefined();
    await timed.keep(FINGERPRINT, 'approval', 'sealed again', 60);
    expect(await timed.kept(FINGERPRINT, 'approval')).toBe('sealed again');
  });

  it('gives each caller its own copy of the records', async () => {
    await store.save(FINGERPRINT, stepRecord());
    const first = await store.records(FINGERPRINT);
    delete first.verify;
    expect(await store.records(FINGERPRINT)).toEqual({ verify: stepRecord() });
  });
});

describe('parseRecords', () => {
  it('reads each field as a step record', () => {
    const revoke = stepRecord({ step: 'revoke', status: 'awaiting-approval', summary: 'waiting' });
    expect(parseRecords({ verify: JSON.stringify(stepRecord()), revoke: JSON.stringify(revoke) })).toEqual({ verify: stepRecord(), revoke });
  });

  it('ignores a field that no longer parses, keeping the others', () => {
    const fields = {
      verify: JSON.stringify(stepRecord()),
      revoke: '{"step":"revoke",', // cut off
      rotate: JSON.stringify({ ...stepRecord({ step: 'rotate' }), status: 'rotated' }), // a status this version does not know
      describe: JSON.stringify({ ...stepRecord({ step: 'describe' }), scopes: ['repo'] }), // a field it does not know
      activity: 'null',
    };
    expect(parseRecords(fields)).toEqual({ verify: stepRecord() });
  });
});
