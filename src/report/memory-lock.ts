// A lock per key in process memory, for the memory stores (tests and single-process runs): each
// holder waits for the one before it.

export class MemoryLocks {
  /** Per key, the tail of the queue of lock holders. */
  readonly #locks = new Map<string, Promise<void>>();

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
