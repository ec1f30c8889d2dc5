// Feeds a source's units to the engine and turns what it finds into a ScanResult: findings placed in
// their file and commit, baselined ones dropped (and counted), skipped files collected, all timed.
// A directory walk is read file by file into one buffer, and on worker threads too (scan-walk.ts).
import { performance } from 'node:perf_hooks';
import type { Engine } from '../detect/engine.js';
import type { ScanResult } from './result.js';
import { scanPoolAvailable } from './scan-pool.js';
import { scanWalk, type WorkerOptions } from './scan-walk.js';
import { ScanTally, type TallyOptions } from './scan-tally.js';
import { isTextStream, walksFiles, type SourceItem } from './scan-unit.js';

export type { ScanProgress } from './scan-tally.js';
export { displayPath, locate } from './scan-tally.js';
export type { WorkerOptions } from './scan-walk.js';

export interface RunScanOptions extends TallyOptions {
  engine: Engine;
  /**
   * Read and scan a directory walk's files on worker threads. Used only when the source is a file
   * walk (readDirectory), count >= 2, the compiled worker exists (not when running the TypeScript
   * sources under vitest) and the tree has more files than are worth a worker's start-up.
   */
  workers?: WorkerOptions | undefined;
}

export async function runScan(source: AsyncIterable<SourceItem>, options: RunScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const tally = new ScanTally(options, source);
  if (walksFiles(source)) {
    // A file walk is read here file by file into one buffer, and with workers also on their threads.
    const workers = options.workers && options.workers.count >= 2 && scanPoolAvailable() ? options.workers : { count: 1 };
    await scanWalk(source, options.engine, workers, tally);
  } else {
    for await (const item of source) {
      if (isTextStream(item)) await tally.addStream(item, options.engine);
      else tally.add(item, options.engine);
    }
  }
  return tally.result(performance.now() - started);
}
