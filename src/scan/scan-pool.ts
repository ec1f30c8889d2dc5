// Worker threads that read and scan files of a directory walk in parallel. Each worker builds its
// own engine (an engine cannot cross threads) and sends back findings as plain data: the Secret
// class does not survive structured cloning, so the raw value (and any related secret) crosses the
// thread boundary, inside this process only, and is wrapped in a Secret again on arrival. When to
// use it: scan-walk.ts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageFile } from '../package-root.js';
import type { CustomRuleSpec } from '../detect/custom-rule.js';
import type { Finding } from '../detect/finding.js';
import { Secret } from '../detect/secret.js';
import type { SkippedFile } from './result.js';

/** What each worker is created with. */
export interface WorkerSettings {
  disabledRules: readonly string[];
  /** Custom rules as configured: a compiled rule does not cross threads, its definition does. */
  customRules: readonly CustomRuleSpec[];
  maxFileBytes: number;
  /** Files larger than this are scanned in windows of this size (default SCAN_WINDOW_BYTES). */
  windowBytes?: number | undefined;
}

/** A secret as it crosses the thread boundary: its value, and the declared prefix its redacted form shows. */
export interface WireSecret {
  value: string;
  prefix: string;
}

/** A finding as it crosses the thread boundary. */
export type WireFinding = Omit<Finding, 'secret' | 'related'> & { secret: WireSecret; related?: Record<string, WireSecret> };

/** One file's outcome: skipped, or scanned with what the engine found. */
export type FileResult =
  | { skipped: SkippedFile }
  | { path: string; bytes: number; allowedInline: number; findings: WireFinding[]; unread?: SkippedFile };

export type WorkerMessage = { type: 'ready'; ruleIds: string[] } | { type: 'scanned'; results: FileResult[] };

/**
 * The worker's module: bundled with the CLI by `npm run build` (one module and the chunks it shares
 * with the CLI, instead of ~900 files of tsc's output: the 2-thread scan of 78 MB started each
 * thread ~100 ms later), else tsc's output.
 */
const WORKER_FILE = [packageFile('dist/leakstop-scan-worker.js'), packageFile('dist/scan/scan-worker.js')].find((file) => existsSync(fileURLToPath(file))) ?? packageFile('dist/scan/scan-worker.js');

/**
 * Workers run the compiled JavaScript (WORKER_FILE). Loaded from TypeScript sources (tests under
 * vitest) without a build, there is no such file and scans stay on the main thread.
 */
export function scanPoolAvailable(): boolean {
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_FILE));
}

export function toWire(finding: Finding): WireFinding {
  const { related, ...rest } = finding;
  const wire: WireFinding = { ...rest, secret: secretToWire(finding.secret) };
  if (related) wire.related = mapValues(related, secretToWire);
  return wire;
}

export function fromWire(finding: WireFinding): Finding {
  const { related, ...rest } = finding;
  const wrapped: Finding = { ...rest, secret: secretFromWire(finding.secret) };
  if (related) wrapped.related = mapValues(related, secretFromWire);
  return wrapped;
}

function secretToWire(secret: Secret): WireSecret {
  return { value: secret.reveal(), prefix: secret.prefix };
}

/** The same redacted form as in the worker: the prefix it showed is the only one declared. */
function secretFromWire({ value, prefix }: WireSecret): Secret {
  return new Secret(value, prefix === '' ? [] : [prefix]);
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

interface PoolWorker {
  worker: Worker;
  /** Resolvers of the batches sent to this worker, in order: a worker answers in order. */
  waiting: Array<{ resolve: (results: FileResult[]) => void; reject: (error: Error) => void }>;
}

export class ScanPool {
  readonly #workers: PoolWorker[];
  /** Resolves when every worker has built its engine with the expected rules. */
  readonly ready: Promise<void>;
  #failure: Error | undefined;
  #closed = false;

  /**
   * Starts `count` workers. `ready` rejects if their rules differ from `expectedRuleIds` (the main
   * engine's): findings must not depend on the thread that scanned the file.
   */
  constructor(count: number, settings: WorkerSettings, expectedRuleIds: readonly string[]) {
    const workers = Array.from({ length: count }, () => new Worker(WORKER_FILE, { workerData: settings }));
    this.#workers = workers.map((worker) => ({ worker, waiting: [] }));
    this.ready = Promise.all(workers.map(waitUntilReady)).then((ruleIds) => checkRules(ruleIds, expectedRuleIds));
    this.#listen();
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Reads and scans the files (absolute paths) on the least busy worker. */
  scan(paths: readonly string[]): Promise<FileResult[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const target = this.#workers.reduce((a, b) => (b.waiting.length < a.waiting.length ? b : a));
    return new Promise((resolve, reject) => {
      target.waiting.push({ resolve, reject });
      target.worker.postMessage(paths);
    });
  }

  /** Stops the workers at once, also while they are still starting. */
  async close(): Promise<void> {
    this.#closed = true;
    this.ready.catch(() => undefined);
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
  }

  #listen(): void {
    for (const entry of this.#workers) {
      entry.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'scanned') entry.waiting.shift()?.resolve(message.results);
      });
      entry.worker.on('error', (error) => this.#fail(error));
      entry.worker.on('exit', (code) => {
        if (!this.#closed || entry.waiting.length > 0) this.#fail(new Error(`a scan worker exited (code ${code})`));
      });
    }
  }

  #fail(error: Error): void {
    this.#failure ??= new Error(`a scan worker failed: ${error.message}`, { cause: error });
    for (const { waiting } of this.#workers) {
      for (const pending of waiting.splice(0)) pending.reject(this.#failure);
    }
  }
}

function checkRules(ruleIds: readonly string[][], expectedRuleIds: readonly string[]): void {
  const expected = [...expectedRuleIds].sort().join(',');
  if (ruleIds.some((ids) => [...ids].sort().join(',') !== expected)) {
    throw new Error("the scan workers' rules differ from the engine's: give runScan's workers.disabledRules and customRules the same lists as createEngine's disabledRules and custom rules.");
  }
}

function waitUntilReady(worker: Worker): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number): void => reject(new Error(`a scan worker exited (code ${code}) before it was ready`));
    const onMessage = (message: WorkerMessage): void => {
      if (message.type !== 'ready') return;
      worker.off('error', reject);
      worker.off('exit', onExit);
      worker.off('message', onMessage);
      resolve(message.ruleIds);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', onExit);
  });
}
