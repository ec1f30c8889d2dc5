// An IncidentStore in process memory: for tests and single-process runs. The Redis store
// (src/queue/redis-incident-store.ts) is the one that survives restarts and spans workers.
import type { IncidentStore } from './incident-issue.js';

export class MemoryIncidentStore implements IncidentStore {
  readonly #issues = new Map<string, number>();
  /** Per key, the tail of the queue of lock holders: each waits for the one before it. */
  readonly #locks = new Map<string, Promise<void>>();

  async get(key: string): Promise<number | undefined> {
    return this.#issues.get(key);
  }

  async set(key: string, issueNumber: number): Promise<void> {
    this.#issues.set(key, issueNumber);
  }

  async lock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    let release = (): void => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => held);
    this.#locks.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.#locks.get(key) === tail) this.#locks.delete(key);
    }
  }
}
