// Scans a directory walk with worker threads: the main thread walks the tree and hands batches of
// unread files to the workers, which read, decode and scan them (reading and decoding cost as much
// as scanning, so workers that only scanned text read by the main thread gained nothing). The
// workers are started after the first 8 MiB, and the main thread scans until they are ready.
//
// Measured with all providers, 2 cores on a machine busy with other jobs (load 1.4-1.7), 6 fresh
// processes each, one thread against 2 workers: 100 MB generated tree (bench/generate-tree.mjs,
// 2,640 files) 1.49-1.84 s against 1.06-1.32 s (1.4x best, 1.6x median); 100 MB of npm packages
// (7,400 files) 1.09-1.50 s against 0.82-1.16 s (1.35x best, 1.45x median); 8 MB (840 files)
// 0.14-0.20 s either way; 69 files 0.06-0.08 s either way.
import type { Engine } from '../detect/engine.js';
import { readFiles } from './read-text-file.js';
import { fromWire, ScanPool, type FileResult } from './scan-pool.js';
import type { ScanTally } from './scan-tally.js';
import { isFileBytes, isFileToRead, isSkipped, type FileWalk } from './scan-unit.js';

export interface WorkerOptions {
  /** Worker threads to use; fewer than 2 means the main thread scans. */
  count: number;
  /** The rule ids the engine was created without: each worker builds its own engine with them. */
  disabledRules?: readonly string[];
  /**
   * Give every file to the workers, waiting for them to start, instead of scanning on the main
   * thread meanwhile. Makes which thread scans what deterministic, for tests.
   */
  waitForWorkers?: boolean;
}

/**
 * Text scanned on the main thread before the workers are started. Booting two workers takes ~70 ms
 * and CPU that the main thread then lacks: started at once, they made a 69-file tree twice as slow
 * (0.13 s against 0.07 s); started after 2 MiB, an 8 MB tree 0.23 s against 0.16 s.
 */
const START_WORKERS_AFTER_BYTES = 8 * 1024 * 1024;
/** Files per message to a worker: large enough to amortise messaging, small enough to balance. */
const FILES_PER_BATCH = 16;
/** Batches queued per worker, so that a worker never waits for the walk. */
const BATCHES_PER_WORKER = 2;

export async function scanWalkOnWorkers(walk: FileWalk, engine: Engine, workers: WorkerOptions, tally: ScanTally): Promise<void> {
  const settings = { disabledRules: workers.disabledRules ?? [], maxFileBytes: walk.maxFileBytes };
  const dispatch = new WorkerDispatch(tally, () => new ScanPool(workers.count, settings, engine.rules.map((rule) => rule.id)));
  const items = walk.files()[Symbol.asyncIterator]();
  const waitForWorkers = workers.waitForWorkers === true;
  let scannedHere = 0;
  const handOff = (): boolean => {
    if (waitForWorkers || scannedHere >= START_WORKERS_AFTER_BYTES) dispatch.start();
    return waitForWorkers || dispatch.ready;
  };
  try {
    for await (const item of readFiles(items, walk.maxFileBytes, handOff)) {
      tally.add(item, engine);
      if (!isSkipped(item)) scannedHere += isFileBytes(item) ? item.utf8.length : item.text.length;
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

/** Batches files to the pool, with a bounded number of batches in flight. */
class WorkerDispatch {
  readonly #tally: ScanTally;
  readonly #startPool: () => ScanPool;
  #pool: ScanPool | undefined;
  #ready = false;
  #batch: string[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #failure: Error | undefined;

  constructor(tally: ScanTally, startPool: () => ScanPool) {
    this.#tally = tally;
    this.#startPool = startPool;
  }

  /** Starts the workers, once, in the background. */
  start(): ScanPool {
    if (!this.#pool) {
      this.#pool = this.#startPool();
      // Handled at once, so that a failure to start is never an unhandled rejection.
      this.#pool.ready.then(
        () => (this.#ready = true),
        (error: unknown) => this.#fail(error),
      );
    }
    return this.#pool;
  }

  get ready(): boolean {
    return this.#ready;
  }

  /** Starts the workers if needed and waits until they can take files; throws if they cannot. */
  async whenReady(): Promise<void> {
    if (!this.#ready) await this.start().ready;
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
