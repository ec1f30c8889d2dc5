// Scans a directory walk with worker threads: the main thread walks the tree and hands batches of
// unread files to the workers, which read, decode and scan them. The first megabytes of the walk
// are scanned on the main thread, so a small tree never starts a worker.
import type { Engine } from '../detect/engine.js';
import { readAhead } from './read-text-file.js';
import { fromWire, ScanPool, type FileResult } from './scan-pool.js';
import type { ScanTally } from './scan-tally.js';
import { isFileToRead, isSkipped, type FileWalk } from './scan-unit.js';

export interface WorkerOptions {
  /** Worker threads to use; fewer than 2 means the main thread scans. */
  count: number;
  /** The rule ids the engine was created without: each worker builds its own engine with them. */
  disabledRules?: readonly string[];
  /**
   * Bytes of text scanned on the main thread before workers are started for the rest of the walk.
   * Default 16 MiB: starting the workers costs ~50 ms of CPU each and ~70 ms of waiting, which a
   * tree must be large enough to win back (on 840 files, 8 MB, workers made the scan slower).
   */
  mainThreadBytes?: number;
}

const DEFAULT_MAIN_THREAD_BYTES = 16 * 1024 * 1024;
/** Files per message to a worker: large enough to amortise messaging, small enough to balance. */
const FILES_PER_BATCH = 16;
/** Batches queued per worker, so that a worker never waits for the walk. */
const BATCHES_PER_WORKER = 2;

export async function scanWalkOnWorkers(walk: FileWalk, engine: Engine, workers: WorkerOptions, tally: ScanTally): Promise<void> {
  const settings = { disabledRules: workers.disabledRules ?? [], maxFileBytes: walk.maxFileBytes };
  const dispatch = new WorkerDispatch(tally, () => new ScanPool(workers.count, settings, engine.rules.map((rule) => rule.id)));
  const mainThreadBytes = workers.mainThreadBytes ?? DEFAULT_MAIN_THREAD_BYTES;
  const items = walk.files()[Symbol.asyncIterator]();
  let scannedHere = 0;
  try {
    for await (const item of readAhead(items, walk.maxFileBytes, () => scannedHere >= mainThreadBytes)) {
      tally.add(item, engine);
      if (!isSkipped(item)) scannedHere += item.text.length;
    }
    for (let next = await items.next(); !next.done; next = await items.next()) {
      await dispatch.whenReady();
      const item = next.value;
      if (isFileToRead(item)) await dispatch.add(item.read);
      else tally.add(item, engine);
    }
    await dispatch.finish();
  } finally {
    await dispatch.close();
  }
}

/** Batches files to a pool that starts in the background, with a bounded number of batches in flight. */
class WorkerDispatch {
  readonly #tally: ScanTally;
  readonly #startPool: () => ScanPool;
  #pool: ScanPool | undefined;
  #batch: string[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #failure: Error | undefined;

  constructor(tally: ScanTally, startPool: () => ScanPool) {
    this.#tally = tally;
    this.#startPool = startPool;
  }

  /** Starts the workers, once. */
  start(): ScanPool {
    if (!this.#pool) {
      this.#pool = this.#startPool();
      // Recorded at once, so that a failure to start is never an unhandled rejection.
      this.#pool.ready.catch((error: unknown) => this.#fail(error));
    }
    return this.#pool;
  }

  /** Starts the workers if needed and waits until they can take files; throws if they cannot. */
  async whenReady(): Promise<void> {
    await this.start().ready;
    this.throwIfFailed();
  }

  throwIfFailed(): void {
    if (this.#failure) throw this.#failure;
  }

  async add(path: string): Promise<void> {
    this.#batch.push(path);
    if (this.#batch.length >= FILES_PER_BATCH) await this.#send();
  }

  async finish(): Promise<void> {
    if (this.#batch.length > 0) await this.#send();
    await Promise.all(this.#inFlight);
    this.throwIfFailed();
  }

  async close(): Promise<void> {
    await this.#pool?.close();
  }

  async #send(): Promise<void> {
    const pool = this.start();
    const paths = this.#batch;
    this.#batch = [];
    while (this.#inFlight.size >= pool.size * BATCHES_PER_WORKER) await Promise.race(this.#inFlight);
    this.throwIfFailed();
    const done: Promise<void> = pool
      .scan(paths)
      .then((results) => results.forEach((result) => this.#record(result)))
      .catch((error: unknown) => this.#fail(error))
      .finally(() => this.#inFlight.delete(done));
    this.#inFlight.add(done);
  }

  #record(result: FileResult): void {
    if ('skipped' in result) this.#tally.skip(result.skipped);
    else this.#tally.scanned({ path: result.path }, result.bytes, { findings: result.findings.map(fromWire), allowedInline: result.allowedInline });
  }

  #fail(error: unknown): void {
    this.#failure ??= error instanceof Error ? error : new Error(String(error));
  }
}
