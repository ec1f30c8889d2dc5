// Scans a directory walk, on this thread alone or on several. This thread walks the tree, reads
// each file into one reused buffer and scans it; with count >= 2 it also hands batches of unread
// files to count - 1 worker threads, which read and scan them (reading costs about as much as
// scanning, so workers that only scanned text read here gained nothing). The workers start after
// the first 200 ms, and this thread scans whatever they have no room for, so no core waits.
//
// Measured on 2 cores (README, medians of 3): the generated 130 MB tree takes 0.74-0.89 s on one
// thread and 0.67-0.76 s on two. Installed npm packages (78 MB) gain nothing on two cores: one
// thread already keeps 1.4 cores busy (V8's collector and compiler threads, the kernel reading
// files). Before, two workers and a main thread that only dispatched were slower than one thread.
import type { CustomRuleSpec } from '../detect/custom-rule.js';
import type { Engine } from '../detect/engine.js';
import { ReadBuffer, readWalkedFileSync } from './read-text-file.js';
import { fromWire, ScanPool, type FileResult } from './scan-pool.js';
import type { ScanTally } from './scan-tally.js';
import { isFileToRead, type FileWalk } from './scan-unit.js';

export interface WorkerOptions {
  /** Threads that scan, this one included (count - 1 workers); fewer than 2 means this thread alone. */
  count: number;
  /** The rule ids the engine was created without: each worker builds its own engine with them. */
  disabledRules?: readonly string[];
  /** The custom rules the engine was created with (plain data): each worker compiles them again. */
  customRules?: readonly CustomRuleSpec[];
  /**
   * Give every file to the workers (count of them), waiting for them to start, instead of scanning
   * on this thread too. Makes which thread scans what deterministic, for tests.
   */
  waitForWorkers?: boolean;
}

/**
 * How long this thread scans alone before starting the workers. A worker takes ~55 ms to start,
 * and CPU that the main thread then lacks, so it pays only on a scan that goes on well after it
 * is ready. Started after 8 MiB, one worker made 78 MB of npm packages slower on 2 cores (0.45-0.47
 * against 0.40 s); after a time, a scan that short never starts one, whatever the machine's speed.
 */
const START_WORKERS_AFTER_MS = 200;
/** Files per message to a worker: large enough to amortise messaging, small enough to balance. */
const FILES_PER_BATCH = 16;
/** Batches queued per worker, so that a worker never waits for the walk. */
const BATCHES_PER_WORKER = 2;
/** Files the main thread scans between turns of the event loop, in which worker answers arrive. */
const FILES_BETWEEN_TURNS = 8;

export async function scanWalk(walk: FileWalk, engine: Engine, workers: WorkerOptions, tally: ScanTally): Promise<void> {
  const waitForWorkers = workers.waitForWorkers === true && workers.count >= 1;
  const poolSize = waitForWorkers ? workers.count : workers.count - 1;
  const settings = { disabledRules: workers.disabledRules ?? [], customRules: workers.customRules ?? [], maxFileBytes: walk.maxFileBytes, windowBytes: walk.windowBytes };
  const dispatch = new WorkerDispatch(tally, () => new ScanPool(poolSize, settings, engine.rules.map((rule) => rule.id)));
  const items = walk.files()[Symbol.asyncIterator]();
  // Each file is scanned here before the next is read, so one buffer serves them all.
  const readBuffer = new ReadBuffer(walk.windowBytes);
  const startWorkersAt = performance.now() + START_WORKERS_AFTER_MS;
  let sinceTurn = 0;
  try {
    for (let next = await items.next(); !next.done; next = await items.next()) {
      const item = next.value;
      if (!isFileToRead(item)) {
        tally.add(item, engine);
        continue;
      }
      // A path that is not UTF-8 stays on this thread: workers are sent paths as text.
      if (item.raw) {
        tally.add(readWalkedFileSync(item.read, walk.maxFileBytes, readBuffer, item.raw), engine);
        continue;
      }
      if (waitForWorkers) {
        await dispatch.whenReady();
        await dispatch.add(item.read);
        continue;
      }
      if (poolSize > 0 && !dispatch.started && performance.now() >= startWorkersAt) dispatch.start();
      if (dispatch.hasRoom()) {
        await dispatch.add(item.read);
        continue;
      }
      const read = readWalkedFileSync(item.read, walk.maxFileBytes, readBuffer);
      tally.add(read, engine);
      // Once workers are starting, their messages (ready, results) need turns of the event loop.
      if (dispatch.started && ++sinceTurn >= FILES_BETWEEN_TURNS) {
        sinceTurn = 0;
        await nextTurn();
        dispatch.throwIfFailed();
      }
    }
    await dispatch.finish();
  } finally {
    await dispatch.close();
  }
}

/** Lets the event loop deliver worker messages: awaiting resolved promises alone never does. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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

  get started(): boolean {
    return this.#pool !== undefined;
  }

  /** Whether the workers are up and a file added now would not wait for a batch to come back. */
  hasRoom(): boolean {
    if (!this.#ready || !this.#pool) return false;
    return this.#batch.length + 1 < FILES_PER_BATCH || this.#inFlight.size < this.#pool.size * BATCHES_PER_WORKER;
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
    else {
      this.#tally.scanned({ path: result.path }, result.bytes, { findings: result.findings.map(fromWire), allowedInline: result.allowedInline });
      if (result.unread) this.#tally.skip(result.unread);
    }
  }

  #fail(error: unknown): void {
    this.#failure ??= error instanceof Error ? error : new Error(String(error));
  }
}
