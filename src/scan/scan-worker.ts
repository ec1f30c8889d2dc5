// A scan worker thread (started by scan-pool.ts): builds its own engine, then reads and scans the
// batches of files it is sent, answering each batch with plain data, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { withCustomRules } from '../detect/custom-rule.js';
import { createEngine } from '../detect/engine.js';
import { ReadBuffer, readWalkedFileSync } from './read-text-file.js';
import { isSkipped, scanItem } from './scan-unit.js';
import { toWire, type FileResult, type WorkerMessage, type WorkerSettings } from './scan-pool.js';
import { allProviders } from '../providers/index.js';

if (!parentPort) throw new Error('scan-worker.js runs only as a worker thread started by the scan pool.');
const port = parentPort;
const settings = workerData as WorkerSettings;
const engine = createEngine({ providers: withCustomRules(allProviders, settings.customRules), disabledRules: new Set(settings.disabledRules) });

/** Each file is scanned before the next is read, so one buffer serves them all. */
const readBuffer = new ReadBuffer(settings.windowBytes);

function scanFile(path: string): FileResult {
  const item = readWalkedFileSync(path, settings.maxFileBytes, readBuffer);
  if (isSkipped(item)) return { skipped: item };
  const { bytes, scan, unread } = scanItem(item, engine);
  const result: FileResult = { path, bytes, allowedInline: scan.allowedInline, findings: scan.findings.map(toWire) };
  return unread ? { ...result, unread } : result;
}

port.on('message', (paths: string[]) => {
  const message: WorkerMessage = { type: 'scanned', results: paths.map(scanFile) };
  port.postMessage(message);
});

const ready: WorkerMessage = { type: 'ready', ruleIds: engine.rules.map((rule) => rule.id) };
port.postMessage(ready);
