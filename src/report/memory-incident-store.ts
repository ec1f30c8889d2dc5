// An IncidentStore in process memory: for tests and single-process runs. The Redis store
// (src/queue/redis-incident-store.ts) is the one that survives restarts and spans workers.
import type { IncidentStore } from './incident-issue.js';
import { MemoryLocks } from './memory-lock.js';

export class MemoryIncidentStore implements IncidentStore {
  readonly #issues = new Map<string, number>();
  readonly #locks = new MemoryLocks();

  async get(key: string): Promise<number | undefined> {
    return this.#issues.get(key);
  }

  async set(key: string, issueNumber: number): Promise<void> {
    this.#issues.set(key, issueNumber);
  }

  lock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.#locks.lock(key, fn);
  }
}
